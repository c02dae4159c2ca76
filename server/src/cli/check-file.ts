/** Checking one file from disk: the unit of work of `xxgk check`, in this thread or a worker. */
import { basename, isAbsolute, join, relative } from 'node:path';
import { mkdirSync } from 'node:fs';
import { checkText } from '../engine/check';
import { extractFacts } from '../engine/crossyear';
import type { Locale } from '../engine/rule';
import { REPORT_FILE } from './files';
import { hasReportFrontMatter, loadReportSource, LoadError } from './load';
import { writeFileAtomic } from '../render/write';
import type { FileResult } from './format';

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
  let loaded;
  try {
    loaded = await loadReportSource(path, undefined, { unknownAsMarkdown: true });
  } catch (err) {
    if (err instanceof LoadError) {
      if (options.walked && err.notReport) return { ok: false, skipped: true, path, reason: err.message };
      return { ok: false, path, reason: err.message };
    }
    throw err;
  }
  // a Markdown file found by walking is a report when its name or its front matter says so
  if (options.walked && !loaded.imported && !REPORT_FILE.test(path) && !hasReportFrontMatter(loaded.text))
    return { ok: false, skipped: true, path, reason: '不是年度报告（文件名和前置元数据都不像）(not a report)' };
  if (loaded.imported && options.keepImported) {
    const out = keptPath(options.keepImported, path);
    try {
      mkdirSync(join(out, '..'), { recursive: true });
      writeFileAtomic(out, loaded.text);
    } catch (err) {
      return { ok: false, path, reason: `无法写出导入结果 ${out} (cannot write): ${(err as Error).message}` };
    }
  }
  const { report, diagnostics } = checkText(loaded.text, { locale });
  return { ok: true, result: { path: displayPath(path), diagnostics, facts: extractFacts(report) } };
}
