/**
 * Which files are reports, for every door that looks for them: the CLI's folder walk, the
 * language server's workspace index, and the extension's `filenamePatterns` and file watchers
 * (package.json must agree; a test holds them together). Pure: names only, no file system.
 */

/** `*.xxgk.md`, or a Markdown file whose name says 年度报告 or 年报. */
export const REPORT_FILE = /(\.xxgk\.md|年度报告[^/\\]*\.md|年报[^/\\]*\.md)$/i;

/** The same as glob patterns, for file watchers (and package.json's `filenamePatterns` and extensions). */
export const REPORT_GLOBS: readonly string[] = ['**/*.xxgk.md', '**/*年度报告*.md', '**/*年报*.md'];

/**
 * Folders no walk enters, a glob's included: version control, tool output and dependencies. A walk
 * for reports (not a glob) also skips every folder whose name starts with a dot (`isSkippedDir`).
 */
export const SKIP_DIRS: ReadonlySet<string> = new Set([
  'node_modules',
  '.git',
  'dist',
  'out',
  '.vscode-test',
  '.cache',
  'bower_components',
  '__pycache__',
]);

export function isReportFileName(name: string): boolean {
  return REPORT_FILE.test(name);
}

export function isSkippedDir(name: string): boolean {
  return SKIP_DIRS.has(name) || name.startsWith('.');
}
