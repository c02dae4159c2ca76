/**
 * The official forms as written: newest first. A new revision of the form is a new module beside
 * f2021.ts and one entry here; `npm run build` validates it (compile.ts) and regenerates
 * forms.generated.json, which the engine loads.
 */
import type { z } from 'zod';
import type { FormDef } from './schema';
import { FORM_2019 } from './f2019';
import { FORM_2021 } from './f2021';

export const FORM_SOURCES: readonly z.input<typeof FormDef>[] = [FORM_2021, FORM_2019];
