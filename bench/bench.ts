/**
 * `npm run bench` — how fast the checker answers, beside the peers measured in the same run.
 *
 * Cases: (a) the example report, (b) a realistic ~100 KB report (long prose, the six tables;
 * generated), (c) the example repeated 16 times, (d) a folder of 500 example-sized reports
 * (generated into a temp dir). For (a)–(c): cold check, single-cell edit → diagnostics (engine
 * time, median and p95), didChange → publishDiagnostics through the real server process,
 * completion latency; beside them remark's bare parse, markdown-it's parse and markdownlint's
 * default rules. For (d): CLI throughput. And the server's memory with 50 open reports.
 *
 * Prints a table, writes bench/results.json; `--write-readme` also rewrites the CONTRIBUTING.md section
 * between `<!-- bench:start -->` and `<!-- bench:end -->`. `--quick` takes fewer samples.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import MarkdownIt from 'markdown-it';
import { lint as markdownlint } from 'markdownlint/sync';
import { checkText } from '../server/src/engine/check';
import { IncrementalChecker } from '../server/src/engine/incremental';
import { clearParseCache, parseMarkdown } from '../server/src/engine/parse';
import { DEFAULT_SETTINGS } from '../server/src/features/state';
import { realisticReport, repeated, rng, variant } from './gen';
import { cellEditPairs, editedTexts, timeEdits, untilDiagnosed } from './edits';
import { LineIndex } from '../server/src/engine/text';
import { BenchClient } from './lsp';
import { serverExecArgv } from '../client/src/server-process';
import { reviewThroughput, type ReviewBench } from './review';
import { pathologicalTexts } from './pathological';

// The engine is measured as the server runs it: with the V8 helper pool the extension starts the
// server with (client/src/server-process.ts), and with gc() exposed so that each phase starts from
// a collected heap. Started otherwise, the bench starts itself again so.
const NODE_FLAGS = [...serverExecArgv(availableParallelism()), '--expose-gc'];
if (!NODE_FLAGS.every((f) => process.execArgv.includes(f))) {
  const again = spawnSync(process.execPath, [...NODE_FLAGS, __filename, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(again.status ?? 1);
}

const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const WRITE_README = args.includes('--write-readme');
/** `--review-only`: run the review case alone and record it in bench/results.json beside the rest */
const REVIEW_ONLY = args.includes('--review-only');
/** `--startup-only`: measure the start-up of `xxgk check` alone and record it under `cli` in bench/results.json */
const STARTUP_ONLY = args.includes('--startup-only');

const ROOT = ((): string => {
  let d = __dirname;
  while (!existsSync(join(d, 'package.json')) && dirname(d) !== d) d = dirname(d);
  return d;
})();
const SERVER = join(ROOT, 'dist', 'server.js');
const CLI = join(ROOT, 'bin', 'xxgk.js');

// ---------------------------------------------------------------------------------------------
// Timing helpers

const now = (): number => performance.now();
function stats(xs: number[]): { median: number; p95: number; n: number } {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number): number => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  return { median: q(0.5), p95: q(0.95), n: s.length };
}
/**
 * A full collection between phases (the bench runs node with --expose-gc): each phase starts
 * from a collected heap, so the garbage one library leaves (the peers parse the same texts in
 * this process) is not collected in the middle of another's timings.
 */
const collect = (): void => (globalThis as { gc?: () => void }).gc?.();

/** Median of `n` timed runs after `warm` untimed ones. */
function time(f: () => void, n: number, warm = 3): number {
  for (let i = 0; i < warm; i++) f();
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = now();
    f();
    xs.push(now() - t);
  }
  return stats(xs).median;
}
const round = (x: number, d = 3): number => Math.round(x * 10 ** d) / 10 ** d;
const ms = (x: number | null | undefined): string =>
  x === null || x === undefined || Number.isNaN(x)
    ? '—'
    : x < 1
      ? `${x.toFixed(2)} ms`
      : x < 100
        ? `${x.toFixed(1)} ms`
        : `${x.toFixed(0)} ms`;
