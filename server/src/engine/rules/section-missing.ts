import { defineRule } from '../rule';
import { eol, sectionInsertionPoint, sectionSkeleton } from '../edits';
import { headingSpan } from './util';

export default defineRule({
  id: 'section-missing',
  severity: 'error',
  description: { zh: '缺少六个必备部分之一', en: 'One of the six mandatory sections is absent' },
  fixable: true,
  check({ report, t, emit }) {
    const form = report.meta.form;
    const nl = eol(report);
    const text = report.doc.text;
    for (let i = 0; i < 6; i++) {
      if (report.sectionByIndex[i]) continue;
      const def = form.sections[i]!;
      const name = `${def.numeral}、${def.title}`;
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
          ? t(`缺少“${name}”部分（应在“${before.def.numeral}、${before.def.title}”之前）`, `Missing section “${name}” (it goes before “${before.def.numeral}、${before.def.title}”)`)
          : t(`缺少“${name}”部分（应在报告末尾）`, `Missing section “${name}” (it goes at the end of the report)`),
        fixes: [{ title: t(`插入“${name}”`, `Insert “${name}”`), safe: true, edits: [{ span: { start: at, end: at }, newText }] }],
        anchor: `section/${def.numeral}`,
      });
    }
  },
});
