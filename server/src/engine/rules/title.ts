import { defineRule } from '../rule';
import { inContainer } from '../text/container';
import { eol } from '../text/report-edits';
import { misleveledSections } from './util';

const WORDS = '政府信息公开工作年度报告';

export default defineRule({
  id: 'title',
  severity: 'warning',
  description: 'title.description',
  fixable: true,
  tables: 'none',
  check({ report, t, emit }) {
    const { agency, year } = report.meta;
    const canonical = agency && year ? `${agency}${year}年${WORDS}` : undefined;
    // a section heading written as # is section-missing's finding, not a second title
    const sectionsAtH1 = new Set(
      misleveledSections(report)
        .map((m) => m.heading)
        .filter((h) => h !== undefined),
    );
    const [title, ...extra] = report.titles.filter((h) => !sectionsAtH1.has(h));
    if (!title) {
      const first = report.sections[0]?.heading.span.start ?? report.frontMatter.span?.end ?? 0;
      const l = report.doc.lines;
      const line = l.positionAt(first).line;
      const at = report.sections[0] ? first : l.lineStart(Math.min(line + 1, l.lineCount - 1));
      const nl = eol(report);
      emit({
        span: { start: at, end: report.sections[0] ? report.sections[0].heading.span.end : at },
        message: t('title.missing'),
        fixes: canonical
          ? [
              {
                title: t('title.insert-title', { canonical }),
                safe: false,
                edits: [
                  inContainer(report.doc.text, { span: { start: at, end: at }, newText: `# ${canonical}${nl}${nl}` }),
                ],
              },
            ]
          : [],
        anchor: 'title',
      });
      return;
    }
    for (const h of extra) {
      emit({
        span: h.textSpan,
        message: t('title.several'),
        anchor: `title/extra/${h.text}`,
      });
    }
    const text = title.text.normalize('NFKC').replace(/\s+/g, '');
    const lacksYear = !/\d{4}/.test(text);
    const lacksWords = !text.includes(WORDS);
    if (lacksYear || lacksWords) {
      const what = [lacksYear ? t('title.year') : '', lacksWords ? `“${WORDS}”` : '']
        .filter(Boolean)
        .join(t('common.and'));
      emit({
        span: title.textSpan,
        message: t('title.title-lacks', { what }),
        fixes: canonical
          ? [
              {
                title: t('title.change-title', { canonical }),
                safe: false,
                edits: [{ span: title.textSpan, newText: canonical }],
              },
            ]
          : [],
        anchor: 'title/words',
      });
    }
  },
});
