import { isPreviousYear } from '../model/crossyear';
import { formatFigure as fmt, readable } from '../model/figures';
import { defineRule } from '../rule';

const DOC_ROW_LABEL: Record<string, string> = { rules: '规章', normative: '行政规范性文件' };

/**
 * 2021 format, per row of 第二十条第（一）项: 现行有效件数 = 上年现行有效件数 + 本年制发件数 −
 * 本年废止件数, from this year's and last year's facts (`ctx.crossYear`).
 */
export default defineRule({
  id: 'valid-docs',
  severity: 'info',
  description: 'valid-docs.description',
  fixable: false,
  tables: 'figures',
  crossFile: true,
  check(ctx) {
    const { t } = ctx;
    const cy = ctx.crossYear;
    if (!cy) return;
    const cur = cy.current;
    const prev = cy.previous.facts;
    if (!isPreviousYear(cur, prev) || cur.format !== prev.format) return;
    if (cur.format !== '2021' || !cur.docs || !prev.docs) return;
    const prevYear = prev.year!;
    const name = cy.previous.name;
    const where = name ? t('carryover.previous-file', { previousName: name }) : '';
    for (const [rowId, row] of Object.entries(cur.docs)) {
      const last = prev.docs[rowId]?.cells.valid;
      const { made, repealed, valid } = row.cells;
      if (!readable(last) || !readable(made) || !readable(repealed) || !readable(valid)) continue;
      const expected = last.value + made.value - repealed.value;
      if (expected === valid.value) continue;
      const label = DOC_ROW_LABEL[rowId] ?? rowId;
      ctx.emit({
        message: t('valid-docs.differs', {
          row: label,
          value: fmt(valid.value),
          prevYear,
          where,
          last: fmt(last.value),
          made: fmt(made.value),
          repealed: fmt(repealed.value),
          expected: fmt(expected),
        }),
        span: valid.span,
        related: [
          { span: made.span, message: t('valid-docs.made') },
          { span: repealed.span, message: t('valid-docs.repealed') },
        ],
        anchor: `二/art20-1/${rowId}/valid`,
      });
    }
  },
});
