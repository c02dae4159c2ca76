/**
 * Reviewing one report: the unit of work of `xxgk review`, in this thread or a worker. It reads
 * the file (source.ts), checks it once, renders it with every finding marked on what it sits on
 * (the preview's marks), and reduces it to plain data — who, which year, the findings, the
 * official table figures — that crosses a thread boundary as it is.
 */
import { checkText, type Diagnostic } from '../../engine/check';
import type { Report } from '../../engine/model';
import { extractFacts, type YearFacts } from '../../engine/model/crossyear';
import type { Locale, Severity } from '../../engine/rule';
import { buildRenderModel, maskSpans, modelFrom, parsePieces } from '../../render/model';
import { renderHtmlBody } from '../../render/html';
import { loadReviewSource } from './source';
import { translator } from '../../messages';
import type { JobFailure } from '../pool';

export interface ReviewFinding {
  rule: string;
  severity: Severity;
  message: string;
  /** 1-based line */
  line: number;
}

/** A report's figures: table key (`<format>:<table id>`) → the official cells in form order. */
export type Figures = Record<string, (number | string | null)[]>;

export interface ReviewedReport {
  ok: true;
  /** the path as given */
  path: string;
  agency?: string;
  year?: number;
  kind: '部门' | '政府';
  /** 格式: '2019' | '2021' */
  format: string;
  /** 发布日期 as YYYY-MM-DD */
  published?: string;
  /** published by the statutory deadline (条例第四十九条); undefined when either date is unknown */
  onTime?: boolean;
  /** the statutory deadline as YYYY-MM-DD */
  due?: string;
  /** read through an importer (a .docx, .html or .txt), not written in the dialect */
  imported: boolean;
  title: string;
  findings: ReviewFinding[];
  counts: { errors: number; warnings: number; infos: number };
  figures: Figures;
  /** the rendered report with its findings marked (an HTML fragment) */
  body: string;
  /** what the cross-year rules compare (carryover, valid-docs), for the batch step */
  facts?: YearFacts;
}
export interface UnreadableReport {
  ok: false;
  path: string;
  reason: string;
}
export type ReviewOutcome = ReviewedReport | UnreadableReport;

const pad = (n: number): string => String(n).padStart(2, '0');

/** The deadline of 条例第四十九条: 31 January (部门) or 31 March (人民政府) of the next year. */
export function deadlineOf(year: number, kind: '部门' | '政府'): string {
  return `${year + 1}-${kind === '政府' ? '03' : '01'}-31`;
}

function figuresOf(report: Report): Figures {
  const out: Figures = {};
  const form = report.meta.form;
  for (const def of form.tables) {
    const t = report.tables.find((x) => x.def?.id === def.id && x.form === form && !x.rows.every((r) => r.duplicate));
    if (!t) continue;
    const values: (number | string | null)[] = [];
    for (const row of def.rows) {
      if (row.group) continue;
      const r = t.rowById.get(row.id);
      for (const col of def.columns) {
        const j = t.colById.get(col.id);
        const c = r && j !== undefined ? r.cells[j] : undefined;
        if (!c) values.push(null);
        else if ((c.state === 'ok' || c.state === 'normalizable') && c.value !== undefined) values.push(c.value);
        else if (c.state === 'invalid') values.push(c.node.text.trim());
        else values.push(null);
      }
    }
    out[`${form.id}:${def.id}`] = values;
  }
  return out;
}

export function findingOf(d: Diagnostic): ReviewFinding {
  return { rule: d.rule, severity: d.severity, message: d.message, line: d.range.start.line + 1 };
}

/** Review a report's text (already read). */
export function reviewText(path: string, text: string, locale: Locale, imported = false): ReviewedReport {
  const { report, diagnostics } = checkText(text, { locale });
  const shown = diagnostics.filter((d) => d.severity !== 'hint');
  // beyond the engine's limits the render model makes its own (partial) reading of the text
  const model = diagnostics.some((d) => d.rule === 'limits')
    ? buildRenderModel(text, { diagnostics: true, check: { locale } })
    : modelFrom(
        report,
        parsePieces(
          maskSpans(
            text,
            report.doc.blocks.filter((b) => b.type === 'table').map((b) => b.span),
          ),
        ),
        diagnostics,
        true,
      );
  const { agency, year, kind, form, published } = report.meta;
  const pub = published ? `${published.y}-${pad(published.m)}-${pad(published.d)}` : undefined;
  const due = year !== undefined ? deadlineOf(year, kind) : undefined;
  return {
    ok: true,
    path,
    agency,
    year,
    kind,
    format: form.id,
    published: pub,
    due,
    onTime: pub && due ? pub <= due : undefined,
    imported,
    title: model.title,
    findings: shown.map(findingOf),
    counts: {
      errors: shown.filter((d) => d.severity === 'error').length,
      warnings: shown.filter((d) => d.severity === 'warning').length,
      infos: shown.filter((d) => d.severity === 'info').length,
    },
    figures: figuresOf(report),
    body: renderHtmlBody(model, { marks: true, locale }),
    facts: extractFacts(report),
  };
}

/** Review one input file: never throws for a bad file (it comes back unreadable, with the reason). */
export async function reviewFile(path: string, locale: Locale): Promise<ReviewOutcome> {
  const src = await loadReviewSource(path);
  if (!src.ok) return { ok: false, path, reason: src.reason };
  return reviewText(path, src.text, locale, src.imported);
}

/** One file for `xxgk review`: what a worker thread (dist/review-worker.js) is given. */
export interface ReviewJob {
  path: string;
  locale: Locale;
}

/** reviewFile on one job: the unit of work in this thread and in a worker. */
export const reviewJob = (j: ReviewJob): Promise<ReviewOutcome> => reviewFile(j.path, j.locale);

/** A review whose job failed: the report is listed as unreadable with the reason, the others go on. */
export function reviewFailed(j: ReviewJob, f: JobFailure): ReviewOutcome {
  const reason = f.kind === 'crashed' ? translator(j.locale)('cli.worker-crashed', { reason: f.message }) : f.message;
  return { ok: false, path: j.path, reason };
}
