import { defineRule } from '../rule';
import { headingSpan } from './util';
import { sectionName } from '../model/names';
import { sectionOf } from '../model';

/** Text that Markdown reads as it is written, in a heading: no inline syntax, no entity, no closing #. */
const PLAIN = /^[^\\`*_[\]<>&!~|#]*$/;

export default defineRule({
  id: 'section-heading',
  severity: 'warning',
  description: 'section-heading.description',
  fixable: true,
  tables: 'none',
  check({ report, t, emit }) {
    for (const s of report.sections) {
      if (s.headingMatch === 'exact') continue;
      const official = sectionName(s);
      // the heading then reads as the same section, exactly: a change of spelling
      const again = sectionOf({ ...s.heading, text: official }, report.meta.form);
      const spelling =
        s.heading.textSpan.end > s.heading.textSpan.start &&
        PLAIN.test(official) &&
        again?.index === s.index &&
        again.match === 'exact';
      emit({
        span: headingSpan(s),
        message: t('section-heading.variant', { official, text: s.heading.text }),
        fixes: [
          {
            title: t('section-heading.change', { official }),
            safe: true,
            edits: [{ span: headingSpan(s), newText: official }],
            ...(spelling ? { effect: 'spelling' as const } : {}),
          },
        ],
        anchor: `section/${s.def.numeral}/heading`,
      });
    }
  },
});
