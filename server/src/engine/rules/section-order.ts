import { defineRule } from '../rule';
import { headingSpan, sectionName } from './util';

export default defineRule({
  id: 'section-order',
  severity: 'warning',
  description: { zh: '各部分顺序错误或重复（重复为错误）', en: 'Sections out of order (warning) or repeated (error)' },
  fixable: false,
  check({ report, t, emit }) {
    const seen = new Set<number>();
    let maxIndex = -1;
    let maxSection = report.sections[0];
    for (const s of report.sections) {
      if (seen.has(s.index)) {
        emit({
          span: headingSpan(s),
          severity: 'error',
          message: t(
            `“${sectionName(s)}”重复出现；每个部分只能出现一次`,
            `Section “${sectionName(s)}” appears more than once`,
          ),
          anchor: `section/${s.def.numeral}/duplicate`,
        });
        continue;
      }
      seen.add(s.index);
      if (s.index < maxIndex && maxSection) {
        emit({
          span: headingSpan(s),
          message: t(
            `“${sectionName(s)}”应在“${sectionName(maxSection)}”之前`,
            `Section “${sectionName(s)}” should come before “${sectionName(maxSection)}”`,
          ),
          anchor: `section/${s.def.numeral}/order`,
        });
      } else {
        maxIndex = s.index;
        maxSection = s;
      }
    }
  },
});
