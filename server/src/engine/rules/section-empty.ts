import { defineRule } from '../rule';
import { headingSpan } from './util';
import { sectionName } from '../model/names';

/** The prose of a section, without headings, comments and whitespace. */
export function substanceOf(blocks: { type: string; text: string }[]): string {
  return blocks
    .filter((b) => b.type !== 'heading' && b.type !== 'html' && b.type !== 'table' && b.type !== 'yaml')
    .map((b) => b.text)
    .join('')
    .replace(/[\s\u3000]+/g, '');
}

const TOKEN = /^(无|没有|暂无|无。|没有。|暂无。|无其他需要报告的事项。?|本年度无。?)$/;

export default defineRule({
  id: 'section-empty',
  severity: 'warning',
  description: 'section-empty.description',
  fixable: false,
  tables: 'none',
  check({ report, t, emit }) {
    for (const s of report.sections) {
      // 二–四 consist of tables; a missing table speaks for them
      if (s.index >= 1 && s.index <= 3) continue;
      if (report.sectionByIndex[s.index] !== s) continue;
      const text = substanceOf(s.blocks);
      const headings = s.blocks
        .filter((b) => b.type === 'heading')
        .map((b) => b.text)
        .join('');
      if (text.length === 0 && headings.length === 0) {
        emit({
          span: headingSpan(s),
          message: t('section-empty.empty', { section: sectionName(s) }),
          anchor: `section/${s.def.numeral}/empty`,
        });
      } else if (s.def.substance && (text.length < 10 || TOKEN.test(text))) {
        emit({
          span: headingSpan(s),
          message: text
            ? t('section-empty.too-little', { section: sectionName(s), text })
            : t('section-empty.headings-only', { section: sectionName(s) }),
          anchor: `section/${s.def.numeral}/empty`,
        });
      }
    }
  },
});
