/**
 * The registry of official forms: forms.generated.json, made at build time from sources.ts by
 * compile.ts (zod validation, defaults filled in, equation ids checked), so it is read here as it is.
 */
import type { FormDef } from './schema';
import compiled from './forms.generated.json';

export type { FormDef, TableDef, RowDef, ColumnDef, Equation, SectionDef, CellKind } from './schema';

/**
 * Objects of one kind rebuilt with one set of properties in one order (an absent optional one
 * is there, undefined). JSON gives each key set its own hidden class — seven kinds of row — and
 * the engine reads these definitions at every check: of one shape, that code stays optimized.
 */
function uniform<T extends object>(xs: readonly T[]): T[] {
  const keys: string[] = [];
  for (const x of xs) for (const k of Object.keys(x)) if (!keys.includes(k)) keys.push(k);
  return xs.map((x) => {
    const o: Record<string, unknown> = {};
    for (const k of keys) o[k] = (x as Record<string, unknown>)[k];
    return o as T;
  });
}

function uniformForms(forms: readonly FormDef[]): FormDef[] {
  const tables = forms.flatMap((f) => f.tables);
  const rows = uniform(tables.flatMap((t) => t.rows));
  const columns = uniform(tables.flatMap((t) => t.columns));
  const equations = uniform(tables.flatMap((t) => t.equations));
  let r = 0,
    c = 0,
    e = 0;
  const uniformTables = uniform(tables).map((t) => ({
    ...t,
    rows: t.rows.map(() => rows[r++]),
    columns: t.columns.map(() => columns[c++]),
    equations: t.equations.map(() => equations[e++]),
  }));
  const sections = uniform(forms.flatMap((f) => f.sections));
  let ti = 0,
    si = 0;
  return uniform(forms).map((f) => ({
    ...f,
    tables: f.tables.map(() => uniformTables[ti++]),
    sections: f.sections.map(() => sections[si++]),
  }));
}

export const FORMS: readonly FormDef[] = uniformForms(compiled as readonly FormDef[]);

export function getForm(id: string): FormDef | undefined {
  return FORMS.find((f) => f.id === id);
}

/** The form that applies to a report year: the newest whose range contains it. */
export function formForYear(year: number | undefined): FormDef {
  if (year !== undefined) {
    const hit = FORMS.find((f) => year >= f.years.from && (f.years.to === undefined || year <= f.years.to));
    if (hit) return hit;
    if (year < Math.min(...FORMS.map((f) => f.years.from))) return FORMS.find((f) => f.id === '2019')!;
  }
  return FORMS[0];
}
