import { defineRule } from '../rule';
import { orphanTables, writtenForm } from './util';
import { sectionName } from '../model/names';

export default defineRule({
  id: 'table-unknown',
  severity: 'warning',
  description: 'table-unknown.description',
  fixable: false,
  tables: 'labels',
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
        message: t('table-unknown.unrecognised', {
          section: sectionName(x.section),
          tables: expected.map((k) => `“${k}”`).join(t('common.list-separator')),
        }),
        anchor: `${x.section.def.numeral}/unknown/${first?.text ?? ''}`,
      });
    }
  },
});
