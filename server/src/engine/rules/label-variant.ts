import { defineRule } from '../rule';
import type { Span } from '../text';
import { tableAnchor } from '../model/names';

export default defineRule({
  id: 'label-variant',
  severity: 'warning',
  description: 'label-variant.description',
  fixable: true,
  check({ report, t, emit }) {
    const variant = (span: Span, written: string, official: string, anchor: string): void => {
      emit({
        span,
        message: t('label-variant.variant', { official, written }),
        fixes: [
          {
            title: t('label-variant.change', { official }),
            safe: true,
            edits: [{ span, newText: official }],
          },
        ],
        anchor,
      });
    };
    for (const x of report.tables) {
      if (!x.def) continue;
      const key = x.node.header.cells[0];
      if (key && x.keyMatch !== 'exact' && key.text !== '')
        variant(key.span, key.text, x.def.key, `${tableAnchor(x)}/key`);
      for (const c of x.columns)
        if (c.def && c.match === 'variant')
          variant(c.node.span, c.node.text, c.def.label, `${tableAnchor(x)}/column/${c.def.id}`);
      for (const r of x.rows)
        if (r.def && r.match === 'variant' && !r.duplicate)
          variant(r.label.span, r.label.text, r.def.label, `${tableAnchor(x)}/row/${r.def.id}`);
    }
  },
});
