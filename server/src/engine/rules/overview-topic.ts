import { defineRule } from '../rule';
import { eol } from '../edits';
import { normalizeLabel } from '../normalize';
import { headingSpan, writtenForm } from './util';
import { substanceOf } from './section-empty';

export default defineRule({
  id: 'overview-topic',
  severity: 'warning',
  description: { zh: '2021 年格式：“一、总体情况”缺少五个方面之一', en: '2021 format: 一、总体情况 lacks one of its five topics' },
  fixable: true,
  check({ report, t, emit }) {
    const s = report.sectionByIndex[0];
    const topics = writtenForm(report).sections[0]!.topics;
    if (!s || topics.length === 0) return;
    if (substanceOf(s.blocks).length === 0 && s.subHeadings.length === 0) return; // section-empty speaks
    const heads = s.subHeadings.map((h) => ({ h, n: normalizeLabel(h.text) }));
    const prose = s.prose.map((p) => normalizeLabel(p.text)).join('');
    const found = topics.map((tp) => {
      const h = heads.find((x) => tp.keywords.some((k) => x.n.includes(k)));
      return { tp, heading: h?.h, present: !!h || tp.keywords.some((k) => prose.includes(k)) };
    });
    const nl = eol(report);
    found.forEach((f, i) => {
      if (f.present) return;
      const next = found.slice(i + 1).find((x) => x.heading)?.heading;
      const at = next ? next.span.start : s.span.end;
      const text = report.doc.text;
      const needsBreak = !next && at > 0 && text[at - 1] !== '\n';
      const newText = `${needsBreak ? nl + nl : ''}### ${f.tp.heading}${nl}${nl}`;
      emit({
        span: headingSpan(s),
        message: t(`“一、总体情况”缺少“${f.tp.heading}”方面的内容（国办公开办函〔2021〕30号）`, `“一、总体情况” lacks the topic “${f.tp.heading}” (国办公开办函〔2021〕30号)`),
        fixes: [{ title: t(`插入小标题“${f.tp.heading}”`, `Insert the sub-heading “${f.tp.heading}”`), safe: false, edits: [{ span: { start: at, end: at }, newText }] }],
        anchor: `section/一/topic/${f.tp.heading}`,
      });
    });
  },
});
