/**
 * The engine's entry point: text → parsed document → report model → every rule → diagnostics
 * with exact ranges, localised messages and fixes. Pure: no editor, no file system.
 */
import { parseDocument } from './parse';
import { buildReport, isSuppressed, type Report } from './model';
import { RULES } from './rules';
import type { Finding, Fix, FixEffect, Locale, PreviousYear, Related, Rule, RuleContext, Severity } from './rule';
import { extractFacts, factRanges, type YearFacts } from './model/crossyear';
import { message, translator, type Translate } from '../messages';
import { LineIndex, type Range, type Span } from './text';
import {
  assessText,
  LIMITS,
  LIMITS_RULE,
  limitsMessage,
  skeletonOf,
  STRUCTURAL_RULES,
  type Assessment,
} from './parse/limits';
import { BLANK_LINE_NEXT } from './parse/blocks';

export interface DiagnosticFix {
  title: string;
  safe: boolean;
  edits: { span: Span; range: Range; newText: string }[];
  /** for fix-all (fixes.ts): what applying it changes, the text that was established on, the text it inserts after its like (rule.ts `Fix`) */
  effect?: FixEffect;
  reads?: Span[];
  following?: string;
}
export interface Diagnostic {
  rule: string;
  severity: Severity;
  message: string;
  span: Span;
  range: Range;
  related: { span: Span; range: Range; message: string }[];
  fixes: DiagnosticFix[];
  /** stable across edits: rule + what the finding is about */
  fingerprint: string;
}

export interface CheckOptions {
  locale?: Locale;
  /** per-rule severity overrides; 'off' disables the rule */
  severities?: Record<string, Severity | 'off'>;
  /** the clock, for year ranges (tests pin it) */
  now?: Date;
  /** rules run after the registered ones (tests put a failing rule in this way) */
  extraRules?: Rule[];
  /** last year's report of the same body, for the cross-year rules */
  previousYear?: PreviousYear;
  /** parse the whole text at once instead of reusing cached pieces */
  incremental?: boolean;
}

export interface CheckResult {
  report: Report;
  diagnostics: Diagnostic[];
}

/** Documents larger than this are checked structurally only; see limits.ts and docs/robustness.md. */
export const MAX_FULL_CHECK_CHARS = LIMITS.fullCheckChars;

/** Never throws: inputs beyond the limits are checked in part (limits.ts), an engine failure becomes an `internal` diagnostic. */
export function checkText(text: string, options: CheckOptions = {}): CheckResult {
  try {
    const limits = assessText(text);
    if (limits.tier !== 'full') return checkLimited(text, limits, options);
    const report = buildReport(parseDocument(text, { incremental: options.incremental }), { now: options.now });
    return { report, diagnostics: checkReport(report, options) };
  } catch (err) {
    return engineFailure(text, err, options);
  }
}

/** A report built from `text`'s skeleton (or from nothing), keeping `text` and its lines. */
function limitedReport(text: string, skeleton: string | undefined, options: CheckOptions): Report {
  const doc = { ...parseDocument(skeleton ?? '', { incremental: false }), text, lines: new LineIndex(text) };
  return buildReport(doc, { now: options.now });
}

