import { defineRule } from '../rule';
import { labelSpan, tableAnchor, tableName } from './util';

export default defineRule({
  id: 'row-order',
  severity: 'warning',
  description: {
    zh: '行的顺序与官方格式不一致，或同一行重复出现',
    en: 'Rows out of the official order, or a row repeated',
  },
  fixable: false,
  check({ report, t, emit }) {
    for (const x of report.tables) {
      if (!x.def) continue;
      const defs = x.def.rows;
      let max = -1;
      let maxLabel = '';
      for (const r of x.rows) {
        if (!r.def) continue;
        if (r.duplicate) {
          emit({
            span: labelSpan(r),
            message: t(
              `“${r.def.label}”在${tableName(x)}中重复出现`,
              `“${r.def.label}” appears twice in ${tableName(x)}`,
            ),
            anchor: `${tableAnchor(x)}/${r.def.id}/duplicate`,
          });
          continue;
        }
        const i = defs.indexOf(r.def);
        if (i < max) {
          emit({
            span: labelSpan(r),
            message: t(`“${r.def.label}”应在“${maxLabel}”之前`, `“${r.def.label}” should come before “${maxLabel}”`),
            anchor: `${tableAnchor(x)}/${r.def.id}/order`,
          });
        } else {
          max = i;
          maxLabel = r.def.label;
        }
      }
    }
  },
});
