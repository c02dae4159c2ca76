/** The official sections of a report, recognised by their headings. */
import type { FormDef } from '../forms';
import { labelKey, normalizeLabel, SECTION_NUMERALS, type MatchKind } from './normalize';
import type { HeadingNode } from '../parse';

// ---------------------------------------------------------------------------------------------
// Sections

export function sectionOf(h: HeadingNode, form: FormDef): { index: number; match: MatchKind } | undefined {
  const n = labelKey(h.text);
  if (!n) return undefined;
  const num = n[0];
  const idx = SECTION_NUMERALS.indexOf(num as (typeof SECTION_NUMERALS)[number]);
  if (idx >= 0 && !/^[一二三四五六][一二三四五六七八九十]/.test(n)) {
    const def = form.sections[idx];
    const words = n.slice(1);
    if (words === normalizeLabel(def.title)) return { index: idx, match: 'exact' };
    return { index: idx, match: 'variant' };
  }
  // the words of an official heading without its numeral
  const hit = form.sections.findIndex((s) => [s.title, ...s.aliases].some((t) => normalizeLabel(t) === n));
  if (hit >= 0) return { index: hit, match: 'variant' };
  return undefined;
}
