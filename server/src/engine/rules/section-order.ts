import { defineRule } from '../rule';
import { headingSpan } from './util';
import { sectionName } from '../model/names';

export default defineRule({
  id: 'section-order',
  severity: 'warning',
  description: 'section-order.description',
  fixable: false,
  tables: 'none',
  check({ report, t, emit }) {
    const seen = new Set<number>();
    let maxIndex = -1;
    let maxSection = report.sections[0];
    for (const s of report.sections) {
      if (seen.has(s.index)) {
        emit({
          span: headingSpan(s),
          severity: 'error',
          message: t('section-order.repeated', { section: sectionName(s) }),
          anchor: `section/${s.def.numeral}/duplicate`,
        });
        continue;
      }
      seen.add(s.index);
      if (s.index < maxIndex && maxSection) {
        emit({
          span: headingSpan(s),
          message: t('section-order.out-of-order', {
            section: sectionName(s),
            section2: sectionName(maxSection),
          }),
          anchor: `section/${s.def.numeral}/order`,
        });
      } else {
        maxIndex = s.index;
        maxSection = s;
      }
    }
  },
});
