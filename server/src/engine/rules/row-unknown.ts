import { defineRule } from '../rule';
import { inContainer } from '../text/container';
import { eol, lineEndAt, lineStartAt } from '../text/report-edits';
import { labelSpan, misnamedRows } from './util';
import { tableAnchor, tableName } from '../model/names';

export default defineRule({
  id: 'row-unknown',
  severity: 'warning',
  description: 'row-unknown.description',
  fixable: false,
  tables: 'labels',
  check({ report, t, emit }) {
    for (const x of report.tables) {
      if (!x.def) continue;
      const misnamed = misnamedRows(x);
      for (const r of x.rows) {
        if (r.def) continue;
        const label = r.label.text;
        if (!label && r.layoutOnly) continue;
        if (!report.doc.text.slice(r.node.span.start, r.node.span.end).includes('|')) {
          // a note written right under the table, without a blank line: Markdown makes it a row
          // the line break goes before the previous line's own (after a lone \r, a \n would join it into one)
          const at = lineEndAt(report, lineStartAt(report, r.node.span.start) - 1);
          emit({
            span: labelSpan(r),
            message: t('row-unknown.note-under-table', { label, table: tableName(x) }),
            fixes: [
              {
                title: t('row-unknown.insert-blank-line'),
                safe: true,
                edits: [
                  inContainer(
                    report.doc.text,
                    { span: { start: at, end: at }, newText: eol(report) },
                    r.node.span.start,
                  ),
                ],
              },
            ],
            anchor: `${tableAnchor(x)}/note/${label}`,
          });
          continue;
        }
        const should = misnamed.get(r);
        if (should) {
          emit({
            span: labelSpan(r),
            message: t('row-unknown.variant', { table: tableName(x), label, label2: should.label }),
            fixes: [
              {
                title: t('column-unknown.change', { label: should.label }),
                safe: false,
                edits: [{ span: r.label.span, newText: should.label }],
              },
            ],
            anchor: `${tableAnchor(x)}/row/${label}`,
          });
          continue;
        }
        emit({
          span: labelSpan(r),
          message: label ? t('row-unknown.unknown', { table: tableName(x), label }) : t('row-unknown.no-label'),
          anchor: `${tableAnchor(x)}/row/${label}`,
        });
      }
    }
  },
});
