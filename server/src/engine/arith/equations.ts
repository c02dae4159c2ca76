/**
 * The arithmetic of a table (勾稽关系): evaluate every equation of its definition, and find for
 * each failure the one cell to blame, so that one wrong figure draws one diagnostic.
 *
 * An equation is skipped when one of its cells is missing, empty or unreadable (that cell's own
 * diagnostic speaks). When several equations fail and one cell explains them all — a single value
 * of it makes every equation it takes part in hold — the blame goes to that cell alone.
 */
import type { Equation, TableDef } from '../forms';
import type { Cell, ReportTable } from '../model';
import { readable, roundFigure } from '../model/figures';

export interface CellRef {
  row: string;
  col: string;
  /** precomputed key(row, col) */ key?: string;
}
export interface Instance {
  eq: Equation;
  /** the row (per:'row') or column (per:'column') the equation is taken over */
  along: string;
  lhs: CellRef[];
  rhs: CellRef[];
  target: CellRef;
  /** lhs then rhs: every cell of the equation */
  cells: CellRef[];
}
export interface Finding {
  rule: string;
  cell: CellRef;
  /** the value that makes the failing equations hold */
  expected: number;
  actual: number;
  /** the equations this finding explains (the first one names the rule) */
  instances: Instance[];
  /** a safe fix (sets a total) rather than a choice */
  safe: boolean;
  /** the target cell of its equation (a total) rather than an addend */
  isTarget: boolean;
  /**
   * Totals that must move with the cell so that the sums which hold now keep holding (the 总计 of
   * its row when the fix changes one applicant column): part of the same fix.
   */
  companions: { cell: CellRef; value: number }[];
  /**
   * Sums that hold now and would break with the new value: the cell's present value is borne out
   * by them, so the mistake is more likely among the addends (no fix is offered).
   */
  corroboratedBy: Instance[];
  /**
   * The other way to make the sums hold: keep the cell as written and move the totals instead
   * (the cell is a figure just typed, say). Present only when that is consistent — every sum it
   * touches holds afterwards, and no count goes negative; then neither fix is preferred.
   */
  alternative?: { cell: CellRef; value: number }[];
}

const key = (c: CellRef): string => c.key ?? `${c.row}\u0000${c.col}`;

/**
 * The equations of a table, one instance per row or column they are taken over. They depend only
 * on its definition and on which group rows the writer filled in, so they are made once for each
 * such shape and shared (read-only) by every version of the table.
 */
const INSTANCES = new WeakMap<TableDef, Map<string, Instance[]>>();

export function instancesOf(t: ReportTable): readonly Instance[] {
  if (!t.def) return [];
  // a group row (（三）不予公开 …) takes part only where the writer filled it in as a subtotal
  const filled = (id: string): boolean => {
    const r = t.rowById.get(id);
    return !!r && !r.layoutOnly;
  };
  let byShape = INSTANCES.get(t.def);
  if (!byShape) INSTANCES.set(t.def, (byShape = new Map<string, Instance[]>()));
  let shape = '';
  for (const r of t.def.rows) if (r.group && filled(r.id)) shape += `${r.id}\u0000`;
  let out = byShape.get(shape);
  if (!out) byShape.set(shape, (out = makeInstances(t.def, filled)));
  return out;
}

function makeInstances(def: TableDef, filled: (id: string) => boolean): Instance[] {
  const out: Instance[] = [];
  const groups = new Set(def.rows.filter((r) => r.group).map((r) => r.id));
  const dataRows = def.rows.filter((r) => !r.group || filled(r.id)).map((r) => r.id);
  const dataCols = def.columns.map((c) => c.id);
  for (const eq of def.equations) {
    if (eq.per === 'column' && groups.has(eq.target) && !filled(eq.target)) continue;
    const along = eq.over ?? (eq.per === 'row' ? dataRows : dataCols);
    for (const a of along) {
      const ref = (id: string): CellRef => {
        const row = eq.per === 'row' ? a : id;
        const col = eq.per === 'row' ? id : a;
        return { row, col, key: `${row}\u0000${col}` };
      };
      const lhs = eq.lhs.map(ref);
      const rhs = eq.rhs.map(ref);
      out.push({ eq, along: a, lhs, rhs, target: ref(eq.target), cells: [...lhs, ...rhs] });
    }
  }
  return out;
}

export function cellOf(t: ReportTable, ref: CellRef): Cell | undefined {
  const r = t.rowById.get(ref.row);
  const j = t.colById.get(ref.col);
  return r && j !== undefined ? r.cells[j] : undefined;
}

type Values = Map<string, number>;
/** What a sum reads its cells from: the table's values, or those with a few cells changed. */
interface ValueView {
  get(k: string): number | undefined;
  has(k: string): boolean;
}

