/**
 * Entry of the CLI's worker thread (dist/worker.js): checks the files the pool sends it, one
 * message each, with the same unit of work as the sequential check (checkFile), and posts the
 * outcome back. Diagnostics and facts are plain data: they cross the thread boundary as they are.
 */
import { parentPort } from 'node:worker_threads';
import { checkFile, type FileOutcome } from './check-file';
import type { Locale } from '../engine/rule';

export interface WorkRequest {
  id: number;
  path: string;
  locale: Locale;
  walked?: boolean;
  keepImported?: string;
}
export type WorkReply = { id: number; outcome: FileOutcome } | { id: number; error: string };

if (parentPort) {
  const port = parentPort;
  port.on('message', (m: WorkRequest) => {
    checkFile(m.path, m.locale, { walked: m.walked, keepImported: m.keepImported }).then(
      (outcome) => port.postMessage({ id: m.id, outcome } satisfies WorkReply),
      (err: unknown) =>
        port.postMessage({ id: m.id, error: err instanceof Error ? err.message : String(err) } satisfies WorkReply),
    );
  });
}
