import { defineRule } from '../rule';
import { labelSpan } from './util';
import { tableAnchor, tableName } from '../model/names';

export default defineRule({
  id: 'row-order',
  severity: 'warning',
  description: 'row-order.description',
  fixable: false,
  tables: 'labels',
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
            message: t('row-order.repeated', { label: r.def.label, table: tableName(x) }),
            anchor: `${tableAnchor(x)}/${r.def.id}/duplicate`,
          });
          continue;
        }
        const i = defs.indexOf(r.def);
        if (i < max) {
          emit({
            span: labelSpan(r),
            message: t('row-order.out-of-order', { label: r.def.label, maxLabel }),
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
