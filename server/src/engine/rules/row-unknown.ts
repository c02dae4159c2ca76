import { defineRule } from '../rule';
import { inContainer } from '../container';
import { eol, lineEndAt, lineStartAt } from '../edits';
import { labelSpan, misnamedRows, tableAnchor, tableName } from './util';

export default defineRule({
  id: 'row-unknown',
  severity: 'warning',
  description: { zh: '行标签与该表的任何官方行都不匹配', en: 'A row label matches nothing in its table' },
  fixable: false,
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
            message: t(
              `“${label}”紧接在表格下方，会被当作${tableName(x)}的一行；表注与表格之间请空一行`,
              `“${label}”, right under the table, is read as a row of ${tableName(x)}; leave a blank line between the table and its note`,
            ),
            fixes: [
              {
                title: t('在表格与此行之间空一行', 'Leave a blank line before this line'),
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
            message: t(
              `${tableName(x)}中没有“${label}”这一行；此处应为“${should.label}”`,
              `${tableName(x)} has no row “${label}”; this should be “${should.label}”`,
            ),
            fixes: [
              {
                title: t(`改为“${should.label}”`, `Change to “${should.label}”`),
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
          message: label
            ? t(
                `${tableName(x)}中没有“${label}”这一行；请使用官方行标签`,
                `${tableName(x)} has no row “${label}”; use the official row label`,
              )
            : t(`此行没有行标签`, `This row has no label`),
          anchor: `${tableAnchor(x)}/row/${label}`,
        });
      }
    }
  },
});
