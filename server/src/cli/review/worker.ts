/** Entry of the review worker thread (dist/review-worker.js): reviews the files the pool sends it. */
import { reviewJob } from './entry';
import { serveJobs } from '../pool';

serveJobs(reviewJob);