/** The table's values with some cells changed, without copying them. */
function overlay(base: Values, changed: Map<string, number>): ValueView {
  return new Overlay(base, changed);
}
class Overlay implements ValueView {
  constructor(
    private readonly base: Values,
    private readonly changed: Map<string, number>,
  ) {}
  get(k: string): number | undefined {
    const v = this.changed.get(k);
    return v !== undefined ? v : this.base.get(k);
  }
  has(k: string): boolean {
    return this.changed.has(k) || this.base.has(k);
  }
}

function valuesOf(t: ReportTable, inst: readonly Instance[]): Values {
  const v: Values = new Map();
  for (const ref of structureOf(inst).refs) {
    const c = cellOf(t, ref);
    if (readable(c)) v.set(key(ref), c.value);
  }
  return v;
}

const EPS = 1e-6;
const round = roundFigure;

function complete(i: Instance, v: Values): boolean {
  for (const r of i.cells) if (!v.has(key(r))) return false;
  return true;
}
function residual(i: Instance, v: ValueView): number {
  let l = 0;
  let r = 0;
  for (const x of i.lhs) l += v.get(key(x))!;
  for (const x of i.rhs) r += v.get(key(x))!;
  return l - r;
}
function holdsAt(i: Instance, v: ValueView): boolean {
  return Math.abs(residual(i, v)) <= EPS;
}
/** The value `ref` must take for the instance to hold, given the others. */
export function solveFor(i: Instance, ref: CellRef, v: { get(k: string): number | undefined }): number | undefined {
  const k = key(ref);
  const inL = i.lhs.some((r) => key(r) === k);
  const inR = i.rhs.some((r) => key(r) === k);
  if (inL === inR) return undefined;
  let l = 0,
    r = 0;
  for (const x of i.lhs)
    if (key(x) !== k) {
      const y = v.get(key(x));
      if (y === undefined) return undefined;
      l += y;
    }
  for (const x of i.rhs)
    if (key(x) !== k) {
      const y = v.get(key(x));
      if (y === undefined) return undefined;
      r += y;
    }
  return round(inL ? r - l : l - r);
}

function contains(i: Instance, ref: CellRef): boolean {
  const k = key(ref);
  return i.lhs.some((r) => key(r) === k) || i.rhs.some((r) => key(r) === k);
}

const cache = new WeakMap<ReportTable, Finding[]>();

/**
 * What a set of equations gives, whatever the values: its cells, once each in the order the
 * equations name them; the row sums with one total and the columns those totals fill; and — for
 * when every equation can be evaluated, as in a report filled in — each equation's place and the
 * equations of each cell. With it, the values and findings of the last few versions of the table:
 * the findings depend only on the equations and the values their cells hold (they name cells by
 * row and column, not by place), so a table that reads as a recent version of it — every table
 * but the edited one, at an edit — gets the findings it had, whatever moved around it.
 */
interface Structure {
  refs: CellRef[];
  /** the values of `refs` (NaN where a cell is unreadable) and the findings, newest last */
  kept: { values: Float64Array; out: Finding[] }[];
  rowTotals: Instance[];
  derived: Set<string>;
  allComplete?: { order: Map<Instance, number>; byCell: Map<string, Instance[]> };
}
const structures = new WeakMap<readonly Instance[], Structure>();
const VERSIONS_KEPT = 8;

function structureOf(all: readonly Instance[]): Structure {
  let s = structures.get(all);
  if (!s) {
    const seen = new Set<string>();
    const refs: CellRef[] = [];
    for (const i of all)
      for (const ref of i.cells)
        if (!seen.has(key(ref))) {
          seen.add(key(ref));
          refs.push(ref);
        }
    // A column that is itself the sum of the others (a per-row equation's only lhs, e.g. 总计)
    // mirrors their column failures: when its rows all add up, its own failure is implied, not new.
    const rowTotals = all.filter((i) => i.eq.per === 'row' && i.eq.lhs.length === 1);
    structures.set(all, (s = { refs, kept: [], rowTotals, derived: new Set(rowTotals.map((i) => i.eq.lhs[0])) }));
  }
  return s;
}

function sameValues(a: Float64Array, b: Float64Array): boolean {
  for (let n = 0; n < a.length; n++) if (a[n] !== b[n] && !(a[n] !== a[n] && b[n] !== b[n])) return false;
  return true;
}

