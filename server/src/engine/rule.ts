/** What a rule is, what it may report, and the fixes it computes as text edits. */
import type { Report } from './model';
import type { YearFacts } from './model/crossyear';
import type { Span, SpanEdit } from './text';
import type { Locale, PlainMessageId, Translate } from '../messages/types';

export type { Locale } from '../messages/types';
export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface Fix {
  title: string;
  edits: SpanEdit[];
  /** applied by fix-all (`source.fixAll.xxgk`); an unsafe fix is only offered as a choice */
  safe: boolean;
  /**
   * What applying the fix changes, for fix-all (fixes.ts), which applies the safe fixes of one
   * analysis together and analyses the result again only when one of them may have made or changed
   * a safe fix. Absent: anything may change (lines, sections, tables, rows, columns or cells added or
   * removed), and fix-all analyses again. The rule declares an effect only after checking it holds.
   */
  effect?: FixEffect;
  /**
   * The text the effect was established on besides the edited text (a `figures` fix: its table):
   * should another fix of the same round change it (other than in spelling), fix-all analyses again.
   */
  reads?: Span[];
  /**
   * For a fix that inserts (one edit, an empty span) where other findings of the same rule insert
   * too (the sections missing at the end of a report, the tables missing at one place): the text
   * it inserts when the insertions of those findings before it are already made there — what the
   * rule computes on that text. Fix-all then makes them all in one round, in the findings' order.
   */
  following?: string;
}

/**
 * - `spelling`: text rewritten to the spelling of what the report already reads there — a label
 *   matched as a variant to its official label, a readable figure to its plain digits, a section
 *   heading to its official text. The report reads the new text as it read the old (same section,
 *   same table, same rows, columns and values), except that this finding's label or cell is now
 *   exact: no rule finds anything new.
 * - `figures`: number cells set to new values with which every sum of their table that has all its
 *   cells holds (the cells read back as those values). Only the sums read values for a safe fix, so
 *   no rule finds anything new in that table, as long as no other fix of the round changes it.
 */
export type FixEffect = 'spelling' | 'figures';
export interface Related {
  span: Span;
  message: string;
}

export interface Finding {
  span: Span;
  message: string;
  /** overrides the rule's default severity for this finding (e.g. info for a lesser case) */
  severity?: Severity;
  related?: Related[];
  fixes?: Fix[];
  /** what the finding is about, independent of line numbers: section / table / row / column */
  anchor?: string;
}

/** Last year's report of the same body, for the cross-year rules (`crossFile`). */
export interface PreviousYear {
  facts: YearFacts;
  /** how it is named in messages (e.g. its path relative to this report) */
  name?: string;
}

export interface RuleContext {
  report: Report;
  locale: Locale;
  /**
   * This year's and last year's facts, when last year's report is known (the server gives it from
   * its workspace index, the CLI from the files it was given). A cross-file rule reads only these.
   */
  crossYear?: { current: YearFacts; previous: PreviousYear };
  /** the message `id` of the tables in server/src/messages, in the user's language */
  t: Translate;
  emit: (f: Finding) => void;
}

export interface Rule {
  id: string;
  severity: Severity;
  /** one line on what the rule checks: the id of its `<rule-id>.description` message */
  description: PlainMessageId;
  /** whether the rule can compute a fix */
  fixable: boolean;
  /**
   * What its findings can depend on of the tables, read through `report.tables`, a section's
   * `tables`, `doc.tables` or a helper that reads them: `none`; `labels` — which tables there are,
   * their headers and row labels, and where they stand, never a figure; `figures` — anything.
   * An editor keeps a rule's findings (moved with the text) after an edit inside a table row when
   * the rule reads no table, or only labels and the edit changed figures alone; it re-runs the
   * rest. Declare what any run may read: test/unit/rule-contract.test.ts holds every rule to it.
   */
  tables: 'none' | 'labels' | 'figures';
  /** needs last year's report (`ctx.crossYear`): reports nothing without it */
  crossFile?: boolean;
  check(ctx: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
