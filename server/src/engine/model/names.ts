/** Names of sections, tables, rows and cells as users read them (messages, hovers, symbols), and stable anchors. */
import type { ReportTable, Section } from './types';

export function sectionName(s: Section): string {
  return `${s.def.numeral}、${s.def.title}`;
}

export function tableName(t: ReportTable): string {
  if (!t.def) return t.node.header.cells[0]?.text || '表格';
  return t.def.section === '二' ? t.def.key : (t.def.title ?? t.def.key);
}

export function rowShort(t: ReportTable, rowId: string): string {
  const d = t.def?.rows.find((r) => r.id === rowId);
  return d?.short ?? d?.label ?? rowId;
}
export function colLabel(t: ReportTable, colId: string): string {
  const d = t.def?.columns.find((c) => c.id === colId);
  return d?.short ?? d?.label ?? colId;
}
/** “（一）予以公开 / 自然人” */
export function cellName(t: ReportTable, ref: { row: string; col: string }): string {
  const row = t.def?.rows.find((r) => r.id === ref.row);
  const rowText = row ? row.label.replace(/（区分处理的，只计这一情形，不计其他情形）/, '') : ref.row;
  return t.def && t.def.columns.length === 1 ? rowText : `${rowText} / ${colLabel(t, ref.col)}`;
}

/** A stable anchor for fingerprints: section / table / row / column. */
export function anchor(...parts: (string | undefined)[]): string {
  return parts.filter((p) => p !== undefined && p !== '').join('/');
}
export function tableAnchor(t: ReportTable): string {
  return anchor(t.section?.def.numeral, t.def?.id ?? (t.node.header.cells[0]?.text || 'table'));
}
