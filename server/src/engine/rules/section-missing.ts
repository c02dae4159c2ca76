import { defineRule } from '../rule';
import { containerPrefix, inContainer } from '../text/container';
import { eol, lineStartAt, sectionInsertionPoint, sectionSkeleton } from '../text/report-edits';
import { headingSpan, misleveledSections, orphanTables } from './util';

export default defineRule({
  id: 'section-missing',
  severity: 'error',
  description: 'section-missing.description',
  fixable: true,
  tables: 'labels',
  check({ report, t, emit }) {
    const form = report.meta.form;
    const nl = eol(report);
    const text = report.doc.text;
    // the sections are there as headings of another level: one finding, one fix for them all
    const misleveled = misleveledSections(report);
    if (misleveled.length > 0) {
      const n = misleveled.length;
      const ways = [...new Set(misleveled.map((m) => m.marks))]
        .map((m) => (m ? `“${m}”` : t('section-missing.plain-paragraphs')))
        .join(t('common.list-separator'));
      emit({
        span: misleveled[0].span,
        message: t('section-missing.wrong-level', { n, ways }),
        fixes: [
          {
            title: t('section-missing.fix-level', { n }),
            safe: true,
            edits: misleveled.map((m) => m.edit),
          },
        ],
        anchor: 'section/level',
      });
    }
    const atOtherLevel = new Set(misleveled.map((m) => m.index));
    for (let i = 0; i < 6; i++) {
      if (report.sectionByIndex[i] || atOtherLevel.has(i)) continue;
      const def = form.sections[i];
      const name = `${def.numeral}、${def.title}`;
      const orphans = orphanTables(report, i);
      if (orphans.length > 0) {
        // its tables are there, under the section before: only the heading is missing
        const first = orphans[0];
        const under = report.sections.find(
          (s) => first.span.start >= s.bodySpan.start && first.span.start < s.bodySpan.end,
        )!;
        // after the prefix of a quote or list item holding the table, so that the heading stays in it
        const at = containerPrefix(text, first.span.start) ? first.span.start : lineStartAt(report, first.span.start);
        emit({
          span:
            first.header.cells[0] && first.header.cells[0].span.end > first.header.cells[0].span.start
              ? first.header.cells[0].span
              : first.header.span,
          message: t('section-missing.heading-before-table', {
            name,
            numeral: under.def.numeral,
            title: under.def.title,
          }),
          fixes: [
            {
              title: t('section-missing.insert-heading', { name }),
              safe: true,
              edits: [inContainer(text, { span: { start: at, end: at }, newText: `## ${name}${nl}${nl}` })],
            },
          ],
          anchor: `section/${def.numeral}`,
        });
        continue;
      }
      const { at, before } = sectionInsertionPoint(report, i);
      const skeleton = sectionSkeleton(form, i, nl);
      let newText: string;
      // what it inserts after the sections missing before it, inserted at the same point (for fix-all)
      let following: string | undefined;
      if (before) newText = following = `${skeleton}${nl}${nl}`;
      else {
        // a blank line between the text and the section
        const lead = (t: string): string => {
          const trailing = /(\r?\n)*$/.exec(t)?.[0] ?? '';
          return t.length === 0 ? '' : trailing.length === 0 ? nl + nl : trailing === nl ? nl : '';
        };
        newText = `${lead(text)}${skeleton}${nl}`;
        // after such a section the text ends as this one does, with its last line and one line break
        // (in a quote or a list item the inserted lines take its prefix: not worked out here)
        if (containerPrefix(text, at) === '') following = `${lead(`${skeleton}${nl}`)}${skeleton}${nl}`;
      }
      const l = report.doc.lines;
      const lastLine = l.positionAt(text.length).line;
      const span = before ? headingSpan(before) : { start: l.lineStart(lastLine), end: text.length };
      emit({
        span,
        message: before
          ? t('section-missing.missing-before', {
              name,
              numeral: before.def.numeral,
              title: before.def.title,
            })
          : t('section-missing.missing-at-end', { name }),
        fixes: [
          {
            title: t('section-missing.insert', { name }),
            safe: true,
            edits: [inContainer(text, { span: { start: at, end: at }, newText })],
            ...(following === undefined
              ? {}
              : { following: inContainer(text, { span: { start: at, end: at }, newText: following }).newText }),
          },
        ],
        anchor: `section/${def.numeral}`,
      });
    }
  },
});
