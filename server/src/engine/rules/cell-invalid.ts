import { defineRule } from '../rule';
import { cellName, tableAnchor } from '../model/names';
import { readCell } from '../model';

export default defineRule({
  id: 'cell-invalid',
  severity: 'error',
  description: 'cell-invalid.description',
  fixable: true,
  tables: 'figures',
  check({ report, t, emit }) {
    for (const x of report.tables) {
      if (!x.def) continue;
      for (const r of x.rows) {
        if (!r.def || r.duplicate) continue;
        if (r.def.group) continue;
        r.cells.forEach((c, j) => {
          const col = x.columns[j].def;
          if (!col || (c.state !== 'normalizable' && c.state !== 'invalid')) return;
          const name = cellName(x, { row: r.def!.id, col: col.id });
          const anchor = `${tableAnchor(x)}/${r.def!.id}/${col.id}/invalid`;
          if (c.state === 'normalizable') {
            // the plain figure reads as the same value: a change of spelling
            const plain = readCell(c.normalized ?? '', col);
            const spelling = plain.state === 'ok' && plain.value === c.value && !/[|\\]/.test(c.normalized ?? '');
            const why =
              {
                fullwidth: t('cell-invalid.why-fullwidth'),
                thousands: t('cell-invalid.why-thousands'),
                spaces: t('cell-invalid.why-spaces'),
                unit: t('cell-invalid.why-unit'),
              }[c.reason as 'fullwidth' | 'thousands' | 'spaces' | 'unit'] ?? '';
            emit({
              span: c.node.span,
              severity: 'warning',
              message: t('cell-invalid.write', { name, why, normalized: c.normalized ?? '' }),
              fixes: [
                {
                  title: t('cell-invalid.change', { normalized: c.normalized ?? '' }),
                  safe: true,
                  edits: [{ span: c.node.span, newText: c.normalized! }],
                  ...(spelling ? { effect: 'spelling' as const } : {}),
                },
              ],
              anchor,
            });
          } else if (c.state === 'invalid') {
            const msg =
              c.reason === 'negative'
                ? t('cell-invalid.negative', { name, text: c.node.text })
                : c.reason === 'fraction'
                  ? t('cell-invalid.not-whole', { name, text: c.node.text })
                  : t('cell-invalid.not-number', { name, text: c.node.text });
            emit({ span: c.node.span, message: msg, anchor });
          }
        });
      }
    }
  },
});
