/** Word (.docx) → HTML through mammoth (tables keep their merged cells as rowspan/colspan). */
import mammoth from 'mammoth';
import { linesFromHtml } from './html';
import type { SrcLine } from './source';

export class ImportError extends Error {}

export async function docxToHtml(buffer: Uint8Array): Promise<string> {
  if (buffer.length < 4 || buffer[0] !== 0x50 || buffer[1] !== 0x4b) {
    if (buffer[0] === 0xd0 && buffer[1] === 0xcf)
      throw new ImportError(
        '这是旧版 Word 97–2003 文档（.doc），请先在 Word 中另存为 .docx (an old .doc file: save it as .docx first)',
      );
    throw new ImportError('不是 Word .docx 文件（文件不是 ZIP 包）(not a .docx file: it is not a ZIP package)');
  }
  try {
    // mammoth's Node build reads `buffer`, its browser build `arrayBuffer`: both take the bytes (JSZip reads a Uint8Array)
    const input = { buffer, arrayBuffer: buffer } as unknown as { buffer: Buffer };
    const r = await mammoth.convertToHtml(input);
    return r.value;
  } catch (err) {
    throw new ImportError(
      `无法读取 Word 文件 (cannot read the .docx file): ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

export async function linesFromDocx(buffer: Uint8Array): Promise<SrcLine[]> {
  return linesFromHtml(await docxToHtml(buffer));
}
