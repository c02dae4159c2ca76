import { defineRule } from '../rule';
import { inContainer } from '../container';
import { eol } from '../edits';
import { misleveledSections } from './util';

const WORDS = '政府信息公开工作年度报告';

export default defineRule({
  id: 'title',
  severity: 'warning',
  description: {
    zh: '缺少一级标题、有多个一级标题，或标题缺少年份、“政府信息公开工作年度报告”字样',
    en: 'No H1, several H1s, or a title without the year or 政府信息公开工作年度报告',
  },
  fixable: true,
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
        message: t(
          '缺少报告标题（一级标题，如“# ××2023年政府信息公开工作年度报告”）',
          'Missing the report title (an H1 such as “# ××2023年政府信息公开工作年度报告”)',
        ),
        fixes: canonical
          ? [
              {
                title: t(`插入标题“${canonical}”`, `Insert the title “${canonical}”`),
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
        message: t(
          '报告只能有一个一级标题；此处应改为二级或更低级标题',
          'A report has exactly one H1; make this a lower-level heading',
        ),
        anchor: `title/extra/${h.text}`,
      });
    }
    const text = title.text.normalize('NFKC').replace(/\s+/g, '');
    const lacksYear = !/\d{4}/.test(text);
    const lacksWords = !text.includes(WORDS);
    if (lacksYear || lacksWords) {
      const what = [lacksYear ? t('年份', 'the year') : '', lacksWords ? `“${WORDS}”` : '']
        .filter(Boolean)
        .join(t('和', ' and '));
      emit({
        span: title.textSpan,
        message: t(`标题缺少${what}`, `The title lacks ${what}`),
        fixes: canonical
          ? [
              {
                title: t(`将标题改为“${canonical}”`, `Change the title to “${canonical}”`),
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
