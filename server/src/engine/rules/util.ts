/** Helpers shared by the rules: spans, misnamed rows and columns, the written form, orphan tables (names: model/names.ts). */
import type { Report, ReportRow, ReportTable, Section } from '../model';
import { formForYear, type ColumnDef, type FormDef, type RowDef, type TableDef } from '../forms';
import type { Span } from '../text';
import type { TableNode } from '../parse';
import { labelKey, normalizeLabel, SECTION_NUMERALS } from '../model/normalize';
import type { HeadingNode } from '../parse';

/** The span of a row's label, or of the row's start when it has none. */
export function labelSpan(r: ReportRow): Span {
  return r.label.span.end > r.label.span.start
    ? r.label.span
    : { start: r.node.span.start, end: Math.min(r.node.span.end, r.node.span.start + 1) };
}

/** The heading line of a section, as a span for diagnostics. */
export function headingSpan(s: Section): Span {
  return s.heading.textSpan.end > s.heading.textSpan.start ? s.heading.textSpan : s.heading.span;
}

/** A span for findings about the whole document: its first line. */
export function documentStart(report: Report): Span {
  const l = report.doc.lines;
  return { start: 0, end: l.lineEnd(0) };
}

/**
 * A written column that matches nothing, standing where exactly one official column is missing,
 * is that column misnamed: column-unknown says so and column-missing stays silent for it.
 */
export function misnamedColumns(t: ReportTable): Map<number, ColumnDef> {
  const out = new Map<number, ColumnDef>();
  if (!t.def) return out;
  const order = t.def.columns;
  const present = new Set(t.columns.filter((c) => c.def).map((c) => c.def!.id));
  t.columns.forEach((c, j) => {
    if (c.def) return;
    const prev = t.columns
      .slice(0, j)
      .reverse()
      .find((x) => x.def)?.def;
    const next = t.columns.slice(j + 1).find((x) => x.def)?.def;
    const lo = prev ? order.indexOf(prev) : -1;
    const hi = next ? order.indexOf(next) : order.length;
    const gap = order.slice(lo + 1, hi).filter((d) => !present.has(d.id));
    const unknownInGap = t.columns.filter(
      (x, k) =>
        !x.def &&
        k > (prev ? t.columns.findIndex((y) => y.def === prev) : -1) &&
        k < (next ? t.columns.findIndex((y) => y.def === next) : t.columns.length),
    );
    if (gap.length === 1 && unknownInGap.length === 1) out.set(j, gap[0]);
  });
  return out;
}

/** Likewise for a row whose label matches nothing, standing where one official row is missing. */
export function misnamedRows(t: ReportTable): Map<ReportRow, RowDef> {
  const out = new Map<ReportRow, RowDef>();
  if (!t.def) return out;
  const order = t.def.rows;
  const rows = t.rows;
  rows.forEach((r, i) => {
    if (r.def || !r.label.text) return;
    const prev = rows
      .slice(0, i)
      .reverse()
      .find((x) => x.def && !x.duplicate);
    const next = rows.slice(i + 1).find((x) => x.def && !x.duplicate);
    const lo = prev ? order.indexOf(prev.def!) : -1;
    const hi = next ? order.indexOf(next.def!) : order.length;
    if (hi < lo) return;
    const gap = order.slice(lo + 1, hi).filter((d) => !d.group && !t.rowById.has(d.id));
    const pi = prev ? rows.indexOf(prev) : -1;
    const ni = next ? rows.indexOf(next) : rows.length;
    const unknownInGap = rows.slice(pi + 1, ni).filter((x) => !x.def && x.label.text);
    if (gap.length === 1 && unknownInGap.length === 1) out.set(r, gap[0]);
  });
  return out;
}

/** Two definitions of one table that are the same table (same columns and rows): table 四. */
export function sameShape(a: TableDef, b: TableDef | undefined): boolean {
  const shape = (d: TableDef): string => JSON.stringify([d.columns.map((c) => c.label), d.rows.map((r) => r.label)]);
  return !!b && shape(a) === shape(b);
}

