/** Entry of the review worker thread (dist/review-worker.js): reviews the files the pool sends it. */
import { parentPort } from 'node:worker_threads';
import { reviewFile } from './entry';
import type { ReviewReply, ReviewRequest } from './pool';

if (parentPort) {
  const port = parentPort;
  port.on('message', (m: ReviewRequest) => {
    reviewFile(m.path, m.locale).then(
      (outcome) => port.postMessage({ id: m.id, outcome } satisfies ReviewReply),
      (err: unknown) =>
        port.postMessage({ id: m.id, error: err instanceof Error ? err.message : String(err) } satisfies ReviewReply),
    );
  });
}
