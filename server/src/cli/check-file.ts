/**
 * Checking one file from disk: the unit of work of `xxgk check`, in this thread or a worker; and
 * the check of many files, spread over worker threads by the CLI's pool (pool.ts).
 */
import { basename, isAbsolute, join, relative } from 'node:path';
import { mkdirSync } from 'node:fs';
import { analyze } from '../engine/index';
import type { Locale } from '../engine/rule';
import { translator } from '../messages';
import { REPORT_FILE } from './files';
import { hasReportFrontMatter, loadReportSource, LoadError } from './load';
import { writeFileAtomic } from '../render/write';
import type { FileResult } from './format';
import type { CheckFn, CheckOptions, Checked } from './types';
import { ProgressBar, runPool, threadsFor, type JobFailure } from './pool';

export type { CheckFn, CheckOptions, Checked } from './types';

export function displayPath(p: string): string {
  const rel = isAbsolute(p) ? p : relative('.', p) || p;
  return rel.split('\\').join('/');
}

export type FileOutcome =
  | { ok: true; result: FileResult }
  | { ok: false; path: string; reason: string }
  | { ok: false; skipped: true; path: string; reason: string };

export interface CheckFileOptions {
  /** the file was found by walking a folder or a glob: a file that is no report is skipped, not a failure */
  walked?: boolean;
  /** write the text of an imported file here (as <relative path>.xxgk.md) */
  keepImported?: string;
}

/** Where `--keep-imported` writes the imported text of `path`. */
export function keptPath(dir: string, path: string): string {
  const shown = displayPath(path);
  // inside the working directory: the same relative path under dir; elsewhere: the file's name
  const rel = isAbsolute(shown) || shown.startsWith('../') ? basename(shown) : shown;
  return join(dir, rel.replace(/\.[^./]+$/, '') + '.xxgk.md');
}

export async function checkFile(path: string, locale: Locale, options: CheckFileOptions = {}): Promise<FileOutcome> {
  const t = translator(locale);
  let loaded;
  try {
    loaded = await loadReportSource(path, undefined, { unknownAsMarkdown: true, locale });
  } catch (err) {
    if (err instanceof LoadError) {
      if (options.walked && err.notReport) return { ok: false, skipped: true, path, reason: err.message };
      return { ok: false, path, reason: err.message };
    }
    throw err;
  }
  // a Markdown file found by walking is a report when its name or its front matter says so
  if (options.walked && !loaded.imported && !REPORT_FILE.test(path) && !hasReportFrontMatter(loaded.text))
    return { ok: false, skipped: true, path, reason: t('cli.not-a-report') };
  if (loaded.imported && options.keepImported) {
    const out = keptPath(options.keepImported, path);
    try {
      mkdirSync(join(out, '..'), { recursive: true });
      writeFileAtomic(out, loaded.text);
    } catch (err) {
      return { ok: false, path, reason: t('cli.cannot-write-imported', { path: out, reason: (err as Error).message }) };
    }
  }
  const analysis = analyze(loaded.text, { locale });
  return {
    ok: true,
    result: { path: displayPath(path), diagnostics: [...analysis.diagnostics], facts: analysis.facts },
  };
}

/** Sort one file's outcome into the results, failures or skipped files. */
export function collect(out: Checked, o: FileOutcome): void {
  if (o.ok) out.results.push(o.result);
  else if ('skipped' in o) out.skipped.push({ path: o.path, reason: o.reason });
  else out.failures.push({ path: o.path, reason: o.reason });
}

export interface AutoOptions {
  /** draw a progress bar on stderr */
  progress: boolean;
  stderr: (s: string) => void;
  /** the worker script; dist/worker.js next to the bundled CLI by default */
  script?: string;
  env?: NodeJS.ProcessEnv;
}

/** One file for `xxgk check`: what a worker thread is given. */
export interface CheckJob {
  path: string;
  locale: Locale;
  walked?: boolean;
  keepImported?: string;
}

/** checkFile on one job: the unit of work in this thread and in dist/worker.js. */
export const checkJob = (j: CheckJob): Promise<FileOutcome> =>
  checkFile(j.path, j.locale, { walked: j.walked, keepImported: j.keepImported });

/**
 * A check whose job failed: the file is reported as unreadable with the reason, the others go on.
 * The reason of a thread that died says so.
 */
export function checkFailed(j: CheckJob, f: JobFailure): FileOutcome {
  const reason = f.kind === 'crashed' ? translator(j.locale)('cli.worker-crashed', { reason: f.message }) : f.message;
  return { ok: false, path: j.path, reason };
}

/**
 * Below this many files, starting threads costs more than it saves (a report takes about 5 ms):
 * one thread checks them.
 */
const MIN_FILES_FOR_THREADS = 40;

/** Check `paths` on `threads` threads running `script` (dist/worker.js); 0: in this thread. */
export async function checkFiles(
  paths: string[],
  locale: Locale,
  onFile: (() => void) | undefined,
  options: CheckOptions,
  threads: number,
  script: string,
): Promise<Checked> {
  const outcomes = await runPool<CheckJob, FileOutcome>({
    inputs: paths.map((path) => ({
      path,
      locale,
      walked: options.walked?.has(path),
      keepImported: options.keepImported,
    })),
    run: checkJob,
    failed: checkFailed,
    script,
    threads,
    onResult: onFile && (() => onFile()),
  });
  const out: Checked = { results: [], failures: [], skipped: [] };
  for (const o of outcomes) collect(out, o);
  return out;
}

/** The check function of the CLI: worker threads for many files, this thread for a few. */
export function autoCheck(opts: AutoOptions): CheckFn {
  return async (paths, locale, onFile, options = {}) => {
    const bar = paths.length > 1 && opts.progress ? new ProgressBar(paths.length, opts.stderr) : undefined;
    const tick = (): void => {
      bar?.tick();
      onFile?.();
    };
    const threads = threadsFor(paths.length, MIN_FILES_FOR_THREADS, opts.env ?? process.env);
    try {
      return await checkFiles(paths, locale, tick, options, threads, opts.script ?? join(__dirname, 'worker.js'));
    } finally {
      bar?.clear();
    }
  };
}