/** Beyond the limits: the structural rules on the skeleton, or nothing, and one `limits` diagnostic. */
function checkLimited(text: string, limits: Assessment, options: CheckOptions): CheckResult {
  const skeleton = limits.tier === 'structural' ? skeletonOf(text) : undefined;
  const report = limitedReport(text, skeleton?.text, options);
  const diagnostics: Diagnostic[] = [];
  if (limits.tier === 'structural') {
    const severities: Record<string, Severity | 'off'> = {};
    for (const r of RULES)
      severities[r.id] = STRUCTURAL_RULES.includes(r.id) ? (options.severities?.[r.id] ?? r.severity) : 'off';
    diagnostics.push(...runRules(report, { ...options, severities, extraRules: [] }));
  }
  const override = options.severities?.[LIMITS_RULE];
  if (override !== 'off') {
    const span = { start: 0, end: 0 };
    diagnostics.push({
      rule: LIMITS_RULE,
      // an error in both tiers: a report whose checks were skipped must not pass as clean (exit 1)
      severity: override ?? 'error',
      message: limitsMessage(limits, RULES.length, options.locale ?? 'zh', skeleton?.droppedHeadings),
      span,
      range: report.doc.lines.range(span),
      related: [],
      fixes: [],
      fingerprint: `${LIMITS_RULE}/${limits.tier}`,
    });
  }
  return { report, diagnostics: sortDiagnostics(suppress(diagnostics, report)) };
}

/** The engine itself failed (not one rule): an empty report and one `internal` diagnostic. */
function engineFailure(text: string, err: unknown, options: CheckOptions): CheckResult {
  const msg = err instanceof Error ? err.message : String(err);
  const report = limitedReport(text, undefined, options);
  const span = { start: 0, end: 0 };
  return {
    report,
    diagnostics: [
      {
        rule: 'internal',
        severity: 'error',
        message: message(options.locale ?? 'zh', 'check.engine-failed', { reason: msg }),
        span,
        range: report.doc.lines.range(span),
        related: [],
        fixes: [],
        fingerprint: 'internal/engine',
      },
    ],
  };
}

export function checkReport(report: Report, options: CheckOptions = {}): Diagnostic[] {
  return runRules(report, options);
}

/**
 * How one rule's findings are obtained: by running it (`run`), or — for the incremental checker —
 * from an earlier run when the rule's inputs did not change. Throws what the rule throws.
 */
export type RuleRunner = (rule: Rule, run: () => Finding[], isExtra: boolean) => Finding[];

/** Every rule (and the extra rules) on a report, each through `runner`. */
export function runRules(report: Report, options: CheckOptions = {}, runner?: RuleRunner): Diagnostic[] {
  const effective = insertsBeforeOpenEnd(report);
  const extra = options.extraRules ?? [];
  const crossYear = options.previousYear
    ? { current: extractFacts(report), previous: options.previousYear }
    : undefined;
  const out = runRuleSet(
    [...RULES, ...extra],
    report.doc.lines,
    options,
    effective,
    (ctx) => ({
      ...ctx,
      report,
      crossYear,
    }),
    runner && ((rule, run) => runner(rule, run, extra.includes(rule))),
  );
  return sortDiagnostics(suppress(out, report));
}

/**
 * The cross-year rules alone, on this year's facts and last year's: for a report already checked
 * without them (the server joins these to a document's own findings, the CLI to each file's).
 * Severity overrides and `xxgk-disable` comments apply as to any rule.
 */
export function crossYearDiagnostics(
  cur: YearFacts,
  prev: YearFacts | undefined,
  options: Omit<CheckOptions, 'previousYear'> & { previousName?: string } = {},
): Diagnostic[] {
  if (!prev) return [];
  const rules = RULES.filter((r) => r.crossFile);
  const crossYear = { current: cur, previous: { facts: prev, name: options.previousName } };
  // a cross-file rule reads only ctx.crossYear: it is given no report
  const out = runRuleSet(
    rules,
    factRanges(cur),
    options,
    () => true,
    (ctx) => ({
      ...ctx,
      report: undefined as unknown as Report,
      crossYear,
    }),
  );
  return sortDiagnostics(
    cur.suppressions.length ? out.filter((d) => !isSuppressed(cur.suppressions, d.rule, d.range.start.line)) : out,
  );
}

/**
 * Pair reports by 机关 and adjacent 年度 and compute the cross-year diagnostics of each: the
 * CLI's post-step over the files it was given. Returns, per index of `items`, what to append.
 */
