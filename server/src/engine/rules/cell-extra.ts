/**
 * A row with more cells than its header: Markdown drops the cells past the header's last column
 * (the preview and the published page do not show them), so a figure written there is lost. Empty
 * extra cells (a stray `| |` at the end of a row) are removed by a safe fix; extra cells with
 * content are reported with what they hold, for the writer to move. A header missing official
 * columns is column-missing's to report, not each row's.
 */
import { defineRule } from '../rule';
import { tableAnchor, tableName } from '../model/names';

export default defineRule({
  id: 'cell-extra',
  severity: 'warning',
  description: 'cell-extra.description',
  fixable: true,
  tables: 'figures',
  check({ report, t, emit }) {
    const matched = new Map(report.tables.map((x) => [x.node.span.start, x]));
    for (const node of report.doc.tables) {
      const x = matched.get(node.span.start);
      // the header lacks official columns: column-missing speaks for the table, not every row
      if (x?.def && x.columns.length < x.def.columns.length) continue;
      const width = node.header.cells.length;
      node.rows.forEach((row, i) => {
        if (row.cells.length <= width) return;
        const extra = row.cells.slice(width);
        const filled = extra.filter((c) => c.text !== '');
        const name = x ? tableName(x) : t('cell-extra.the-table');
        const anchor = `${x ? tableAnchor(x) : `table@${node.span.start}`}/extra/${i}`;
        if (filled.length === 0) {
          // from the pipe that closes the last real cell to the one before the row's end
          const start = extra[0].span.start - 1;
          const end = extra[extra.length - 1].span.end;
          emit({
            span: { start: extra[0].span.start, end: Math.max(extra[0].span.start + 1, end) },
            message: t(extra.length === 1 ? 'cell-extra.empty-one' : 'cell-extra.empty', {
              cells: row.cells.length,
              table: name,
              width,
              extra: extra.length,
            }),
            fixes: [
              {
                title: t('cell-extra.remove'),
                safe: true,
                edits: [{ span: { start, end }, newText: '' }],
              },
            ],
            anchor,
          });
          return;
        }
        const shown = filled.map((c) => `“${c.text}”`).join('、');
        emit({
          span: { start: filled[0].span.start, end: filled[filled.length - 1].span.end },
          message: t('cell-extra.filled', { cells: row.cells.length, table: name, width, shown }),
          anchor,
        });
      });
    }
  },
});
