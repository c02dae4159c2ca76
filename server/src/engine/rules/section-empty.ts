import { defineRule } from '../rule';
import { headingSpan, sectionName } from './util';

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
  description: {
    zh: '必备部分没有内容，或在应有实质内容处（一、五）只有“无”等寥寥数字',
    en: 'A mandatory section has no content, or only a token where the form expects substance (一, 五)',
  },
  fixable: false,
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
          message: t(`“${sectionName(s)}”没有内容`, `Section “${sectionName(s)}” has no content`),
          anchor: `section/${s.def.numeral}/empty`,
        });
      } else if (s.def.substance && (text.length < 10 || TOKEN.test(text))) {
        emit({
          span: headingSpan(s),
          message: t(
            `“${sectionName(s)}”内容过少（${text || '空'}），官方格式要求在此如实报告具体情况`,
            `Section “${sectionName(s)}” says too little (“${text}”); the official format expects substance here`,
          ),
          anchor: `section/${s.def.numeral}/empty`,
        });
      }
    }
  },
});
