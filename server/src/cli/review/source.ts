/**
 * Reading one input of `xxgk review` into the text of a report in the dialect: a Markdown report
 * as it is, a Word file, a saved web page or extracted text through the importers (in memory,
 * nothing written). This is the ONE place where review turns a file into report text: point it at
 * another loader (e.g. one that also reads PDF) and review reads what that loader reads — with the
 * `import` branch's `loadReportSource(path)` (cli/load.ts), the body becomes
 *   try { const r = await loadReportSource(path); return { ok: true, text: r.text, imported: r.imported }; }
 *   catch (err) { return { ok: false, reason: err instanceof Error ? err.message : String(err) }; }
 */
import { readFileSync, statSync } from 'node:fs';
import { readReport, MAX_READ_BYTES } from '../read';
import { importKindOf, importReport, ImportError } from '../../importers/index';

export type SourceResult = { ok: true; text: string; imported: boolean } | { ok: false; reason: string };

/** The file extensions review looks for in a folder (a .md only when it is a report). */
export const REVIEW_EXTENSIONS = ['md', 'markdown', 'docx', 'html', 'htm', 'txt', 'pdf'];

function extOf(path: string): string {
  return /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
}

/** One input file → the report's text in the dialect, or why it cannot be read (Chinese, then English). */
export async function loadReviewSource(path: string): Promise<SourceResult> {
  const ext = extOf(path);
  if (ext === 'md' || ext === 'markdown') {
    const r = readReport(path);
    return r.ok ? { ok: true, text: r.text, imported: false } : { ok: false, reason: readReasonZh(r.reason) };
  }
  const kind = importKindOf(path);
  if (typeof kind !== 'string') return { ok: false, reason: kind.error };
  let data: Buffer;
  try {
    const st = statSync(path);
    if (!st.isFile()) return { ok: false, reason: '不是普通文件 (not a regular file)' };
    if (st.size > MAX_READ_BYTES) return { ok: false, reason: '文件过大 (file too large)' };
    data = readFileSync(path);
  } catch (err) {
    return { ok: false, reason: readReasonZh((err as Error).message) };
  }
  try {
    const r = await importReport(data, kind, { sourceName: path.split(/[\\/]/).pop() });
    const s = r.summary;
    if (s.sections.length === 0 && s.tables.every((t) => !t.found))
      return {
        ok: false,
        reason: '没有找到年度报告的任何部分或统计表 (no section or statistics table of a report found)',
      };
    return { ok: true, text: r.markdown, imported: true };
  } catch (err) {
    if (err instanceof ImportError) return { ok: false, reason: err.message };
    return { ok: false, reason: `无法导入 (cannot import): ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** The reader's English reason with a Chinese one in front. */
function readReasonZh(reason: string): string {
  const zh: [RegExp, string][] = [
    [/^is a directory/, '是文件夹'],
    [/^no such file/, '文件不存在'],
    [/^permission denied/, '没有读取权限'],
    [/^not a regular file/, '不是普通文件'],
    [/^file too large/, '文件过大'],
    [/^binary file/, '二进制文件，不是文本报告'],
    [/GBK/, '不是 UTF-8 文本（看来是 GBK 编码，请另存为 UTF-8）'],
    [/UTF-16/, '不是有效的 UTF-16 文本'],
    [/^not valid UTF-8/, '不是 UTF-8 文本（请另存为 UTF-8）'],
  ];
  const hit = zh.find(([re]) => re.test(reason));
  return hit ? `${hit[1]} (${reason})` : reason;
}
