/**
 * Cross-year checks (rules.md `carryover`, `valid-docs`). Pure and serialisable: a report is
 * reduced to small `YearFacts` (who, which year, which format, the cells that carry over, with
 * their ranges), which can travel between worker threads or sit in the server's workspace index;
 * the diagnostics of one year are computed from its facts and those of the year before.
 *
 * Two years are compared only when they are the same 机关 (after normalisation), adjacent 年度,
 * and the same 格式 (the tables of the 2019 and 2021 formats do not line up).
 */
import { APPLICANT_COLUMNS } from './forms/common';
import type { Diagnostic } from './check';
import type { CellState, Report, ReportTable } from './model';
import { isSuppressed, tableById } from './model';
import type { Locale, Severity } from './rule';
import type { Range, Span } from './text';
import { translator } from '../messages';

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

export interface CrossYearOptions {
  locale?: Locale;
  /** how the other file is named in messages (e.g. its path) */
  previousName?: string;
  /** per-rule severity overrides; 'off' disables the rule */
  severities?: Record<string, Severity | 'off'>;
}

const readable = (c: FactCell | undefined): c is FactCell & { value: number } =>
  !!c && (c.state === 'ok' || c.state === 'normalizable') && typeof c.value === 'number';

const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6));

const COLUMN_LABEL = new Map(APPLICANT_COLUMNS.map((c) => [c.id, c.label]));
const DOC_ROW_LABEL: Record<string, string> = { rules: '规章', normative: '行政规范性文件' };

/**
 * The cross-year diagnostics of `cur` given the report of the year before. Nothing when the two
 * are not adjacent years of the same body in the same format.
 */
export function crossYearDiagnostics(
  cur: YearFacts,
  prev: YearFacts | undefined,
  options: CrossYearOptions = {},
): Diagnostic[] {
  if (!prev || !isPreviousYear(cur, prev) || cur.format !== prev.format) return [];
  const t = translator(options.locale ?? 'zh');
  const out: Diagnostic[] = [];
  const sev = (id: string, def: Severity): Severity | undefined => {
    const o = options.severities?.[id];
    return o === 'off' ? undefined : (o ?? def);
  };
  const prevYear = prev.year!;
  const where = options.previousName ? t('carryover.previous-file', { previousName: options.previousName }) : '';

  // carryover: 二、上年结转[c] = last year's 四、结转下年度继续办理[c]
  const carrySev = sev('carryover', 'warning');
  if (carrySev && cur.carried && prev.carryNext) {
    const carried = cur.carried.cells;
    const lastCells = prev.carryNext.cells;
    const delta = (col: string): number => {
      const a = carried[col],
        b = lastCells[col];
      return readable(a) && readable(b) ? b.value - a.value : 0;
    };
    const others = Object.keys(carried).filter((c) => c !== 'total' && delta(c) !== 0);
    // the 总计 column mirrors the others: when its difference is theirs, it moves with their fix
    const totalMirrors =
      others.length > 0 &&
      delta('total') !== 0 &&
      Math.abs(delta('total') - others.reduce((a, c) => a + delta(c), 0)) < 1e-9;
    const totalCell = carried.total;
    for (const [col, cell] of Object.entries(carried)) {
      const last = lastCells[col];
      if (!readable(cell) || !readable(last) || cell.value === last.value) continue;
      if (col === 'total' && totalMirrors) continue;
      const companion =
        col !== 'total' && totalMirrors && others.length === 1 && readable(totalCell) && readable(lastCells.total)
          ? [{ span: totalCell.span, range: totalCell.range, newText: fmt(lastCells.total.value) }]
          : [];
      const colName = COLUMN_LABEL.get(col) ?? col;
      const newText = cell.span.end > cell.span.start ? fmt(last.value) : ` ${fmt(last.value)} `;
      out.push({
        rule: 'carryover',
        severity: carrySev,
        message: t('carryover.differs', {
          column: colName,
          value: fmt(cell.value),
          prevYear,
          where,
          last: fmt(last.value),
        }),
        span: cell.span,
        range: cell.range,
        related: [],
        fixes: [
          {
            title: t('carryover.set-to-last-year', { last: fmt(last.value) }),
            safe: false,
            edits: [{ span: cell.span, range: cell.range, newText }, ...companion],
          },
        ],
        fingerprint: `carryover/三/applications/carried/${col}`,
      });
    }
  }

  // valid-docs (2021 format): 现行有效(N) = 现行有效(N−1) + 本年制发(N) − 本年废止(N)
  const docsSev = sev('valid-docs', 'info');
  if (docsSev && cur.format === '2021' && cur.docs && prev.docs) {
    for (const [rowId, row] of Object.entries(cur.docs)) {
      const last = prev.docs[rowId]?.cells.valid;
      const { made, repealed, valid } = row.cells;
      if (!readable(last) || !readable(made) || !readable(repealed) || !readable(valid)) continue;
      const expected = last.value + made.value - repealed.value;
      if (expected === valid.value) continue;
      const name = DOC_ROW_LABEL[rowId] ?? rowId;
      out.push({
        rule: 'valid-docs',
        severity: docsSev,
        message: t('valid-docs.differs', {
          row: name,
          value: fmt(valid.value),
          prevYear,
          where,
          last: fmt(last.value),
          made: fmt(made.value),
          repealed: fmt(repealed.value),
          expected: fmt(expected),
        }),
        span: valid.span,
        range: valid.range,
        related: [
          { span: made.span, range: made.range, message: t('valid-docs.made') },
          {
            span: repealed.span,
            range: repealed.range,
            message: t('valid-docs.repealed'),
          },
        ],
        fixes: [],
        fingerprint: `valid-docs/二/art20-1/${rowId}/valid`,
      });
    }
  }

  return out.filter((d) => !isSuppressed(cur.suppressions, d.rule, d.range.start.line));
}

/**
 * Pair reports by 机关 and adjacent 年度 and compute the cross-year diagnostics of each: the
 * CLI's post-step over the files it was given. Returns, per index of `items`, what to append.
 */
export function crossYearForAll<T extends { facts?: YearFacts; name?: string }>(
  items: readonly T[],
  locale?: Locale,
): Map<number, Diagnostic[]> {
  const out = new Map<number, Diagnostic[]>();
  const byKey = new Map<string, number>();
  items.forEach((it, i) => {
    const f = it.facts;
    if (!f?.agencyKey || f.year === undefined) return;
    const k = `${f.agencyKey}\u0000${f.year}`;
    if (!byKey.has(k)) byKey.set(k, i);
  });
  items.forEach((it, i) => {
    const f = it.facts;
    if (!f?.agencyKey || f.year === undefined) return;
    const j = byKey.get(`${f.agencyKey}\u0000${f.year - 1}`);
    if (j === undefined) return;
    const ds = crossYearDiagnostics(f, items[j].facts, { locale, previousName: items[j].name });
    if (ds.length) out.set(i, ds);
  });
  return out;
}
