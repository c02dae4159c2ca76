import { defineRule } from '../rule';
import { tableAnchor, tableName } from './util';

export default defineRule({
  id: 'column-unknown',
  severity: 'warning',
  description: { zh: '表头单元格与该表的任何官方列都不匹配', en: 'A header cell matches no column of its table' },
  fixable: false,
  check({ report, t, emit }) {
    for (const x of report.tables) {
      if (!x.def) continue;
      x.columns.forEach((c) => {
        if (c.def) return;
        const label = c.node.text;
        const cols = x.def!.columns.map((d) => `“${d.label}”`).join('、');
        emit({
          span: c.node.span.end > c.node.span.start ? c.node.span : x.node.header.span,
          message: label
            ? t(`${tableName(x)}没有“${label}”这一列；官方列为 ${cols}`, `${tableName(x)} has no column “${label}”; the official columns are ${cols}`)
            : t(`表头有空白列；官方列为 ${cols}`, `A header cell is empty; the official columns are ${cols}`),
          anchor: `${tableAnchor(x)}/column/${label}`,
        });
      });
    }
  },
});
