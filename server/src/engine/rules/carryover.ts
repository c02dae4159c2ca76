import { defineRule } from '../rule';

/**
 * Listed with the other rules (severity, description, SARIF, docs), but computed by
 * `engine/crossyear.ts` from the facts of this report and last year's: the CLI's post-step and the
 * server's workspace index run it. On one report alone there is nothing to compare, so nothing is
 * reported here.
 */
export default defineRule({
  id: 'carryover',
  severity: 'warning',
  description: 'carryover.description',
  fixable: true,
  crossFile: true,
  check() {
    /* needs last year's report: see engine/crossyear.ts */
  },
});
