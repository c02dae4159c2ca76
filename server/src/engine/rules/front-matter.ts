import { defineRule } from '../rule';
import { eol } from '../text/report-edits';
import { documentStart } from './util';
import { messageOf } from '../../messages';

export default defineRule({
  id: 'front-matter',
  severity: 'error',
  description: 'front-matter.description',
  fixable: true,
  tables: 'none',
  check({ report, locale, t, emit }) {
    const fm = report.frontMatter;
    if (!fm.present) {
      const title = report.titles[0]?.text ?? '';
      const year = /(\d{4})\s*年/.exec(title.normalize('NFKC'))?.[1];
      const agency = year ? title.slice(0, title.normalize('NFKC').indexOf(year)).trim() : '';
      const kind = /人民政府(办公室)?$/.test(agency) && !/办公室$/.test(agency) ? '政府' : '部门';
      const nl = eol(report);
      const y = year ? Number(year) : new Date().getFullYear() - 1;
      const skeleton = [
        '---',
        `机关: ${agency || '（机关名称）'}`,
        `年度: ${y}`,
        `格式: ${y >= 2021 ? 2021 : 2019}`,
        `类型: ${kind}`,
        '---',
        '',
        '',
      ].join(nl);
      emit({
        span: documentStart(report),
        message: t('front-matter.missing'),
        fixes: [
          {
            title: t('front-matter.insert'),
            safe: false,
            edits: [{ span: { start: 0, end: 0 }, newText: skeleton }],
          },
        ],
        anchor: 'front-matter',
      });
      return;
    }
    if (fm.syntaxError) {
      emit({
        span: fm.syntaxError.span,
        message: t('front-matter.syntax', { message: fm.syntaxError.message }),
        anchor: 'front-matter/syntax',
      });
      return;
    }
    for (const i of fm.issues)
      emit({ span: i.span, message: messageOf(locale, i.message), anchor: `front-matter/${i.key}` });
  },
});
