/**
 * The engine's facade: one analysis per document version. `analyze(text, context)` (or an
 * `Analyzer` per open document, which re-checks only what an edit touched) returns an immutable
 * `Analysis` — the report model, the diagnostics with their fixes, the arithmetic (勾稽关系) per
 * table as the diagnostics report it, and the facts the cross-year rules compare — and every
 * consumer reads that one value: the language server's features, the preview and export, the CLI.
 */
import { checkText, type CheckOptions, type CheckResult, type Diagnostic } from './check';
import { IncrementalChecker } from './incremental';
import { cellOf, findings, instancesOf, type Finding as ArithFinding } from './arith/equations';
import { readable } from './model/figures';
import { extractFacts, type YearFacts } from './model/crossyear';
import { isSuppressed, type Report, type ReportTable } from './model';
import type { Span } from './text';

export type AnalysisContext = CheckOptions;

/** The 勾稽关系 of one table, as the analysis reports it. */
export interface TableSums {
  /** the failing figures the diagnostics name (rules not turned off, lines not silenced), in source order */
  readonly findings: readonly ArithFinding[];
  /** equations that could not be checked: a cell blank or unreadable */
  readonly unchecked: number;
  /** the first blank or unreadable figure of the table, if any */
  readonly firstUnreadable?: Span;
}

export interface Analysis {
  readonly report: Report;
  readonly diagnostics: readonly Diagnostic[];
  /** the sums of every table that has equations */
  sums(table: ReportTable): TableSums | undefined;
  /** what the cross-year rules compare (this report's side) */
  readonly facts: YearFacts;
}

/** The analysis of an engine check result, made with `context`'s severities. */
export function analysisOf(result: CheckResult, context: AnalysisContext = {}): Analysis {
  const { report } = result;
  const severities = context.severities ?? {};
  const diagnostics = Object.freeze(result.diagnostics);
  const sumsMemo = new Map<ReportTable, TableSums | undefined>();
  let facts: YearFacts | undefined;
  return Object.freeze({
    report,
    diagnostics,
    sums(t: ReportTable): TableSums | undefined {
      if (sumsMemo.has(t)) return sumsMemo.get(t);
      const s = tableSums(report, t, severities);
      sumsMemo.set(t, s);
      return s;
    },
    get facts(): YearFacts {
      return (facts ??= extractFacts(report));
    },
  });
}

function tableSums(report: Report, t: ReportTable, severities: Record<string, string>): TableSums | undefined {
  if (!t.def || t.def.equations.length === 0) return undefined;
  const lines = report.doc.lines;
  const silenced = (rule: string, offset: number): boolean =>
    severities[rule] === 'off' || isSuppressed(report.suppressions, rule, lines.positionAt(offset).line);
  const shown = findings(t)
    .map((f) => ({ f, c: cellOf(t, f.cell) }))
    .filter((x) => x.c && !silenced(x.f.rule, x.c.node.span.start))
    .sort((a, b) => a.c!.node.span.start - b.c!.node.span.start)
    .map((x) => x.f);
  const unchecked = instancesOf(t).filter((i) =>
    i.cells.some((r) => t.rowById.has(r.row) && t.colById.has(r.col) && !readable(cellOf(t, r))),
  ).length;
  const firstBad = t.rows
    .flatMap((r) =>
      r.def && !r.def.group && !r.duplicate ? r.cells.filter((c, j) => t.columns[j].def && !readable(c)) : [],
    )
    .sort((a, b) => a.node.span.start - b.node.span.start)[0];
  return Object.freeze({ findings: Object.freeze(shown), unchecked, firstUnreadable: firstBad?.node.span });
}

/** Analyse a text once (the CLI, the importers' self-check, a preview of a text the server does not hold). */
export function analyze(text: string, context: AnalysisContext = {}): Analysis {
  return analysisOf(checkText(text, context), context);
}

/** The analyses of one document as it changes: an edit costs what it touched. */
export class Analyzer {
  private readonly checker = new IncrementalChecker();
  private last: { text: string; key: string; analysis: Analysis } | undefined;

  analyze(text: string, context: AnalysisContext = {}): Analysis {
    const key = JSON.stringify([context.locale, context.severities, context.now?.getTime(), context.previousYear]);
    const result = this.checker.check(text, context);
    if (this.last && this.last.text === text && this.last.key === key && this.last.analysis.report === result.report)
      return this.last.analysis;
    const analysis = analysisOf(result, context);
    this.last = { text, key, analysis };
    return analysis;
  }
}

export type { Diagnostic, DiagnosticFix } from './check';
export type { Finding as ArithFinding } from './arith/equations';
