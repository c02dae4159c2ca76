/**
 * The facts of a report that other years are compared with (rules `carryover`, `valid-docs`).
 * Pure and serialisable: a report is reduced to small `YearFacts` (who, which year, which format,
 * the cells that carry over, with their ranges), which can travel between worker threads or sit in
 * the server's workspace index. The rules read this year's and last year's facts from their rule
 * context (`ctx.crossYear`); check.ts runs them like any rule.
 *
 * Two years are compared only when they are the same 机关 (after normalisation), adjacent 年度,
 * and the same 格式 (the tables of the 2019 and 2021 formats do not line up).
 */
import { APPLICANT_COLUMNS } from '../forms/common';
import type { CellState, ReportTable } from './types';
import type { Report } from './report';
import { tableById } from './report';
import type { Range, Span } from '../text';

export interface FactCell {
  state: CellState;
  value?: number;
  /** the cell as written */
  text: string;
  span: Span;
  range: Range;
}
export interface FactRow {
  labelSpan: Span;
  labelRange: Range;
  /** column id → cell */
  cells: Record<string, FactCell>;
}
export interface FactSuppression {
  rules: string[] | 'all';
  fromLine: number;
  toLine: number;
}

export interface YearFacts {
  agency?: string;
  /** 机关 normalised for comparison */
  agencyKey?: string;
  year?: number;
  /** 格式 declared or inferred: '2019' | '2021' */
  format: string;
  /** 三 / 二、上年结转政府信息公开申请数量 */
  carried?: FactRow;
  /** 三 / 四、结转下年度继续办理 */
  carryNext?: FactRow;
  /** 二 / 第二十条第（一）项: row id (rules, normative) → its cells */
  docs?: Record<string, FactRow>;
  suppressions: FactSuppression[];
}

/** 机关 as compared across years: NFKC, no whitespace or quotes, case folded. */
export function normalizeAgency(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\u200b-\u200d\u2060\ufeff“”"'‘’「」]/g, '')
    .toLowerCase();
}

function rowFacts(report: Report, t: ReportTable | undefined, rowId: string): FactRow | undefined {
  const r = t?.rowById.get(rowId);
  if (!t || !r) return undefined;
  const lines = report.doc.lines;
  const cells: Record<string, FactCell> = {};
  t.columns.forEach((col, j) => {
    const c = r.cells[j];
    if (!col.def || !c) return;
    if (cells[col.def.id]) return;
    cells[col.def.id] = {
      state: c.state,
      value: c.value,
      text: c.node.text,
      span: c.node.span,
      range: lines.range(c.node.span),
    };
  });
  return { labelSpan: r.label.span, labelRange: lines.range(r.label.span), cells };
}

/** The facts of one report that other years are compared with. */
export function extractFacts(report: Report): YearFacts {
  let f = factsMemo.get(report);
  if (!f) factsMemo.set(report, (f = extractFactsUncached(report)));
  return f;
}
const factsMemo = new WeakMap<Report, YearFacts>();

function extractFactsUncached(report: Report): YearFacts {
  const { agency, year, form } = report.meta;
  const apps = tableById(report, 'applications');
  const art = tableById(report, 'art20-1');
  const usable = (t: ReportTable | undefined): ReportTable | undefined => (t && t.form === form ? t : undefined);
  const docs: Record<string, FactRow> = {};
  for (const id of ['rules', 'normative']) {
    const f = rowFacts(report, usable(art), id);
    if (f) docs[id] = f;
  }
  return {
    agency,
    agencyKey: agency ? normalizeAgency(agency) : undefined,
    year,
    format: form.id,
    carried: rowFacts(report, usable(apps), 'carried'),
    carryNext: rowFacts(report, usable(apps), 'carryNext'),
    docs: Object.keys(docs).length ? docs : undefined,
    suppressions: report.suppressions.map((s) => ({
      rules: s.rules === 'all' ? 'all' : [...s.rules],
      fromLine: s.fromLine,
      toLine: s.toLine,
    })),
  };
}

/** Whether `prev` is the report of the year before `cur`, of the same body and format. */
export function isPreviousYear(cur: YearFacts, prev: YearFacts): boolean {
  return !!cur.agencyKey && cur.agencyKey === prev.agencyKey && cur.year !== undefined && prev.year === cur.year - 1;
}

/** Among candidates, the report of the year before (the first one found when there are several). */
export function findPreviousYear<T extends { facts: YearFacts }>(
  cur: YearFacts,
  candidates: Iterable<T>,
): T | undefined {
  for (const c of candidates) if (c.facts !== cur && isPreviousYear(cur, c.facts)) return c;
  return undefined;
}

/** 申请人 column id → its label. */
export const APPLICANT_COLUMN_LABEL: ReadonlyMap<string, string> = new Map(
  APPLICANT_COLUMNS.map((c) => [c.id, c.label]),
);

/** The ranges of every span the facts hold (cells and row labels), for findings made from facts alone. */
export function factRanges(f: YearFacts): { range(span: Span): Range } {
  const m = new Map<string, Range>();
  const add = (span: Span, range: Range): void => void m.set(`${span.start}:${span.end}`, range);
  const row = (r: FactRow | undefined): void => {
    if (!r) return;
    add(r.labelSpan, r.labelRange);
    for (const c of Object.values(r.cells)) add(c.span, c.range);
  };
  row(f.carried);
  row(f.carryNext);
  for (const r of Object.values(f.docs ?? {})) row(r);
  const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { range: (span) => m.get(`${span.start}:${span.end}`) ?? zero };
}
