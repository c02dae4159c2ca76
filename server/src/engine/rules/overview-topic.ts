import { defineRule } from '../rule';
import { eol } from '../edits';
import { normalizeLabel } from '../normalize';
import { headingSpan, writtenForm } from './util';
import { substanceOf } from './section-empty';

export default defineRule({
  id: 'overview-topic',
  severity: 'warning',
  description: 'overview-topic.description',
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
    const names = missing.map(({ f }) => `“${f.tp.heading}”`).join(t('common.list-separator'));
    const one = missing.length === 1;
    emit({
      span: headingSpan(s),
      message: t(one ? 'overview-topic.missing-topic' : 'overview-topic.missing-topics', { names }),
      fixes: [
        {
          title: t(one ? 'overview-topic.insert-heading' : 'overview-topic.insert-headings', { names }),
          safe: false,
          edits: [...inserts].map(([at, newText]) => ({ span: { start: at, end: at }, newText })),
        },
      ],
      anchor: one ? `section/一/topic/${missing[0].f.tp.heading}` : 'section/一/topics',
    });
  },
});
