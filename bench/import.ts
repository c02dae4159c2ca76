/**
 * `npm run bench:import` — PDF import speed on the published PDFs (test/fixtures/published):
 * reports per second on one core (sequential, in this process; the PDF library loaded once, as in
 * a batch import), wall clock and CPU time, and the heap after the run. Writes the result into
 * bench/results.json under `import` (the other keys are kept). Goal (issue 11): ≥ 10 reports/s
 * per core.
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { importReport } from '../server/src/importers/index';

const ROOT = ((): string => {
  let d = __dirname;
  while (!existsSync(join(d, 'package.json')) && dirname(d) !== d) d = dirname(d);
  return d;
})();

async function main(): Promise<void> {
  const dir = join(ROOT, 'test', 'fixtures', 'published');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.pdf'))
    .sort();
  const data = files.map((f) => new Uint8Array(readFileSync(join(dir, f))));
  const rounds = process.argv.includes('--quick') ? 3 : 10;
  // warm-up: loads pdfjs once (a batch import pays this once)
  const t0 = performance.now();
  for (const d of data) await importReport(d, 'pdf');
  const firstMs = performance.now() - t0;
  const cpu0 = process.cpuUsage();
  const w0 = performance.now();
  let n = 0;
  for (let r = 0; r < rounds; r++)
    for (const d of data) {
      const res = await importReport(d, 'pdf');
      if (res.summary.cellsRead !== res.summary.cellsExpected) throw new Error('incomplete import');
      n++;
    }
  const wall = (performance.now() - w0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSec = (cpu.user + cpu.system) / 1e6;
  const result = {
    date: new Date().toISOString(),
    files: files.length,
    imports: n,
    reportsPerSecondWall: +(n / wall).toFixed(1),
    reportsPerSecondPerCore: +(n / cpuSec).toFixed(1),
    msPerReportMedianWall: +((wall * 1000) / n).toFixed(1),
    firstRoundMsIncludingLibraryLoad: Math.round(firstMs),
    heapUsedMB: Math.round(process.memoryUsage().heapUsed / 1024 / 1024),
    machine: { cpus: cpus().length, load: loadavg().map((x) => +x.toFixed(2)) },
    goal: { reportsPerSecondPerCore: 10, met: n / cpuSec >= 10 },
  };
  console.log(JSON.stringify(result, null, 2));
  const path = join(ROOT, 'bench', 'results.json');
  const all = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  all.import = result;
  writeFileSync(path, JSON.stringify(all, null, 2) + '\n');
}

void main();
