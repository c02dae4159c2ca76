/** The parser of one document over its versions (the table-row fast path; see document.ts). */
import { LineIndex, type Span } from '../text';
import type { ParsedDocument, RowNode } from './nodes';
import { assemble, movePiece, pieceOf, piecesOf, shift, splitRow, type PieceAt } from './document';

/**
 * The line index of `text` made from the previous text's, when `c` adds and removes no line
 * break: the line starts after the edit move by its length. Built like `new LineIndex(text)`
 * builds it (its two fields); should LineIndex ever hold more, it is simply built anew.
 */
function movedLines(prev: LineIndex, text: string, c: TextChange): LineIndex {
  const own = prev as unknown as Record<string, unknown>;
  const keys = Object.keys(own);
  if (keys.length !== 2 || own.text === undefined || !Array.isArray(own.starts)) return new LineIndex(text);
  const delta = c.text.length - (c.end - c.start);
  const starts = (own.starts as number[]).slice();
  if (delta !== 0) for (let i = starts.length - 1; i >= 0 && starts[i] > c.start; i--) starts[i] += delta;
  const out = Object.create(LineIndex.prototype) as Record<string, unknown>;
  for (const k of keys) out[k] = k === 'text' ? text : k === 'starts' ? starts : undefined;
  return out as unknown as LineIndex;
}

// ---------------------------------------------------------------------------------------------
// One document over its versions

/** A replacement of `[start, end)` of the previous text by `text`. */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

