/** The four arithmetic rules share one evaluation (arith.ts); each reports its own findings. */
import { defineRule, type Rule } from '../rule';
import { cellOf, findings, type Instance } from '../arith';
import type { ReportTable } from '../model';
import { cellName, colLabel, fmtNumber, rowShort, tableAnchor } from './util';
import { proseClaims, statedCell } from './narrative-number';

type Ref = { row: string; col: string };
type Tr = (zh: string, en: string) => string;

function termName(t: ReportTable, i: Instance, ref: Ref): string {
  const n = i.eq.per === 'row' ? colLabel(t, ref.col) : rowShort(t, ref.row);
  // “（三）4 1” would read as (三)41: “（三）4项 1”
  return /\d$/.test(n) ? `${n}项` : n;
}

/** The terms of one side of a sum; a long side names only its non-zero terms. */
function terms(t: ReportTable, i: Instance, refs: Ref[], values: (ref: Ref) => number | undefined, tr: Tr): string[] {
  const all = refs.map((r) => ({ r, v: values(r) ?? 0 }));
  if (all.length <= 8) return all.map(({ r, v }) => `${termName(t, i, r)} ${fmtNumber(v)}`);
  const shown = all.filter(({ v }) => v !== 0).map(({ r, v }) => `${termName(t, i, r)} ${fmtNumber(v)}`);
  return shown.length < all.length ? [...shown, tr('其余各项 0', 'the rest 0')] : shown;
}

function describe(t: ReportTable, i: Instance, values: (ref: Ref) => number | undefined, tr: Tr): string {
  return `${terms(t, i, i.lhs, values, tr).join(' + ') || '0'} = ${terms(t, i, i.rhs, values, tr).join(' + ')}`;
}

