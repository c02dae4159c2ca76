/**
 * The `xxgk review` case of the benchmark: 500 generated example-sized reports (every tenth with a
 * wrong total, so that pages carry marks) reviewed into a fresh directory by the real CLI; wall
 * clock with process start, and the peak resident memory of the process (worker threads included),
 * read by a preloaded module at exit.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { variant } from './gen';

export interface ReviewBench {
  files: number;
  seconds: number;
  reportsPerSecond: number;
  maxRssMb: number;
  workers: number;
  /** the machine's load when the run started (other work slows the wall clock) */
  loadAverageAtStart: number[];
  /** CPU time of the process (all threads), seconds */
  cpuSeconds: number;
  note: string;
}

export function reviewThroughput(example: string, cli: string, files = 500): ReviewBench {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-bench-review-'));
  try {
    const src = join(dir, 'reports');
    const out = join(dir, 'out');
    const rssFile = join(dir, 'rss.txt');
    const preload = join(dir, 'rss.cjs');
    writeFileSync(
      preload,
      `process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeFileSync(${JSON.stringify(rssFile)}, JSON.stringify([u.maxRSS, (u.userCPUTime + u.systemCPUTime) / 1e6])); });\n`,
    );
    mkdirSync(src);
    for (let i = 0; i < files; i++) {
      let t = variant(example, i);
      // every tenth report with a wrong total (an error marked on its cell)
      if (i % 10 === 0) t = t.replace(/^\| 行政许可 \| (\d+) \|$/m, '| 行政许可 | 十 |');
      writeFileSync(join(src, `r${String(i).padStart(3, '0')}.xxgk.md`), t);
    }
    const load = loadavg().map((x) => Math.round(x * 100) / 100);
    const env = { ...process.env };
    delete env.XXGK_WORKERS;
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['--require', preload, cli, 'review', src, '-o', out], {
      env,
      encoding: 'utf8',
    });
    const seconds = (performance.now() - t0) / 1000;
    if (r.status !== 0 && r.status !== 1)
      throw new Error(`xxgk review failed (exit ${r.status}): ${r.stderr.slice(0, 500)}`);
    const pages = readdirSync(join(out, 'reports')).length;
    if (pages !== files) throw new Error(`review wrote ${pages} of ${files} pages`);
    const [rssKb, cpu] = JSON.parse(readFileSync(rssFile, 'utf8')) as [number, number];
    const maxRssMb = rssKb / 1024;
    return {
      files,
      seconds: Math.round(seconds * 100) / 100,
      reportsPerSecond: Math.round((files / seconds) * 10) / 10,
      maxRssMb: Math.round(maxRssMb * 10) / 10,
      workers: availableParallelism(),
      loadAverageAtStart: load,
      cpuSeconds: Math.round(cpu * 100) / 100,
      note: 'wall clock of `node bin/xxgk.js review <dir> -o <fresh dir>` (process start included): index.html, findings.csv, figures.xlsx and 500 report pages; peak RSS of the process, worker threads included',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
