/**
 * The cross-year rules are ordinary rules: last year's facts arrive through the rule context
 * (`previousYear` in the check options, or the facts alone), and severity overrides and
 * `xxgk-disable` comments apply to them as to any rule.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, crossYearDiagnostics, type Diagnostic } from '../../server/src/engine/check';
import { translator } from '../../server/src/messages';
import { IncrementalChecker } from '../../server/src/engine/incremental';
import { extractFacts } from '../../server/src/engine/model/crossyear';
import { ruleById } from '../../server/src/engine/rules';
import type { Finding } from '../../server/src/engine/rule';
import { edit, fixture, NOW } from '../helpers/fixtures';

const LAST = fixture('crossyear/交通运输局-2021.xxgk.md');
const THIS = fixture('crossyear/交通运输局-2022.xxgk.md');
const lastFacts = extractFacts(checkText(LAST, { now: NOW }).report);
const crossOf = (ds: Diagnostic[]): Diagnostic[] => ds.filter((d) => d.rule === 'carryover' || d.rule === 'valid-docs');

test('checked with last year given, a report draws the same cross-year findings as from facts alone', () => {
  const full = crossOf(
    checkText(THIS, { now: NOW, previousYear: { facts: lastFacts, name: '../2021/a.xxgk.md' } }).diagnostics,
  );
  const own = checkText(THIS, { now: NOW });
  const alone = crossYearDiagnostics(extractFacts(own.report), lastFacts, { previousName: '../2021/a.xxgk.md' });
  assert.ok(full.some((d) => d.rule === 'carryover'));
  assert.ok(full.some((d) => d.rule === 'valid-docs'));
  assert.deepEqual(full, alone);
  assert.deepEqual(crossOf(own.diagnostics), [], 'nothing without last year');
  // the incremental checker the server uses agrees
  const inc = new IncrementalChecker();
  inc.check(THIS, { now: NOW });
  assert.deepEqual(
    crossOf(inc.check(THIS, { now: NOW, previousYear: { facts: lastFacts, name: '../2021/a.xxgk.md' } }).diagnostics),
    full,
  );
});

test('severity overrides and off apply to the cross-year rules', () => {
  const asError = checkText(THIS, {
    now: NOW,
    previousYear: { facts: lastFacts },
    severities: { carryover: 'error', 'valid-docs': 'off' },
  }).diagnostics;
  assert.ok(crossOf(asError).length > 0);
  for (const d of crossOf(asError)) {
    assert.equal(d.rule, 'carryover');
    assert.equal(d.severity, 'error');
  }
});

test('an xxgk-disable comment silences a cross-year rule like any other', () => {
  const silenced = edit(THIS, '| 申请人情况 |', '<!-- xxgk-disable carryover -->\n\n| 申请人情况 |');
  const r = checkText(silenced, { now: NOW, previousYear: { facts: lastFacts } });
  assert.ok(!r.diagnostics.some((d) => d.rule === 'carryover'));
});

test('the rule modules do the work: given the facts in the context, they emit', () => {
  for (const id of ['carryover', 'valid-docs']) {
    const rule = ruleById(id)!;
    assert.ok(rule.crossFile, id);
    const found: Finding[] = [];
    const report = checkText(THIS, { now: NOW }).report;
    rule.check({
      report,
      locale: 'zh',
      t: translator('zh'),
      emit: (f) => found.push(f),
      crossYear: { current: extractFacts(report), previous: { facts: lastFacts } },
    });
    assert.ok(found.length > 0, id);
  }
});
