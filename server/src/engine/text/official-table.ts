/**
 * The one writer of official tables as pipe tables: the fixes (table-missing, row-missing,
 * section-missing, format-mismatch), new-year, completion and the importers all write through it.
 * Cells are written as given; a caller that needs escaping escapes its own values and labels.
 */
import type { TableDef } from '../forms';

export interface OfficialTableOptions {
  /** the text of a number cell (none: empty); group rows are always empty */
  value?: (rowId: string, colId: string) => string | undefined;
  /** the text written for a row label (default: the form's label) — an importer keeps the printed one */
  rowLabel?: (rowId: string, label: string) => string;
  /** the text written for a column label (default: the form's label) */
  colLabel?: (colId: string, label: string) => string;
  /** write a row with no number as `| label | |` (the fixes' form) rather than `| label |  |` */
  tight?: boolean;
}

/** One row of a pipe table: its label and its cells. */
export function pipeRow(label: string, cells: readonly string[], tight = false): string {
  if (tight && cells.every((c) => c === '')) return `| ${label} |${' |'.repeat(cells.length)}`;
  return `| ${[label, ...cells].join(' | ')} |`;
}

/** The cells of an official table: header (key and column labels) and every row of the form. */
export function officialTableCells(
  def: TableDef,
  options: OfficialTableOptions = {},
): { header: string[]; rows: string[][] } {
  const { value, rowLabel, colLabel } = options;
  return {
    header: [def.key, ...def.columns.map((c) => (colLabel ? colLabel(c.id, c.label) : c.label))],
    rows: def.rows.map((r) => [
      rowLabel ? rowLabel(r.id, r.label) : r.label,
      ...def.columns.map((c) => (r.group || !value ? '' : (value(r.id, c.id) ?? ''))),
    ]),
  };
}

/** The lines of an official table: header, right-aligned delimiter row, every row of the form. */
export function officialTableLines(def: TableDef, options: OfficialTableOptions = {}): string[] {
  const { header, rows } = officialTableCells(def, options);
  const tight = options.tight ?? false;
  return [
    pipeRow(header[0], header.slice(1)),
    pipeRow(
      '---',
      def.columns.map(() => '--:'),
    ),
    ...rows.map((r) => pipeRow(r[0], r.slice(1), tight)),
  ];
}
