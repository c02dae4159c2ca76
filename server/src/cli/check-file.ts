/** Checking one file from disk: the unit of work of `xxgk check`, in this thread or a worker. */
import { isAbsolute, relative } from 'node:path';
import { analyze } from '../engine/index';
import type { Locale } from '../engine/rule';
import { readReport } from './read';
import type { FileResult } from './format';

export function displayPath(p: string): string {
  const rel = isAbsolute(p) ? p : relative('.', p) || p;
  return rel.split('\\').join('/');
}

export type FileOutcome = { ok: true; result: FileResult } | { ok: false; path: string; reason: string };

export function checkFile(path: string, locale: Locale): FileOutcome {
  const r = readReport(path, locale);
  if (!r.ok) return { ok: false, path, reason: r.reason };
  const analysis = analyze(r.text, { locale });
  return {
    ok: true,
    result: { path: displayPath(path), diagnostics: [...analysis.diagnostics], facts: analysis.facts },
  };
}

export type CheckFn = (
  paths: string[],
  locale: Locale,
  onFile?: () => void,
) => Promise<{ results: FileResult[]; failures: { path: string; reason: string }[] }>;

/** Check files one after another in this thread. */
export const checkSequential: CheckFn = async (paths, locale, onFile) => {
  const results: FileResult[] = [];
  const failures: { path: string; reason: string }[] = [];
  for (const p of paths) {
    const r = checkFile(p, locale);
    if (r.ok) results.push(r.result);
    else failures.push({ path: r.path, reason: r.reason });
    onFile?.();
  }
  return { results, failures };
};
