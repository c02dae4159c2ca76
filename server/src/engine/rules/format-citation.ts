/**
 * format-citation: the prose cites the notice of the other official format (国办公开办函〔2019〕60号
 * in a report using the 2021 tables, or the reverse), and never its own.
 */
import { defineRule } from '../rule';
import { FORMS } from '../forms';
import { foldWidth, sourceSpanOf } from '../prose';
import { writtenForm } from './util';

export default defineRule({
  id: 'format-citation',
  severity: 'warning',
  description: {
    zh: '正文引用的是另一版年度报告格式的通知文号，而非本报告所用格式的文号',
    en: 'The prose cites the notice of the other report format, not its own',
  },
  fixable: true,
  check({ report, t, emit }) {
    const own = writtenForm(report);
    const others = FORMS.filter((f) => f.id !== own.id);
    const source = report.doc.text;
    const texts = report.doc.prose.filter((p) => p.text.includes('办函')).map((p) => ({ p, text: foldWidth(p.text) }));
    const ownRe = new RegExp(own.noticePattern);
    if (texts.some((x) => ownRe.test(x.text))) return;
    let k = 0;
    for (const other of others) {
      const re = new RegExp(other.noticePattern, 'g');
      for (const { p, text } of texts) {
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = re.exec(text))) {
          const n = k++;
          const span = sourceSpanOf(p, m.index, m.index + m[0].length, source);
          if (!span) continue;
          emit({
            span,
            message: t(
              `引用了 ${other.id} 年格式的通知（${other.notice}），本报告使用 ${own.id} 年格式，应引用 ${own.notice}`,
              `Cites the notice of the ${other.id} format (${other.notice}); this report uses the ${own.id} format (${own.notice})`,
            ),
            fixes: [
              {
                title: t(`改为“${own.notice}”`, `Replace with “${own.notice}”`),
                safe: false,
                edits: [{ span, newText: own.notice }],
              },
            ],
            anchor: `citation/${other.id}/${n}`,
          });
        }
      }
    }
  },
});
