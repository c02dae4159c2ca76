/**
 * The engine's facade (engine/index.ts): one immutable analysis per version, whose arithmetic
 * per table is exactly what the diagnostics report (rules off and silenced lines included), read
 * by the code lens, inlay hints, preview and CLI instead of recomputing it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer, analyze } from '../../server/src/engine/index';
import { checkText } from '../../server/src/engine/check';
import { cellOf } from '../../server/src/engine/arith/equations';
import { EXAMPLE, NOW, edit } from '../helpers/fixtures';

const WRONG = edit(
  EXAMPLE(),
  '| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |',
  '| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 5 |',
);
const ARITH = new Set(['sum-row', 'sum-results', 'sum-review', 'balance']);

test('an analysis is the check result, frozen, with its facts', () => {
  const a = analyze(WRONG, { now: NOW });
  assert.deepEqual([...a.diagnostics], checkText(WRONG, { now: NOW }).diagnostics);
  assert.ok(Object.isFrozen(a));
  assert.ok(Object.isFrozen(a.diagnostics));
  assert.equal(a.facts, a.facts, 'facts computed once');
  assert.ok(a.facts.year);
});

test('the sums per table name the cells the arithmetic diagnostics sit on', () => {
  const cases: Record<string, 'off'>[] = [{}, { 'sum-row': 'off' }];
  for (const severities of cases) {
    const a = analyze(WRONG, { now: NOW, severities });
    const fromSums = a.report.tables
      .flatMap((t) => (a.sums(t)?.findings ?? []).map((f) => cellOf(t, f.cell)!.node.span.start))
      .sort((x, y) => x - y);
    const fromDiagnostics = a.diagnostics
      .filter((d) => ARITH.has(d.rule))
      .map((d) => d.span.start)
      .sort((x, y) => x - y);
    assert.deepEqual(fromSums, fromDiagnostics, JSON.stringify(severities));
  }
  const silenced = edit(WRONG, '| 申请人情况 |', '<!-- xxgk-disable sum-row -->\n\n| 申请人情况 |');
  const s = analyze(silenced, { now: NOW });
  assert.ok(!s.diagnostics.some((d) => d.rule === 'sum-row'));
  assert.equal(s.report.tables.flatMap((t) => s.sums(t)?.findings ?? []).filter((f) => f.rule === 'sum-row').length, 0);
});

test('an analyzer gives the same analysis for the same version, a new one for a new text', () => {
  const an = new Analyzer();
  const a = an.analyze(WRONG, { now: NOW });
  assert.equal(an.analyze(WRONG, { now: NOW }), a);
  const b = an.analyze(EXAMPLE(), { now: NOW });
  assert.notEqual(b, a);
  assert.deepEqual([...b.diagnostics], checkText(EXAMPLE(), { now: NOW }).diagnostics);
});
