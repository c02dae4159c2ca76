/**
 * The incremental checker: one per open document. It keeps what the last check of that document
 * computed and, on the next version, redoes only what the edit can have changed:
 *
 * 1. Parsing (parse.ts, DocumentParser): pieces cut at headings and cached by content; plain
 *    pipe tables read by a line scan; an edit inside a table row that keeps the row's shape
 *    patches the cached extraction without parsing.
 * 2. The model (model.ts): label matching, table identification, cell reading and the front
 *    matter's YAML are remembered by content, so rebuilding the report costs little more than
 *    allocating it.
 * 3. The rules: each declares what it reads of the tables (`Rule.tables`). After a table-row
 *    edit, a rule that reads no table — or only their labels, when the edit changed figures
 *    alone — gets its last findings back, their offsets moved by the edit, instead of running.
 *
 * Step 3 relies on a contract that every rule keeps: its declaration holds (test/unit/
 * rule-contract.test.ts watches what every rule reads of the tables on every fixture); a rule
 * that reads no table takes nothing from the text of table rows either (table blocks carry no
 * text; a rule that wants table contents reads the tables); and the offsets it reports come from
 * the nodes it read, so they move as the text moves (the randomized test/unit/incremental.test.ts
 * compares with a full check). A finding that touches the edited row is never reused.
 *
 * The result of every call equals `checkText(text, { incremental: false })`, deeply.
 */
import { DocumentParser, diffText, fits, type TextChange } from './parse';
import { buildReport } from './model';
import { checkText, runRules, type CheckOptions, type CheckResult } from './check';
import { assessMeasures, measureText, remeasure, type Measures } from './parse/limits';
import type { Finding, Rule } from './rule';
import type { Span } from './text';

export type { TextChange } from './parse';

/** A finding with every offset moved by `f`. */
function moveFinding(x: Finding, f: (o: number) => number): Finding {
  const s = (sp: Span): Span => ({ start: f(sp.start), end: f(sp.end) });
  const out: Finding = { ...x, span: s(x.span) };
  if (x.related) out.related = x.related.map((r) => ({ ...r, span: s(r.span) }));
  if (x.fixes)
    out.fixes = x.fixes.map((fx) => ({
      ...fx,
      edits: fx.edits.map((e) => ({ ...e, span: s(e.span) })),
      ...(fx.reads ? { reads: fx.reads.map(s) } : {}),
    }));
  return out;
}

/** Whether any offset of the findings lies in [a, b]. */
function touches(xs: readonly Finding[], a: number, b: number): boolean {
  const hit = (sp: Span): boolean =>
    (sp.start >= a && sp.start <= b) || (sp.end >= a && sp.end <= b) || (sp.start < a && sp.end > b);
  return xs.some(
    (x) =>
      hit(x.span) ||
      (x.related ?? []).some((r) => hit(r.span)) ||
      (x.fixes ?? []).some((fx) => fx.edits.some((e) => hit(e.span))),
  );
}

function optionsKey(o: CheckOptions): string {
  return JSON.stringify([o.locale ?? 'zh', o.severities ?? {}, o.now?.getTime() ?? null, o.previousYear ?? null]);
}

/** Counters of the last check, for tests and the benchmark. */
export interface IncrementalStats {
  parse: DocumentParser['lastPath'];
  rulesRun: number;
  rulesReused: number;
}

export class IncrementalChecker {
  private parser = new DocumentParser();
  private memo = new Map<Rule, Finding[]>();
  private last: { text: string; key: string; result: CheckResult } | undefined;
  /** the last text and what the size limits are judged on (measured afresh only when needed) */
  private measured: { text: string; m: Measures } | undefined;
  stats: IncrementalStats = { parse: 'whole', rulesRun: 0, rulesReused: 0 };

  /**
   * Check `text`, the next version of this checker's document. `change` (optional, from the
   * editor) says what changed since the previous call; without it the texts are compared.
   */
  check(text: string, options: CheckOptions = {}, change?: TextChange): CheckResult {
    // the edit, once: for the size limits and for the parser
    const prev = this.measured;
    const c =
      prev && prev.text !== text
        ? change && fits(prev.text, text, change)
          ? change
          : diffText(prev.text, text)
        : undefined;
    const m = !prev ? measureText(text) : c ? remeasure(prev.text, prev.m, text, c.start, c.end, c.text) : prev.m;
    this.measured = { text, m };
    // beyond the size limits (limits.ts) the check is partial and costs no parse of the text
    if (assessMeasures(m).tier !== 'full') {
      this.last = undefined;
      return checkText(text, options);
    }
    try {
      return this.incremental(text, options, c ?? change);
    } catch {
      // never throws: the next call starts afresh, and this one is a plain check (which reports
      // an engine failure as a diagnostic)
      this.last = undefined;
      this.parser = new DocumentParser();
      return checkText(text, { ...options, incremental: false });
    }
  }

  private incremental(text: string, options: CheckOptions, change?: TextChange): CheckResult {
    const key = optionsKey(options);
    const last = this.last;
    // without a pinned clock the result may depend on the time: the same text is checked again
    if (last && last.text === text && last.key === key && options.now !== undefined && !options.extraRules?.length) {
      this.stats = { parse: 'same', rulesRun: 0, rulesReused: 0 };
      return last.result;
    }
    // should anything below throw, the next call starts afresh
    this.last = undefined;
    const doc = this.parser.parse(text, change);
    const report = buildReport(doc, { now: options.now });
    const rowEdit = last && last.key === key ? this.parser.lastRowEdit : undefined;
    if (!last || last.key !== key) this.memo.clear();
    const memo = new Map<Rule, Finding[]>();
    const stats: IncrementalStats = { parse: this.parser.lastPath, rulesRun: 0, rulesReused: 0 };
    const move = rowEdit
      ? ((c: TextChange) => {
          const d = c.text.length - (c.end - c.start);
          return (o: number): number => (o >= c.end ? o + d : o);
        })(rowEdit.change)
      : undefined;
    const diagnostics = runRules(report, options, (rule, run, isExtra) => {
      const prev = this.memo.get(rule);
      const unaffected = rule.tables === 'none' || (rule.tables === 'labels' && !!rowEdit?.figuresOnly);
      if (
        move &&
        rowEdit &&
        prev &&
        unaffected &&
        !isExtra &&
        !rule.crossFile &&
        !touches(prev, rowEdit.row.start, rowEdit.row.end)
      ) {
        const findings = prev.map((x) => moveFinding(x, move));
        memo.set(rule, findings);
        stats.rulesReused++;
        return findings;
      }
      const findings = run();
      if (!isExtra) memo.set(rule, findings);
      stats.rulesRun++;
      return findings;
    });
    this.memo = memo;
    this.stats = stats;
    const result = { report, diagnostics };
    this.last = { text, key, result };
    return result;
  }
}
