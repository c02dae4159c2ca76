/**
 * Pipe-table formatting by display width. Chinese reports mix CJK and full-width characters
 * (two columns each in a monospaced editor) with ASCII digits (one column); a formatter that
 * counts UTF-16 units or code points misaligns them. Here every cell is padded to its column's
 * display width, numbers are right-aligned (and every cell of a column aligned as its delimiter
 * says), the delimiter row is rewritten as dashes of the column's width, and a cell's content is
 * never changed. Formatting a formatted table changes nothing.
 *
 * Pure: text in, edits out. Tables are found by the Markdown parser (so a pipe line in a code
 * fence is left alone); tables inside block quotes or list items are left as they are.
 */
import { eastAsianWidth } from 'get-east-asian-width';
import { parseDocument, type ParsedDocument, type TableNode } from '../parse';
import { assessText } from '../parse/limits';
import { LineIndex, eolOf, type Span } from './lines';
import { applyEdits, type SpanEdit } from './edit';

export type Align = 'left' | 'right' | 'center' | null;

// eslint-disable-next-line no-misleading-character-class -- each mark is matched on its own, as a lone character
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufe00-\ufe0f\ufeff]$/u;
const NUMBER =
  /^[+\-−－＋]?[\d０-９]+(?:[,，][\d０-９]{3})*(?:[.．][\d０-９]+)?\s*(?:%|％|万元|元|件|个|项|条|笔|次|人次|份)?$/u;

/** Columns a string occupies in a monospaced editor: CJK and full-width characters count 2. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue;
    if (ZERO_WIDTH.test(ch)) continue;
    w += eastAsianWidth(cp, { ambiguousAsWide: false });
  }
  return w;
}

/** A cell that holds a number (optionally signed, with separators or a unit): right-aligned. */
export function isNumberCell(s: string): boolean {
  return NUMBER.test(s.trim());
}

/** Split a table row into its cells' source texts (trimmed), honouring `\|` escapes. */
export function splitCells(line: string): string[] {
  const bounds: number[] = [];
  // GFM splits on every unescaped pipe, inside code spans too
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '|') bounds.push(i);
  }
  const trimmed = line.trim();
  const lead = line.length - line.trimStart().length;
  const leading = bounds.length > 0 && bounds[0] === lead;
  const lastNonSpace = lead + trimmed.length - 1;
  const trailing = bounds.length > 0 && bounds[bounds.length - 1] === lastNonSpace && !(leading && bounds.length === 1);
  const cuts = bounds.slice(leading ? 1 : 0, trailing ? bounds.length - 1 : bounds.length);
  const out: string[] = [];
  let from = leading ? bounds[0] + 1 : 0;
  for (const b of cuts) {
    out.push(line.slice(from, b).trim());
    from = b + 1;
  }
  out.push(line.slice(from, trailing ? bounds[bounds.length - 1] : line.length).trim());
  return out;
}

function parseAlign(cell: string): Align {
  const c = cell.trim();
  const l = c.startsWith(':');
  const r = c.endsWith(':') && c.length > 1;
  return l && r ? 'center' : r ? 'right' : l ? 'left' : null;
}

function pad(text: string, width: number, align: 'left' | 'right' | 'center'): string {
  const gap = Math.max(0, width - displayWidth(text));
  if (align === 'right') return ' '.repeat(gap) + text;
  if (align === 'center') {
    const left = Math.floor(gap / 2);
    return ' '.repeat(left) + text + ' '.repeat(gap - left);
  }
  return text + ' '.repeat(gap);
}

function delimiter(width: number, align: Align): string {
  if (align === 'center') return ':' + '-'.repeat(Math.max(1, width - 2)) + ':';
  if (align === 'right') return '-'.repeat(Math.max(2, width - 1)) + ':';
  if (align === 'left') return ':' + '-'.repeat(Math.max(2, width - 1));
  return '-'.repeat(Math.max(3, width));
}

/**
 * Lay out a table: `header` and `rows` are cell texts, `align` one entry per header cell. Rows
 * shorter than the header are padded with empty cells (GFM reads them so); cells beyond the
 * header's width are kept, unaligned, at the end of their row.
 */