export function crossYearForAll<T extends { facts?: YearFacts; name?: string }>(
  items: readonly T[],
  locale?: Locale,
  severities?: Record<string, Severity | 'off'>,
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
    const ds = crossYearDiagnostics(f, items[j].facts, { locale, severities, previousName: items[j].name });
    if (ds.length) out.set(i, ds);
  });
  return out;
}

/** Run `rules`, each with the context `contextOf` makes, and turn their findings into diagnostics. */
function runRuleSet(
  rules: readonly Rule[],
  lines: { range(span: Span): Range },
  options: CheckOptions,
  effective: (x: Fix) => boolean,
  contextOf: (base: Pick<RuleContext, 'locale' | 't' | 'emit'>) => RuleContext,
  runner?: (rule: Rule, run: () => Finding[]) => Finding[],
): Diagnostic[] {
  const locale = options.locale ?? 'zh';
  const t = translator(locale);
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    const override = options.severities?.[rule.id];
    if (override === 'off') continue;
    let found: Finding[];
    try {
      const run = (): Finding[] => {
        const f: Finding[] = [];
        rule.check(contextOf({ locale, t, emit: (x) => f.push(x) }));
        return f;
      };
      found = runner ? runner(rule, run) : run();
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      out.push(internal(rule.id, msg, lines, t));
      continue;
    }
    for (const f of found) {
      const severity = override ?? f.severity ?? rule.severity;
      out.push({
        rule: rule.id,
        severity,
        message: f.message,
        span: f.span,
        range: lines.range(f.span),
        related: (f.related ?? []).map((r: Related) => ({ ...r, range: lines.range(r.span) })),
        fixes: (f.fixes ?? []).filter(effective).map((x: Fix) => {
          const fix: DiagnosticFix = {
            title: x.title,
            safe: x.safe,
            edits: x.edits.map((e) => ({ span: e.span, range: lines.range(e.span), newText: e.newText })),
          };
          if (x.effect) fix.effect = x.effect;
          if (x.reads) fix.reads = x.reads;
          if (x.following !== undefined) fix.following = x.following;
          return fix;
        }),
        fingerprint: `${rule.id}/${f.anchor ?? `${f.span.start}`}`,
      });
    }
  }
  return out;
}

/**
 * Whether a fix's edits still do something: text inserted after the start of a last block left
 * open at the end of the document (an unclosed ``` or <!--, or a <div> not yet ended by a blank
 * line: the parse records it, `BlockNode.open`) would be taken into that block and change nothing,
 * so a fix that inserts there is not offered, unless its text ends the <div> with a blank line first.
 */
function insertsBeforeOpenEnd(report: Report): (x: Fix) => boolean {
  const { text, blocks } = report.doc;
  const last = blocks[blocks.length - 1];
  if (!last?.open) return () => true;
  const { open, span } = last;
  return (x) =>
    x.edits.every(
      (e) =>
        e.span.start <= span.start ||
        (open === 'blank-line' && BLANK_LINE_NEXT.test(text.slice(span.end, e.span.start) + e.newText)),
    );
}

function internal(ruleId: string, msg: string, lines: { range(span: Span): Range }, t: Translate): Diagnostic {
  const span = { start: 0, end: 0 };
  return {
    rule: 'internal',
    severity: 'info',
    message: t('check.rule-failed', { rule: ruleId, reason: msg }),
    span,
    range: lines.range(span),
    related: [],
    fixes: [],
    fingerprint: `internal/${ruleId}`,
  };
}

function suppress(ds: Diagnostic[], report: Report): Diagnostic[] {
  if (report.suppressions.length === 0) return ds;
  return ds.filter((d) => !isSuppressed(report.suppressions, d.rule, d.range.start.line));
}

export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  // rule ids are ASCII: compared by code unit (localeCompare would start ICU's collator, ~7 ms of a CLI run)
  return ds.sort(
    (a, b) =>
      a.span.start - b.span.start || a.span.end - b.span.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}
