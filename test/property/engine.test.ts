/**
 * Properties of the engine over generated reports and mutated real-shaped ones (see
 * arbitraries.ts): it never throws and no rule fails, every range lies inside the document and
 * matches its span, and the incremental result equals the full one.
 *
 * Fixed seed; `FUZZ_RUNS=5000 npm run fuzz` (or `npm run fuzz`) runs them longer.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkText } from '../../server/src/engine/check';
import { IncrementalChecker } from '../../server/src/engine/incremental';
import { NOW } from '../helpers/fixtures';
import { anyText, base, mutatedReport, params } from './arbitraries';
import { assertNoFailure, assertRangesInside } from './checks';

test('checkText never throws and no rule fails, on any text', () => {
  fc.assert(
    fc.property(anyText, fc.constantFrom('zh' as const, 'en' as const), (text, locale) => {
      const { diagnostics } = checkText(text, { now: NOW, locale });
      assertNoFailure(text, diagnostics);
    }),
    params(),
  );
});

test('every diagnostic, related and fix range lies inside the document', () => {
  fc.assert(
    fc.property(anyText, (text) => {
      assertRangesInside(text, checkText(text, { now: NOW }).diagnostics);
    }),
    params(),
  );
});

test('the incremental result equals the full one', () => {
  fc.assert(
    fc.property(anyText, (text) => {
      const inc = checkText(text, { now: NOW });
      const full = checkText(text, { now: NOW, incremental: false });
      assert.deepStrictEqual(inc.diagnostics, full.diagnostics);
    }),
    params(),
  );
});

test('the incremental checker, from the real report to its mutation, equals a full check', () => {
  fc.assert(
    fc.property(mutatedReport, ({ base: b, text }) => {
      const inc = new IncrementalChecker();
      inc.check(base(b), { now: NOW });
      const got = inc.check(text, { now: NOW });
      const want = checkText(text, { now: NOW, incremental: false });
      assert.deepStrictEqual(got.diagnostics, want.diagnostics);
      // and back again
      assert.deepStrictEqual(
        inc.check(base(b), { now: NOW }).diagnostics,
        checkText(base(b), { now: NOW, incremental: false }).diagnostics,
      );
    }),
    params(),
  );
});
