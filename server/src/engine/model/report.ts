/**
 * Document structure → report model: front matter read and validated, sections recognised,
 * tables matched to the official form, rows and columns to its labels, cells read as numbers.
 */
import { formForYear } from '../forms';
import type { HeadingNode, ParsedDocument } from '../parse';
import { readFrontMatter, type FrontMatter, type Meta } from './front-matter';
import { sectionOf } from './sections';
import { identifyTable } from './tables';
import type { Cell, ReportTable, Section } from './types';
import { readDirectives, type Suppression } from './suppressions';

// ---------------------------------------------------------------------------------------------
// The report

export interface Report {
  doc: ParsedDocument;
  frontMatter: FrontMatter;
  meta: Meta;
  titles: HeadingNode[];
  sections: Section[];
  /** the first occurrence of each official section, by index */
  sectionByIndex: (Section | undefined)[];
  tables: ReportTable[];
  suppressions: Suppression[];
}

export function buildReport(doc: ParsedDocument, options: { now?: Date } = {}): Report {
  const { fm, meta } = readFrontMatter(doc, options.now ?? new Date());
  const titles = doc.headings.filter((h) => h.depth === 1);
  // no 年度 and no 格式 (front matter missing or incomplete): the title's year chooses the form
  if (meta.year === undefined && !meta.formDeclared) {
    const y = /(?<!\d)((?:19|20)\d\d)(?!\d)/.exec(titles[0]?.text.normalize('NFKC') ?? '')?.[1];
    if (y) meta.form = formForYear(Number(y));
  }
  const sections: Section[] = [];
  const boundaries = doc.headings.filter((h) => h.depth <= 2);
  for (let i = 0; i < boundaries.length; i++) {
    const h = boundaries[i];
    if (h.depth !== 2) continue;
    const s = sectionOf(h, meta.form);
    if (!s) continue;
    const end = i + 1 < boundaries.length ? boundaries[i + 1].span.start : doc.text.length;
    sections.push({
      index: s.index,
      def: meta.form.sections[s.index],
      heading: h,
      headingMatch: s.match,
      span: { start: h.span.start, end },
      bodySpan: { start: h.span.end, end },
      subHeadings: [],
      tables: [],
      prose: [],
      blocks: [],
    });
  }
  const inside = (sp: { start: number }, sec: Section): boolean =>
    sp.start >= sec.bodySpan.start && sp.start < sec.bodySpan.end;
  // sections are in document order with disjoint bodies: binary search (a linear one is quadratic on many headings)
  const find = (sp: { start: number }): Section | undefined => {
    let lo = 0,
      hi = sections.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sections[mid].bodySpan.start <= sp.start) lo = mid;
      else hi = mid - 1;
    }
    const s = sections[lo];
    return s && inside(sp, s) ? s : undefined;
  };
  for (const h of doc.headings) if (h.depth > 2) find(h.span)?.subHeadings.push(h);
  for (const p of doc.prose) find(p.span)?.prose.push(p);
  for (const b of doc.blocks) find(b.span)?.blocks.push(b);
  const tables: ReportTable[] = [];
  for (const t of doc.tables) {
    const sec = find(t.span);
    if (!sec || sec.index < 1 || sec.index > 3) continue;
    const rt = identifyTable(t, sec, meta.form);
    rt.section = sec;
    sec.tables.push(rt);
    tables.push(rt);
  }
  const sectionByIndex: (Section | undefined)[] = [];
  for (const s of sections) if (!sectionByIndex[s.index]) sectionByIndex[s.index] = s;
  return { doc, frontMatter: fm, meta, titles, sections, sectionByIndex, tables, suppressions: readDirectives(doc) };
}

/** The first table of the report that stands for a definition id (in its section). */
export function tableById(report: Report, id: string): ReportTable | undefined {
  return report.tables.find((t) => t.def?.id === id && !t.rows.every((r) => r.duplicate));
}

/** A number from a table by row and column id, when the cell is readable. */
export function cellValue(t: ReportTable | undefined, rowId: string, colId: string): number | undefined {
  const r = t?.rowById.get(rowId);
  const j = t?.colById.get(colId);
  if (!r || j === undefined) return undefined;
  const c = r.cells[j];
  return c && (c.state === 'ok' || c.state === 'normalizable') ? c.value : undefined;
}

export function cellAt(t: ReportTable, rowId: string, colId: string): Cell | undefined {
  const r = t.rowById.get(rowId);
  const j = t.colById.get(colId);
  return r && j !== undefined ? r.cells[j] : undefined;
}
