/**
 * government-accountability: a people's government reports the results of 工作考核, 社会评议
 * and 责任追究 (条例第五十条第（四）项; 国办公开办函〔2021〕30号 puts them under 监督保障).
 */
import { defineRule } from '../rule';
import { normalizeLabel } from '../normalize';
import { headingSpan } from './util';

const ITEMS = [
  { zh: '工作考核', en: 'performance assessment (工作考核)', re: /考核|考评/ },
  { zh: '社会评议', en: 'public evaluation (社会评议)', re: /评议/ },
  { zh: '责任追究', en: 'accountability (责任追究)', re: /追究|问责/ },
];

export default defineRule({
  id: 'government-accountability',
  severity: 'warning',
  description: {
    zh: '政府年度报告未说明工作考核、社会评议和责任追究结果情况（条例第五十条第（四）项）',
    en: 'A government report does not state the results of 工作考核, 社会评议 and 责任追究 (条例 art. 50(4))',
  },
  fixable: false,
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
      message: t(
        `政府年度报告应说明工作考核、社会评议和责任追究结果情况（条例第五十条第（四）项），本报告未说明：${missing.map((m) => m.zh).join('、')}`,
        `A people's government's report must state the results of 工作考核, 社会评议 and 责任追究 (条例 art. 50(4)); this one does not state: ${missing.map((m) => m.en).join(', ')}`,
      ),
      anchor: 'section/一/accountability',
    });
  },
});
