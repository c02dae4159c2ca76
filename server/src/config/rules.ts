/** What a `.xxgkrc.json` `rules` key may name: every registered rule, the size limits, internal failures. */
import { RULES } from '../engine/rules';
import { LIMITS_RULE } from '../engine/parse/limits';
import type { PlainMessageId } from '../messages';

export const SCHEMA_RULES: readonly { id: string; description: PlainMessageId }[] = [
  ...RULES.map((r) => ({ id: r.id, description: r.description })),
  { id: LIMITS_RULE, description: 'limits.description' },
  { id: 'internal', description: 'internal.description' },
];
export const CONFIGURABLE_RULES: readonly string[] = SCHEMA_RULES.map((r) => r.id);
