/**
 * The inputs of `xxgk review`: files named are taken as they are; folders are walked for reports
 * (.md whose name marks a report or whose front matter names 机关 or 年度, and .docx, .html, .txt,
 * .pdf files); globs are expanded as `xxgk check` expands them. Files of other types found in a
 * folder are counted, never dropped silently.
 */
import { closeSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expandArgs, REPORT_FILE } from '../files';
import { REVIEW_EXTENSIONS } from './source';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.cache']);

/** Whether a .md file starts with front matter naming 机关 or 年度 (read from its first 4 KB). */
export function hasReportFrontMatter(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(4096);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const head = buf
      .subarray(0, n)
      .toString('utf8')
      .replace(/^\ufeff/, '');
    const m = /^---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\s*(?:\r?\n|$)/.exec(head);
    return !!m && /^\s*(机关|年度|agency|year)\s*[:：]/m.test(m[1]);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function wanted(name: string, path: string): boolean {
  const ext = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  if (!REVIEW_EXTENSIONS.includes(ext)) return false;
  if (ext === 'md' || ext === 'markdown') return REPORT_FILE.test(name) || hasReportFrontMatter(path);
  return true;
}

function walk(dir: string, out: string[], skipped: string[]): void {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.startsWith('.')) continue;
    const p = join(dir, e);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) {
      if (!SKIP_DIRS.has(e)) walk(p, out, skipped);
    } else if (wanted(e, p)) out.push(p);
    else skipped.push(p);
  }
}

export interface ReviewInputs {
  files: string[];
  /** arguments that named nothing */
  missing: string[];
  /** files found in folders that are not reports */
  skipped: string[];
}

export function collectInputs(args: string[]): ReviewInputs {
  const files: string[] = [];
  const missing: string[] = [];
  const skipped: string[] = [];
  for (const a of args) {
    let st;
    try {
      st = /[*?]/.test(a) ? undefined : statSync(a);
    } catch {
      missing.push(a);
      continue;
    }
    if (st?.isDirectory()) walk(a, files, skipped);
    else if (st) files.push(a);
    else {
      const g = expandArgs([a]);
      files.push(...g.files);
      missing.push(...g.missing);
    }
  }
  return { files: [...new Set(files)], missing, skipped };
}