export function arithmeticRule(id: string, severity: Rule['severity'], zh: string, en: string): Rule {
  return defineRule({
    id,
    severity,
    description: { zh, en },
    fixable: true,
    check({ report, t, emit }) {
      // the figures the prose states, cell by cell (read once, and only when a sum fails)
      let said: { table: ReportTable; row: string; col: string; value: number }[] | undefined;
      const saidOf = (): typeof said & object =>
        (said ??= proseClaims(report)
          .flatMap(({ claims }) => claims)
          .map((c) => ({ at: statedCell(report, c), value: c.value }))
          .flatMap(({ at, value }) => (at ? [{ ...at, value }] : [])));
      for (const x of report.tables) {
        if (!x.def) continue;
        for (const f of findings(x)) {
          if (f.rule !== id) continue;
          const cell = cellOf(x, f.cell);
          if (!cell) continue;
          const val = (ref: { row: string; col: string }): number | undefined => cellOf(x, ref)?.value;
          const first = f.instances[0];
          const others = (side: Ref[]): string =>
            terms(
              x,
              first,
              side.filter((r) => !(r.row === f.cell.row && r.col === f.cell.col)),
              val,
              t,
            ).join(' + ');
          const inL = first.lhs.some((r) => r.row === f.cell.row && r.col === f.cell.col);
          const same = others(inL ? first.lhs : first.rhs);
          const opposite = others(inL ? first.rhs : first.lhs);
          const how = same ? `${opposite} − ${same.replace(/ \+ /g, ' − ')}` : opposite;
          const name = cellName(x, f.cell);
          const expected = fmtNumber(f.expected);
          const actual = fmtNumber(f.actual);
          const extra = f.instances
            .slice(1)
            .map((i) => describe(x, i, val, t))
            .join('；');
          const negative = f.expected < 0 && first.eq.nonNegative;
          const support = f.corroboratedBy[0];
          // a total the prose states as written: the addends are the likelier mistake
          const stated =
            !support &&
            f.isTarget &&
            saidOf().some(
              (c) =>
                c.table === x && c.row === f.cell.row && c.col === f.cell.col && Math.abs(c.value - f.actual) < 1e-9,
            );
          const message = negative
            ? t(
                `勾稽关系不成立：${describe(x, first, val, t).replace(' = ', ' ≠ ')}；要使其平衡，“${name}”须为 ${expected}，而件数不能为负数：错误在其他数字中，请逐项核对`,
                `The sum does not balance: ${describe(x, first, val, t).replace(' = ', ' ≠ ')}; “${name}” would have to be ${expected}, and a count cannot be negative: the mistake is in the other figures`,
              )
            : support
              ? t(
                  `“${name}”为 ${actual}，但按勾稽关系应为 ${expected}（${how}）；而 ${actual} 与“${describe(x, support, val, t)}”相符，错误更可能在其他数字中（如同一申请重复计数或漏计），请逐项核对`,
                  `“${name}” is ${actual}, but the sum gives ${expected} (${how}); yet ${actual} agrees with “${describe(x, support, val, t)}”, so the mistake is more likely in the other figures (an application counted twice or left out): check them one by one`,
                )
              : stated
                ? t(
                    `“${name}”为 ${actual}，但按勾稽关系应为 ${expected}（${how}）；而正文也称 ${actual}，错误更可能在其他数字中，请逐项核对`,
                    `“${name}” is ${actual}, but the sum gives ${expected} (${how}); yet the text also says ${actual}, so the mistake is more likely in the other figures: check them one by one`,
                  )
                : f.isTarget && f.instances.length === 1
                  ? t(
                      `“${name}”应为 ${expected}（${how}），实为 ${actual}`,
                      `“${name}” should be ${expected} (${how}), but is ${actual}`,
                    )
                  : t(
                      `“${name}”应为 ${expected}（${how}），实为 ${actual}；改为 ${expected} 后，它所在的 ${f.instances.length} 个勾稽关系都将平衡${extra ? `（现不平衡：${extra}）` : ''}`,
                      `“${name}” should be ${expected} (${how}), but is ${actual}; with ${expected}, all ${f.instances.length} sums it takes part in balance`,
                    );
          const related = [...first.lhs, ...first.rhs]
            .filter((r) => !(r.row === f.cell.row && r.col === f.cell.col))
            .map((r) => ({ ref: r, c: cellOf(x, r) }))
            .filter((r) => r.c)
            .map((r) => ({ span: r.c!.node.span, message: `${cellName(x, r.ref)} = ${fmtNumber(r.c!.value ?? 0)}` }));
          // no fix where the value cannot be right (negative); where sums that hold now or the prose
          // bear out the figure as written, setting it is offered as a choice, never applied by fix-all
          const canFix = !negative;
          const doubted = !!support || stated;
          const moved = f.companions.map((c) => ({ c, cell: cellOf(x, c.cell) })).filter((c) => c.cell);
          const also = moved.map(({ c }) =>
            t(
              `“${cellName(x, c.cell)}”相应改为 ${fmtNumber(c.value)}`,
              `“${cellName(x, c.cell)}” to ${fmtNumber(c.value)}`,
            ),
          );
          const title = also.length
            ? t(
                `将“${name}”改为 ${expected}，${also.join('，')}`,
                `Set “${name}” to ${expected}, and ${also.join(', ')}`,
              )
            : t(`将“${name}”改为 ${expected}`, `Set “${name}” to ${expected}`);
          const edits = [
            { span: cell.node.span, newText: expected },
            ...moved.map(({ c, cell: mc }) => ({ span: mc!.node.span, newText: fmtNumber(c.value) })),
          ];
          const fixes = canFix ? [{ title, safe: f.safe && !doubted, edits }] : [];
          // the figure as typed may be the new one: keep it and move the totals instead
          const keep = (f.alternative ?? []).map((a) => ({ a, c: cellOf(x, a.cell) })).filter((k) => k.c);
          if (canFix && f.alternative && keep.length === f.alternative.length) {
            const moves = keep.map(({ a }) => `“${cellName(x, a.cell)}”改为 ${fmtNumber(a.value)}`);
            const movesEn = keep.map(({ a }) => `“${cellName(x, a.cell)}” to ${fmtNumber(a.value)}`);
            fixes.push({
              title: t(
                `保留“${name}”为 ${actual}，将${moves.join('，')}`,
                `Keep “${name}” at ${actual}, and set ${movesEn.join(', ')}`,
              ),
              safe: false,
              edits: keep.map(({ a, c }) => ({ span: c!.node.span, newText: fmtNumber(a.value) })),
            });
          }
          emit({
            span: cell.node.span,
            message,
            related,
            fixes,
            anchor: `${tableAnchor(x)}/${f.cell.row}/${f.cell.col}`,
          });
        }
      }
    },
  });
}
