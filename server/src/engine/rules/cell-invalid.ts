import { defineRule } from '../rule';
import { cellName, tableAnchor } from './util';

export default defineRule({
  id: 'cell-invalid',
  severity: 'error',
  description: {
    zh: '单元格不是合法数字：非数字、不应为负数、计数出现小数；全角数字或千位分隔符（警告）',
    en: 'A cell is not a valid number: text, negative, or fractional where a count is required; full-width digits or thousands separators (warning)',
  },
  fixable: true,
  check({ report, t, emit }) {
    for (const x of report.tables) {
      if (!x.def) continue;
      for (const r of x.rows) {
        if (!r.def || r.duplicate) continue;
        if (r.def.group) continue;
        r.cells.forEach((c, j) => {
          const col = x.columns[j].def;
          if (!col) return;
          const name = cellName(x, { row: r.def!.id, col: col.id });
          const anchor = `${tableAnchor(x)}/${r.def!.id}/${col.id}/invalid`;
          if (c.state === 'normalizable') {
            const why =
              {
                fullwidth: t('使用了全角数字', 'uses full-width digits'),
                thousands: t('使用了千位分隔符', 'uses thousands separators'),
                spaces: t('数字中有空格', 'has spaces inside the number'),
                unit: t('数字后带有单位', 'carries a unit after the number'),
              }[c.reason as 'fullwidth' | 'thousands' | 'spaces' | 'unit'] ?? '';
            emit({
              span: c.node.span,
              severity: 'warning',
              message: t(`“${name}”${why}，应写作 ${c.normalized}`, `“${name}” ${why}; write ${c.normalized}`),
              fixes: [
                {
                  title: t(`改为 ${c.normalized}`, `Change to ${c.normalized}`),
                  safe: true,
                  edits: [{ span: c.node.span, newText: c.normalized! }],
                },
              ],
              anchor,
            });
          } else if (c.state === 'invalid') {
            const msg =
              c.reason === 'negative'
                ? t(`“${name}”不能为负数（${c.node.text}）`, `“${name}” cannot be negative (${c.node.text})`)
                : c.reason === 'fraction'
                  ? t(
                      `“${name}”是件数，应为整数（${c.node.text}）`,
                      `“${name}” is a count and must be a whole number (${c.node.text})`,
                    )
                  : t(`“${name}”应为数字，实为“${c.node.text}”`, `“${name}” must be a number, not “${c.node.text}”`);
            emit({ span: c.node.span, message: msg, anchor });
          }
        });
      }
    }
  },
});
