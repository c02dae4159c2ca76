import { defineRule } from '../rule';
import { misnamedColumns } from './util';
import { tableAnchor, tableName } from '../model/names';

export default defineRule({
  id: 'column-unknown',
  severity: 'warning',
  description: 'column-unknown.description',
  fixable: false,
  tables: 'labels',
  check({ report, t, emit }) {
    for (const x of report.tables) {
      if (!x.def) continue;
      const misnamed = misnamedColumns(x);
      x.columns.forEach((c, j) => {
        if (c.def) return;
        const should = misnamed.get(j);
        if (should && c.node.text) {
          emit({
            span: c.node.span,
            message: t('column-unknown.variant', { table: tableName(x), text: c.node.text, label: should.label }),
            fixes: [
              {
                title: t('column-unknown.change', { label: should.label }),
                safe: false,
                edits: [{ span: c.node.span, newText: should.label }],
              },
            ],
            anchor: `${tableAnchor(x)}/column/${c.node.text}`,
          });
          return;
        }
        const label = c.node.text;
        const cols = x.def!.columns.map((d) => `“${d.label}”`).join(t('common.list-separator'));
        emit({
          span: c.node.span.end > c.node.span.start ? c.node.span : x.node.header.span,
          message: label
            ? t('column-unknown.unknown', { table: tableName(x), label, cols })
            : t('column-unknown.empty-header', { cols }),
          anchor: `${tableAnchor(x)}/column/${label}`,
        });
      });
    }
  },
});
