import { defineRule } from '../rule';
import { eol } from '../text/report-edits';
import { pipeRow } from '../text/official-table';
import { inContainer } from '../text/container';
import { labelSpan, misnamedRows } from './util';
import { tableAnchor, tableName } from '../model/names';

export default defineRule({
  id: 'row-missing',
  severity: 'error',
  description: 'row-missing.description',
  fixable: true,
  tables: 'labels',
  check({ report, t, emit }) {
    const nl = eol(report);
    for (const x of report.tables) {
      if (!x.def) continue;
      const defs = x.def.rows;
      const misnamed = new Set(misnamedRows(x).values());
      // runs of consecutive missing data rows (group rows are optional)
      let run: typeof defs = [];
      const flush = (nextIndex: number): void => {
        const data = run.filter((r) => !r.group && !misnamed.has(r));
        if (data.length === 0) {
          run = [];
          return;
        }
        const following = nextIndex < defs.length ? x.rowById.get(defs[nextIndex].id) : undefined;
        const lastRow = x.rows[x.rows.length - 1];
        const lines = run.map((r) => pipeRow(r.label, Array<string>(x.columns.length).fill(''), true));
        const edit = following
          ? { span: { start: following.node.span.start, end: following.node.span.start }, newText: lines.join(nl) + nl }
          : {
              span: {
                start: (lastRow?.node ?? x.node.header).span.end,
                end: (lastRow?.node ?? x.node.header).span.end,
              },
              newText: nl + lines.join(nl),
            };
        if (!following && !lastRow) {
          // header only: rows go after the delimiter row
          const l = report.doc.lines;
          const sepLine = l.positionAt(x.node.header.span.end).line + 1;
          const sepEnd = l.lineEnd(sepLine);
          edit.span = { start: sepEnd, end: sepEnd };
        }
        // inside a quote or list item, every new line repeats the prefix of the line it joins
        const anchorRow = following ?? lastRow;
        const fixEdit = inContainer(
          report.doc.text,
          edit,
          anchorRow ? anchorRow.node.span.start : x.node.header.span.start,
        );
        const names = data.map((r) => `“${r.label}”`).join(t('common.list-separator'));
        emit({
          span: following ? labelSpan(following) : lastRow ? labelSpan(lastRow) : x.node.header.span,
          message:
            data.length > 1
              ? t('row-missing.rows', { table: tableName(x), count: data.length, names })
              : t('row-missing.row', { table: tableName(x), names }),
          fixes: [
            {
              title:
                data.length > 1
                  ? t('row-missing.insert-rows', { count: data.length })
                  : t('row-missing.insert-row', { row: data[0].label }),
              safe: true,
              edits: [fixEdit],
            },
          ],
          anchor: `${tableAnchor(x)}/${data[0].id}/missing`,
        });
        run = [];
      };
      defs.forEach((d, i) => {
        if (x.rowById.has(d.id)) flush(i);
        else run.push(d);
      });
      flush(defs.length);
    }
  },
});
