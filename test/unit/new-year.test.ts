/**
 * Next year's draft (engine/new-year.ts): front matter, the current format's skeleton, 二、上年结转
 * from last year's 四 per column, the 现行有效件数 hint, last year's prose as comments, and a draft
 * that the checker accepts with only the warnings of an unfilled draft.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { newYearDraft, newYearFileName, NewYearError, commentSafe, yamlString } from '../../server/src/engine/new-year';
import { checkText, crossYearDiagnostics } from '../../server/src/engine/check';
import { extractFacts } from '../../server/src/engine/model/crossyear';
import { parse as parseYaml } from 'yaml';
import { EXAMPLE, NOW, edit, fixture } from '../helpers/fixtures';
import { tablesOf } from '../fixtures/import/official-layout';

const LAST = fixture('crossyear/交通运输局-2021.xxgk.md');

/** Warnings an unfilled draft is expected to have: cells to fill, prose to write. */
const DRAFT_RULES = new Set(['cell-empty', 'section-empty', 'fee-statement']);

describe('newYearDraft', () => {
  const d = newYearDraft(LAST, { now: NOW });

  test('front matter: 年度 + 1, 格式 of the new year, 机关 and 类型 kept', () => {
    const fm = parseYaml(d.text.split('---\n')[1]) as Record<string, unknown>;
    assert.deepEqual(fm, { 机关: '某县交通运输局', 年度: 2022, 格式: 2021, 类型: '部门' });
    assert.match(d.text, /^# 某县交通运输局2022年政府信息公开工作年度报告$/m);
  });

  test('二、上年结转 filled from last year’s 四 per column; every other number cell empty', () => {
    const t = tablesOf(d.text);
    assert.deepEqual(t.applications['二、上年结转政府信息公开申请数量'], ['2', '0', '0', '0', '0', '0', '2']);
    assert.equal(d.carried, 7);
    for (const [id, rows] of Object.entries(t)) {
      for (const [label, cells] of Object.entries(rows)) {
        if (label.startsWith('二、上年结转')) continue;
        assert.ok(
          cells.every((c) => c === ''),
          `${id} / ${label}`,
        );
      }
    }
    assert.deepEqual(Object.keys(t), ['art20-1', 'art20-5', 'art20-6', 'art20-8', 'applications', 'review']);
  });

  test('a hint with last year’s 现行有效件数', () => {
    assert.match(
      d.text,
      /<!-- 上年（2021 年）现行有效件数：规章 0，行政规范性文件 30。本年现行有效件数 = 上年现行有效件数 \+ 本年制发件数 − 本年废止件数/,
    );
  });

  test('last year’s prose kept as HTML comments, tables left out of them', () => {
    assert.match(
      d.text,
      /<!-- 上年（2021 年）“一、总体情况”原文，供参考修改：\n\n根据《中华人民共和国政府信息公开条例》要求/,
    );
    assert.match(d.text, /全年通过电子邮箱收到群众申请公开信息6件/);
    const comments = d.text.match(/<!--[\s\S]*?-->/g)!.join('\n');
    assert.doesNotMatch(comments, /\| 申请人情况/);
    // what is outside comments is only the skeleton
    const outside = d.text.replace(/<!--[\s\S]*?-->/g, '');
    assert.doesNotMatch(outside, /4870/);
    assert.match(outside, /^### （一）主动公开$/m);
  });

  test('the checker: no error; only the warnings of an unfilled draft; no cross-year finding', () => {
    const { report, diagnostics } = checkText(d.text, { now: NOW });
    assert.deepEqual(
      diagnostics.filter((x) => x.severity === 'error').map((x) => x.message),
      [],
    );
    const others = diagnostics.filter((x) => x.severity === 'warning' && !DRAFT_RULES.has(x.rule));
    assert.deepEqual(
      others.map((x) => `${x.rule}: ${x.message}`),
      [],
    );
    assert.ok(diagnostics.some((x) => x.rule === 'cell-empty'));
    // the carried row is filled: no cell-empty on it
    assert.ok(!diagnostics.some((x) => x.rule === 'cell-empty' && x.message.includes('二、上年结转')));
    const last = extractFacts(checkText(LAST, { now: NOW }).report);
    assert.deepEqual(crossYearDiagnostics(extractFacts(report), last), []);
  });

  test('from a 2020 report in the 2019 format: the 2021 skeleton, the carried row, the 对外公开总数量 hint', () => {
    const seed = fixture('seed001-2020.xxgk.md');
    const n = newYearDraft(seed, { now: NOW });
    assert.equal(n.year, 2021);
    assert.equal(n.form.id, '2021');
    assert.match(n.text, /^格式: 2021$/m);
    assert.match(n.text, /\| 本年制发件数 \| 本年废止件数 \| 现行有效件数 \|/);
    assert.match(n.text, /1\.申请人无正当理由逾期不补正/);
    assert.deepEqual(tablesOf(n.text).applications['二、上年结转政府信息公开申请数量'], [
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
    ]);
    assert.match(n.text, /对外公开总数量：规章 0，规范性文件 4（口径与现行有效件数不同，仅供参考）/);
    // 六 was missing last year: the draft has it
    assert.match(n.text, /^## 六、其他需要报告的事项$/m);
  });

  test('a blank 四 last year leaves that cell empty', () => {
    const blank = edit(LAST, '| 四、结转下年度继续办理 | 2 |', '| 四、结转下年度继续办理 |  |');
    const n = newYearDraft(blank, { now: NOW });
    assert.deepEqual(tablesOf(n.text).applications['二、上年结转政府信息公开申请数量'], [
      '',
      '0',
      '0',
      '0',
      '0',
      '0',
      '2',
    ]);
    assert.equal(n.carried, 6);
  });

  test('comments in last year’s prose cannot break the draft', () => {
    const tricky = edit(
      EXAMPLE(),
      '严格按照省、市和区级主管部门要求管理政府信息。',
      '严格按照要求管理政府信息。<!-- 内部备注 --> 箭头 --> 不应结束注释。',
    );
    const n = newYearDraft(tricky, { now: NOW });
    assert.doesNotMatch(n.text, /内部备注/);
    const ds = checkText(n.text, { now: NOW }).diagnostics;
    assert.ok(!ds.some((x) => x.severity === 'error'), ds.map((x) => x.message).join('\n'));
    assert.equal(tablesOf(n.text).applications['二、上年结转政府信息公开申请数量'].length, 7);
  });

  test('without 年度 or 机关 there is no next year', () => {
    assert.throws(() => newYearDraft(edit(LAST, '年度: 2021\n', '')), NewYearError);
    assert.throws(() => newYearDraft(edit(LAST, '机关: 某县交通运输局\n', '')), NewYearError);
    assert.throws(() => newYearDraft('# 随便写的\n'), /年度/);
  });
});

describe('helpers', () => {
  test('file names: the year advanced, or appended', () => {
    assert.equal(newYearFileName('交通运输局-2021.xxgk.md', 2021), '交通运输局-2022.xxgk.md');
    assert.equal(
      newYearFileName('某局2021年政府信息公开工作年度报告.md', 2021),
      '某局2022年政府信息公开工作年度报告.md',
    );
    assert.equal(newYearFileName('report.xxgk.md', 2021), 'report-2022.xxgk.md');
  });
  test('comment text and YAML values', () => {
    assert.doesNotMatch(commentSafe('a --> b <!-- c'), /-->|<!--/);
    assert.equal(yamlString('某县交通运输局'), '某县交通运输局');
    assert.equal(parseYaml(`k: ${yamlString('a: b # c')}`).k, 'a: b # c');
    assert.equal(parseYaml(`k: ${yamlString('2021')}`).k, '2021');
  });
});
