/**
 * period: the year in the title, and the year of a stated statistics period
 * (统计期限自2022年1月1日起至2022年12月31日止), must be the report year (年度).
 * Other years in the prose (a cited 2019 要点, next year's plans) are not this rule's business.
 */
import { defineRule } from '../rule';
import { foldWidth, sourceSpanOf } from '../prose';

/** 统计期限/时限/时间/周期/统计数据… 2022年1月1日 … 至/到 … [2022年]12月31日 */
const PERIOD =
  /(?:统计|数据)[^。；;！？]{0,16}?(?:期限|时限|时间|周期|区间|时段|期间|范围|口径|数据)[^。；;！？\d]{0,12}?((?:19|20)\d\d)\s*年\s*0?1\s*月\s*0?1\s*日[^。；;！？\d]{0,6}?(?:至|到|—|–|-|～|~)[^。；;！？\d]{0,6}?(?:((?:19|20)\d\d)\s*年\s*)?12\s*月\s*31\s*日/g;

export default defineRule({
  id: 'period',
  severity: 'warning',
  description: {
    zh: '标题或所述统计期限的年份与报告年度不一致',
    en: 'The year of the title or of the stated statistics period differs from 年度',
  },
  fixable: false,
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
              message: t(
                `标题中的年份 ${m[1]} 与报告年度 ${year} 不一致`,
                `The title's year ${m[1]} differs from the report year (年度) ${year}`,
              ),
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
          message: t(
            `所述统计期限的年份 ${wrong.y} 与报告年度 ${year} 不一致（统计期限应为 ${year}年1月1日至12月31日）`,
            `The stated statistics period is in ${wrong.y}, but the report year (年度) is ${year} (the period is 1 January to 31 December ${year})`,
          ),
          anchor: `period/${n}`,
        });
      }
    }
    // the title and every stated period agree with each other and not with 年度: 年度 is the slip
    const field = report.frontMatter.fields.get('年度');
    if (titleWrong && found.length > 1 && found.every((f) => f.year === titleWrong) && field) {
      emit({
        span: field.span,
        message: t(
          `报告年度 ${year} 与标题和所述统计期限中的年份 ${titleWrong} 不一致；“年度”是否应为 ${titleWrong}？`,
          `The report year (年度) ${year} differs from the year ${titleWrong} of the title and of the stated statistics period; should 年度 be ${titleWrong}?`,
        ),
        anchor: 'front-matter/年度/period',
      });
      return;
    }
    for (const f of found) emit({ span: f.span, message: f.message, anchor: f.anchor });
  },
});
