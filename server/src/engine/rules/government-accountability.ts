/**
 * government-accountability: a people's government reports the results of 工作考核, 社会评议
 * and 责任追究 (条例第五十条第（四）项; 国办公开办函〔2021〕30号 puts them under 监督保障).
 */
import { defineRule } from '../rule';
import { normalizeLabel } from '../model/normalize';
import { headingSpan } from './util';

const ITEMS = [
  { name: 'government-accountability.assessment', re: /考核|考评/ },
  { name: 'government-accountability.evaluation', re: /评议/ },
  { name: 'government-accountability.accountability', re: /追究|问责/ },
] as const;

export default defineRule({
  id: 'government-accountability',
  severity: 'warning',
  description: 'government-accountability.description',
  fixable: false,
  tables: 'none',
  check({ report, t, emit }) {
    if (report.meta.kind !== '政府') return;
    const s = report.sectionByIndex[0];
    if (!s) return;
    const prose = report.doc.prose
      .filter((p) => !(p.kind === 'heading' && report.titles.some((h) => h.span.start === p.span.start)))
      .map((p) => p.text.normalize('NFKC'))
      .join('\n');
    const missing = ITEMS.filter((i) => !i.re.test(prose));
    if (missing.length === 0) return;
    const sub = s.subHeadings.find((h) => /监督|保障/.test(normalizeLabel(h.text)));
    const span = sub && sub.textSpan.end > sub.textSpan.start ? sub.textSpan : headingSpan(s);
    emit({
      span,
      message: t('government-accountability.missing', {
        items: missing.map((m) => t(m.name)).join(t('common.list-separator')),
      }),
      anchor: 'section/一/accountability',
    });
  },
});
