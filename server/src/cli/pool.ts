/**
 * The CLI's worker pool: many files, one job each, spread over worker threads (one per core), each
 * thread running the same unit of work as this thread would (`xxgk check`: checkFile in
 * dist/worker.js; `xxgk review`: reviewFile in dist/review-worker.js). Results come back in input
 * order. A job that throws, or whose thread dies under it, gives that file a clear failure and the
 * other files go on; only a thread that cannot start at all stops the run.
 *
 * A progress bar goes to stderr while files are worked on, only when asked for (a terminal, text
 * output); it is drawn after a short delay, so quick runs show none, and erased before the
 * results are printed.
 */
import type { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';

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

/**
 * The threads for `jobs` jobs: none (this thread) below `minForThreads` jobs — starting a thread
 * (loading the engine, warming it up: about 0.1 s) costs more than it saves —, or when
 * XXGK_WORKERS is 0 or 1. XXGK_WORKERS, when set, asks for threads from two jobs on.
 */
export function threadsFor(jobs: number, minForThreads: number, env: NodeJS.ProcessEnv = process.env): number {
  const workers = workerCount(env);
  const asked = env.XXGK_WORKERS !== undefined && env.XXGK_WORKERS.trim() !== '';
  return workers >= 2 && jobs >= (asked ? 2 : minForThreads) ? Math.min(workers, jobs) : 0;
}

/** Why a job gave no result: it threw (`threw`), or its thread died while running it (`crashed`). */
export interface JobFailure {
  kind: 'threw' | 'crashed';
  /** the error's message; for a crash, what the thread said (or its exit code) */
  message: string;
}

export interface PoolOptions<TIn, TOut> {
  /** one job each, results in this order */
  inputs: readonly TIn[];
  /** the job, run in this thread when there are no threads */
  run: (input: TIn) => Promise<TOut>;
  /** what a job that failed gives instead of its result */
  failed: (input: TIn, failure: JobFailure) => TOut;
  /** the worker script: it calls serveJobs with the same job */
  script: string;
  /** threads to start (threadsFor); 0 or 1: every job in this thread, one after another */
  threads: number;
  /** each result as it arrives (a progress bar); a throw here stops the run */
  onResult?: (index: number, result: TOut) => void;
}

/** What the pool posts to a worker: a job. */
export interface JobRequest<TIn> {
  id: number;
  input: TIn;
}
/** What a worker posts back: it is ready, or one job's result, or the job's error. */
export type JobReply<TOut> = { ready: true } | { id: number; output: TOut } | { id: number; error: string };

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Run every job; the results in input order. */
export async function runPool<TIn, TOut>(opts: PoolOptions<TIn, TOut>): Promise<TOut[]> {
  if (opts.threads < 2) {
    const out: TOut[] = [];
    for (let i = 0; i < opts.inputs.length; i++) {
      let r: TOut;
      try {
        r = await opts.run(opts.inputs[i]);
      } catch (err) {
        r = opts.failed(opts.inputs[i], { kind: 'threw', message: messageOf(err) });
      }
      out.push(r);
      opts.onResult?.(i, r);
    }
    return out;
  }
  return runThreads(opts);
}

interface Slot {
  worker: Worker;
  /** job ids posted and not answered, in the order posted */
  queued: Set<number>;
  ready: boolean;
  /** running a job that was queued on a thread that died: alone, so that a second death names it */
  isolating: boolean;
  /** what the thread said when it failed */
  error?: string;
}

function runThreads<TIn, TOut>(opts: PoolOptions<TIn, TOut>): Promise<TOut[]> {
  const { inputs } = opts;
  const total = inputs.length;
  return new Promise((resolve, reject) => {
    const results = new Array<TOut>(total);
    const slots = new Set<Slot>();
    /** jobs that were queued on a thread that died: each is run again, alone on its thread */
    const suspects: number[] = [];
    let next = 0;
    let done = 0;
    let finished = false;
    const stop = (): void => {
      finished = true;
      for (const s of slots) void s.worker.terminate();
    };
    const fail = (err: Error): void => {
      if (finished) return;
      stop();
      reject(err);
    };
    const settle = (id: number, r: TOut): void => {
      results[id] = r;
      done++;
      try {
        opts.onResult?.(id, r);
      } catch (err) {
        fail(err instanceof Error ? err : new Error(String(err)));
        return;
      }
      if (done === total) {
        stop();
        resolve(results);
      }
    };
    const post = (s: Slot, id: number): void => {
      s.queued.add(id);
      s.worker.postMessage({ id, input: inputs[id] } satisfies JobRequest<TIn>);
    };
    const feed = (s: Slot): void => {
      if (finished || !s.ready || s.isolating) return;
      if (suspects.length) {
        if (s.queued.size === 0) {
          s.isolating = true;
          post(s, suspects.shift()!);
        }
        return;
      }
      const target = Math.max(1, Math.min(MAX_QUEUED, Math.ceil((total - next) / (2 * slots.size))));
      while (s.queued.size < target && next < total) post(s, next++);
    };
    // loaded here, not at start-up: `xxgk check one.md` starts no thread
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const threads = require('node:worker_threads') as typeof import('node:worker_threads');
    const start = (): void => {
      const s: Slot = { worker: new threads.Worker(opts.script), queued: new Set(), ready: false, isolating: false };
      slots.add(s);
      s.worker.on('message', (m: JobReply<TOut>) => {
        if (finished) return;
        if ('ready' in m) {
          s.ready = true;
          feed(s);
          return;
        }
        s.queued.delete(m.id);
        s.isolating = false;
        settle(m.id, 'error' in m ? opts.failed(inputs[m.id], { kind: 'threw', message: m.error }) : m.output);
        feed(s);
      });
      s.worker.on('error', (err) => {
        s.error = messageOf(err);
      });
      s.worker.on('exit', (code) => {
        slots.delete(s);
        if (finished) return;
        const said = s.error ?? `exit code ${code}`;
        const lost = [...s.queued];
        // a thread that never started, or died with no job to blame, will not do better in a new
        // thread: the run cannot go on
        if (!s.ready || lost.length === 0) {
          fail(new Error(`a worker thread ${s.ready ? 'stopped' : 'could not start'} (${said})`));
          return;
        }
        if (lost.length === 1) settle(lost[0], opts.failed(inputs[lost[0]], { kind: 'crashed', message: said }));
        else suspects.push(...lost);
        if (finished) return;
        // a thread in its place while work is left for it
        if (suspects.length || next < total) start();
        for (const o of slots) feed(o);
      });
    };
    for (let i = 0; i < opts.threads; i++) start();
  });
}

/**
 * The worker's side (the entry of dist/worker.js, dist/review-worker.js): runs each job the pool
 * posts with `run` and posts its result or error back.
 */
export function serveJobs<TIn, TOut>(run: (input: TIn) => Promise<TOut>): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parentPort } = require('node:worker_threads') as typeof import('node:worker_threads');
  if (!parentPort) return;
  const port = parentPort;
  port.on('message', (m: JobRequest<TIn>) => {
    run(m.input).then(
      (output) => port.postMessage({ id: m.id, output } satisfies JobReply<TOut>),
      (err: unknown) => port.postMessage({ id: m.id, error: messageOf(err) } satisfies JobReply<TOut>),
    );
  });
  port.postMessage({ ready: true } satisfies JobReply<TOut>);
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
