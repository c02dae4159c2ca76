/**
 * Import of an existing report (Word .docx, a saved web page .html, or extracted text .txt) into
 * the dialect. No file system here: the caller reads the bytes.
 */
import { assemble, type ImportOptions, type ImportResult } from './assemble';
import { ImportError, linesFromDocx } from './docx';
import { linesFromHtml } from './html';
import { linesFromText } from './source';

export { ImportError } from './docx';
export type { ImportOptions, ImportResult, ImportSummary } from './assemble';

export type ImportKind = 'docx' | 'html' | 'text';

/** The importer for a file name, or a message saying why there is none. */
export function importKindOf(name: string): ImportKind | { error: string } {
  const ext = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  if (ext === 'docx') return 'docx';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml' || ext === 'shtml') return 'html';
  if (ext === 'txt' || ext === 'text') return 'text';
  if (ext === 'doc')
    return { error: '旧版 Word（.doc）无法直接导入：请在 Word 中另存为 .docx (save the .doc as .docx first)' };
  if (ext === 'pdf')
    return {
      error:
        'PDF 无法直接导入：请先提取文本（如 pdftotext -layout 文件.pdf，或从阅读器复制全文）保存为 .txt 再导入 (extract the PDF’s text to a .txt file first)',
    };
  if (ext === 'wps' || ext === 'odt' || ext === 'rtf')
    return { error: `.${ext} 无法直接导入：请另存为 .docx (save it as .docx first)` };
  return {
    error: `不支持的文件类型${ext ? ` .${ext}` : ''}：可导入 .docx、.html 或 .txt (supported: .docx, .html, .txt)`,
  };
}

function decodeText(buf: Uint8Array): string {
  if (buf.includes(0)) throw new ImportError('文件含有二进制内容，不是文本 (the file is binary, not text)');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(buf);
    } catch {
      throw new ImportError('文本编码无法识别（应为 UTF-8 或 GB18030）(the text is neither UTF-8 nor GB18030)');
    }
  }
}

/** Turn the bytes of an existing report into a draft in the dialect, with a summary. */
export async function importReport(
  data: Uint8Array,
  kind: ImportKind,
  options: ImportOptions = {},
): Promise<ImportResult> {
  if (kind === 'docx') return assemble(await linesFromDocx(data), options);
  const text = decodeText(data);
  if (kind === 'html') return assemble(linesFromHtml(text), options);
  return assemble(
    /<table[\s>]/i.test(text) && /<\/t[dh]>/i.test(text) ? linesFromHtml(text) : linesFromText(text),
    options,
  );
}

/** The draft's default name: the source's name with `.xxgk.md`. */
export function importFileName(name: string): string {
  return name.replace(/\.[^./\\]+$/, '') + '.xxgk.md';
}
