import { defineRule } from '../rule';
import { headingSpan } from './util';
import { sectionName } from '../model/names';

export default defineRule({
  id: 'section-heading',
  severity: 'warning',
  description: 'section-heading.description',
  fixable: true,
  check({ report, t, emit }) {
    for (const s of report.sections) {
      if (s.headingMatch === 'exact') continue;
      const official = sectionName(s);
      emit({
        span: headingSpan(s),
        message: t('section-heading.variant', { official, text: s.heading.text }),
        fixes: [
          {
            title: t('section-heading.change', { official }),
            safe: true,
            edits: [{ span: headingSpan(s), newText: official }],
          },
        ],
        anchor: `section/${s.def.numeral}/heading`,
      });
    }
  },
});
