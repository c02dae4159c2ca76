/** The registry of rules, in the order their diagnostics are computed. */
import type { Rule } from '../rule';
import frontMatter from './front-matter';
import title from './title';
import sectionMissing from './section-missing';
import sectionOrder from './section-order';
import sectionHeading from './section-heading';
import sectionEmpty from './section-empty';
import overviewTopic from './overview-topic';
import tableMissing from './table-missing';
import tableUnknown from './table-unknown';
import rowMissing from './row-missing';
import rowUnknown from './row-unknown';
import rowOrder from './row-order';
import columnMissing from './column-missing';
import columnUnknown from './column-unknown';
import labelVariant from './label-variant';
import cellEmpty from './cell-empty';
import cellInvalid from './cell-invalid';
import cellExtra from './cell-extra';
import sumRow from './sum-row';
import sumResults from './sum-results';
import balance from './balance';
import sumReview from './sum-review';
import formatMismatch from './format-mismatch';
import feeStatement from './fee-statement';
import governmentAccountability from './government-accountability';
import period from './period';
import formatCitation from './format-citation';
import rulesAuthority from './rules-authority';
import deadline from './deadline';
import narrativeNumber from './narrative-number';
import carryover from './carryover';
import validDocs from './valid-docs';

export const RULES: readonly Rule[] = [
  frontMatter,
  title,
  sectionMissing,
  sectionOrder,
  sectionHeading,
  sectionEmpty,
  overviewTopic,
  tableMissing,
  tableUnknown,
  rowMissing,
  rowUnknown,
  rowOrder,
  columnMissing,
  columnUnknown,
  labelVariant,
  cellEmpty,
  cellInvalid,
  cellExtra,
  sumRow,
  sumResults,
  balance,
  sumReview,
  formatMismatch,
  feeStatement,
  governmentAccountability,
  period,
  formatCitation,
  rulesAuthority,
  deadline,
  narrativeNumber,
  // cross-file: they read last year's facts from the rule context (ctx.crossYear)
  carryover,
  validDocs,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
