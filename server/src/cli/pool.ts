/**
 * `xxgk check` on many files: a pool of worker threads (dist/worker.js), one per core, each
 * checking one file at a time with checkFile — the same unit of work as the sequential check, so
 * whatever a FileResult carries comes through unchanged. Results come back in input order.
 *
 * A progress bar goes to stderr while files are checked, only when asked for (a terminal, text
 * output); it is drawn after a short delay, so quick runs show none, and erased before the
 * results are printed.
 */
import type { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Locale } from '../engine/rule';
import type { FileOutcome } from './check-file';
import { checkSequential, collect, type CheckFn, type CheckOptions } from './check-file';
import type { WorkReply, WorkRequest } from './worker';

type Checked = Awaited<ReturnType<CheckFn>>;

/**
 * Below this many files, starting threads (loading the engine, warming it up: about 0.1 s each)
 * costs more than it saves (a report takes about 5 ms): one thread checks them. XXGK_WORKERS, when
 * set, asks for threads whatever the number of files.
 */
const MIN_FILES_FOR_THREADS = 40;
/**
 * Paths queued per worker at most: the main thread hands out work only when it gets to run, and
 * on a busy machine that can be many milliseconds — a worker must not run dry meanwhile. Towards
 * the end the queues shrink, so that the workers finish together.
 */
const MAX_QUEUED = 16;

/** Worker threads to use: XXGK_WORKERS when set (0 or 1: none), else one per core. */
export function workerCount(env: NodeJS.ProcessEnv = process.env): number {
  const v = env.XXGK_WORKERS;
  if (v !== undefined && v.trim() !== '') {
    const n = Number(v);
    if (Number.isInteger(n) && n >= 0) return n;
  }
  return availableParallelism();
}

/** Check `paths` on `workers` threads running `script` (dist/worker.js). */
export function checkParallel(
  paths: string[],
  locale: Locale,
  workers: number,
  script: string,
  onFile?: () => void,
  options: CheckOptions = {},
): Promise<Checked> {
  return new Promise((resolve, reject) => {
    const outcomes: (FileOutcome | undefined)[] = new Array<FileOutcome | undefined>(paths.length);
    const pool: Worker[] = [];
    let next = 0;
    let done = 0;
    let failed = false;
    const stop = (): void => {
      for (const w of pool) void w.terminate();
    };
    const fail = (err: Error): void => {
      if (failed) return;
      failed = true;
      stop();
      reject(err);
    };
    const queued = new Map<Worker, number>();
    const feed = (w: Worker): void => {
      const target = Math.max(1, Math.min(MAX_QUEUED, Math.ceil((paths.length - next) / (2 * pool.length))));
      while ((queued.get(w) ?? 0) < target && next < paths.length && !failed) {
        const id = next++;
        const req: WorkRequest = {
          id,
          path: paths[id],
          locale,
          walked: options.walked?.has(paths[id]),
          keepImported: options.keepImported,
        };
        w.postMessage(req);
        queued.set(w, (queued.get(w) ?? 0) + 1);
      }
    };
    const n = Math.max(1, Math.min(workers, paths.length));
    // loaded here, not at start-up: `xxgk check one.md` starts no thread
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const threads = require('node:worker_threads') as typeof import('node:worker_threads');
    for (let i = 0; i < n; i++) {
      const w = new threads.Worker(script);
      pool.push(w);
      w.on('message', (m: WorkReply) => {
        if (failed) return;
        if ('error' in m) {
          fail(new Error(m.error));
          return;
        }
        outcomes[m.id] = m.outcome;
        queued.set(w, (queued.get(w) ?? 1) - 1);
        done++;
        onFile?.();
        if (done === paths.length) {
          stop();
          const out: Checked = { results: [], failures: [], skipped: [] };
          for (const o of outcomes) if (o) collect(out, o);
          resolve(out);
        } else feed(w);
      });
      w.on('error', (err) => fail(err instanceof Error ? err : new Error(String(err))));
      w.on('exit', (code) => {
        if (done < paths.length)
          fail(new Error(`a worker thread stopped (exit code ${code}) before all files were checked`));
      });
    }
    for (const w of pool) feed(w);
  });
}

/** A one-line progress bar on a terminal: `[██████░░░░░░] 312/500`. */
export class ProgressBar {
  private done = 0;
  private shown = false;
  private lastDraw = 0;
  private readonly started = Date.now();
  constructor(
    private readonly total: number,
    private readonly write: (s: string) => void,
    private readonly width = 30,
    private readonly delayMs = 200,
  ) {}

  /** One more file checked. */
  tick(): void {
    this.done++;
    const now = Date.now();
    if (now - this.started < this.delayMs) return;
    if (this.shown && now - this.lastDraw < 50 && this.done < this.total) return;
    this.lastDraw = now;
    this.shown = true;
    this.write(`\r${renderBar(this.done, this.total, this.width)}`);
  }

  /** Erase the bar (before the results are printed). */
  clear(): void {
    if (this.shown) this.write('\r\x1b[K');
    this.shown = false;
  }
}

export function renderBar(done: number, total: number, width = 30): string {
  const filled = total > 0 ? Math.round((done / total) * width) : width;
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total}`;
}

/**
 * Whether `xxgk <argv>` should draw a progress bar: a `check` whose text output goes to a
 * terminal (stdout and stderr both), never when piped or when the output is JSON or SARIF.
 */
export function wantsProgress(argv: readonly string[], stdoutTTY: boolean, stderrTTY: boolean): boolean {
  if (argv[0] !== 'check' || !stdoutTTY || !stderrTTY) return false;
  let format = 'text';
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    if (a === '--format' || a === '-f') format = argv[++i] ?? '';
    else if (a.startsWith('--format=')) format = a.slice('--format='.length);
    else if (a.startsWith('-f=')) format = a.slice(3);
  }
  return format === 'text';
}

export interface AutoOptions {
  /** draw a progress bar on stderr */
  progress: boolean;
  stderr: (s: string) => void;
  /** the worker script; dist/worker.js next to the bundled CLI by default */
  script?: string;
  env?: NodeJS.ProcessEnv;
}

/** The check function of the CLI: worker threads for many files, this thread for a few. */
export function autoCheck(opts: AutoOptions): CheckFn {
  return async (paths, locale, onFile, options) => {
    const bar = paths.length > 1 && opts.progress ? new ProgressBar(paths.length, opts.stderr) : undefined;
    const tick = (): void => {
      bar?.tick();
      onFile?.();
    };
    const env = opts.env ?? process.env;
    const workers = workerCount(env);
    const asked = env.XXGK_WORKERS !== undefined && env.XXGK_WORKERS.trim() !== '';
    const parallel = workers >= 2 && paths.length >= (asked ? 2 : MIN_FILES_FOR_THREADS);
    try {
      return parallel
        ? await checkParallel(paths, locale, workers, opts.script ?? join(__dirname, 'worker.js'), tick, options)
        : await checkSequential(paths, locale, tick, options);
    } finally {
      bar?.clear();
    }
  };
}
