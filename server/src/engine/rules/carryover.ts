import { APPLICANT_COLUMN_LABEL, isPreviousYear } from '../model/crossyear';
import { formatFigure as fmt, readable } from '../model/figures';
import { defineRule } from '../rule';

/**
 * 二、上年结转[c] = last year's 四、结转下年度继续办理[c], per applicant column, from this year's and
 * last year's facts (`ctx.crossYear`). Two years are compared only when they are the same 机关,
 * adjacent 年度 and the same 格式 (the tables of the 2019 and 2021 formats do not line up).
 */
export default defineRule({
  id: 'carryover',
  severity: 'warning',
  description: 'carryover.description',
  fixable: true,
  tables: 'figures',
  crossFile: true,
  check(ctx) {
    const { t } = ctx;
    const cy = ctx.crossYear;
    if (!cy) return;
    const cur = cy.current;
    const prev = cy.previous.facts;
    if (!isPreviousYear(cur, prev) || cur.format !== prev.format) return;
    if (!cur.carried || !prev.carryNext) return;
    const prevYear = prev.year!;
    const name = cy.previous.name;
    const where = name ? t('carryover.previous-file', { previousName: name }) : '';
    const carried = cur.carried.cells;
    const lastCells = prev.carryNext.cells;
    const delta = (col: string): number => {
      const a = carried[col],
        b = lastCells[col];
      return readable(a) && readable(b) ? b.value - a.value : 0;
    };
    const others = Object.keys(carried).filter((c) => c !== 'total' && delta(c) !== 0);
    // the 总计 column mirrors the others: when its difference is theirs, it moves with their fix
    const totalMirrors =
      others.length > 0 &&
      delta('total') !== 0 &&
      Math.abs(delta('total') - others.reduce((a, c) => a + delta(c), 0)) < 1e-9;
    const totalCell = carried.total;
    for (const [col, cell] of Object.entries(carried)) {
      const last = lastCells[col];
      if (!readable(cell) || !readable(last) || cell.value === last.value) continue;
      if (col === 'total' && totalMirrors) continue;
      const companion =
        col !== 'total' && totalMirrors && others.length === 1 && readable(totalCell) && readable(lastCells.total)
          ? [{ span: totalCell.span, newText: fmt(lastCells.total.value) }]
          : [];
      const colName = APPLICANT_COLUMN_LABEL.get(col) ?? col;
      const newText = cell.span.end > cell.span.start ? fmt(last.value) : ` ${fmt(last.value)} `;
      ctx.emit({
        message: t('carryover.differs', {
          column: colName,
          value: fmt(cell.value),
          prevYear,
          where,
          last: fmt(last.value),
        }),
        span: cell.span,
        fixes: [
          {
            title: t('carryover.set-to-last-year', { last: fmt(last.value) }),
            safe: false,
            edits: [{ span: cell.span, newText }, ...companion],
          },
        ],
        anchor: `三/applications/carried/${col}`,
      });
    }
  },
});
