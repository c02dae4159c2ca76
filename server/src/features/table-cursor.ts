/**
 * What sits under a position in a report: a section heading, or a table cell (header, label or
 * number cell of a recognised table). Shared by hover, inlay hints and code lens.
 */
import type { Report, ReportRow, ReportTable, Section } from '../engine/model';
import type { CellRef } from '../engine/arith/equations';

export type Spot =
  | { kind: 'heading'; section: Section }
  | { kind: 'key'; table: ReportTable }
  | { kind: 'column'; table: ReportTable; index: number }
  | { kind: 'label'; table: ReportTable; row: ReportRow }
  | { kind: 'cell'; table: ReportTable; row: ReportRow; index: number; ref?: CellRef };

/** Index of the cell an offset falls in, counting unescaped pipes of the row's source. */
function cellIndex(text: string, rowStart: number, offset: number): number {
  const src = text.slice(rowStart, offset);
  let n = 0;
  let first = -1;
  for (let i = 0; i < src.length; i++) {
    if (src[i] === '\\') {
      i++;
      continue;
    }
    if (src[i] === '|') {
      n++;
      if (first < 0) first = i;
    }
  }
  const leading = first >= 0 && src.slice(0, first).trim() === '';
  return leading ? n - 1 : n;
}

export function spotAt(report: Report, offset: number): Spot | undefined {
  for (const s of report.sections) {
    if (offset >= s.heading.span.start && offset <= s.heading.span.end) return { kind: 'heading', section: s };
  }
  const table = report.tables.find((x) => offset >= x.node.span.start && offset <= x.node.span.end);
  if (!table) return undefined;
  const text = report.doc.text;
  const header = table.node.header;
  if (offset >= header.span.start && offset <= header.span.end) {
    const k = cellIndex(text, header.span.start, offset);
    if (k <= 0) return { kind: 'key', table };
    return k - 1 < table.columns.length ? { kind: 'column', table, index: k - 1 } : undefined;
  }
  const row = table.rows.find((r) => offset >= r.node.span.start && offset <= r.node.span.end);
  if (!row) return undefined;
  const k = cellIndex(text, row.node.span.start, offset);
  if (k <= 0) return { kind: 'label', table, row };
  const j = k - 1;
  if (j >= row.cells.length) return undefined;
  const col = table.columns[j]?.def;
  return {
    kind: 'cell',
    table,
    row,
    index: j,
    ref: row.def && col && !row.duplicate ? { row: row.def.id, col: col.id } : undefined,
  };
}
