import { defineRule } from '../rule';
import { inContainer } from '../container';
import { eol } from '../edits';
import { normalizeLabel } from '../normalize';
import { headingSpan, writtenForm } from './util';
import { substanceOf } from './section-empty';

export default defineRule({
  id: 'overview-topic',
  severity: 'warning',
  description: {
    zh: '2021 年格式：“一、总体情况”缺少五个方面之一',
    en: '2021 format: 一、总体情况 lacks one of its five topics',
  },
  fixable: true,
  check({ report, t, emit }) {
    const s = report.sectionByIndex[0];
    const topics = writtenForm(report).sections[0].topics;
    if (!s || topics.length === 0) return;
    if (substanceOf(s.blocks).length === 0 && s.subHeadings.length === 0) return; // section-empty speaks
    const heads = s.subHeadings.map((h) => ({ h, n: normalizeLabel(h.text) }));
    const prose = s.prose.map((p) => normalizeLabel(p.text)).join('');
    const found = topics.map((tp) => {
      const h = heads.find((x) => tp.keywords.some((k) => x.n.includes(k)));
      return { tp, heading: h?.h, present: !!h || tp.keywords.some((k) => prose.includes(k)) };
    });
    const nl = eol(report);
    const text = report.doc.text;
    // one finding for the overview, naming every topic it lacks; its fix inserts their sub-headings
    const missing = found.map((f, i) => ({ f, i })).filter(({ f }) => !f.present);
    if (missing.length === 0) return;
    const inserts = new Map<number, string>();
    for (const { f, i } of missing) {
      const next = found.slice(i + 1).find((x) => x.heading)?.heading;
      const at = next ? next.span.start : s.span.end;
      const needsBreak = !next && at > 0 && text[at - 1] !== '\n' && !inserts.has(at);
      inserts.set(at, `${inserts.get(at) ?? ''}${needsBreak ? nl + nl : ''}### ${f.tp.heading}${nl}${nl}`);
    }
    const names = missing.map(({ f }) => `“${f.tp.heading}”`).join(t('、', ', '));
    const one = missing.length === 1;
    emit({
      span: headingSpan(s),
      message: t(
        `“一、总体情况”缺少${names}方面的内容（国办公开办函〔2021〕30号）`,
        `“一、总体情况” lacks the topic${one ? '' : 's'} ${names} (国办公开办函〔2021〕30号)`,
      ),
      fixes: [
        {
          title: t(`插入小标题${names}`, `Insert the sub-heading${one ? '' : 's'} ${names}`),
          safe: false,
          edits: [...inserts].map(([at, newText]) => inContainer(text, { span: { start: at, end: at }, newText })),
        },
      ],
      anchor: one ? `section/一/topic/${missing[0].f.tp.heading}` : 'section/一/topics',
    });
  },
});
