/**
 * Entry of the CLI's worker thread (dist/worker.js): checks the files the pool sends it, one
 * message each, with the same unit of work as the sequential check (checkFile), and posts the
 * outcome back. Diagnostics and facts are plain data: they cross the thread boundary as they are.
 */
import { parentPort } from 'node:worker_threads';
import { checkFile } from './check-file';
import type { Locale } from '../engine/rule';

export interface WorkRequest {
  id: number;
  path: string;
  locale: Locale;
}
export type WorkReply = { id: number; outcome: ReturnType<typeof checkFile> } | { id: number; error: string };

if (parentPort) {
  const port = parentPort;
  port.on('message', (m: WorkRequest) => {
    let reply: WorkReply;
    try {
      reply = { id: m.id, outcome: checkFile(m.path, m.locale) };
    } catch (err) {
      reply = { id: m.id, error: err instanceof Error ? err.message : String(err) };
    }
    port.postMessage(reply);
  });
}
