/**
 * Validates the official forms (server/src/engine/forms/sources.ts) with their zod schema and
 * writes them, defaults filled in, to server/src/engine/forms/forms.generated.json: the file the
 * engine loads, so that start-up does not validate them again. Run first by scripts/build.mjs; an
 * invalid form fails the build with zod's message.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileForm } from '../server/src/engine/forms/compile';
import { FORM_SOURCES } from '../server/src/engine/forms/sources';

const file = join(process.cwd(), 'server', 'src', 'engine', 'forms', 'forms.generated.json');
const text = `${JSON.stringify(FORM_SOURCES.map(compileForm), null, 1)}\n`;
let old = '';
try {
  old = readFileSync(file, 'utf8');
} catch {
  /* first build */
}
if (old !== text) writeFileSync(file, text);
