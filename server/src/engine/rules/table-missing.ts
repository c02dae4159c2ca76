import { defineRule } from '../rule';
import { containerPrefix, inContainer } from '../text/container';
import { eol } from '../text/report-edits';
import { officialTableLines } from '../text/official-table';
import { headingSpan, writtenForm } from './util';
import { sectionName } from '../model/names';

export default defineRule({
  id: 'table-missing',
  severity: 'error',
  description: 'table-missing.description',
  fixable: true,
  tables: 'labels',
  check({ report, t, emit }) {
    const form = writtenForm(report);
    const nl = eol(report);
    const text = report.doc.text;
    for (const s of report.sections) {
      if (report.sectionByIndex[s.index] !== s) continue;
      const defs = form.tables.filter((d) => d.section === s.def.numeral);
      if (defs.length === 0) continue;
      // an unrecognised table may be the missing one: table-unknown speaks for it
      if (s.tables.some((x) => !x.def)) continue;
      const present = new Set(s.tables.map((x) => x.def!.id));
      defs.forEach((def, i) => {
        if (present.has(def.id)) return;
        const order = (id: string): number => defs.findIndex((d) => d.id === id);
        const before = s.tables.filter((x) => order(x.def!.id) >= 0 && order(x.def!.id) < i).pop();
        const after = s.tables.find((x) => order(x.def!.id) > i);
        let at: number, newText: string, anchor: number;
        // after the tables missing before it, inserted at the same point, it inserts the same text:
        // each next one goes after the one before it, which ends where it is written
        let same = true;
        const table = officialTableLines(def, { tight: true }).join(nl);
        if (before) {
          at = before.node.span.end;
          anchor = before.node.span.start;
          newText = `${nl}${nl}${table}`;
        } else if (after) {
          at = after.node.span.start;
          anchor = at;
          newText = `${table}${nl}${nl}`;
        } else {
          at = s.span.end;
          let k = at;
          for (;;) {
            while (k > s.bodySpan.start && (text[k - 1] === '\n' || text[k - 1] === '\r')) k--;
            // a blank line of a quote (`>`) at the end of the section is as blank as an empty one
            let ls = k;
            while (ls > s.bodySpan.start && text[ls - 1] !== '\n' && text[ls - 1] !== '\r') ls--;
            if (ls === k || ls <= s.bodySpan.start || !/^[ \t>]*$/.test(text.slice(ls, k))) break;
            k = ls;
          }
          const gap = text.slice(k, at);
          at = k;
          anchor = s.heading.span.start;
          newText = `${nl}${nl}${table}${gap.length ? '' : nl}`;
          // the next one goes after this table, which ends where it is written when a blank line, the
          // end of the text or an ATX heading follows it (the text line of a setext heading would be
          // taken in as a row); without a gap, the line break after the first would go after the last
          const end = s.span.end;
          same =
            gap.length > 0 &&
            (end === text.length ||
              (gap.match(/\r\n|\r|\n/g) ?? []).length >= 2 ||
              /^ {0,3}#{1,6}(?:[ \t\r\n]|$)/.test(text.slice(end, end + 8)));
        }
        const name = def.section === '二' ? `“${def.key}”` : `“${def.title ?? def.key}”`;
        emit({
          span: headingSpan(s),
          message: t('table-missing.missing', { section: sectionName(s), name }),
          fixes: [
            {
              title: t('table-missing.insert', { name }),
              safe: true,
              // inside a quote or list item the new lines keep its prefix: a neighbouring table's, else the heading's
              edits: [inContainer(text, { span: { start: at, end: at }, newText }, anchor)],
              // (in a quote or a list item the inserted lines take its prefix: not worked out here)
              ...(same && containerPrefix(text, anchor) === '' ? { following: newText } : {}),
            },
          ],
          anchor: `${s.def.numeral}/${def.id}/missing`,
        });
      });
    }
  },
});