/**
 * The form the report is written in: the declared or inferred 格式 — except when a declared 格式
 * contradicts the report year while every table that tells the two forms apart is of the year's
 * form. Then the declaration is the one mistake (format-mismatch says so on 格式, once), and the
 * tables, the 信息处理费 statement and the cited notice are judged by the form they are written in.
 */
export function writtenForm(report: Report): FormDef {
  const { form, formDeclared, year } = report.meta;
  if (!formDeclared || year === undefined) return form;
  const due = formForYear(year);
  if (due.id === form.id) return form;
  const telling = report.tables.filter(
    (x) =>
      x.def &&
      x.form &&
      !sameShape(
        x.def,
        (x.form === due ? form : due).tables.find((d) => d.id === x.def!.id),
      ),
  );
  return telling.length > 0 && telling.every((x) => x.form === due) ? due : form;
}

/**
 * Tables standing under the section before a missing one whose first header cell names a table of
 * the missing section: its heading was left out (`## 四、…` dropped, its table now under 三).
 * section-missing speaks for them; they are not also unknown tables of the section they stand in.
 */
export function orphanTables(report: Report, index: number): TableNode[] {
  if (report.sectionByIndex[index]) return [];
  const form = writtenForm(report);
  const numeral = form.sections[index].numeral;
  const keys = form.tables
    .filter((d) => d.section === numeral)
    .flatMap((d) => [d.key, ...d.keyAliases])
    .map(normalizeLabel)
    .filter(Boolean);
  if (keys.length === 0) return [];
  const prev = report.sections
    .filter((s) => s.index < index && report.sectionByIndex[s.index] === s)
    .sort((a, b) => a.span.start - b.span.start)
    .pop();
  if (!prev) return [];
  const known = new Set(report.tables.filter((x) => x.def).map((x) => x.node));
  return report.doc.tables.filter(
    (t) =>
      t.span.start >= prev.bodySpan.start &&
      t.span.start < prev.bodySpan.end &&
      !known.has(t) &&
      keys.includes(normalizeLabel(t.header.cells[0]?.text ?? '')),
  );
}

/**
 * Official section headings written at another level than ## (`# 一、总体情况`, `### 二、…`) or as a
 * paragraph of their own (`**三、…**`, a Word heading pasted as text), for sections not found at
 * level 2: the sections are there, written the wrong way. Each with the edit that makes it `## …`.
 */
export interface MisplacedSection {
  index: number;
  /** the heading node, when it is a heading */
  heading?: HeadingNode;
  /** `#`, `###`… or '' for a paragraph */
  marks: string;
  span: Span;
  edit: { span: Span; newText: string };
}
export function misleveledSections(report: Report): MisplacedSection[] {
  const form = report.meta.form;
  const out: MisplacedSection[] = [];
  const official = (text: string): number => {
    const n = labelKey(text);
    const index = SECTION_NUMERALS.indexOf(n[0] as (typeof SECTION_NUMERALS)[number]);
    if (index < 0 || report.sectionByIndex[index] || out.some((o) => o.index === index)) return -1;
    const def = form.sections[index];
    return [def.title, ...def.aliases].some((w) => normalizeLabel(w) === n.slice(1)) ? index : -1;
  };
  const found: MisplacedSection[] = [];
  for (const h of report.doc.headings) {
    if (h.depth === 2) continue;
    const index = official(h.text);
    if (index >= 0)
      found.push({
        index,
        heading: h,
        marks: '#'.repeat(h.depth),
        span: h.textSpan.end > h.textSpan.start ? h.textSpan : h.span,
        edit: { span: { start: h.span.start, end: h.textSpan.start }, newText: '## ' },
      });
  }
  for (const p of report.doc.prose) {
    if (p.kind !== 'paragraph' || /\n/.test(p.text.trim())) continue;
    const index = official(p.text);
    if (index >= 0 && !found.some((f) => f.index === index))
      found.push({ index, marks: '', span: p.span, edit: { span: p.span, newText: `## ${p.text.trim()}` } });
  }
  found.sort((a, b) => a.span.start - b.span.start);
  for (const f of found) if (!out.some((o) => o.index === f.index)) out.push(f);
  return out;
}
