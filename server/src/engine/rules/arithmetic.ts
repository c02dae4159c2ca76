/** The four arithmetic rules share one evaluation (arith.ts); each reports its own findings. */
import { defineRule, type Rule } from '../rule';
import { cellOf, findings, type Instance } from '../arith';
import type { ReportTable } from '../model';
import { cellName, colLabel, fmtNumber, rowShort, tableAnchor } from './util';

function termName(t: ReportTable, i: Instance, ref: { row: string; col: string }): string {
  return i.eq.per === 'row' ? colLabel(t, ref.col) : rowShort(t, ref.row);
}

function describe(t: ReportTable, i: Instance, values: (ref: { row: string; col: string }) => number | undefined, exclude?: string): string {
  const side = (refs: { row: string; col: string }[]): string[] =>
    refs.filter((r) => `${r.row}/${r.col}` !== exclude).map((r) => `${termName(t, i, r)} ${fmtNumber(values(r) ?? 0)}`);
  return `${side(i.lhs).join(' + ') || '0'} = ${side(i.rhs).join(' + ')}`;
}

export function arithmeticRule(id: string, severity: Rule['severity'], zh: string, en: string): Rule {
  return defineRule({
    id,
    severity,
    description: { zh, en },
    fixable: true,
    check({ report, t, emit }) {
      for (const x of report.tables) {
        if (!x.def) continue;
        for (const f of findings(x)) {
          if (f.rule !== id) continue;
          const cell = cellOf(x, f.cell);
          if (!cell) continue;
          const val = (ref: { row: string; col: string }): number | undefined => cellOf(x, ref)?.value;
          const first = f.instances[0]!;
          const others = (side: { row: string; col: string }[]): string =>
            side.filter((r) => !(r.row === f.cell.row && r.col === f.cell.col)).map((r) => `${termName(x, first, r)} ${fmtNumber(val(r) ?? 0)}`).join(' + ');
          const inL = first.lhs.some((r) => r.row === f.cell.row && r.col === f.cell.col);
          const same = others(inL ? first.lhs : first.rhs);
          const opposite = others(inL ? first.rhs : first.lhs);
          const how = same ? `${opposite} − ${same.replace(/ \+ /g, ' − ')}` : opposite;
          const name = cellName(x, f.cell);
          const expected = fmtNumber(f.expected);
          const actual = fmtNumber(f.actual);
          const extra = f.instances.slice(1).map((i) => describe(x, i, val)).join('；');
          const message = f.isTarget && f.instances.length === 1
            ? t(`“${name}”应为 ${expected}（${how}），实为 ${actual}`, `“${name}” should be ${expected} (${how}), but is ${actual}`)
            : t(`“${name}”应为 ${expected}（${how}），实为 ${actual}；改为 ${expected} 后，它所在的 ${f.instances.length} 个勾稽关系都将平衡${extra ? `（现不平衡：${extra}）` : ''}`,
              `“${name}” should be ${expected} (${how}), but is ${actual}; with ${expected}, all ${f.instances.length} sums it takes part in balance`);
          const related = [...first.lhs, ...first.rhs]
            .filter((r) => !(r.row === f.cell.row && r.col === f.cell.col))
            .map((r) => ({ ref: r, c: cellOf(x, r) }))
            .filter((r) => r.c)
            .map((r) => ({ span: r.c!.node.span, message: `${cellName(x, r.ref)} = ${fmtNumber(r.c!.value ?? 0)}` }));
          const canFix = f.expected >= 0 || !first.eq.nonNegative;
          const moved = f.companions.map((c) => ({ c, cell: cellOf(x, c.cell) })).filter((c) => c.cell);
          const also = moved.map(({ c }) => t(`“${cellName(x, c.cell)}”相应改为 ${fmtNumber(c.value)}`, `“${cellName(x, c.cell)}” to ${fmtNumber(c.value)}`));
          const title = also.length
            ? t(`将“${name}”改为 ${expected}，${also.join('，')}`, `Set “${name}” to ${expected}, and ${also.join(', ')}`)
            : t(`将“${name}”改为 ${expected}`, `Set “${name}” to ${expected}`);
          const edits = [{ span: cell.node.span, newText: expected }, ...moved.map(({ c, cell: mc }) => ({ span: mc!.node.span, newText: fmtNumber(c.value) }))];
          emit({
            span: cell.node.span,
            message,
            related,
            fixes: canFix ? [{ title, safe: f.safe, edits }] : [],
            anchor: `${tableAnchor(x)}/${f.cell.row}/${f.cell.col}`,
          });
        }
      }
    },
  });
}
