/**
 * format-citation: the prose cites the notice of the other official format (国办公开办函〔2019〕60号
 * in a report using the 2021 tables, or the reverse), and never its own.
 */
import { defineRule } from '../rule';
import { FORMS } from '../forms';
import { foldWidth, sourceSpanOf } from '../prose/numbers';
import { writtenForm } from './util';

export default defineRule({
  id: 'format-citation',
  severity: 'warning',
  description: 'format-citation.description',
  fixable: true,
  tables: 'labels',
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
            message: t('format-citation.other-notice', {
              id: other.id,
              notice: other.notice,
              id2: own.id,
              notice2: own.notice,
            }),
            fixes: [
              {
                title: t('format-citation.replace', { notice: own.notice }),
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
