import { defineRule } from '../rule';
import type { Span } from '../text';
import type { CellNode, TableNode } from '../parse';
import { identifyTable, isSuppressed, type Report, type ReportTable } from '../model';
import { tableAnchor } from '../model/names';

interface Variant {
  span: Span;
  written: string;
  official: string;
  anchor: string;
}

/**
 * Whether the table, with every variant that fix-all renames written in its official label, is
 * read as it is now — the same definition and form, the same rows and columns — with those labels
 * exact: the renames then change spelling only (`effect: 'spelling'`).
 */
function renamesKeepReading(report: Report, x: ReportTable, variants: readonly Variant[]): boolean {
  if (!x.section) return false;
  const lines = report.doc.lines;
  // a finding silenced by a comment is not renamed: what the others change is not worked out
  if (variants.some((v) => isSuppressed(report.suppressions, 'label-variant', lines.positionAt(v.span.start).line)))
    return false;
  // a label is a cell's text as written: a pipe or a backslash would not be
  if (variants.some((v) => /[|\\\r\n]/.test(v.official) || v.official !== v.official.trim())) return false;
  const renamed = new Map(variants.map((v) => [v.span.start, v.official]));
  const cell = (c: CellNode): CellNode => {
    const text = renamed.get(c.span.start);
    return text === undefined ? c : { ...c, text };
  };
  const node: TableNode = {
    ...x.node,
    header: { ...x.node.header, cells: x.node.header.cells.map(cell) },
    rows: x.node.rows.map((r) => ({ ...r, cells: r.cells.map(cell) })),
  };
  const y = identifyTable(node, x.section, report.meta.form);
  return (
    y.def === x.def &&
    y.form === x.form &&
    y.keyMatch === (renamed.has(x.node.header.cells[0]?.span.start ?? -1) ? 'exact' : x.keyMatch) &&
    y.columns.every(
      (c, j) =>
        c.def === x.columns[j].def && c.match === (renamed.has(c.node.span.start) ? 'exact' : x.columns[j].match),
    ) &&
    y.rows.every(
      (r, i) =>
        r.def === x.rows[i].def &&
        r.duplicate === x.rows[i].duplicate &&
        r.match === (renamed.has(r.label.span.start) ? 'exact' : x.rows[i].match),
    )
  );
}

export default defineRule({
  id: 'label-variant',
  severity: 'warning',
  description: 'label-variant.description',
  fixable: true,
  tables: 'figures',
  check({ report, t, emit }) {
    for (const x of report.tables) {
      if (!x.def) continue;
      const variants: Variant[] = [];
      const variant = (span: Span, written: string, official: string, anchor: string): void => {
        variants.push({ span, written, official, anchor });
      };
      const key = x.node.header.cells[0];
      if (key && x.keyMatch !== 'exact' && key.text !== '')
        variant(key.span, key.text, x.def.key, `${tableAnchor(x)}/key`);
      for (const c of x.columns)
        if (c.def && c.match === 'variant')
          variant(c.node.span, c.node.text, c.def.label, `${tableAnchor(x)}/column/${c.def.id}`);
      for (const r of x.rows)
        if (r.def && r.match === 'variant' && !r.duplicate)
          variant(r.label.span, r.label.text, r.def.label, `${tableAnchor(x)}/row/${r.def.id}`);
      if (variants.length === 0) continue;
      const spelling = renamesKeepReading(report, x, variants);
      for (const v of variants)
        emit({
          span: v.span,
          message: t('label-variant.variant', { official: v.official, written: v.written }),
          fixes: [
            {
              title: t('label-variant.change', { official: v.official }),
              safe: true,
              edits: [{ span: v.span, newText: v.official }],
              ...(spelling ? { effect: 'spelling' as const } : {}),
            },
          ],
          anchor: v.anchor,
        });
    }
  },
});
