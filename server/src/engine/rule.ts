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
}
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
  /** needs last year's report (`ctx.crossYear`): reports nothing without it */
  crossFile?: boolean;
  check(ctx: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
