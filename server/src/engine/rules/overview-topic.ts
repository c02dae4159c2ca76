import { defineRule } from '../rule';
import { inContainer } from '../text/container';
import { eol } from '../text/report-edits';
import { normalizeLabel } from '../model/normalize';
import { headingSpan, writtenForm } from './util';
import { substanceOf } from './section-empty';

/** An enumeration marker at the start of a paragraph: （一） (1) 1. 一、 一是 第一， 首先，… */
const ITEM_START =
  /^(?:[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}\s*[、.．)）](?!\d)|[一二三四五六七八九十]{1,3}是|第[一二三四五六七八九十]{1,3}[，,、]|首先[，,]|其次[，,]|此外[，,]|另外[，,])\s*/;
/** An enumerated item inside a paragraph: …。二是… */
const INNER_ITEM = /(?:^|[。；;！？!?])\s*[一二三四五六七八九十]{1,3}是([^，,。；;：:！？!?]{1,40})/g;
/** A topic named as such: 在政府信息管理方面，… / 监督保障方面：… */
const ASPECT = /(?:^|[。；;！？!?])\s*(?:在|关于|围绕)?([^，,。；;：:！？!?]{2,24}?)(?:工作)?方面[，,：:]/g;
/** A clause that only says when: 2022年， 全年， 今年以来， 报告期内， */
const TIME_CLAUSE =
  /^(?:\d{4}\s*年(?:度|以来)?|全年|本年度?|今年(?:以来)?|年内|报告期内|[一二三四]?季度|上半年|下半年)[，,]\s*/;

/**
 * The leads of the paragraphs of 一、总体情况: what each paragraph, and each enumerated item in
 * it, says it is about. A paragraph that starts with an enumeration marker or a bold run leads
 * with its item title (up to the first full stop or colon); any other paragraph leads with its
 * first clause (after a clause that only says when). Items inside a paragraph (一是…) lead with
 * their first clause, and 在…方面 names its topic.
 */
export function topicLeads(paragraphs: readonly string[]): string[] {
  const leads: string[] = [];
  for (const raw of paragraphs) {
    const text = raw.normalize('NFKC').trim();
    const bold = /^(?:\*\*|__)(.+?)(?:\*\*|__)/.exec(text);
    const plain = text.replace(/\*\*|__/g, '').trim();
    const item = ITEM_START.exec(plain);
    if (bold) leads.push(bold[1]);
    else if (item) {
      // a numbered title ((一)…, 1.…) runs to its full stop; an 一是 / 首先， item to its first clause
      const title = !/[是，,]\s*$/.test(item[0]);
      const rest = plain.slice(item[0].length);
      leads.push((title ? /^[^。；;：:！？!?]{0,40}/ : /^[^，,。；;：:！？!?]{0,40}/).exec(rest)![0]);
    } else leads.push(/^[^，,。；;：:！？!?]{0,40}/.exec(plain.replace(TIME_CLAUSE, ''))![0]);
    for (const m of plain.matchAll(INNER_ITEM)) leads.push(m[1]);
    for (const m of plain.matchAll(ASPECT)) leads.push(m[1]);
  }
  return leads.map((l) => normalizeLabel(l));
}

export default defineRule({
  id: 'overview-topic',
  severity: 'warning',
  description: 'overview-topic.description',
  fixable: true,
  tables: 'labels',
  check({ report, t, emit }) {
    const s = report.sectionByIndex[0];
    const topics = writtenForm(report).sections[0].topics;
    if (!s || topics.length === 0) return;
    if (substanceOf(s.blocks).length === 0 && s.subHeadings.length === 0) return; // section-empty speaks
    const heads = s.subHeadings.map((h) => ({ h, n: normalizeLabel(h.text) }));
    const leads = topicLeads(s.prose.filter((p) => p.kind === 'paragraph').map((p) => p.text));
    const found = topics.map((tp) => {
      const h = heads.find((x) => tp.keywords.some((k) => x.n.includes(k)));
      return { tp, heading: h?.h, present: !!h || leads.some((l) => tp.keywords.some((k) => l.includes(k))) };
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
          edits: [...inserts].map(([at, newText]) => inContainer(text, { span: { start: at, end: at }, newText })),
        },
      ],
      anchor: one ? `section/一/topic/${missing[0].f.tp.heading}` : 'section/一/topics',
    });
  },
});
