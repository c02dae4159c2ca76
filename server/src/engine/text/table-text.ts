/** Writing a pipe table back as text (used by fixes that restructure a table). */
import type { ReportTable } from '../model';

export function tableLines(
  header: string[],
  rows: string[][],
  align: ('left' | 'right' | 'center' | null)[],
): string[] {
  const sep = header.map((_, j) => {
    const a = align[j] ?? null;
    return a === 'right' ? '--:' : a === 'center' ? ':-:' : a === 'left' ? ':--' : '---';
  });
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(sep), ...rows.map(line)];
}

/** The written cells of a table as strings: header and body rows (labels first). */
export function tableCells(t: ReportTable): { header: string[]; rows: string[][] } {
  return { header: t.node.header.cells.map((c) => c.text), rows: t.node.rows.map((r) => r.cells.map((c) => c.text)) };
}
