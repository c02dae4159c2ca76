/**
 * The CLI's worker pool (server/src/cli/pool.ts), which `xxgk check` and `xxgk review` share:
 * results in input order whatever thread finishes first, a job that throws or kills its thread
 * costs that file alone, no threads below the threshold or with XXGK_WORKERS=0. This file is its
 * own worker script: in a worker thread it serves the jobs below instead of running tests.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { isMainThread, threadId } from 'node:worker_threads';
import { runPool, serveJobs, threadsFor, type JobFailure } from '../../server/src/cli/pool';

interface Job {
  n: number;
  /** what the job does: answers, throws, kills its thread with an uncaught error or with exit */
  does?: 'throw' | 'uncaught' | 'exit';
  delayMs?: number;
}
type Out = { n: number; thread: number } | { n: number; failed: JobFailure };

async function job(j: Job): Promise<Out> {
  await new Promise((r) => setTimeout(r, j.delayMs ?? 0));
  if (j.does === 'throw') throw new Error(`job ${j.n} threw`);
  if (j.does === 'uncaught')
    setImmediate(() => {
      throw new Error(`job ${j.n} killed its thread`);
    });
  if (j.does === 'exit') process.exit(7);
  if (j.does) await new Promise((r) => setTimeout(r, 1000));
  return { n: j.n, thread: threadId };
}

const failed = (j: Job, f: JobFailure): Out => ({ n: j.n, failed: f });

const run = (inputs: Job[], threads: number, onResult?: (i: number, r: Out) => void): Promise<Out[]> =>
  runPool<Job, Out>({ inputs, run: job, failed, script: __filename, threads, onResult });

if (!isMainThread) serveJobs(job);
else {
  describe('worker pool', () => {
    test('results in input order, from several threads', async () => {
      // the first jobs are the slowest: they finish last
      const inputs = Array.from({ length: 30 }, (_, n) => ({ n, delayMs: n < 5 ? 60 - 10 * n : 0 }));
      const seen: number[] = [];
      const out = await run(inputs, 2, (i) => seen.push(i));
      assert.deepEqual(
        out.map((o) => o.n),
        inputs.map((j) => j.n),
      );
      assert.equal(seen.length, 30, 'every result reported once');
      assert.deepEqual(
        [...seen].sort((a, b) => a - b),
        inputs.map((j) => j.n),
      );
      const threads = new Set(out.map((o) => ('thread' in o ? o.thread : -1)));
      assert.ok(!threads.has(threadId) && !threads.has(-1), 'run in worker threads, none failed');
    });

    test('a job that throws gives its file a failure; the others go on', async () => {
      const out = await run(
        Array.from({ length: 8 }, (_, n) => ({ n, does: n === 3 ? ('throw' as const) : undefined })),
        2,
      );
      assert.deepEqual(out[3], { n: 3, failed: { kind: 'threw', message: 'job 3 threw' } });
      assert.ok(out.every((o, i) => i === 3 || 'thread' in o));
    });

    for (const does of ['uncaught', 'exit'] as const) {
      test(`a job that kills its thread (${does}) fails alone, with why; the files queued beside it are done`, async () => {
        const inputs = Array.from({ length: 40 }, (_, n) => ({ n, does: n === 5 ? does : undefined }));
        const out = await run(inputs, 2);
        assert.deepEqual(
          out.map((o) => o.n),
          inputs.map((j) => j.n),
        );
        const bad = out[5];
        assert.ok('failed' in bad && bad.failed.kind === 'crashed', JSON.stringify(bad));
        assert.match(bad.failed.message, does === 'exit' ? /exit code 7/ : /job 5 killed its thread/);
        assert.ok(
          out.every((o, i) => i === 5 || 'thread' in o),
          'every other file has its result',
        );
      });
    }

    test('no threads: every job in this thread, a throw still costs one file', async () => {
      const out = await run([{ n: 0 }, { n: 1, does: 'throw' }, { n: 2 }], 0);
      assert.deepEqual(out, [
        { n: 0, thread: threadId },
        { n: 1, failed: { kind: 'threw', message: 'job 1 threw' } },
        { n: 2, thread: threadId },
      ]);
    });

    test('a worker script that cannot start stops the run with an error', async () => {
      await assert.rejects(
        runPool<Job, Out>({
          inputs: [{ n: 0 }, { n: 1 }],
          run: job,
          failed,
          script: `${__filename}.missing.cjs`,
          threads: 2,
        }),
        /could not start/,
      );
    });

    test('a throw while taking a result stops the run', async () => {
      await assert.rejects(
        run([{ n: 0 }, { n: 1 }, { n: 2 }], 2, () => {
          throw new Error('disk full');
        }),
        /disk full/,
      );
    });

    test('threads: none below the threshold or with XXGK_WORKERS 0 or 1; XXGK_WORKERS asks from two files', () => {
      assert.equal(threadsFor(100, 40, { XXGK_WORKERS: '0' }), 0);
      assert.equal(threadsFor(100, 40, { XXGK_WORKERS: '1' }), 0);
      assert.equal(threadsFor(2, 40, { XXGK_WORKERS: '3' }), 2, 'no more threads than files');
      assert.equal(threadsFor(1, 40, { XXGK_WORKERS: '3' }), 0);
      assert.equal(threadsFor(100, 40, { XXGK_WORKERS: '3' }), 3);
      assert.equal(threadsFor(39, 40, {}), 0);
    });
  });
}
