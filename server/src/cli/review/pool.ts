/**
 * Reviewing many files: worker threads (dist/review-worker.js), one per core, each reviewing one
 * file at a time with reviewFile — the same unit of work as in this thread. Outcomes are handed to
 * `onOutcome` as they arrive (so that the pages can be written and dropped, not held), with the
 * index of their input.
 */
import { Worker } from 'node:worker_threads';
import type { Locale } from '../../engine/rule';
import { reviewFile, type ReviewOutcome } from './entry';

export interface ReviewRequest {
  id: number;
  path: string;
  locale: Locale;
}
export type ReviewReply = { id: number; outcome: ReviewOutcome } | { id: number; error: string };

/** Below this many files a single thread is quicker than starting workers. */
export const MIN_FILES_FOR_THREADS = 24;

export async function reviewSequential(
  paths: string[],
  locale: Locale,
  onOutcome: (i: number, o: ReviewOutcome) => void,
): Promise<void> {
  for (let i = 0; i < paths.length; i++) onOutcome(i, await reviewFile(paths[i], locale));
}

export function reviewParallel(
  paths: string[],
  locale: Locale,
  workers: number,
  script: string,
  onOutcome: (i: number, o: ReviewOutcome) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const pool: Worker[] = [];
    const queued = new Map<Worker, number>();
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
    const feed = (w: Worker): void => {
      // a few files queued per worker, so that none runs dry while the main thread writes pages
      while ((queued.get(w) ?? 0) < 4 && next < paths.length && !failed) {
        const req: ReviewRequest = { id: next, path: paths[next], locale };
        next++;
        w.postMessage(req);
        queued.set(w, (queued.get(w) ?? 0) + 1);
      }
    };
    const n = Math.max(1, Math.min(workers, paths.length));
    for (let i = 0; i < n; i++) {
      const w = new Worker(script);
      pool.push(w);
      w.on('message', (m: ReviewReply) => {
        if (failed) return;
        if ('error' in m) {
          fail(new Error(m.error));
          return;
        }
        queued.set(w, (queued.get(w) ?? 1) - 1);
        try {
          onOutcome(m.id, m.outcome);
        } catch (err) {
          fail(err instanceof Error ? err : new Error(String(err)));
          return;
        }
        done++;
        if (done === paths.length) {
          stop();
          resolve();
        } else feed(w);
      });
      w.on('error', (err) => fail(err instanceof Error ? err : new Error(String(err))));
      w.on('exit', (code) => {
        if (done < paths.length)
          fail(new Error(`a worker thread stopped (exit code ${code}) before all files were reviewed`));
      });
    }
    for (const w of pool) feed(w);
  });
}
