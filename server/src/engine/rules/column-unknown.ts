import { defineRule } from '../rule';
import { misnamedColumns, tableAnchor, tableName } from './util';

export default defineRule({
  id: 'column-unknown',
  severity: 'warning',
  description: { zh: '表头单元格与该表的任何官方列都不匹配', en: 'A header cell matches no column of its table' },
  fixable: false,
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
            message: t(
              `${tableName(x)}没有“${c.node.text}”这一列；此处应为“${should.label}”`,
              `${tableName(x)} has no column “${c.node.text}”; this should be “${should.label}”`,
            ),
            fixes: [
              {
                title: t(`改为“${should.label}”`, `Change to “${should.label}”`),
                safe: false,
                edits: [{ span: c.node.span, newText: should.label }],
              },
            ],
            anchor: `${tableAnchor(x)}/column/${c.node.text}`,
          });
          return;
        }
        const label = c.node.text;
        const cols = x.def!.columns.map((d) => `“${d.label}”`).join('、');
        emit({
          span: c.node.span.end > c.node.span.start ? c.node.span : x.node.header.span,
          message: label
            ? t(
                `${tableName(x)}没有“${label}”这一列；官方列为 ${cols}`,
                `${tableName(x)} has no column “${label}”; the official columns are ${cols}`,
              )
            : t(`表头有空白列；官方列为 ${cols}`, `A header cell is empty; the official columns are ${cols}`),
          anchor: `${tableAnchor(x)}/column/${label}`,
        });
      });
    }
  },
});
