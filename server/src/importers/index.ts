/**
 * Import of an existing report (a published PDF, Word .docx, a saved web page .html, or extracted
 * text .txt) into the dialect. No file system here, and no Node-only API: the caller reads the
 * bytes (a Uint8Array), so that the importers also run in a Web Worker. The PDF library and the
 * Word reader are loaded only when a PDF or a Word file is imported, the HTML reader only for HTML
 * (each from its own bundle in dist/: see scripts/build.mjs).
 */
import { assemble, type ImportOptions, type ImportResult } from './assemble';
import { importError, type ImportError } from './errors';
import { linesFromText, type SrcLine } from './source';
import { IMPORT_LIMITS, checkInputSize, outOfTime } from './limits';

export { ImportError } from './errors';
export type { ImportOptions, ImportResult, ImportSummary, Inferred } from './assemble';
export { IMPORT_LIMITS } from './limits';

export type ImportKind = 'pdf' | 'docx' | 'html' | 'text';

/** The importer for a file name, or a message saying why there is none. */
export function importKindOf(name: string): ImportKind | { error: ImportError } {
  const ext = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  if (ext === 'docx') return 'docx';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml' || ext === 'shtml') return 'html';
  if (ext === 'txt' || ext === 'text') return 'text';
  if (ext === 'doc') return { error: importError('import.doc-not-supported') };
  if (ext === 'pdf') return 'pdf';
  if (ext === 'wps' || ext === 'odt' || ext === 'rtf') return { error: importError('import.save-as-docx', { ext }) };
  return { error: ext ? importError('import.unsupported-type', { ext }) : importError('import.no-type') };
}

/**
 * Text as Word, Notepad and web pages save it: UTF-8 (with or without BOM), UTF-16 with a BOM
 * (Word's “Unicode text”), else GB18030.
 */
export function decodeText(buf: Uint8Array): string {
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    try {
      return new TextDecoder(buf[0] === 0xff ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(buf);
    } catch {
      throw importError('import.bad-utf16');
    }
  }
  if (buf.includes(0)) throw importError('import.binary');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(buf);
    } catch {
      throw importError('import.unknown-encoding');
    }
  }
}

/** What a function of a module loaded on demand returns: in the browser worker, a promise of it. */
async function settled<T>(v: T | Promise<T>): Promise<T> {
  return v;
}

/** The source as lines of cells, with what its document properties say. */
async function linesOf(
  data: Uint8Array,
  kind: ImportKind,
  options: ImportOptions,
): Promise<{ lines: SrcLine[]; properties: ImportOptions['properties'] }> {
  if (kind === 'pdf') {
    const { linesFromPdf } = await import('./pdf');
    const { lines, info } = await linesFromPdf(data, {
      cMapUrl: options.cMapUrl,
      maxPages: IMPORT_LIMITS.pdfPages,
      deadline: options.deadline,
    });
    return { lines, properties: { title: info.title, author: info.author, created: info.created } };
  }
  if (kind === 'docx') {
    const { readDocx } = await import('./docx');
    const { html, properties } = await readDocx(data);
    const { linesFromHtml } = await import('./html');
    // awaited: in the browser worker a module loaded on demand answers every call with a promise
    return { lines: await settled(linesFromHtml(html)), properties };
  }
  const text = decodeText(data);
  if (kind === 'html' || (/<table[\s>]/i.test(text) && /<\/t[dh]>/i.test(text))) {
    const { linesFromHtml } = await import('./html');
    return { lines: await settled(linesFromHtml(text)), properties: undefined };
  }
  return { lines: linesFromText(text), properties: undefined };
}

/** Turn the bytes of an existing report into a draft in the dialect, with a summary. */
export async function importReport(
  data: Uint8Array,
  kind: ImportKind,
  options: ImportOptions = {},
): Promise<ImportResult> {
  checkInputSize(data.length, kind);
  const deadline = options.deadline ?? Date.now() + IMPORT_LIMITS.timeMs;
  const { lines, properties } = await linesOf(data, kind, { ...options, deadline });
  if (Date.now() > deadline) throw outOfTime();
  return assemble(lines, { ...options, properties: options.properties ?? properties, deadline });
}

/** The draft's default name: the source's name with `.xxgk.md`. */
export function importFileName(name: string): string {
  return name.replace(/\.[^./\\]+$/, '') + '.xxgk.md';
}
