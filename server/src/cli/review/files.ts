/**
 * The inputs of `xxgk review`: files named are taken as they are; folders are walked for reports
 * (.md whose name marks a report or whose front matter names 机关 or 年度, and .docx, .html, .txt,
 * .pdf files); globs are expanded as `xxgk check` expands them. Files of other types found in a
 * folder are counted, never dropped silently.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { expandArgs, REPORT_FILE } from '../files';

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

/** A Markdown file found in a folder is a report when its name or its front matter says so. */
function isReport(path: string): boolean {
  const name = path.split(/[\\/]/).pop() ?? path;
  if (!/\.(md|markdown)$/i.test(name)) return true;
  return REPORT_FILE.test(name) || hasReportFrontMatter(path);
}

export interface ReviewInputs {
  files: string[];
  /** arguments that named nothing */
  missing: string[];
  /** how many files found in folders are not reports (other types, or Markdown that is no report) */
  skipped: number;
}

/**
 * The walk of `xxgk check` (cli/files.ts: each real path once, symbolic-link loops walked once, globs
 * as check expands them), then the Markdown files of a folder that are no report passed over.
 */
export function collectInputs(args: string[]): ReviewInputs {
  const { files: all, missing, walked, skipped } = expandArgs(args);
  const files = all.filter((f) => !walked.has(f) || isReport(f));
  return { files, missing, skipped: skipped + all.length - files.length };
}
