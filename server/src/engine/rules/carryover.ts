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
  description: {
    zh: '“二、上年结转”与上年报告的“四、结转下年度继续办理”不一致（同一机关、相邻年度、同一格式）',
    en: '二、上年结转 differs from last year’s 四、结转下年度继续办理 (same body, adjacent years, same format)',
  },
  fixable: true,
  crossFile: true,
  check() {
    /* needs last year's report: see engine/crossyear.ts */
  },
});
