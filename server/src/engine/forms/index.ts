/**
 * The registry of official forms: forms.generated.json, made at build time from sources.ts by
 * compile.ts (zod validation, defaults filled in, equation ids checked), so it is read here as it is.
 */
import type { FormDef } from './schema';
import compiled from './forms.generated.json';

export type { FormDef, TableDef, RowDef, ColumnDef, Equation, SectionDef, CellKind } from './schema';

export const FORMS: readonly FormDef[] = compiled as readonly FormDef[];

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
