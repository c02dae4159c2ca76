/**
 * The official forms are data: sources.ts as written, forms.generated.json as the engine loads
 * it (made by the build). The file must be what the zod schema makes of the sources, and a form
 * that breaks the schema or names an unknown row must be refused with a message that says where.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FORMS } from '../../server/src/engine/forms';
import { compileForm } from '../../server/src/engine/forms/compile';
import { FORM_SOURCES } from '../../server/src/engine/forms/sources';
import { ROOT } from '../helpers/fixtures';

test('forms.generated.json is the validated form of every source, defaults filled in', () => {
  const file = JSON.parse(
    readFileSync(join(ROOT, 'server', 'src', 'engine', 'forms', 'forms.generated.json'), 'utf8'),
  ) as unknown;
  assert.deepEqual(file, JSON.parse(JSON.stringify(FORM_SOURCES.map(compileForm))));
  assert.deepEqual(
    FORMS.map((f) => f.id),
    ['2021', '2019'],
  );
  // a default the sources leave out is there
  for (const f of FORMS) for (const t of f.tables) for (const r of t.rows) assert.ok(Array.isArray(r.aliases));
});

test('a form that breaks the schema is refused with the path of the fault', () => {
  const bad = { ...FORM_SOURCES[0], sections: FORM_SOURCES[0].sections.slice(0, 5) };
  assert.throws(() => compileForm(bad), /invalid form definition 2021: sections/);
});

test('an equation that names an unknown row is refused', () => {
  const src = FORM_SOURCES[0];
  const t = src.tables.find((x) => (x.equations ?? []).length > 0)!;
  const eq = t.equations![0];
  const broken = {
    ...src,
    tables: src.tables.map((x) =>
      x === t ? { ...x, equations: [{ ...eq, target: 'no-such-id' }, ...x.equations!.slice(1)] } : x,
    ),
  };
  assert.throws(() => compileForm(broken), /names unknown no-such-id/);
});
