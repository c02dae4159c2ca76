/**
 * period: the year in the title, and the year of a stated statistics period
 * (统计期限自2022年1月1日起至2022年12月31日止), must be the report year (年度).
 * Other years in the prose (a cited 2019 要点, next year's plans) are not this rule's business.
 */
import { defineRule } from '../rule';
import { foldWidth, sourceSpanOf } from '../prose/numbers';

/** 统计期限/时限/时间/周期/统计数据… 2022年1月1日 … 至/到 … [2022年]12月31日 */
const PERIOD =
  /(?:统计|数据)[^。；;！？]{0,16}?(?:期限|时限|时间|周期|区间|时段|期间|范围|口径|数据)[^。；;！？\d]{0,12}?((?:19|20)\d\d)\s*年\s*0?1\s*月\s*0?1\s*日[^。；;！？\d]{0,6}?(?:至|到|—|–|-|～|~)[^。；;！？\d]{0,6}?(?:((?:19|20)\d\d)\s*年\s*)?12\s*月\s*31\s*日/g;

export default defineRule({
  id: 'period',
  severity: 'warning',
  description: 'period.description',
  fixable: false,
  tables: 'none',
  check({ report, t, emit }) {
    const year = report.meta.year;
    if (year === undefined) return;
    const source = report.doc.text;
    const found: { year: string; span: { start: number; end: number }; message: string; anchor: string }[] = [];
    let titleWrong: string | undefined;
    const title = report.titles[0];
    if (title) {
      const p = report.doc.prose.find((x) => x.kind === 'heading' && x.span.start === title.span.start);
      if (p) {
        const text = foldWidth(p.text);
        const m = /(?<!\d)((?:19|20)\d\d)(?!\d)\s*年/.exec(text) ?? /(?<!\d)((?:19|20)\d\d)(?!\d)/.exec(text);
        if (m && Number(m[1]) !== year) {
          const span = sourceSpanOf(p, m.index, m.index + 4, source);
          if (span) {
            titleWrong = m[1]!;
            found.push({
              year: m[1],
              span,
              message: t('period.title-year', { value: m[1], year }),
              anchor: 'title/year',
            });
          }
        }
      }
    }
    let k = 0;
    for (const p of report.doc.prose) {
      if (p.kind === 'heading' && title && p.span.start === title.span.start) continue;
      const text = foldWidth(p.text);
      PERIOD.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = PERIOD.exec(text))) {
        const n = k++;
        const years: { y: string; at: number }[] = [{ y: m[1], at: m.index + m[0].indexOf(m[1]) }];
        if (m[2]) years.push({ y: m[2], at: m.index + m[0].lastIndexOf(m[2]) });
        // one statement, one finding: on its first wrong year (a copied sentence has both wrong)
        const wrong = years.find((y) => Number(y.y) !== year);
        if (!wrong) continue;
        const span = sourceSpanOf(p, wrong.at, wrong.at + 4, source);
        if (!span) continue;
        found.push({
          year: wrong.y,
          span,
          message: t('period.stated-period', { y: wrong.y, year }),
          anchor: `period/${n}`,
        });
      }
    }
    // the title and every stated period agree with each other and not with 年度: 年度 is the slip
    const field = report.frontMatter.fields.get('年度');
    if (titleWrong && found.length > 1 && found.every((f) => f.year === titleWrong) && field) {
      emit({
        span: field.span,
        message: t('period.report-year', { year, titleWrong }),
        anchor: 'front-matter/年度/period',
      });
      return;
    }
    for (const f of found) emit({ span: f.span, message: f.message, anchor: f.anchor });
  },
});
