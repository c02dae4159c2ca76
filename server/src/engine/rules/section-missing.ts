import { defineRule } from '../rule';
import { containerPrefix, inContainer } from '../container';
import { eol, lineStartAt, sectionInsertionPoint, sectionSkeleton } from '../edits';
import { headingSpan, misleveledSections, orphanTables } from './util';

export default defineRule({
  id: 'section-missing',
  severity: 'error',
  description: { zh: '缺少六个必备部分之一', en: 'One of the six mandatory sections is absent' },
  fixable: true,
  check({ report, t, emit }) {
    const form = report.meta.form;
    const nl = eol(report);
    const text = report.doc.text;
    // the sections are there as headings of another level: one finding, one fix for them all
    const misleveled = misleveledSections(report);
    if (misleveled.length > 0) {
      const n = misleveled.length;
      const ways = [...new Set(misleveled.map((m) => m.marks))]
        .map((m) => (m ? `“${m}”` : t('普通段落', 'plain paragraphs')))
        .join(t('、', ', '));
      emit({
        span: misleveled[0].span,
        message: t(
          `各部分标题应为二级标题（## 一、总体情况），本报告有 ${n} 个写成了${ways}，因而未被识别为报告的部分`,
          `Section headings are level-2 headings (## 一、总体情况); ${n} of them are written as ${ways} and so are not recognised as sections`,
        ),
        fixes: [
          {
            title: t(`将这 ${n} 个标题改为二级标题`, `Make these ${n} headings level 2`),
            safe: true,
            edits: misleveled.map((m) => m.edit),
          },
        ],
        anchor: 'section/level',
      });
    }
    const atOtherLevel = new Set(misleveled.map((m) => m.index));
    for (let i = 0; i < 6; i++) {
      if (report.sectionByIndex[i] || atOtherLevel.has(i)) continue;
      const def = form.sections[i];
      const name = `${def.numeral}、${def.title}`;
      const orphans = orphanTables(report, i);
      if (orphans.length > 0) {
        // its tables are there, under the section before: only the heading is missing
        const first = orphans[0];
        const under = report.sections.find(
          (s) => first.span.start >= s.bodySpan.start && first.span.start < s.bodySpan.end,
        )!;
        // after the prefix of a quote or list item holding the table, so that the heading stays in it
        const at = containerPrefix(text, first.span.start) ? first.span.start : lineStartAt(report, first.span.start);
        emit({
          span:
            first.header.cells[0] && first.header.cells[0].span.end > first.header.cells[0].span.start
              ? first.header.cells[0].span
              : first.header.span,
          message: t(
            `缺少“${name}”部分的标题：它的统计表现在位于“${under.def.numeral}、${under.def.title}”之下`,
            `Missing the heading of section “${name}”: its table now stands under “${under.def.numeral}、${under.def.title}”`,
          ),
          fixes: [
            {
              title: t(`在此表前插入标题“${name}”`, `Insert the heading “${name}” before this table`),
              safe: true,
              edits: [inContainer(text, { span: { start: at, end: at }, newText: `## ${name}${nl}${nl}` })],
            },
          ],
          anchor: `section/${def.numeral}`,
        });
        continue;
      }
      const { at, before } = sectionInsertionPoint(report, i);
      const skeleton = sectionSkeleton(form, i, nl);
      let newText: string;
      if (before) newText = `${skeleton}${nl}${nl}`;
      else {
        const trailing = /(\r?\n)*$/.exec(text)?.[0] ?? '';
        const lead = text.length === 0 ? '' : trailing.length === 0 ? nl + nl : trailing === nl ? nl : '';
        newText = `${lead}${skeleton}${nl}`;
      }
      const l = report.doc.lines;
      const lastLine = l.positionAt(text.length).line;
      const span = before ? headingSpan(before) : { start: l.lineStart(lastLine), end: text.length };
      emit({
        span,
        message: before
          ? t(
              `缺少“${name}”部分（应在“${before.def.numeral}、${before.def.title}”之前）`,
              `Missing section “${name}” (it goes before “${before.def.numeral}、${before.def.title}”)`,
            )
          : t(`缺少“${name}”部分（应在报告末尾）`, `Missing section “${name}” (it goes at the end of the report)`),
        fixes: [
          {
            title: t(`插入“${name}”`, `Insert “${name}”`),
            safe: true,
            edits: [inContainer(text, { span: { start: at, end: at }, newText })],
          },
        ],
        anchor: `section/${def.numeral}`,
      });
    }
  },
});
