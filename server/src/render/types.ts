/** The render model's cells, rows and tables (model.ts builds them, tables.ts lays them out). */
import type { Severity } from '../engine/rule';
import type { Span } from '../engine/text';

/** A diagnostic as it is shown on what it sits on. */
export interface Mark {
  severity: Severity;
  message: string;
  rule: string;
  /** the source line the diagnostic starts on (the preview asks the editor for its fixes there) */
  line?: number;
}

/** A place in the source: 0-based line and UTF-16 character, as in LSP. */
export interface SourcePos {
  line: number;
  character: number;
}

export type CellRole = 'caption' | 'head' | 'note' | 'label' | 'group' | 'value';

export interface RCell {
  /** plain display text */
  text: string;
  role: CellRole;
  colSpan: number;
  rowSpan: number;
  align: 'left' | 'center' | 'right';
  /** where the cell is written in the source (absent for cells the layout adds) */
  at?: SourcePos;
  /** source offsets of the cell, for mapping diagnostics */
  span?: Span;
  marks: Mark[];
  /** value cells: how the number reads (empty, invalid, …); `missing` when the row is not written */
  state?: 'ok' | 'empty' | 'blank' | 'invalid' | 'normalizable' | 'missing';
}

export interface RRow {
  cells: RCell[];
  /** part of the table's header */
  head: boolean;
  /** the source line of the row, when it has one */
  line?: number;
}

export type TableLayout = 'art20' | 'applications' | 'review' | 'plain';

export interface RTable {
  layout: TableLayout;
  /** number of grid columns */
  columns: number;
  /** relative column widths, one per grid column */
  widths: number[];
  rows: RRow[];
  /** a marks on the table as a whole (e.g. table-unknown) */
  marks: Mark[];
  /** the font size class: official statistic tables are dense */
  dense: boolean;
}
