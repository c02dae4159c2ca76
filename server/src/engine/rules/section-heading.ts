import { defineRule } from '../rule';
import { headingSpan, sectionName } from './util';

export default defineRule({
  id: 'section-heading',
  severity: 'warning',
  description: {
    zh: '部分编号正确但标题文字与官方格式不一致',
    en: 'Section numeral right but the words differ from the official heading',
  },
  fixable: true,
  check({ report, t, emit }) {
    for (const s of report.sections) {
      if (s.headingMatch === 'exact') continue;
      const official = sectionName(s);
      emit({
        span: headingSpan(s),
        message: t(
          `标题应为官方格式的“${official}”，实为“${s.heading.text}”`,
          `The heading should read “${official}” as in the official format, not “${s.heading.text}”`,
        ),
        fixes: [
          {
            title: t(`将标题改为“${official}”`, `Change the heading to “${official}”`),
            safe: true,
            edits: [{ span: headingSpan(s), newText: official }],
          },
        ],
        anchor: `section/${s.def.numeral}/heading`,
      });
    }
  },
});