export function findings(t: ReportTable): Finding[] {
  const hit = cache.get(t);
  if (hit) return hit;
  const all = instancesOf(t);
  const { refs, kept } = structureOf(all);
  const values = new Float64Array(refs.length);
  for (let n = 0; n < refs.length; n++) {
    const c = cellOf(t, refs[n]);
    values[n] = readable(c) ? c.value : NaN;
  }
  let out = kept.find((k) => sameValues(k.values, values))?.out;
  if (!out) {
    const v: Values = new Map();
    for (let n = 0; n < refs.length; n++) if (values[n] === values[n]) v.set(key(refs[n]), values[n]);
    out = computeFindings(all, v);
    if (kept.length >= VERSIONS_KEPT) kept.shift();
    kept.push({ values, out });
  }
  cache.set(t, out);
  return out;
}

function byCellOf(checked: readonly Instance[]): Map<string, Instance[]> {
  const byCell = new Map<string, Instance[]>();
  for (const i of checked) {
    for (const r of i.cells) {
      const k = key(r);
      const list = byCell.get(k);
      // each list in the order of the equations, each equation once
      if (!list) byCell.set(k, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  }
  return byCell;
}

function computeFindings(all: readonly Instance[], v: Values): Finding[] {
  // each equation evaluated once on the values as written (the search below asks again and again)
  const residuals = new Map<Instance, number>();
  for (const i of all) if (complete(i, v)) residuals.set(i, residual(i, v));
  const checked = all.filter((i) => residuals.has(i));
  const holds = (i: Instance): boolean => {
    const r = residuals.get(i);
    return r !== undefined && Math.abs(r) <= EPS;
  };
  const structure = structureOf(all);
  const { rowTotals, derived } = structure;
  const rowSumHolds = (row: string): boolean => rowTotals.filter((i) => i.along === row).every(holds);
  const failingRaw = checked.filter((i) => Math.abs(residuals.get(i)!) > EPS);
  const failing = failingRaw.filter(
    (i) =>
      !(
        i.eq.per === 'column' &&
        derived.has(i.along) &&
        failingRaw.some((o) => o.eq === i.eq && o !== i && !derived.has(o.along)) &&
        i.cells.every((r) => rowSumHolds(r.row))
      ),
  );
  /** The totals of the row sums that hold now and would move with `ref` by `delta`. */
  const companionsOf = (ref: CellRef, delta: number): Finding['companions'] => {
    const out: Finding['companions'] = [];
    for (const i of rowTotals) {
      if (i.along !== ref.row || !i.rhs.some((r) => key(r) === key(ref)) || !holds(i)) continue;
      const total = v.get(key(i.target));
      if (total === undefined || total + delta < 0) continue;
      out.push({ cell: i.target, value: round(total + delta) });
    }
    return out;
  };
  // the order of the equations and the equations of each cell: made once when all can be evaluated
  const whole = checked.length === all.length;
  if (whole) structure.allComplete ??= { order: new Map(all.map((i, n) => [i, n])), byCell: byCellOf(all) };
  const order = whole ? structure.allComplete!.order : new Map(checked.map((i, n) => [i, n]));
  const byCell = whole ? structure.allComplete!.byCell : byCellOf(checked);
  /** The equations the changed cells take part in, in the order of the equations (one cell's list is). */
  const involvedIn = (changed: Map<string, number>): readonly Instance[] => {
    if (changed.size === 1) return byCell.get(changed.keys().next().value as string) ?? [];
    const set = new Set<Instance>();
    for (const m of changed.keys()) for (const i of byCell.get(m) ?? []) set.add(i);
    return [...set].sort((a, b) => order.get(a)! - order.get(b)!);
  };
  /**
   * Keep `ref` as written and make the sums hold by moving their totals (the target of each sum
   * that fails, in turn): the changes, or undefined when that leads to a kept or already moved
   * cell, an undetermined or negative value, or does not settle within a few steps.
   */
  const keepAlternative = (ref: CellRef, start: Instance[]): Finding['alternative'] => {
    const changed = new Map<string, number>();
    const targets = new Map<string, CellRef>();
    for (let step = 0; step < 12; step++) {
      const trial = overlay(v, changed);
      const touched = new Set<Instance>(start);
      for (const k of [key(ref), ...changed.keys()]) for (const i of byCell.get(k) ?? []) touched.add(i);
      const bad = [...touched]
        .sort((a, b) => order.get(a)! - order.get(b)!)
        .find((i) => residuals.has(i) && !holdsAt(i, trial));
      if (!bad) return changed.size ? [...changed].map(([k, value]) => ({ cell: targets.get(k)!, value })) : undefined;
      const t = bad.target;
      if (key(t) === key(ref) || changed.has(key(t))) return undefined;
      const value = solveFor(bad, t, trial);
      if (value === undefined || value < 0) return undefined;
      changed.set(key(t), value);
      targets.set(key(t), t);
    }
    return undefined;
  };
  const out: Finding[] = [];
  let open = new Set(failing);
  // the values with the blamed cells corrected so far: a later finding is judged against them
  const cur: Values = new Map(v);
  const holdsIn = (i: Instance, view: ValueView): boolean => Math.abs(residual(i, view)) <= EPS;
  while (open.size > 0) {
    // the cell that explains the most failing equations with a single value
    let best:
      | { ref: CellRef; value: number; explains: Instance[]; isTarget: boolean; companions: Finding['companions'] }
      | undefined;
    const seen = new Set<string>();
    for (const f of open) {
      for (const ref of f.cells) {
        const k = key(ref);
        if (seen.has(k)) continue;
        seen.add(k);
        const value = solveFor(f, ref, cur);
        if (value === undefined) continue;
        const changed = new Map([[k, value]]);
        // a figure written wrong together with its row's 总计 (which adds up with it): both move
        const companions = companionsOf(ref, value - cur.get(k)!);
        for (const c of companions) changed.set(key(c.cell), c.value);
        const trial = overlay(cur, changed);
        // in the order of the equations, as the first one names the rule (one cell's list is)
        const involved = involvedIn(changed);
        if (!involved.every((i) => holdsIn(i, trial))) {
          // two wrong figures in one sum: the value may still be fixed by two other sums that
          // agree on it, provided it breaks no sum that holds now (the other figure's sum stays open)
          const fixed = involved.filter((i) => open.has(i) && holdsIn(i, trial));
          const breaks = involved.some((i) => !open.has(i) && holdsIn(i, cur) && !holdsIn(i, trial));
          if (fixed.length < 2 || breaks) continue;
          if (!best || fixed.length > best.explains.length) {
            best = { ref, value, explains: fixed, isTarget: fixed.some((i) => key(i.target) === k), companions };
          }
          continue;
        }
        const explains = involved.filter((i) => open.has(i));
        const isTarget = explains.some((i) => key(i.target) === k);
        if (
          !best ||
          explains.length > best.explains.length ||
          (explains.length === best.explains.length && isTarget && !best.isTarget)
        ) {
          best = { ref, value, explains, isTarget, companions };
        }
      }
    }
    if (best && best.explains.length >= 2) {
      const first = best.explains.find((i) => key(i.target) === key(best.ref)) ?? best.explains[0];
      const b = best;
      out.push({
        rule: first.eq.rule,
        cell: b.ref,
        expected: b.value,
        actual: v.get(key(b.ref))!,
        instances: [first, ...best.explains.filter((i) => i !== first)],
        safe:
          best.isTarget &&
          first.eq.safe &&
          key(first.target) === key(best.ref) &&
          (!first.eq.nonNegative || best.value >= 0),
        isTarget: best.isTarget,
        companions: best.companions,
        corroboratedBy: [],
      });
      cur.set(key(b.ref), b.value);
      for (const c of b.companions) cur.set(key(c.cell), c.value);
      open = new Set([...open].filter((i) => !b.explains.includes(i)));
      continue;
    }
    // no single cell explains several failures: each failing equation speaks for its target
    for (const f of open) {
      const expected = solveFor(f, f.target, cur)!;
      out.push({
        rule: f.eq.rule,
        cell: f.target,
        expected,
        actual: v.get(key(f.target))!,
        instances: [f],
        safe: f.eq.safe && (!f.eq.nonNegative || expected >= 0),
        isTarget: true,
        companions: [],
        corroboratedBy: [],
      });
    }
    open.clear();
  }
  // a changed addend moves the total of the sums that hold now (四 / 自然人 with 四 / 总计)
  for (const f of out) {
    if (f.companions.length === 0) f.companions = companionsOf(f.cell, f.expected - f.actual);
    const changed = new Map([[key(f.cell), f.expected]]);
    for (const c of f.companions) changed.set(key(c.cell), c.value);
    const trial = overlay(v, changed);
    // only the sums of the changed cells can break
    f.corroboratedBy = involvedIn(changed).filter((i) => holds(i) && Math.abs(residual(i, trial)) > EPS);
    if (f.corroboratedBy.length > 0) {
      f.safe = false;
      continue;
    }
    if (!f.isTarget || f.instances.length > 1) f.alternative = keepAlternative(f.cell, f.instances);
    if (f.alternative) f.safe = false;
    else if (!f.isTarget && f.instances.length >= 2 && f.expected >= 0) {
      // two sums agree on the value and keeping the figure leads nowhere consistent: a safe fix
      f.safe = true;
    }
  }
  return out;
}

/** Values an empty cell must hold for the equations it takes part in, when they determine it. */
export function impliedValues(t: ReportTable, ref: CellRef): number[] {
  const all = instancesOf(t).filter((i) => contains(i, ref));
  const v = valuesOf(t, instancesOf(t));
  const vals = new Set<number>();
  for (const i of all) {
    const x = solveFor(i, ref, v);
    if (x !== undefined) vals.add(x);
  }
  return [...vals];
}
