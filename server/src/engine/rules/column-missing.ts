import { defineRule } from '../rule';
import { eol } from '../text/report-edits';
import { tableCells, tableLines } from '../text/table-text';
import { inContainer } from '../text/container';
import { misnamedColumns } from './util';
import { tableAnchor, tableName } from '../model/names';

export default defineRule({
  id: 'column-missing',
  severity: 'error',
  description: 'column-missing.description',
  fixable: true,
  tables: 'figures',
  check({ report, t, emit }) {
    const nl = eol(report);
    for (const x of report.tables) {
      if (!x.def) continue;
      const misnamed = new Set(misnamedColumns(x).values());
      const missing = x.def.columns.filter((c) => !x.colById.has(c.id) && !misnamed.has(c));
      if (missing.length === 0) continue;
      // rebuild the table with the missing columns in their official places, cells kept verbatim
      const { header, rows } = tableCells(x);
      const width = header.length;
      const order = x.def.columns.map((c) => c.id);
      const positions: number[] = []; // written index (in header) before which each missing column goes
      for (const m of missing) {
        const mi = order.indexOf(m.id);
        let pos = width;
        for (let j = 1; j < width; j++) {
          const d = x.columns[j - 1]?.def;
          if (d && order.indexOf(d.id) > mi) {
            pos = j;
            break;
          }
        }
        positions.push(pos);
      }
      const insertAll = (cells: string[], fill: (k: number) => string): string[] => {
        const padded = [...cells];
        while (padded.length < width) padded.push('');
        const out: string[] = [];
        for (let j = 0; j <= padded.length; j++) {
          missing.forEach((_, k) => {
            if (positions[k] === j) out.push(fill(k));
          });
          if (j < padded.length) out.push(padded[j]);
        }
        return out;
      };
      const align: ('left' | 'right' | 'center' | null)[] = insertAll(
        x.node.align.map((a) => a ?? ''),
        () => 'right',
      ).map((a) => (a === '' ? null : (a as 'left' | 'right' | 'center')));
      const lines = tableLines(
        insertAll(header, (k) => missing[k].label),
        rows.map((r) => insertAll(r, () => '')),
        align,
      );
      const names = missing.map((c) => `“${c.label}”`).join(t('common.list-separator'));
      const many = missing.length > 1;
      emit({
        span: x.node.header.span,
        message: t(many ? 'column-missing.columns' : 'column-missing.column', { table: tableName(x), names }),
        fixes: [
          {
            title: t(many ? 'column-missing.insert-columns' : 'column-missing.insert-column', { names }),
            safe: true,
            edits: [inContainer(report.doc.text, { span: x.node.span, newText: lines.join(nl) })],
          },
        ],
        anchor: `${tableAnchor(x)}/columns/missing`,
      });
    }
  },
});
