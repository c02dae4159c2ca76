/**
 * Properties of the fixes over generated and mutated reports: every fix, applied alone, yields a
 * text that the engine checks without failing and that no longer raises the diagnostic it fixed
 * (same rule and fingerprint; where a table is written twice, one fewer of them); fix-all is
 * idempotent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkText, type Diagnostic } from '../../server/src/engine/check';
import { applyEdits, fixAll } from '../../server/src/engine/fixes';
import { NOW } from '../helpers/fixtures';
import { anyText, params, RUNS } from './arbitraries';
import { assertNoFailure, describeText } from './checks';

test('every fix, applied, checks cleanly and no longer raises the diagnostic it fixed', () => {
  fc.assert(
    fc.property(anyText, (text) => {
      const { diagnostics } = checkText(text, { now: NOW });
      // a table written twice gives its findings the same fingerprint twice: a fix removes one of them
      const count = (ds: readonly Diagnostic[], d: Diagnostic): number =>
        ds.filter((x) => x.rule === d.rule && x.fingerprint === d.fingerprint).length;
      for (const d of diagnostics) {
        for (const f of d.fixes) {
          const fixed = applyEdits(text, f.edits);
          const after = checkText(fixed, { now: NOW }).diagnostics;
          assertNoFailure(fixed, after);
          const again = after.find((x) => x.rule === d.rule && x.fingerprint === d.fingerprint);
          assert.ok(
            count(after, d) < count(diagnostics, d),
            `fix “${f.title}” of ${d.rule} (${d.fingerprint}: ${d.message}) leaves ${again?.message} in ${describeText(fixed)}`,
          );
        }
      }
    }),
    params(Math.max(1, Math.ceil(RUNS / 2))),
  );
});

test('fix-all is idempotent', () => {
  fc.assert(
    fc.property(anyText, (text) => {
      const once = fixAll(text, { now: NOW });
      const twice = fixAll(once, { now: NOW });
      assert.equal(twice, once, `fix-all changed its own result, from ${describeText(text)}`);
    }),
    params(),
  );
});
