/**
 * Entry of the CLI's worker thread (dist/worker.js): checks the files the pool sends it with the
 * same unit of work as this thread's check (checkJob), and posts each outcome back. Diagnostics and
 * facts are plain data: they cross the thread boundary as they are.
 */
import { checkJob } from './check-file';
import { serveJobs } from './pool';

serveJobs(checkJob);
