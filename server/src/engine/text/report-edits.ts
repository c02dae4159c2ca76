/** Helpers that compute text edits against the source, keeping its line breaks. */
import { eolOf } from './lines';
import type { Report, Section } from '../model';
import type { SpanEdit } from './edit';
import { officialTableLines } from './official-table';
import type { FormDef } from '../forms';

export function replace(start: number, end: number, newText: string): SpanEdit {
  return { span: { start, end }, newText };
}
export function insert(at: number, newText: string): SpanEdit {
  return { span: { start: at, end: at }, newText };
}

/** The heading and (for 二–四) the empty tables of an official section. */
export function sectionSkeleton(form: FormDef, index: number, eol = '\n'): string {
  const def = form.sections[index];
  const parts = [`## ${def.numeral}、${def.title}`];
  const tables = form.tables.filter((t) => t.section === def.numeral);
  for (const t of tables) parts.push(officialTableLines(t, { tight: true }).join(eol));
  if (def.topics.length) for (const tp of def.topics) parts.push(`### ${tp.heading}`);
  return parts.join(eol + eol);
}

/** The offset at which the line containing `offset` starts. */
export function lineStartAt(report: Report, offset: number): number {
  const l = report.doc.lines;
  return l.lineStart(l.positionAt(offset).line);
}
export function lineEndAt(report: Report, offset: number): number {
  const l = report.doc.lines;
  return l.lineEnd(l.positionAt(offset).line);
}
export function eol(report: Report): string {
  return eolOf(report.doc.text);
}

/** Where a missing official section goes: before the next present section, or at the end. */
export function sectionInsertionPoint(report: Report, index: number): { at: number; before?: Section } {
  const next = report.sections.filter((s) => s.index > index).sort((a, b) => a.span.start - b.span.start)[0];
  if (next) return { at: next.span.start, before: next };
  return { at: report.doc.text.length };
}