/** The one replacement that turns `a` into `b` (common prefix and suffix removed). */
export function diffText(a: string, b: string): TextChange {
  const n = Math.min(a.length, b.length);
  // whole blocks compared at a time (native string comparison), then characters
  const B = 256;
  let p = 0;
  while (p + B <= n && a.slice(p, p + B) === b.slice(p, p + B)) p += B;
  while (p < n && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let s = 0;
  const room = n - p;
  while (s + B <= room && a.slice(a.length - s - B, a.length - s) === b.slice(b.length - s - B, b.length - s)) s += B;
  while (s < room && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return { start: p, end: a.length - s, text: b.slice(p, b.length - s) };
}

const EOL = /[\r\n]/;

/** Whether `c` turns `a` into `b` (an editor's change is checked, not trusted). */
export function fits(a: string, b: string, c: TextChange): boolean {
  if (c.start < 0 || c.start > c.end || c.end > a.length) return false;
  if (a.length - (c.end - c.start) + c.text.length !== b.length) return false;
  const after = c.start + c.text.length;
  return (
    b.startsWith(c.text, c.start) && a.slice(0, c.start) === b.slice(0, c.start) && a.slice(c.end) === b.slice(after)
  );
}

/**
 * The parser of one document over its versions: keeps the pieces of the last version, so an
 * edit costs the piece it touched — or, for an edit inside a table row that keeps the row's
 * shape, no parse at all. Its results equal `parseDocument(text, { incremental: false })`.
 */
export class DocumentParser {
  private text: string | undefined;
  private pieces: PieceAt[] | undefined;
  private doc: ParsedDocument | undefined;
  /**
   * How the last call was answered: the same text as before, the table-row fast path, the
   * pieces (re-cut, changed pieces re-parsed) or one parse of the whole text.
   */
  lastPath: 'same' | 'row' | 'pieces' | 'whole' = 'whole';
  /**
   * For the row path: the change, and the row it stayed inside (offsets of the previous text);
   * `figuresOnly` when that is a body row whose label reads as before (only figures changed).
   */
  lastRowEdit: { change: TextChange; row: Span; figuresOnly: boolean } | undefined;

  /** Parse `text`; `change` (from the editor) says what changed since the previous call. */
  parse(text: string, change?: TextChange): ParsedDocument {
    const prev = this.text;
    this.lastRowEdit = undefined;
    if (prev !== undefined && this.doc) {
      if (text === prev) {
        this.lastPath = 'same';
        return this.doc;
      }
      const c = change && fits(prev, text, change) ? change : diffText(prev, text);
      const patched = this.pieces && this.rowEdit(text, c);
      if (patched) {
        this.lastPath = 'row';
        return this.keep(text, patched, movedLines(this.doc.lines, text, c));
      }
    }
    const reuse = new Map<string, PieceAt>();
    for (const p of this.pieces ?? []) reuse.set(p.src, p);
    const pieces = piecesOf(text, reuse);
    this.lastPath = pieces ? 'pieces' : 'whole';
    if (!pieces) {
      // the text as one piece (definitions reach across pieces); a row edit can still patch it
      const x = pieceOf(text, true);
      return this.keep(text, [{ start: 0, src: text, abs: x.piece, open: x.open, definitions: x.definitions }]);
    }
    return this.keep(text, pieces);
  }

  private keep(text: string, pieces: PieceAt[], lines?: LineIndex): ParsedDocument {
    this.text = text;
    this.pieces = pieces;
    this.doc = assemble(
      text,
      pieces.map((p) => p.abs),
      lines,
    );
    return this.doc;
  }

  /**
   * The table-row fast path. The edit lies inside one row of a top-level pipe table (the row
   * starts its line with `|`), leaves the row's first and last characters alone, adds or removes
   * no line and keeps the number of cells. Then the line is still a row of the same table (no
   * block can start with `|`; a header row keeps matching the delimiter row), no other block
   * changes, and the row's cells are exactly `splitRow` of its new text: the pieces are patched.
   */
  private rowEdit(text: string, c: TextChange): PieceAt[] | undefined {
    const prev = this.text!;
    const pieces = this.pieces!;
    if (EOL.test(c.text) || EOL.test(prev.slice(c.start, c.end))) return undefined;
    const k = pieces.findIndex((p) => p.start <= c.start && c.end < p.start + p.src.length);
    if (k < 0) return undefined;
    const at = pieces[k];
    const ti = at.abs.tables.findIndex((t) => t.span.start < c.start && c.end < t.span.end);
    if (ti < 0) return undefined;
    const table = at.abs.tables[ti];
    const all = [table.header, ...table.rows];
    const ri = all.findIndex((r) => r.span.start < c.start && c.end < r.span.end);
    if (ri < 0) return undefined;
    const row = all[ri];
    if (prev.charCodeAt(row.span.start) !== 124 /* | */) return undefined;
    if (row.span.start > 0 && prev.charCodeAt(row.span.start - 1) !== 10) return undefined;
    const delta = c.text.length - (c.end - c.start);
    const rowEnd = row.span.end + delta;
    const cells = splitRow(text.slice(row.span.start, rowEnd), row.span.start);
    if (cells.length !== row.cells.length) return undefined;
    const figuresOnly = ri > 0 && cells[0]?.text === row.cells[0]?.text;
    this.lastRowEdit = { change: c, row: row.span, figuresOnly };

    // the edited piece: every offset at or after the edit moves; the row gets its new cells
    const move = (o: number): number => (o >= c.end ? o + delta : o);
    const abs = movePiece(at.abs, move);
    const newRow: RowNode = { cells, span: { start: row.span.start, end: rowEnd } };
    // the table and its rows are copied before the row is set (an unmoved table is shared)
    const t = { ...abs.tables[ti], rows: abs.tables[ti].rows.slice() };
    abs.tables[ti] = t;
    if (ri === 0) t.header = newRow;
    else t.rows[ri - 1] = newRow;
    const src = text.slice(at.start, at.start + at.src.length + delta);
    // a row edit changes no block: whether the piece ends open, and its definitions, are as
    // before. The patched piece is not put in the cache by content: the next versions reuse it
    // from this parser's pieces, and the variants of every edit kept there would only fill memory.
    const out = pieces.slice(0, k);
    out.push({ start: at.start, src, abs, open: at.open, definitions: at.definitions });
    for (const p of pieces.slice(k + 1)) out.push({ ...p, start: p.start + delta, abs: shift(p.abs, delta) });
    return out;
  }
}
