/**
 * Fix-all: every safe fix at once, so that applying it twice changes nothing the second time.
 *
 * A round applies the safe fixes of one analysis that do not overlap (the first diagnostic's fix
 * wins). The result is analysed again only when the round may have left a safe fix to make, which
 * the fixes say themselves (rule.ts `Fix`):
 * - a safe fix was left out because it overlaps one applied: it is still to be made;
 * - an applied fix declares no effect: it may have changed anything (a section, table, row or
 *   column inserted, a cell removed), so new findings may have fixes;
 * - two applied fixes declare `figures` in the same table (`reads`): each settled the table's sums
 *   as the table was, not as the other left it.
 * Otherwise — label variants, headings and figures rewritten in their plain spelling, a wrong total
 * set — the analysis of the result would find no safe fix, and none is made.
 *
 * Insertions at one point (the six sections of an empty file, the tables missing at one place of a
 * section) are made in one round when the rule says what each inserts after the ones before it
 * (`following`): in the findings' order, as one round each would make them.
 */
import { checkText, type CheckOptions, type Diagnostic, type DiagnosticFix } from './check';
import { applyEdits, type Span, type SpanEdit } from './text';

export { applyEdits, type SpanEdit };

/** What one round of fix-all does. */
export interface RoundPlan {
  /** the edits of the round, without overlaps */
  edits: SpanEdit[];
  /** whether the result must be analysed again: a safe fix may be left to make */
  again: boolean;
}

const overlaps = (a: Span, b: Span): boolean =>
  (a.start < b.end && b.start < a.end) || (a.start === b.start && a.end === b.end);

/** Whether an edit at `e` lies in, or touches, the text `r`. */
const within = (e: Span, r: Span): boolean => e.start <= r.end && r.start <= e.end;

/** The one insertion (an empty span) of a fix that says what it inserts after its like, if it is one. */
function chainable(fix: DiagnosticFix): SpanEdit | undefined {
  const [e] = fix.edits;
  return fix.edits.length === 1 && e.span.start === e.span.end && fix.following !== undefined ? e : undefined;
}

/** The round that fix-all makes with `diagnostics`, the analysis of the text it applies to. */
export function planRound(diagnostics: readonly Diagnostic[]): RoundPlan {
  const chosen: SpanEdit[] = [];
  const applied: { rule: string; fix: DiagnosticFix }[] = [];
  // insertions of one rule at one point, made in order: the point → the edit that grows
  const chains = new Map<number, { rule: string; edit: SpanEdit; open: boolean }>();
  let leftOut = false;
  for (const d of diagnostics) {
    const fix = d.fixes.find((f) => f.safe);
    if (!fix) continue;
    const clashes = chosen.filter((c) => fix.edits.some((e) => overlaps(c.span, e.span)));
    if (clashes.length > 0) {
      const ins = chainable(fix);
      const chain = ins && chains.get(ins.span.start);
      if (chain?.open && chain.rule === d.rule && clashes.length === 1 && clashes[0] === chain.edit) {
        chain.edit.newText += fix.following!;
        applied.push({ rule: d.rule, fix });
        continue;
      }
      leftOut = true;
      // whatever comes at that point after a fix left out goes in a later round, after it
      for (const [at, c] of chains) if (fix.edits.some((e) => within(e.span, { start: at, end: at }))) c.open = false;
      continue;
    }
    const edits = fix.edits.map((e) => ({ span: e.span, newText: e.newText }));
    chosen.push(...edits);
    applied.push({ rule: d.rule, fix });
    if (chainable(fix)) chains.set(edits[0].span.start, { rule: d.rule, edit: edits[0], open: true });
  }
  const again =
    leftOut ||
    applied.some(({ fix }) => !fix.effect) ||
    applied.some(
      (a) =>
        a.fix.effect === 'figures' &&
        applied.some(
          (b) =>
            b !== a &&
            b.fix.effect !== 'spelling' &&
            b.fix.edits.some((e) => (a.fix.reads ?? []).some((r) => within(e.span, r))),
        ),
    );
  return { edits: chosen, again };
}

/** The safe fixes of one round, without overlaps (the first diagnostic's fix wins). */
export function safeEdits(diagnostics: readonly Diagnostic[]): SpanEdit[] {
  return planRound(diagnostics).edits;
}

export interface FixAllOptions {
  /** the diagnostics of the text already made (the server's analysis): the first round uses them */
  analysed?: readonly Diagnostic[];
  /** at most this many rounds */
  maxRounds?: number;
}

/** The fixed text, and what it took (for tests and the benchmark). */
export interface FixAllResult {
  text: string;
  /** analyses made (`analysed`, when given, not counted) */
  analyses: number;
  /** rounds of fixes applied */
  rounds: number;
}

/** Apply every safe fix, round after round, until no safe fix is left to make. */
export function runFixAll(text: string, options: CheckOptions = {}, fixOptions: FixAllOptions = {}): FixAllResult {
  const maxRounds = fixOptions.maxRounds ?? 16;
  let cur = text;
  let analyses = 0;
  let rounds = 0;
  let diagnostics = fixOptions.analysed;
  while (rounds < maxRounds) {
    if (!diagnostics) {
      diagnostics = checkText(cur, options).diagnostics;
      analyses++;
    }
    const plan = planRound(diagnostics);
    diagnostics = undefined;
    if (plan.edits.length === 0) break;
    const next = applyEdits(cur, plan.edits);
    if (next === cur) break;
    cur = next;
    rounds++;
    if (!plan.again) break;
  }
  return { text: cur, analyses, rounds };
}

/** The text with every safe fix applied (see runFixAll). */
export function fixAll(text: string, options: CheckOptions = {}, fixOptions: FixAllOptions = {}): string {
  return runFixAll(text, options, fixOptions).text;
}
