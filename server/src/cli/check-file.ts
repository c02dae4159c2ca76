/** Checking one file from disk: the unit of work of `xxgk check`, in this thread or a worker. */
import { basename, isAbsolute, join, relative } from 'node:path';
import { mkdirSync } from 'node:fs';
import { analyze } from '../engine/index';
import type { Locale } from '../engine/rule';
import { translator } from '../messages';
import { REPORT_FILE } from './files';
import { hasReportFrontMatter, loadReportSource, LoadError } from './load';
import { writeFileAtomic } from '../render/write';
import type { FileResult } from './format';
import type { CheckFn, Checked } from './types';

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

/** Check files one after another in this thread. */
export const checkSequential: CheckFn = async (paths, locale, onFile, options = {}) => {
  const out: Checked = { results: [], failures: [], skipped: [] };
  for (const p of paths) {
    collect(out, await checkFile(p, locale, { walked: options.walked?.has(p), keepImported: options.keepImported }));
    onFile?.();
  }
  return out;
};
