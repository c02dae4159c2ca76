/**
 * Cross-year facts (engine/model/crossyear.ts) and the cross-year rules run on them (engine/check.ts): what is compared, when nothing is, the
 * fix, silencing, and the pairing of many reports by 机关 and 年度.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, crossYearDiagnostics, crossYearForAll } from '../../server/src/engine/check';
import { applyEdits } from '../../server/src/engine/fixes';
import { extractFacts, normalizeAgency, type YearFacts } from '../../server/src/engine/model/crossyear';
import { ruleById } from '../../server/src/engine/rules';
import { edit, fixture, NOW } from '../helpers/fixtures';

const LAST = fixture('crossyear/交通运输局-2021.xxgk.md');
const THIS = fixture('crossyear/交通运输局-2022.xxgk.md');
const facts = (text: string): YearFacts => extractFacts(checkText(text, { now: NOW }).report);

describe('extractFacts', () => {
  test('reads 机关, 年度, 格式, the carried rows and 第二十条第（一）项 with their ranges', () => {
    const f = facts(LAST);
    assert.equal(f.agency, '某县交通运输局');
    assert.equal(f.year, 2021);
    assert.equal(f.format, '2021');
    assert.equal(f.carryNext!.cells.natural.value, 2);
    assert.equal(f.carryNext!.cells.total.value, 2);
    assert.equal(f.carried!.cells.total.value, 0);
    assert.equal(f.docs!.normative.cells.valid.value, 30);
    const line = LAST.split('\n')[f.carryNext!.cells.natural.range.start.line];
    assert.match(line, /^\| 四、结转下年度继续办理 \| 2 \|/);
  });

  test('facts survive JSON (they travel between threads)', () => {
    const f = facts(THIS);
    assert.deepEqual(JSON.parse(JSON.stringify(f)), f);
  });

  test('机关 compared after normalisation', () => {
    assert.equal(normalizeAgency(' 某县　交通运输局 '), normalizeAgency('某县交通运输局'));
    assert.notEqual(normalizeAgency('某县交通运输局'), normalizeAgency('某县财政局'));
  });
});

describe('crossYearDiagnostics', () => {
  test('carryover on the column of 二、上年结转 that differs from last year’s 四 (总计 moves with it), with a fix', () => {
    const ds = crossYearDiagnostics(facts(THIS), facts(LAST));
    const carry = ds.filter((d) => d.rule === 'carryover');
    // 总计 mirrors 自然人 (the row adds up in both years): one finding, whose fix sets both
    assert.deepEqual(
      carry.map((d) => d.fingerprint),
      ['carryover/三/applications/carried/natural'],
    );
    assert.equal(carry[0].fixes[0].edits.length, 2);
    for (const d of carry) {
      assert.equal(d.severity, 'warning');
      assert.equal(THIS.slice(d.span.start, d.span.end), '0');
      assert.match(d.message, /2021 年报告/);
    }
    const fixed = applyEdits(
      THIS,
      carry.flatMap((d) => d.fixes[0].edits),
    );
    assert.match(fixed, /\| 二、上年结转政府信息公开申请数量 \| 2 \| 0 \| 0 \| 0 \| 0 \| 0 \| 2 \|/);
    assert.equal(crossYearDiagnostics(facts(fixed), facts(LAST)).filter((d) => d.rule === 'carryover').length, 0);
  });

  test('valid-docs: 现行有效 ≠ last year’s 现行有效 + 制发 − 废止 is an info, without a fix', () => {
    const d = crossYearDiagnostics(facts(THIS), facts(LAST)).find((x) => x.rule === 'valid-docs');
    assert.ok(d);
    assert.equal(d.severity, 'info');
    assert.match(d.message, /30 \+ 本年制发 7 − 本年废止 4 应为 33/);
    assert.equal(THIS.slice(d.span.start, d.span.end), '32');
    assert.equal(d.fixes.length, 0);
    const ok = edit(THIS, '| 行政规范性文件 | 7 | 4 | 32 |', '| 行政规范性文件 | 7 | 4 | 33 |');
    assert.equal(crossYearDiagnostics(facts(ok), facts(LAST)).filter((x) => x.rule === 'valid-docs').length, 0);
  });

  test('English messages', () => {
    const ds = crossYearDiagnostics(facts(THIS), facts(LAST), { locale: 'en', previousName: 'a/2021.xxgk.md' });
    assert.match(
      ds.find((d) => d.rule === 'carryover')!.message,
      /the 2021 report \(a\/2021\.xxgk\.md\) carried 2 over/,
    );
  });

  test('nothing across different 机关, non-adjacent years or different 格式', () => {
    const other = edit(LAST, '机关: 某县交通运输局', '机关: 某县财政局');
    assert.deepEqual(crossYearDiagnostics(facts(THIS), facts(other)), []);
    const older = edit(LAST, '年度: 2021', '年度: 2020');
    assert.deepEqual(crossYearDiagnostics(facts(THIS), facts(older)), []);
    const format2019 = edit(LAST, '格式: 2021', '格式: 2019');
    assert.deepEqual(crossYearDiagnostics(facts(THIS), facts(format2019)), []);
    assert.deepEqual(crossYearDiagnostics(facts(THIS), undefined), []);
    assert.deepEqual(crossYearDiagnostics(facts(LAST), facts(THIS)), []);
  });

  test('an empty cell is left to cell-empty (no second diagnostic)', () => {
    const blank = edit(THIS, '| 二、上年结转政府信息公开申请数量 | 0 |', '| 二、上年结转政府信息公开申请数量 |  |');
    const carry = crossYearDiagnostics(facts(blank), facts(LAST)).filter((d) => d.rule === 'carryover');
    assert.deepEqual(
      carry.map((d) => d.fingerprint),
      ['carryover/三/applications/carried/total'],
    );
  });

  test('silenced by a directive, or switched off by severity', () => {
    const silenced = edit(THIS, '| 申请人情况 |', '<!-- xxgk-disable carryover -->\n\n| 申请人情况 |');
    const ds = crossYearDiagnostics(facts(silenced), facts(LAST));
    assert.equal(ds.filter((d) => d.rule === 'carryover').length, 0);
    assert.equal(ds.filter((d) => d.rule === 'valid-docs').length, 1);
    const off = crossYearDiagnostics(facts(THIS), facts(LAST), {
      severities: { carryover: 'off', 'valid-docs': 'warning' },
    });
    assert.deepEqual(
      off.map((d) => [d.rule, d.severity]),
      [['valid-docs', 'warning']],
    );
  });

  test('the rules are listed in the registry as cross-file rules that do nothing on one report', () => {
    for (const id of ['carryover', 'valid-docs']) {
      const r = ruleById(id);
      assert.ok(r?.crossFile, id);
    }
    assert.equal(
      checkText(THIS, { now: NOW }).diagnostics.filter((d) => d.rule === 'carryover' || d.rule === 'valid-docs').length,
      0,
    );
  });
});

describe('crossYearForAll', () => {
  test('pairs reports by 机关 and adjacent 年度, whatever their order', () => {
    const other = edit(edit(THIS, '机关: 某县交通运输局', '机关: 某县财政局'), '# 某县交通运输局', '# 某县财政局');
    const items = [
      { facts: facts(other), name: 'other.xxgk.md' },
      { facts: facts(THIS), name: '2022.xxgk.md' },
      { facts: facts(LAST), name: '2021.xxgk.md' },
      { name: 'unreadable.xxgk.md' },
    ];
    const out = crossYearForAll(items);
    assert.deepEqual([...out.keys()], [1]);
    assert.match(out.get(1)![0].message, /2021\.xxgk\.md/);
  });
});
