/** Checking one file from disk: the unit of work of `xxgk check`, in this thread or a worker. */
import { isAbsolute, relative } from 'node:path';
import { checkText } from '../engine/check';
import { extractFacts } from '../engine/crossyear';
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
  const { report, diagnostics } = checkText(r.text, { locale });
  return { ok: true, result: { path: displayPath(path), diagnostics, facts: extractFacts(report) } };
}