export function layoutTable(header: string[], rows: string[][], align: Align[], indent = ''): string[] {
  const n = header.length;
  const aligns: Align[] = Array.from({ length: n }, (_, j) => align[j] ?? null);
  const widths = Array.from({ length: n }, () => 3);
  for (const r of [header, ...rows])
    for (let j = 0; j < n; j++) widths[j] = Math.max(widths[j], displayWidth(r[j] ?? ''));
  const cellAlign = (text: string, j: number, isHeader: boolean): 'left' | 'right' | 'center' => {
    const a = aligns[j];
    if (a === 'left' || a === 'center') return a;
    if (isHeader) return a === 'right' ? 'right' : 'left';
    if (a === 'right') return 'right';
    return isNumberCell(text) ? 'right' : 'left';
  };
  const line = (cells: string[], isHeader: boolean): string => {
    const main = Array.from({ length: n }, (_, j) =>
      pad(cells[j] ?? '', widths[j], cellAlign(cells[j] ?? '', j, isHeader)),
    );
    const extra = cells.slice(n);
    return `${indent}| ${[...main, ...extra].join(' | ')} |`;
  };
  const delim = `${indent}| ${aligns.map((a, j) => delimiter(widths[j], a)).join(' | ')} |`;
  return [line(header, true), delim, ...rows.map((r) => line(r, false))];
}

interface TableLines {
  first: number;
  last: number;
  indent: string;
}

/** The source lines of a parsed table, or undefined when it sits in a container (quote, list). */
function linesOf(t: TableNode, lines: LineIndex): TableLines | undefined {
  const first = lines.positionAt(t.span.start).line;
  const last = lines.positionAt(t.span.end).line;
  const head = lines.lineText(first);
  const indent = /^[ \t]*/.exec(head)![0];
  if (indent.includes('\t') || indent.length > 3) return undefined;
  for (let l = first; l <= last; l++) {
    const s = lines.lineText(l);
    if (!s.startsWith(indent) && s.trim() !== '') return undefined;
    if (/^\s*>/.test(s)) return undefined;
  }
  // the span must start at the line's content: otherwise the table is inside a list item or quote
  if (lines.lineStart(first) + indent.length !== t.span.start) return undefined;
  return { first, last, indent };
}

/** The formatted text of one table (its lines joined by `eol`), from its source lines. */
export function formatTableText(source: string[], eol = '\n'): string {
  const indent = /^[ \t]*/.exec(source[0] ?? '')![0];
  const header = splitCells(source[0] ?? '');
  const align = splitCells(source[1] ?? '').map(parseAlign);
  const rows = source.slice(2).map(splitCells);
  return layoutTable(header, rows, align, indent).join(eol);
}

/**
 * Edits that format every pipe table of `text` that intersects `range` (all when absent). Each
 * edit replaces one table's lines; tables that are already formatted produce no edit. `parsed`:
 * the text's parse already made (the analysis's `report.doc`), so the text is not parsed again.
 */
export function formatTables(text: string, range?: Span, parsed?: ParsedDocument): SpanEdit[] {
  // beyond the engine's limits (limits.ts) the text is not parsed, so its tables are not formatted
  if (assessText(text).tier !== 'full') return [];
  const doc = parsed && parsed.text === text ? parsed : parseDocument(text);
  const lines = doc.lines;
  const eol = eolOf(text);
  const out: SpanEdit[] = [];
  for (const t of doc.tables) {
    if (range && (t.span.end < range.start || t.span.start > range.end)) continue;
    const tl = linesOf(t, lines);
    if (!tl) continue;
    const src: string[] = [];
    for (let l = tl.first; l <= tl.last; l++) src.push(lines.lineText(l));
    if (src.length < 2) continue;
    const formatted = formatTableText(src, eol);
    const span = { start: lines.lineStart(tl.first), end: lines.lineEnd(tl.last) };
    if (text.slice(span.start, span.end) !== formatted) out.push({ span, newText: formatted });
  }
  return out;
}

/** Format every table of a text (the whole text back, with the tables formatted). */
export function formatText(text: string): string {
  return applyEdits(text, formatTables(text));
}
