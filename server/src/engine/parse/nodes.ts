/** The document structure the parser extracts: offsets into the source (UTF-16). */
import type { LineIndex, Span } from '../text';

export interface HeadingNode {
  depth: number;
  text: string;
  span: Span;
  textSpan: Span;
}
export interface CellNode {
  text: string;
  span: Span;
}
export interface RowNode {
  cells: CellNode[];
  span: Span;
}
export interface TableNode {
  header: RowNode;
  rows: RowNode[];
  span: Span;
  align: (string | null)[];
}
/** Prose with, for each character of `text`, its offset in the source. */
export interface ProseNode {
  text: string;
  /** where each character of `text` comes from: its source offset, relative to `span.start` */
  map: number[];
  span: Span;
  kind: 'paragraph' | 'heading';
}
export interface CommentNode {
  value: string;
  span: Span;
}
export interface FrontMatterNode {
  raw: string;
  span: Span;
  rawStart: number;
}
/** A top-level block, in order, used to find what a section contains. */
export interface BlockNode {
  type: string;
  span: Span;
  text: string;
  /**
   * Only on the last block of a text, when it is left open at the end (parse/blocks.ts): a fenced
   * code block or an HTML block of types 1–5 without its end takes in every line written after it
   * ('end'); an HTML block of types 6–7 takes in the lines up to the next blank line ('blank-line').
   */
  open?: 'end' | 'blank-line';
}

export interface ParsedDocument {
  text: string;
  lines: LineIndex;
  frontMatter?: FrontMatterNode;
  headings: HeadingNode[];
  tables: TableNode[];
  prose: ProseNode[];
  comments: CommentNode[];
  blocks: BlockNode[];
}
