import { defineRule } from '../rule';
import type { Span } from '../text';
import { tableAnchor } from './util';

export default defineRule({
  id: 'label-variant',
  severity: 'warning',
  description: {
    zh: '表名、行标签或列名与官方文字相近但不完全一致',
    en: 'A table name, row label or header close to, but not exactly, the official text',
  },
  fixable: true,
  check({ report, t, emit }) {
    const variant = (span: Span, written: string, official: string, anchor: string): void => {
      emit({
        span,
        message: t(
          `应为官方文字“${official}”，实为“${written}”`,
          `Should read “${official}” (the official text), not “${written}”`,
        ),
        fixes: [
          {
            title: t(`改为“${official}”`, `Change to “${official}”`),
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