const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(a / b < 0.1 ? 3 : 2)}×` : '—');

function log(s: string): void {
  process.stderr.write(`${s}\n`);
}

// ---------------------------------------------------------------------------------------------
// Inputs

const example = readFileSync(join(ROOT, 'test', 'fixtures', 'example-2022.xxgk.md'), 'utf8');
const cases: Record<'example' | 'realistic' | 'stress16', string> = {
  example,
  realistic: realisticReport(example),
  stress16: repeated(example, 16),
};
/** 16 different example-sized reports one after the other: linearity without shared pieces. */
const stress16distinct = Array.from({ length: 16 }, (_, i) => variant(example, i + 1).trimEnd()).join('\n\n') + '\n';

// ---------------------------------------------------------------------------------------------
// Engine: cold check, cell edits; peers

const md = new MarkdownIt();
const peers = (text: string, n: number): { remark: number; markdownIt: number; markdownlint: number } => ({
  remark: time(() => parseMarkdown(text), n),
  markdownIt: time(() => md.parse(text, {}), n * 4),
  markdownlint: time(() => markdownlint({ strings: { doc: text } }), n),
});

function cold(text: string, n: number): number {
  return time(() => {
    clearParseCache();
    checkText(text);
  }, n);
}

/**
 * Random single-cell edits of the report, each on one incremental checker that has just checked
 * the report as it is: a number cell gets another value, and the check of the new text is timed.
 * (The checker is then brought back to the original text, untimed, so every sample is one edit of
 * a clean report — not a report that drifts further from balance with every sample.)
 */
function edits(
  text: string,
  count: number,
  seed: number,
): { median: number; p95: number; n: number; rowPath: number; rulesRun: number; rulesReused: number } {
  const edited = editedTexts(text, seed);
  const checker = new IncrementalChecker();
  checker.check(text);
  const xs: number[] = [];
  let rowPath = 0,
    run = 0,
    reused = 0;
  // warm-up edits (JIT), not counted
  for (let i = 0; i < 20; i++) {
    checker.check(edited());
    checker.check(text);
  }
  for (let i = 0; i < count; i++) {
    const t = edited();
    const a = now();
    checker.check(t);
    xs.push(now() - a);
    if (checker.stats.parse === 'row') rowPath++;
    run += checker.stats.rulesRun;
    reused += checker.stats.rulesReused;
    checker.check(text); // back to the clean report, untimed
  }
  const s = stats(xs);
  return { ...s, rowPath: rowPath / xs.length, rulesRun: run / xs.length, rulesReused: reused / xs.length };
}

// ---------------------------------------------------------------------------------------------
// Server: round trip, completion, memory

const sleep = (t: number): Promise<void> => new Promise((r) => setTimeout(r, t));

async function serverCase(
  text: string,
  rounds: number,
  seed: number,
): Promise<{
  roundTrip: number;
  roundTripP95: number;
  completion: number | null;
  completionItems: number;
  preview: number;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-bench-lsp-'));
  const client = new BenchClient(SERVER, { ...DEFAULT_SETTINGS, debounceMs: 0 }, dir);
  try {
    const caps = await client.start();
    const uri = pathToFileURL(join(dir, 'report.xxgk.md')).toString();
    await client.open(uri, text);
    const r = rng(seed);
    // the first rounds warm the server up
    const changes = cellEditPairs(text, rounds + 10, r);
    const xs = await timeEdits(changes, untilDiagnosed(client, uri), 20);
    const rt = stats(xs);
    let completion: number | null = null;
    let completionItems = 0;
    if (caps.completionProvider) {
      const at = text.indexOf('| （一）予以公开 |');
      const pos = new LineIndex(text).positionAt(at + '| （一）予以'.length);
      const cs: number[] = [];
      for (let i = 0; i < 60; i++) {
        const t = now();
        const res = await client.request<{ items?: unknown[] } | unknown[] | null>('textDocument/completion', {
          textDocument: { uri },
          position: pos,
        });
        if (i >= 10) cs.push(now() - t);
        completionItems = Array.isArray(res) ? res.length : (res?.items?.length ?? 0);
      }
      completion = stats(cs).median;
    }
    // edit → preview updated: a cell edit, then the preview's request (the server's analysis rendered)
    const previews = cellEditPairs(text, Math.min(rounds, 40) + 5, r, changes[changes.length - 1].version);
    const ps = await timeEdits(
      previews,
      (e) => {
        client.change(uri, e.version, e.range, e.text);
        return client.request<unknown>('xxgk/preview', { uri });
      },
      10,
    );
    return {
      roundTrip: rt.median,
      roundTripP95: rt.p95,
      completion,
      completionItems,
      preview: stats(ps).median,
    };
  } finally {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function serverMemory(texts: string[]): Promise<{ idle: number; open: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-bench-mem-'));
  const client = new BenchClient(SERVER, { ...DEFAULT_SETTINGS, debounceMs: 0 }, dir);
  try {
    await client.start();
    await sleep(200);
    const idle = client.rssMb();
    await Promise.all(texts.map((t, i) => client.open(pathToFileURL(join(dir, `r${i}.xxgk.md`)).toString(), t)));
    await sleep(500);
    return { idle, open: client.rssMb() };
  } finally {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// CLI

function cliThroughput(files: number): {
  parallel: number;
  sequential: number;
  workers: number;
  peers: { remark: number; markdownIt: number; markdownlint: number };
} {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-bench-cli-'));
  try {
    const texts: string[] = [];
    for (let i = 0; i < files; i++) {
      const t = variant(example, i);
      texts.push(t);
      writeFileSync(join(dir, `r${String(i).padStart(3, '0')}.xxgk.md`), t);
    }
    const run = (workers?: string): number => {
      const env = { ...process.env };
      if (workers === undefined) delete env.XXGK_WORKERS;
      else env.XXGK_WORKERS = workers;
      const t = now();
      const r = spawnSync(process.execPath, [CLI, 'check', dir, '--format', 'json'], {
        env,
        encoding: 'utf8',
        maxBuffer: 1 << 30,
      });
      const elapsed = (now() - t) / 1000;
      if (r.status !== 0) throw new Error(`xxgk check failed (exit ${r.status}): ${r.stderr.slice(0, 500)}`);
      const summary = (JSON.parse(r.stdout) as { summary: { files: number } }).summary;
      if (summary.files !== files) throw new Error(`checked ${summary.files} of ${files} files`);
      return files / elapsed;
    };
    const parallel = Math.max(run(), run());
    const sequential = run('0');
    const per = (f: (t: string) => void): number => {
      for (const t of texts.slice(0, 20)) f(t);
      const t0 = now();
      for (const t of texts) f(t);
      return files / ((now() - t0) / 1000);
    };
    return {
      parallel,
      sequential,
      workers: Number(
        execFileSync(process.execPath, ['-e', 'process.stdout.write(String(require("os").availableParallelism()))'], {
          encoding: 'utf8',
        }),
      ),
      peers: {
        remark: per((t) => parseMarkdown(t)),
        markdownIt: per((t) => md.parse(t, {})),
        markdownlint: per((t) => markdownlint({ strings: { doc: t } })),
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------

interface CaseResult {
  coldMs: number;
  editMedianMs: number;
  editP95Ms: number;
  roundTripMs: number;
  completionMs: number | null;
  remarkParseMs: number;
  markdownItParseMs: number;
  markdownlintMs: number;
  sizeChars: number;
  sizeBytes: number;
  roundTripP95Ms: number;
  /** a cell edit → the preview's rendering answered by the server (xxgk/preview) */
  previewMs: number;
  editSamples: number;
  editRowPathShare: number;
  rulesRunPerEdit: number;
  rulesReusedPerEdit: number;
  completionItems: number;
}

const REVIEW_GOAL = 'review of 500 generated reports < 60 s at ≤ 500 MB';
function reviewGoal(r: ReviewBench): { goal: string; value: number; shown: string; met: boolean } {
  return {
    goal: REVIEW_GOAL,
    value: r.seconds,
    shown: `${r.seconds.toFixed(1)} s, ${r.maxRssMb.toFixed(0)} MB`,
    met: r.seconds < 60 && r.maxRssMb <= 500,
  };
}

/** CPU time (user + system) of a Node process, read by a preloaded reporter when it exits. */
function cpuMs(args: string[]): number {
  const reporter = join(tmpdir(), 'xxgk-bench-cpu.cjs');
  writeFileSync(
    reporter,
    "process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write('\\ncpu ' + (u.user + u.system) / 1000 + '\\n'); });\n",
  );
  const r = spawnSync(process.execPath, ['-r', reporter, ...args], { encoding: 'utf8' });
  const m = /cpu ([\d.]+)\s*$/.exec(r.stderr ?? '');
  if (!m) throw new Error(`no CPU time from ${args.join(' ')}: ${r.stderr}`);
  return Number(m[1]);
}

const STARTUP_NOTE =
  'CPU time (user + system, median) of `node bin/xxgk.js check <example>` ÷ that of `node -e 0` (startupLoadAverage, from --startup-only: the 1/5/15-minute load at start, then at end)';

/** `xxgk check one.md` against a bare `node -e 0`: medians of interleaved runs (the first two are warm-up). */
function cliStartup(n: number): { ratio: number; check: number; node: number } {
  const file = join(ROOT, 'test', 'fixtures', 'example-2022.xxgk.md');
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < n + 2; i++) {
    const x = cpuMs(['-e', '0']);
    const y = cpuMs([CLI, 'check', file]);
    if (i >= 2) {
      a.push(x);
      b.push(y);
    }
  }
  const node = stats(a).median;
  const check = stats(b).median;
  return { ratio: round(check / node, 2), check: round(check, 1), node: round(node, 1) };
}

async function main(): Promise<void> {
  if (REVIEW_ONLY) {
    log('review: 500 generated reports');
    const review = reviewThroughput(example, CLI);
    const file = join(ROOT, 'bench', 'results.json');
    const prev = JSON.parse(readFileSync(file, 'utf8')) as { review?: ReviewBench; goals?: { goal: string }[] };
    prev.review = review;
    prev.goals = [...(prev.goals ?? []).filter((g) => g.goal !== REVIEW_GOAL), reviewGoal(review)];
    writeFileSync(file, `${JSON.stringify(prev, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(review, null, 2)}\n`);
    return;
  }
  if (STARTUP_ONLY) {
    log('cli: start-up of `xxgk check` on one report');
    const load = loadavg();
    const startup = cliStartup(QUICK ? 7 : 15);
    const file = join(ROOT, 'bench', 'results.json');
    const prev = JSON.parse(readFileSync(file, 'utf8')) as { cli?: Record<string, unknown> };
    prev.cli = {
      ...prev.cli,
      startupRatio: startup.ratio,
      startupCpuMs: startup.check,
      nodeCpuMs: startup.node,
      startupDate: new Date().toISOString(),
      startupLoadAverage: [...load, ...loadavg()].map((x) => round(x, 2)),
      startupNote: STARTUP_NOTE,
    };
    writeFileSync(file, `${JSON.stringify(prev, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(startup, null, 2)}\n`);
    return;
  }
  if (!existsSync(SERVER) || !existsSync(join(ROOT, 'dist', 'worker.js')))
    throw new Error('build first: node scripts/build.mjs');
  const load0 = loadavg();
  const started = Date.now();
  const results: Record<string, CaseResult> = {};
  const N = QUICK ? { example: 10, realistic: 5, stress16: 3 } : { example: 40, realistic: 15, stress16: 7 };
  const EDITS = QUICK ? 100 : 200;
  const ROUNDS = QUICK ? 30 : 100;
  let seed = 11;
  for (const name of ['example', 'realistic', 'stress16'] as const) {
    const text = cases[name];
    log(`${name}: ${text.length} characters, ${Buffer.byteLength(text)} bytes`);
    collect();
    const p = peers(text, N[name]);
    collect();
    const coldMs = cold(text, N[name]);
    collect();
    const e = edits(text, EDITS, seed++);
    collect();
    const s = await serverCase(text, name === 'stress16' ? Math.ceil(ROUNDS / 2) : ROUNDS, seed++);
    results[name] = {
      coldMs: round(coldMs),
      editMedianMs: round(e.median),
      editP95Ms: round(e.p95),
      roundTripMs: round(s.roundTrip),
      completionMs: s.completion === null ? null : round(s.completion),
      remarkParseMs: round(p.remark),
      markdownItParseMs: round(p.markdownIt),
      markdownlintMs: round(p.markdownlint),
      sizeChars: text.length,
      sizeBytes: Buffer.byteLength(text),
      roundTripP95Ms: round(s.roundTripP95),
      editSamples: e.n,
      editRowPathShare: round(e.rowPath),
      rulesRunPerEdit: round(e.rulesRun, 1),
      rulesReusedPerEdit: round(e.rulesReused, 1),
      completionItems: s.completionItems,
      previewMs: round(s.preview),
    };
  }
  const distinctCold = round(cold(stress16distinct, N.stress16));
  log('cli: 500 example-sized reports');
  const cli = cliThroughput(500);
  log('review: 500 generated reports');
  const review = reviewThroughput(example, CLI);
  log('cli: start-up of `xxgk check` on one report');
  const startup = cliStartup(QUICK ? 7 : 15);
  log('server memory: 50 open reports');
  const mem = await serverMemory(Array.from({ length: 50 }, (_, i) => variant(example, i)));
  const memReal = await serverMemory(Array.from({ length: 50 }, (_, i) => realisticReport(example, 100_000, 100 + i)));
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    contributes?: { configuration?: { properties?: Record<string, { default?: unknown }> } };
  };
  const shippedDebounce = Number(
    pkg.contributes?.configuration?.properties?.['xxgk.debounceMs']?.default ?? DEFAULT_SETTINGS.debounceMs,
  );

  // the parse budget (engine/parse/neutralize.ts): the worst inline text within the limits
  const pathological: Record<string, number> = {};
  for (const [name, text] of Object.entries(pathologicalTexts(cases.example))) {
    const t0 = performance.now();
    checkText(text, { incremental: false });
    pathological[name] = round(performance.now() - t0);
    log(`pathological ${name}: ${text.length} characters, ${pathological[name]} ms`);
  }
  const worstPathological = Math.max(...Object.values(pathological));
  const real = results.realistic;
  const ex = results.example;
  const s16 = results.stress16;
  const maxRt = Math.max(ex.roundTripMs, real.roundTripMs, s16.roundTripMs);
  const goals = [
    {
      goal: 'cell edit → diagnostics on (b): median ≤ 1 ms',
      value: real.editMedianMs,
      shown: ms(real.editMedianMs),
      met: real.editMedianMs <= 1,
    },
    {
      goal: 'cell edit → diagnostics on (b): p95 ≤ 3 ms',
      value: real.editP95Ms,
      shown: ms(real.editP95Ms),
      met: real.editP95Ms <= 3,
    },
    {
      goal: 'edit median below markdown-it’s bare parse of (b)',
      value: round(real.editMedianMs / real.markdownItParseMs),
      shown: `${ratio(real.editMedianMs, real.markdownItParseMs)} its time`,
      met: real.editMedianMs < real.markdownItParseMs,
    },
    {
      goal: 'edit median ≥ 20× faster than remark’s parse of (b)',
      value: round(real.remarkParseMs / real.editMedianMs, 1),
      shown: `${(real.remarkParseMs / real.editMedianMs).toFixed(1)}× faster`,
      met: real.remarkParseMs / real.editMedianMs >= 20,
    },
    {
      goal: 'cold check of (b) ≤ 1.3 × remark’s parse',
      value: round(real.coldMs / real.remarkParseMs),
      shown: ratio(real.coldMs, real.remarkParseMs),
      met: real.coldMs <= 1.3 * real.remarkParseMs,
    },
    {
      goal: 'cold check of (c) ≤ 20 × that of (a)',
      value: round(s16.coldMs / ex.coldMs, 1),
      shown: ratio(s16.coldMs, ex.coldMs),
      met: s16.coldMs <= 20 * ex.coldMs,
    },
    {
      goal: 'round trip ≤ 15 ms + debounce (slowest case, debounce 0)',
      value: maxRt,
      shown: ms(maxRt),
      met: maxRt <= 15,
    },
    {
      goal: 'CLI ≥ 150 example-sized reports/s',
      value: round(cli.parallel, 0),
      shown: `${cli.parallel.toFixed(0)}/s`,
      met: cli.parallel >= 150,
    },
    {
      goal: 'edit → preview updated on (b) ≤ 50 ms',
      value: real.previewMs,
      shown: ms(real.previewMs),
      met: real.previewMs <= 50,
    },
    {
      goal: '`xxgk check one.md` CPU time ≤ 2 × a bare `node -e 0`',
      value: startup.ratio,
      shown: `${startup.ratio.toFixed(2)}×`,
      met: startup.ratio <= 2,
    },
    {
      goal: 'parse budget: worst pathological inline text within the limits checked in ≤ 1 s',
      value: worstPathological,
      shown: ms(worstPathological),
      met: worstPathological <= 1000,
    },
    {
      goal: 'server RSS ≤ 150 MB with 50 open reports',
      value: round(mem.open, 1),
      shown: `${mem.open.toFixed(0)} MB`,
      met: mem.open <= 150,
    },
  ];
  const out = {
    date: new Date().toISOString(),
    node: process.version,
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model ?? 'unknown',
      memoryGb: round(totalmem() / 2 ** 30, 1),
      loadAverageAtStart: load0.map((x) => round(x, 2)),
      loadAverageAtEnd: loadavg().map((x) => round(x, 2)),
    },
    durationSeconds: round((Date.now() - started) / 1000, 1),
    cases: results,
    pathologicalColdMs: pathological,
    extra: {
      stress16distinctColdMs: distinctCold,
      stress16distinctNote: '16 different example-sized reports in one document (no two pieces alike): cold check',
    },
    cli: {
      files: 500,
      reportsPerSecond: round(cli.parallel, 1),
      reportsPerSecondSequential: round(cli.sequential, 1),
      workers: cli.workers,
      startupRatio: startup.ratio,
      startupCpuMs: startup.check,
      nodeCpuMs: startup.node,
      startupNote: STARTUP_NOTE,
      note: 'wall clock of `node bin/xxgk.js check <dir> --format json`, process start included; peers: the same 500 texts in this process, one thread',
      peersReportsPerSecond: {
        remarkParse: round(cli.peers.remark, 1),
        markdownItParse: round(cli.peers.markdownIt, 1),
        markdownlint: round(cli.peers.markdownlint, 1),
      },
    },
    server: {
      rssMbWith50Open: round(mem.open, 1),
      rssMbIdle: round(mem.idle, 1),
      rssMbWith50OpenRealistic: round(memReal.open, 1),
      debounceMsShipped: shippedDebounce,
      debounceMsMeasured: 0,
    },
    review,
    goals: [...goals, reviewGoal(review)],
  };
  // the figures of the other benches are kept: the browser worker's (npm run bench:web,
  // bench/web.ts) and PDF import's (npm run bench:import, bench/import.ts)
  let kept: { web?: unknown; import?: unknown } = {};
  try {
    kept = JSON.parse(readFileSync(join(ROOT, 'bench', 'results.json'), 'utf8')) as typeof kept;
  } catch {
    // none yet
  }
  writeFileSync(
    join(ROOT, 'bench', 'results.json'),
    `${JSON.stringify({ ...out, web: kept.web, import: kept.import }, null, 2)}\n`,
  );

  const table = markdownTable(out);
  process.stdout.write(`${table}\n`);
  if (WRITE_README) {
    const readme = join(ROOT, 'CONTRIBUTING.md');
    const src = readFileSync(readme, 'utf8');
    const a = src.indexOf('<!-- bench:start -->');
    const b = src.indexOf('<!-- bench:end -->');
    if (a < 0 || b < a) throw new Error('CONTRIBUTING.md lacks the bench markers');
    writeFileSync(
      readme,
      `${src.slice(0, a + '<!-- bench:start -->'.length)}\n${README_INTRO}\n\n${table}\n${src.slice(b)}`,
    );
    // as the project's formatter would write it (npm run lint checks it)
    spawnSync(process.execPath, [join(ROOT, 'node_modules', 'prettier', 'bin', 'prettier.cjs'), '--write', readme], {
      stdio: 'ignore',
    });
    log('CONTRIBUTING.md benchmark section updated');
  }
}

/** The text above the table in CONTRIBUTING.md (the section between the bench markers is rewritten whole). */
const README_INTRO = `\`npm run bench\` (not a test) measures the checker on (a) the example report, (b) a generated
~100 KB report with long prose and the six tables, (c) the example repeated 16 times, (d) a folder of
500 generated example-sized reports, and beside each figure the same work done by remark (its bare
parse), markdown-it (its parse) and markdownlint (its default rules), in the same run. It writes
[bench/results.json](bench/results.json). Engine times are medians over warm runs; a cell edit is
one number cell of a clean report changed (200 random ones, after 20 that warm up); the round trip
is \`didChange\` → \`publishDiagnostics\` through the real server process (\`node dist/server.js
--stdio\`) with the debounce set to 0. Node runs as the extension runs the server: with V8's helper
pool one thread fewer than the cores (\`--v8-pool-size\`, client/src/server-process.ts), peers and
all; and each phase starts from a collected heap (\`--expose-gc\`), so that the garbage the peers
leave is not collected inside our timings.

How an edit stays cheap, with results always equal to a full check (held by
\`test/unit/incremental.test.ts\` on random edit sequences):

- **Parse.** The document is cut at ATX headings at column 0 and each piece's extraction is
  cached by content; a cut is kept only when the parse proves it safe (no fenced code, HTML block or
  front matter left open; no link or footnote definitions, which reach across pieces). Plain pipe
  tables — GFM table parsing was three quarters of remark's time on a report — are read by a line
  scan, exact because their lines are verified to parse as one placeholder paragraph (each table line
  masked as one letter, so the parser does not scan the tables' text). An edit inside one table row
  that keeps the row's shape is patched into the cached extraction without parsing.
- **Model.** Label matching (each candidate list prepared once), table identification, cell reading
  and the front matter's YAML are remembered by content.
- **Limits.** The size limits are judged on measures of the whole text; while typing they are
  updated from the edited line alone.
- **Rules.** Each rule declares what it reads of the tables (\`tables: 'none' | 'labels' |
  'figures'\`, held by the rule-contract test). After a table-row edit, a rule that reads no table —
  or only labels, when the edit changed figures alone — gets its previous findings back with their
  offsets moved; the others run again. The statements the prose makes about the tables are
  remembered per paragraph, a table's equations are made once per table shape, and a table that
  reads as a recent version of it gets that version's arithmetic findings, so an edit re-reads
  neither the prose nor the form nor the tables it did not touch.
- **Command line.** From 40 files on, \`xxgk check\` checks on worker threads, one per core
  (\`XXGK_WORKERS=n\` sets the number; 0 = none), with a progress bar on a terminal (text output only).
- **Threads.** V8 keeps four helper threads by default (the optimizing compiler, the concurrent and
  parallel collector), whatever the machine. On two cores they and the check took turns, and a
  check the scheduler interrupted waited a whole tick (4 ms): the p95 of a cell edit on (b) ran
  from 2.2 to 4.8 ms from one run to the next. With one thread fewer than the cores (the extension
  starts the server so) it is about 0.7 ms.
- **Debounce.** The server waits \`xxgk.debounceMs\` = 100 ms after the last keystroke. A check costs
  about a millisecond, so the delay is not there to save work: it keeps diagnostics from flashing
  over a half-typed figure (“1” of “12” breaks the sums) or a pinyin composition; 100 ms is longer
  than the gap between a steady typist's keystrokes and short enough that the diagnostics, about
  0.1 s after the pause, read as immediate.

Where a cell edit's time goes (the V8 profiler, case b, each edit and the edit back): the
arithmetic rules re-evaluating the edited table's sums and searching for the one cell to blame
(\`findings\` in arith/equations.ts) about three tenths; the other rules that run again and turning
findings into diagnostics (ranges, fixes) a quarter; rebuilding the model a seventh; patching the
parse and finding what changed about a seventh; garbage collection and the prose claims the rest.
The tail (p95) is the edits in which a young-generation collection (about 2 ms) falls.

Where the start-up of \`xxgk check one.md\` goes, beyond Node's own: reading the bundle and V8's code
cache of it (bin/xxgk.js; made by the build), the modules' top-level code, then the first run of the
parser, the model and the rules, which is mostly code running for the first time. The check loads
no PDF, Word, HTML, render or zod-validated form data (the forms are compiled at build time), builds
no output stream (it writes to the descriptor) and starts no ICU collator.`;

type Out = {
  date: string;
  node: string;
  machine: { cpus: number; model: string; loadAverageAtStart: number[] };
  cases: Record<string, CaseResult>;
  extra: { stress16distinctColdMs: number };
  cli: {
    reportsPerSecond: number;
    reportsPerSecondSequential: number;
    workers: number;
    peersReportsPerSecond: { remarkParse: number; markdownItParse: number; markdownlint: number };
  };
  server: { rssMbWith50Open: number; rssMbIdle: number; rssMbWith50OpenRealistic: number; debounceMsShipped: number };
  goals: { goal: string; value: number; shown: string; met: boolean }[];
};

function markdownTable(o: Out): string {
  const rows: string[] = [];
  rows.push(
    `Latest run: ${o.date.slice(0, 10)}, Node ${o.node}, ${o.machine.cpus} × ${o.machine.model}, load average ${o.machine.loadAverageAtStart[0]} at start. Medians; ratios are ours ÷ the peer’s (below 1 = faster than the peer).`,
  );
  rows.push('');
  rows.push(
    '| case | size | cold check | cell edit → diagnostics (median / p95) | didChange → publish (debounce 0) | completion | remark parse | markdown-it parse | markdownlint |',
  );
  rows.push('| --- | --: | --: | --: | --: | --: | --: | --: | --: |');
  const names: Record<string, string> = {
    example: '(a) example',
    realistic: '(b) realistic ~100 KB',
    stress16: '(c) example × 16',
  };
  for (const [k, c] of Object.entries(o.cases)) {
    rows.push(
      `| ${names[k] ?? k} | ${Math.round(c.sizeBytes / 1024)} KB | ${ms(c.coldMs)} | ${ms(c.editMedianMs)} / ${ms(c.editP95Ms)} | ${ms(c.roundTripMs)} | ${ms(c.completionMs)} | ${ms(c.remarkParseMs)} | ${ms(c.markdownItParseMs)} | ${ms(c.markdownlintMs)} |`,
    );
  }
  rows.push('');
  rows.push(
    '| case | cold ÷ remark | cold ÷ markdownlint | edit ÷ remark | edit ÷ markdown-it | edit ÷ markdownlint |',
  );
  rows.push('| --- | --: | --: | --: | --: | --: |');
  for (const [k, c] of Object.entries(o.cases)) {
    rows.push(
      `| ${names[k] ?? k} | ${ratio(c.coldMs, c.remarkParseMs)} | ${ratio(c.coldMs, c.markdownlintMs)} | ${ratio(c.editMedianMs, c.remarkParseMs)} | ${ratio(c.editMedianMs, c.markdownItParseMs)} | ${ratio(c.editMedianMs, c.markdownlintMs)} |`,
    );
  }
  rows.push('');
  const p = o.cli.peersReportsPerSecond;
  rows.push(
    `(d) CLI, 500 example-sized reports: **${o.cli.reportsPerSecond.toFixed(0)} reports/s** on ${o.cli.workers} worker threads (${o.cli.reportsPerSecondSequential.toFixed(0)}/s in one thread; process start included). Peers on the same texts, one thread, in process: remark parse ${p.remarkParse.toFixed(0)}/s, markdown-it ${p.markdownItParse.toFixed(0)}/s, markdownlint ${p.markdownlint.toFixed(0)}/s.`,
  );
  rows.push('');
  rows.push(
    `Server: ${o.server.rssMbWith50Open.toFixed(0)} MB resident with 50 example-sized reports open (${o.server.rssMbIdle.toFixed(0)} MB idle; ${o.server.rssMbWith50OpenRealistic.toFixed(0)} MB with 50 ~100 KB reports). Debounce shipped: ${o.server.debounceMsShipped} ms. Example × 16 with 16 different copies: cold ${ms(o.extra.stress16distinctColdMs)}.`,
  );
  rows.push('');
  rows.push('| goal | measured | met |');
  rows.push('| --- | --: | :-: |');
  for (const g of o.goals) rows.push(`| ${g.goal} | ${g.shown} | ${g.met ? 'yes' : 'no'} |`);
  return rows.join('\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
