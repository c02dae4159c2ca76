/**
 * The importers' input limits: one set for every door (`xxgk import`, `xxgk check` on a PDF or
 * Word file, the editor's import command). A real report is a PDF of 5–20 pages under 5 MB, a
 * Word file under 1 MB, a web page under 1 MB, with tables of at most 16 columns and 40 rows.
 * The limits sit far above that; what lies beyond gets a clear message (docs/robustness.md,
 * measured in test/hostile/import.test.ts and the bench).
 */
import { importError, type ImportError } from './errors';

export const IMPORT_LIMITS = {
  /** bytes of the file, by kind */
  bytes: { pdf: 50 * 1024 * 1024, docx: 20 * 1024 * 1024, html: 10 * 1024 * 1024, text: 10 * 1024 * 1024 },
  /** uncompressed size of a part of a .docx package */
  docxXmlBytes: 40 * 1024 * 1024,
  /** pages of a PDF */
  pdfPages: 200,
  /** a cell's colspan / rowspan (HTML, and Word's gridSpan / vMerge through mammoth) is cut to this */
  colSpan: 32,
  rowSpan: 100,
  /** grid positions of all the tables of one document */
  gridCells: 200_000,
  /** lines of cells handed to the assembler */
  lines: 400_000,
  /** wall time of one import */
  timeMs: 60_000,
};

/** The import ran longer than IMPORT_LIMITS.timeMs. */
export const outOfTime = (): ImportError => importError('import.out-of-time', { seconds: IMPORT_LIMITS.timeMs / 1000 });

export type LimitedKind = keyof typeof IMPORT_LIMITS.bytes;

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 1 : 0)} MB`;

/** Refuse an input larger than its kind allows. */
export function checkInputSize(bytes: number, kind: LimitedKind): void {
  const max = IMPORT_LIMITS.bytes[kind];
  if (bytes > max)
    throw kind === 'text'
      ? importError('import.text-too-large', { size: mb(bytes), max: mb(max) })
      : importError('import.file-too-large', { size: mb(bytes), kind: kind.toUpperCase(), max: mb(max) });
}

/** Refuse a document whose tables would spread over more grid positions than the limit. */
export function gridOverflow(): ImportError {
  return importError('import.grid-too-large', { max: IMPORT_LIMITS.gridCells.toLocaleString('en') });
}
