/** The report model's types: sections and the tables in them (one module, since each refers to the other). */
import type { ColumnDef, RowDef, SectionDef, TableDef, FormDef } from '../forms';
import type { MatchKind } from './normalize';
import type { BlockNode, CellNode, HeadingNode, ProseNode, RowNode, TableNode } from '../parse';
import type { Span } from '../text';

export interface Section {
  /** index 0–5 of the official section */
  index: number;
  def: SectionDef;
  heading: HeadingNode;
  headingMatch: MatchKind;
  /** from the heading to the next H1/H2 (or the end) */
  span: Span;
  /** after the heading line */
  bodySpan: Span;
  subHeadings: HeadingNode[];
  tables: ReportTable[];
  prose: ProseNode[];
  blocks: BlockNode[];
}

export type CellState = 'ok' | 'empty' | 'blank' | 'invalid' | 'normalizable';
export interface Cell {
  node: CellNode;
  state: CellState;
  value?: number;
  /** the canonical spelling for `normalizable` cells */
  normalized?: string;
  /** why a cell is invalid or normalizable */
  reason?: 'fullwidth' | 'thousands' | 'spaces' | 'unit' | 'negative' | 'fraction' | 'text';
}
export interface ReportColumn {
  node: CellNode;
  def?: ColumnDef;
  match?: MatchKind;
}
export interface ReportRow {
  node: RowNode;
  label: CellNode;
  def?: RowDef;
  match?: MatchKind;
  /** cells[j] is under columns[j] */
  cells: Cell[];
  /** all number cells empty */
  layoutOnly: boolean;
  duplicate: boolean;
}
export interface ReportTable {
  node: TableNode;
  section?: Section;
  def?: TableDef;
  /** the form whose definition the table matched */
  form?: FormDef;
  keyMatch?: MatchKind;
  columns: ReportColumn[];
  rows: ReportRow[];
  rowById: Map<string, ReportRow>;
  colById: Map<string, number>;
}
