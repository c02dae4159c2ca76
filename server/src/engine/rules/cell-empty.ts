import { defineRule } from '../rule';
import { impliedValues } from '../arith';
import { cellName, fmtNumber, labelSpan, tableAnchor } from './util';

export default defineRule({
  id: 'cell-empty',
  severity: 'warning',
  description: { zh: '数字单元格为空，或只有“—”“/”“无”等占位符', en: 'A number cell is empty or holds only a blank marker (—, /, 无, N/A)' },
  fixable: true,
  check({ report, t, emit }) {
    for (const x of report.tables) {
      if (!x.def) continue;
      for (const r of x.rows) {
        if (!r.def || r.def.group || r.duplicate) continue;
        const blanks = r.cells.map((c, j) => ({ c, col: x.columns[j]! })).filter(({ c, col }) => col.def && (c.state === 'empty' || c.state === 'blank'));
        if (blanks.length === 0) continue;
        const matched = r.cells.filter((_, j) => x.columns[j]!.def).length;
        if (blanks.length === matched && matched > 1) {
          // the whole row is unfilled: one finding for the row
          const allEmpty = blanks.every(({ c }) => c.state === 'empty');
          emit({
            span: labelSpan(r),
            message: t(`“${r.def.label}”整行未填写${allEmpty ? '' : '（只有占位符）'}；没有发生的请填 0`, `The row “${r.def.label}” is not filled in; write 0 where nothing happened`),
            fixes: [{
              title: t('整行填入 0', 'Fill the row with 0'),
              safe: false,
              edits: blanks.map(({ c }) => ({ span: c.node.span, newText: c.node.span.end > c.node.span.start || c.state === 'blank' ? '0' : ' 0 ' })),
            }],
            anchor: `${tableAnchor(x)}/${r.def.id}/empty`,
          });
          continue;
        }
        for (const { c, col } of blanks) {
          const ref = { row: r.def.id, col: col.def!.id };
          const implied = impliedValues(x, ref).filter((v) => v >= 0 && Number.isInteger(v));
          const value = implied.length === 1 ? implied[0]! : undefined;
          const written = c.node.text;
          const pad = (v: string): string => (c.node.span.end > c.node.span.start ? v : ` ${v} `);
          emit({
            span: c.node.span.end > c.node.span.start ? c.node.span : { start: c.node.span.start, end: c.node.span.start },
            message: value !== undefined
              ? t(`“${cellName(x, ref)}”${written ? `为“${written}”` : '为空'}；按勾稽关系应为 ${fmtNumber(value)}（没有发生的请填 0，空白不等于 0）`,
                `“${cellName(x, ref)}” is ${written ? `“${written}”` : 'empty'}; the sums imply ${fmtNumber(value)} (write 0 where nothing happened: a blank is not 0)`)
              : t(`“${cellName(x, ref)}”${written ? `为“${written}”` : '为空'}；没有发生的请填 0（空白不等于 0）`,
                `“${cellName(x, ref)}” is ${written ? `“${written}”` : 'empty'}; write 0 where nothing happened (a blank is not 0)`),
            fixes: value !== undefined
              ? [{ title: t(`填入 ${fmtNumber(value)}（由勾稽关系推出）`, `Write ${fmtNumber(value)} (implied by the sums)`), safe: false, edits: [{ span: c.node.span, newText: pad(fmtNumber(value)) }] }]
              : [{ title: t('填入 0', 'Write 0'), safe: false, edits: [{ span: c.node.span, newText: pad('0') }] }],
            anchor: `${tableAnchor(x)}/${ref.row}/${ref.col}/empty`,
          });
        }
      }
    }
  },
});
