/** The registry of official forms, validated at load. */
import { FormDef } from './schema';
import { FORM_2019 } from './f2019';
import { FORM_2021 } from './f2021';

export type { FormDef, TableDef, RowDef, ColumnDef, Equation, SectionDef, CellKind } from './schema';

function load(raw: unknown): FormDef {
  const parsed = FormDef.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `invalid form definition: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const form = parsed.data;
  for (const t of form.tables) {
    const rowIds = new Set(t.rows.map((r) => r.id));
    const colIds = new Set(t.columns.map((c) => c.id));
    for (const e of t.equations) {
      const ids = e.per === 'row' ? colIds : rowIds;
      for (const id of [...e.lhs, ...e.rhs, e.target, ...(e.over ?? [])]) {
        const pool = e.over?.includes(id) ? (e.per === 'row' ? rowIds : colIds) : ids;
        if (!pool.has(id)) throw new Error(`form ${form.id}, table ${t.id}: equation ${e.rule} names unknown ${id}`);
      }
    }
  }
  return form;
}

export const FORMS: readonly FormDef[] = [load(FORM_2021), load(FORM_2019)];

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
