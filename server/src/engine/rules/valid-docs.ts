import { defineRule } from '../rule';

/**
 * Listed with the other rules, computed by `engine/crossyear.ts` from this report and last year's
 * (2021 format): 现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数, per row.
 */
export default defineRule({
  id: 'valid-docs',
  severity: 'info',
  description: 'valid-docs.description',
  fixable: false,
  crossFile: true,
  check() {
    /* needs last year's report: see engine/crossyear.ts */
  },
});
