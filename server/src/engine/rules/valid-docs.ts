import { formatFigure as fmt, isPreviousYear, readableFact as readable } from '../crossyear';
import { defineRule } from '../rule';

const DOC_ROW_LABEL: Record<string, string> = { rules: '规章', normative: '行政规范性文件' };

/**
 * 2021 format, per row of 第二十条第（一）项: 现行有效件数 = 上年现行有效件数 + 本年制发件数 −
 * 本年废止件数, from this year's and last year's facts (`ctx.crossYear`).
 */
export default defineRule({
  id: 'valid-docs',
  severity: 'info',
  description: {
    zh: '现行有效件数不等于上年现行有效件数 + 本年制发件数 − 本年废止件数',
    en: '现行有效件数 differs from last year’s 现行有效 + 本年制发 − 本年废止',
  },
  fixable: false,
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
    const where = name ? t(`（${name}）`, ` (${name})`) : '';
    for (const [rowId, row] of Object.entries(cur.docs)) {
      const last = prev.docs[rowId]?.cells.valid;
      const { made, repealed, valid } = row.cells;
      if (!readable(last) || !readable(made) || !readable(repealed) || !readable(valid)) continue;
      const expected = last.value + made.value - repealed.value;
      if (expected === valid.value) continue;
      const label = DOC_ROW_LABEL[rowId] ?? rowId;
      ctx.emit({
        message: t(
          `“${label} / 现行有效件数”为 ${fmt(valid.value)}；按 ${prevYear} 年报告${where}的现行有效 ${fmt(last.value)} + 本年制发 ${fmt(made.value)} − 本年废止 ${fmt(repealed.value)} 应为 ${fmt(expected)}（如有修订、清理或统计口径变化，请在正文说明）`,
          `“${label} / 现行有效件数” is ${fmt(valid.value)}; the ${prevYear} report${where} had ${fmt(last.value)} in force, + ${fmt(made.value)} made − ${fmt(repealed.value)} repealed = ${fmt(expected)} (explain revisions, clean-ups or a change of scope in the text)`,
        ),
        span: valid.span,
        related: [
          { span: made.span, message: t('本年制发件数', '本年制发件数 (made this year)') },
          { span: repealed.span, message: t('本年废止件数', '本年废止件数 (repealed this year)') },
        ],
        anchor: `二/art20-1/${rowId}/valid`,
      });
    }
  },
});
