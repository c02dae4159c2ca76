/** The four arithmetic rules share one evaluation (arith.ts); each reports its own findings. */
import { defineRule, type Fix, type Rule } from '../rule';
import type { PlainMessageId, Translate } from '../../messages';
import { cellOf, findings, instancesOf, type Instance } from '../arith/equations';
import { readCell, type ReportTable } from '../model';
import { cellName, colLabel, rowShort, tableAnchor } from '../model/names';
import { formatFigure, readable } from '../model/figures';
import { proseClaims, statedCell } from './narrative-number';

type Ref = { row: string; col: string; key?: string };

function termName(t: ReportTable, i: Instance, ref: Ref): string {
  const n = i.eq.per === 'row' ? colLabel(t, ref.col) : rowShort(t, ref.row);
  // “（三）4 1” would read as (三)41: “（三）4项 1”
  return /\d$/.test(n) ? `${n}项` : n;
}

/** The terms of one side of a sum; a long side names only its non-zero terms. */
function terms(
  t: ReportTable,
  i: Instance,
  refs: Ref[],
  values: (ref: Ref) => number | undefined,
  tr: Translate,
): string[] {
  const all = refs.map((r) => ({ r, v: values(r) ?? 0 }));
  if (all.length <= 8) return all.map(({ r, v }) => `${termName(t, i, r)} ${formatFigure(v)}`);
  const shown = all.filter(({ v }) => v !== 0).map(({ r, v }) => `${termName(t, i, r)} ${formatFigure(v)}`);
  return shown.length < all.length ? [...shown, tr('arithmetic.rest-zero')] : shown;
}

function describe(t: ReportTable, i: Instance, values: (ref: Ref) => number | undefined, tr: Translate): string {
  return `${terms(t, i, i.lhs, values, tr).join(' + ') || '0'} = ${terms(t, i, i.rhs, values, tr).join(' + ')}`;
}

/**
 * Whether the table, with `changes` written into its cells (and nothing else changed), reads those
 * values and has every sum with all its cells hold: the fix then settles the table (`figures`).
 */
function settles(x: ReportTable, changes: { ref: Ref; text: string }[]): boolean {
  const values = new Map<string, number>();
  const keyOf = (ref: Ref): string => ref.key ?? `${ref.row}\u0000${ref.col}`;
  for (const { ref, text } of changes) {
    const j = x.colById.get(ref.col);
    const read = readCell(text, j === undefined ? undefined : x.columns[j].def);
    if (read.state !== 'ok' || read.value === undefined || !readable(cellOf(x, ref))) return false;
    values.set(keyOf(ref), read.value);
  }
  const value = (ref: Ref): number | undefined => {
    const v = values.get(keyOf(ref));
    if (v !== undefined) return v;
    const c = cellOf(x, ref);
    return readable(c) ? c.value : undefined;
  };
  const sum = (refs: readonly Ref[]): number => {
    let s = 0;
    for (const r of refs) {
      const v = value(r);
      if (v === undefined) return NaN;
      s += v;
    }
    return s;
  };
  for (const i of instancesOf(x)) {
    const d = sum(i.lhs) - sum(i.rhs);
    // NaN: a cell of the sum is not readable, and the sum is not judged
    if (Math.abs(d) > 1e-6) return false;
  }
  return true;
}

export function arithmeticRule(id: string, severity: Rule['severity'], description: PlainMessageId): Rule {
  return defineRule({
    id,
    severity,
    description,
    fixable: true,
    tables: 'figures',
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
          const expected = formatFigure(f.expected);
          const actual = formatFigure(f.actual);
          const extra = f.instances
            .slice(1)
            .map((i) => describe(x, i, val, t))
            .join(t('common.clause-separator'));
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
            ? t('arithmetic.negative', { sum: describe(x, first, val, t).replace(' = ', ' ≠ '), name, expected })
            : support
              ? t('arithmetic.corroborated', { name, actual, expected, how, describe: describe(x, support, val, t) })
              : stated
                ? t('arithmetic.stated-in-text', { name, actual, expected, how })
                : f.isTarget && f.instances.length === 1
                  ? t('arithmetic.should-be', { name, expected, how, actual })
                  : t('arithmetic.should-be-several', {
                      name,
                      expected,
                      how,
                      actual,
                      count: f.instances.length,
                      unbalanced: extra ? t('arithmetic.now-unbalanced', { sums: extra }) : '',
                    });
          const related = [...first.lhs, ...first.rhs]
            .filter((r) => !(r.row === f.cell.row && r.col === f.cell.col))
            .map((r) => ({ ref: r, c: cellOf(x, r) }))
            .filter((r) => r.c)
            .map((r) => ({
              span: r.c!.node.span,
              message: `${cellName(x, r.ref)} = ${formatFigure(r.c!.value ?? 0)}`,
            }));
          // no fix where the value cannot be right (negative); where sums that hold now or the prose
          // bear out the figure as written, setting it is offered as a choice, never applied by fix-all
          const canFix = !negative;
          const doubted = !!support || stated;
          const moved = f.companions.map((c) => ({ c, cell: cellOf(x, c.cell) })).filter((c) => c.cell);
          const also = moved.map(({ c }) =>
            t('arithmetic.also-set', { cell: cellName(x, c.cell), value: formatFigure(c.value) }),
          );
          const title = also.length
            ? t('arithmetic.set-with-others', { name, expected, also: also.join(t('common.comma-separator')) })
            : t('arithmetic.set', { name, expected });
          const edits = [
            { span: cell.node.span, newText: expected },
            ...moved.map(({ c, cell: mc }) => ({ span: mc!.node.span, newText: formatFigure(c.value) })),
          ];
          const settled = settles(x, [
            { ref: f.cell, text: expected },
            ...moved.map(({ c }) => ({ ref: c.cell, text: formatFigure(c.value) })),
          ]);
          const fixes: Fix[] = canFix
            ? [
                {
                  title,
                  safe: f.safe && !doubted,
                  edits,
                  ...(settled ? { effect: 'figures' as const, reads: [x.node.span] } : {}),
                },
              ]
            : [];
          // the figure as typed may be the new one: keep it and move the totals instead
          const keep = (f.alternative ?? []).map((a) => ({ a, c: cellOf(x, a.cell) })).filter((k) => k.c);
          if (canFix && f.alternative && keep.length === f.alternative.length) {
            const moves = keep
              .map(({ a }) => t('arithmetic.keep-move', { cell: cellName(x, a.cell), value: formatFigure(a.value) }))
              .join(t('arithmetic.keep-move-separator'));
            fixes.push({
              title: t('arithmetic.keep-figure', { cell: name, value: actual, moves }),
              safe: false,
              edits: keep.map(({ a, c }) => ({ span: c!.node.span, newText: formatFigure(a.value) })),
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
