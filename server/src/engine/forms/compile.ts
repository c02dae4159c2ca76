/**
 * Turns a form written as data (`sources.ts`: the shape `FormDef` accepts, defaults left out) into
 * the form the engine reads: validated by the zod schema, defaults filled in, every id an equation
 * names checked against the table's rows and columns. Run at build time by scripts/gen-forms.ts,
 * which writes the result to forms.generated.json, so that no process validates the forms again
 * when it starts; test/unit/forms.test.ts checks that the file is what this makes of the sources.
 */
import type { z } from 'zod';
import { FormDef } from './schema';

export function compileForm(raw: z.input<typeof FormDef>): FormDef {
  const parsed = FormDef.safeParse(raw);
  if (!parsed.success) {
    const id = typeof raw === 'object' && raw && 'id' in raw ? String(raw.id) : '?';
    throw new Error(
      `invalid form definition ${id}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
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
