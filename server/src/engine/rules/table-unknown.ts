import { defineRule } from '../rule';
import { orphanTables, sectionName, writtenForm } from './util';

export default defineRule({
  id: 'table-unknown',
  severity: 'warning',
  description: {
    zh: '第二至四部分中的表格与任何官方统计表都不匹配',
    en: 'A table in sections 二–四 matches no official table',
  },
  fixable: false,
  check({ report, t, emit }) {
    // tables of a section whose heading is missing: section-missing speaks for them
    const orphans = new Set([0, 1, 2, 3, 4, 5].flatMap((i) => orphanTables(report, i)));
    for (const x of report.tables) {
      if (x.def || !x.section || orphans.has(x.node)) continue;
      const first = x.node.header.cells[0];
      const expected = writtenForm(report)
        .tables.filter((d) => d.section === x.section!.def.numeral)
        .map((d) => d.key);
      emit({
        span: first && first.span.end > first.span.start ? first.span : x.node.header.span,
        message: t(
          `无法识别此表格：“${sectionName(x.section)}”中的表格应为官方格式的 ${expected.map((k) => `“${k}”`).join('、')}（表头第一格写表名，其余写列名）`,
          `This table is not recognised: tables in “${sectionName(x.section)}” are the official ${expected.map((k) => `“${k}”`).join(', ')} (the first header cell names the table)`,
        ),
        anchor: `${x.section.def.numeral}/unknown/${first?.text ?? ''}`,
      });
    }
  },
});
