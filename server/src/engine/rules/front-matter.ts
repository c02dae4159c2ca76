import { defineRule } from '../rule';
import { eol } from '../edits';
import { documentStart } from './util';

export default defineRule({
  id: 'front-matter',
  severity: 'error',
  description: {
    zh: '前置元数据缺失、无法解析，或字段类型、取值错误',
    en: 'Front matter missing, unparsable, or a field of the wrong type or value',
  },
  fixable: true,
  check({ report, t, emit }) {
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
        message: t(
          '缺少前置元数据（--- 机关、年度、格式、类型 ---）：无法确定报告年度和适用的表格格式',
          'Missing front matter (--- 机关, 年度, 格式, 类型 ---): the report year and table format cannot be determined',
        ),
        fixes: [
          {
            title: t('插入前置元数据', 'Insert front matter'),
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
        message: t(
          `前置元数据无法解析：${fm.syntaxError.message}`,
          `Front matter cannot be parsed: ${fm.syntaxError.message}`,
        ),
        anchor: 'front-matter/syntax',
      });
      return;
    }
    for (const i of fm.issues) emit({ span: i.span, message: t(i.zh, i.en), anchor: `front-matter/${i.key}` });
  },
});
