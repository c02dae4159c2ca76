/**
 * The prose rules: fee-statement, government-accountability, period, format-citation,
 * rules-authority, deadline and narrative-number. Each fires where the report is wrong, on the
 * exact text that is wrong, and stays silent on the clean example and on look-alikes.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/engine/fixes';
import type { Diagnostic } from '../../server/src/engine/check';
import { EXAMPLE, check, covered, edit, fixture } from '../helpers/fixtures';

const ex = EXAMPLE();
const PROSE_RULES = [
  'fee-statement',
  'government-accountability',
  'period',
  'format-citation',
  'rules-authority',
  'deadline',
  'narrative-number',
];

/** The diagnostics of one rule. */
function of(text: string, rule: string, options: Parameters<typeof check>[1] = {}): Diagnostic[] {
  return check(text, options).filter((d) => d.rule === rule);
}
/** Exactly one diagnostic of the rule, and no other error or warning. */
function only(text: string, rule: string): Diagnostic {
  const ds = check(text).filter((d) => d.severity !== 'info' || d.rule === rule);
  assert.deepEqual(
    ds.map((d) => d.rule),
    [rule],
    `expected exactly one ${rule}, got ${JSON.stringify(ds.map((d) => [d.rule, d.message]))}`,
  );
  return ds[0];
}
function errorsAndWarnings(text: string): string[] {
  return check(text)
    .filter((d) => d.severity === 'error' || d.severity === 'warning')
    .map((d) => `${d.rule}: ${d.message}`);
}

describe('clean reports draw nothing from the prose rules', () => {
  test('the example: no error and no warning at all', () => {
    assert.deepEqual(errorsAndWarnings(ex), []);
    assert.deepEqual(
      check(ex).filter((d) => PROSE_RULES.includes(d.rule)),
      [],
    );
  });
  test('the look-alike report (every phrasing that must not fire) is clean', () => {
    assert.deepEqual(errorsAndWarnings(fixture('prose-lookalikes-2023.xxgk.md')), []);
    assert.deepEqual(
      check(fixture('prose-lookalikes-2023.xxgk.md')).map((d) => d.rule),
      [],
    );
  });
  test('seed 001 keeps exactly its three findings', () => {
    assert.deepEqual(
      check(fixture('seed001-2020.xxgk.md')).map((d) => d.rule),
      ['column-missing', 'cell-empty', 'section-missing'],
    );
  });
});

describe('a seed-002-like report with the prose defects', () => {
  const text = fixture('prose-defects-2021.xxgk.md');
  const ds = check(text);
  test('every defect draws one diagnostic, on the text that is wrong, and nothing else', () => {
    assert.deepEqual(
      ds.map((d) => [d.rule, covered(text, d)]),
      [
        ['deadline', '2022-04-15'],
        ['format-citation', '国办公开办函〔201960号'],
        ['period', '2020'],
        ['narrative-number', '26'],
        ['narrative-number', '12'],
        ['narrative-number', '3'],
        ['government-accountability', '（五）监督保障'],
        ['fee-statement', '六、其他需要报告的事项'],
      ],
    );
    assert.ok(ds.every((d) => d.severity === 'warning'));
  });
  test('the narrative numbers name the table figure', () => {
    const n = ds.filter((d) => d.rule === 'narrative-number').map((d) => d.message);
    assert.equal(n[0], '正文称制发规范性文件 26 件，但第二十条第（一）项“行政规范性文件”的“本年制发件数”为 27');
    assert.equal(
      n[1],
      '正文称收到申请 12 件，但表三“一、本年新收政府信息公开申请数量”总计为 10（加上年结转 1 件为 11）',
    );
    assert.equal(n[2], '正文称行政诉讼 3 件，但表四行政诉讼总计为 2（未经复议直接起诉 1 + 复议后起诉 1）');
  });
  test('the related information points at the table cells', () => {
    const suits = ds.filter((d) => d.rule === 'narrative-number')[2];
    assert.equal(suits.related.length, 2);
    assert.deepEqual(
      suits.related.map((r) => text.slice(r.span.start, r.span.end)),
      ['1', '1'],
    );
    const made = ds.filter((d) => d.rule === 'narrative-number')[0];
    assert.deepEqual(
      made.related.map((r) => text.slice(r.span.start, r.span.end)),
      ['27'],
    );
  });
  test('English messages', () => {
    const en = check(text, { locale: 'en' });
    assert.equal(en.length, ds.length);
    for (const d of en) assert.doesNotMatch(d.message, /^[\u4e00-\u9fff]/, d.message);
    assert.match(en.find((d) => d.rule === 'deadline')!.message, /15 days after the statutory deadline of 2022-03-31/);
    assert.match(en.find((d) => d.rule === 'government-accountability')!.message, /public evaluation.*accountability/);
  });
  test('fingerprints are stable when lines move', () => {
    const moved = check(text.replace('## 一、总体情况', '## 一、总体情况\n\n（本节为概述。）\n'));
    assert.deepEqual(
      moved.map((d) => d.fingerprint),
      ds.map((d) => d.fingerprint),
    );
    assert.equal(new Set(ds.map((d) => d.fingerprint)).size, ds.length);
  });
});

// ---------------------------------------------------------------------------------------------

describe('fee-statement', () => {
  const FEE = '（一）政府信息处理费收取情况：本年度未收取信息处理费。\n\n';
  const noFee = edit(ex, FEE, '');
  test('fires on the heading of 六 when 六 says nothing of 信息处理费', () => {
    const d = only(noFee, 'fee-statement');
    assert.equal(covered(noFee, d), '六、其他需要报告的事项');
    assert.match(d.message, /信息处理费/);
    assert.match(d.message, /国办函〔2020〕109号/);
  });
  test('its fix appends the standard sentence to 六, and the warning goes', () => {
    const d = only(noFee, 'fee-statement');
    const fix = d.fixes[0];
    assert.equal(fix.safe, false);
    assert.match(fix.title, /核对/);
    const fixed = applyEdits(noFee, fix.edits);
    assert.ok(fixed.trimEnd().endsWith('（国办函〔2020〕109号）规定的按件、按量收费标准，本年度没有产生信息处理费。'));
    assert.ok(fixed.includes('已全部集中公开发布。\n\n按照《国务院办公厅'));
    assert.deepEqual(errorsAndWarnings(fixed), []);
  });
  test('the fix goes at the end of 六 even when 六 is not the last section', () => {
    const moved = noFee
      .replace(/## 六、其他需要报告的事项[\s\S]*$/, '')
      .replace(
        '## 五、存在的主要问题及改进情况',
        '## 六、其他需要报告的事项\n\n建议提案办理结果已全部公开。\n\n## 五、存在的主要问题及改进情况',
      );
    const d = of(moved, 'fee-statement')[0];
    const fixed = applyEdits(moved, d.fixes[0].edits);
    assert.ok(
      fixed.includes(
        '建议提案办理结果已全部公开。\n\n按照《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》',
      ),
    );
    assert.ok(fixed.indexOf('本年度没有产生信息处理费') < fixed.indexOf('## 五、'));
  });
  test('silent when 六 mentions 处理费 in any words, or cites 109号', () => {
    assert.deepEqual(of(edit(ex, FEE, '（一）本年度无收取信息公开处理费情况。\n\n'), 'fee-statement'), []);
    assert.deepEqual(of(edit(ex, FEE, '（一）依照国办函〔2020〕109号，本年度未收费。\n\n'), 'fee-statement'), []);
    assert.deepEqual(of(edit(ex, FEE, '### （一）政府信息处理费收取情况\n\n无。\n\n'), 'fee-statement'), []);
  });
  test('silent on an empty 六 (section-empty speaks) and on a missing 六 (section-missing speaks)', () => {
    const empty = ex.replace(/(## 六、其他需要报告的事项\n)[\s\S]*$/, '$1');
    assert.deepEqual(of(empty, 'fee-statement'), []);
    assert.deepEqual(of(empty, 'section-empty').length, 1);
    const missing = ex.replace(/## 六、其他需要报告的事项[\s\S]*$/, '');
    assert.deepEqual(of(missing, 'fee-statement'), []);
  });
  test('silent in the 2019 format (109号 dates from late 2020)', () => {
    const text = fixture('seed001-2020.xxgk.md') + '\n## 六、其他需要报告的事项\n\n无其他需要报告的事项。\n';
    assert.deepEqual(of(text, 'fee-statement'), []);
  });
});

describe('government-accountability', () => {
  const RESULTS = '2022年度政府信息公开工作社会评议方面结果良好，无责任追究情况发生。';
  test('fires on the 监督保障 sub-heading, naming what is missing', () => {
    const text = edit(ex, RESULTS, '');
    const d = only(text, 'government-accountability');
    assert.equal(covered(text, d), '（五）监督保障');
    assert.match(d.message, /本报告未说明：社会评议、责任追究$/);
    assert.doesNotMatch(d.message, /未说明：工作考核/);
  });
  test('one warning, naming only what is missing', () => {
    const text = edit(ex, RESULTS, '2022年度社会评议结果良好。');
    const d = only(text, 'government-accountability');
    assert.match(d.message, /本报告未说明：责任追究$/);
  });
  test('on the heading of 一 when there is no 监督保障 sub-heading', () => {
    const text = edit(edit(ex, RESULTS, ''), '### （五）监督保障\n\n', '');
    const ds = of(text, 'government-accountability');
    assert.equal(ds.length, 1);
    assert.equal(covered(text, ds[0]), '一、总体情况');
  });
  test('the results may be stated anywhere in the report', () => {
    const text = edit(
      edit(ex, RESULTS, ''),
      '（二）建议提案办理公开情况：已全部集中公开发布。',
      `（二）建议提案办理公开情况：已全部集中公开发布。\n\n（三）${RESULTS}`,
    );
    assert.deepEqual(of(text, 'government-accountability'), []);
  });
  test('silent for a department, and when 一 is missing', () => {
    const dept = edit(edit(ex, RESULTS, ''), '类型: 政府', '类型: 部门');
    assert.deepEqual(of(dept, 'government-accountability'), []);
    const noOne = edit(ex, RESULTS, '').replace(/## 一、总体情况[\s\S]*?(?=## 二、)/, '');
    assert.deepEqual(of(noOne, 'government-accountability'), []);
  });
});

describe('period', () => {
  test('the title year differs from 年度: warning on the year digits of the title', () => {
    const text = edit(ex, '# 西塞山区2022年政府', '# 西塞山区2021年政府');
    const d = only(text, 'period');
    assert.equal(covered(text, d), '2021');
    assert.ok(d.span.start > text.indexOf('# 西塞山区'));
    assert.match(d.message, /2021.*2022/);
  });
  test('full-width digits in the title are read', () => {
    const text = edit(ex, '# 西塞山区2022年政府', '# 西塞山区２０２１年政府');
    const d = only(text, 'period');
    assert.equal(covered(text, d), '２０２１');
  });
  test('the stated statistics period is in another year: warning on that year', () => {
    const text = edit(ex, '统计期限自2022年1月1日起至2022年12月31日止', '统计期限自2021年1月1日起至2021年12月31日止');
    const d = only(text, 'period');
    assert.equal(covered(text, d), '2021');
    assert.equal(d.span.start, text.indexOf('2021年1月1日'));
  });
  test('other wordings of the period: 统计时限, 统计数据从…至…止', () => {
    for (const w of [
      '统计时限自2021年1月1日至2021年12月31日',
      '统计数据从2021年1月1日至2021年12月31日止',
      '数据统计期限为2021年1月1日至12月31日',
    ]) {
      const text = edit(ex, '统计期限自2022年1月1日起至2022年12月31日止', w);
      const d = only(text, 'period');
      assert.equal(d.span.start, text.indexOf('2021年1月1日'), w);
    }
  });
  test('only the end year wrong', () => {
    const text = edit(ex, '统计期限自2022年1月1日起至2022年12月31日止', '统计时间为2022年1月1日至2023年12月31日');
    const d = only(text, 'period');
    assert.equal(d.span.start, text.indexOf('2023年12月31日'));
  });
  test('other years in the prose are not its business: a cited 要点, last year, next year’s plans', () => {
    let text = edit(
      ex,
      '严格按照省、市和区级主管部门要求管理政府信息。',
      '严格落实《2019年政务公开工作要点》和2021年的整改要求，严格按照主管部门要求管理政府信息。',
    );
    text = edit(text, '优化技术合作内容；强化业务知识学习。', '2023年，优化技术合作内容；强化业务知识学习。');
    assert.deepEqual(of(text, 'period'), []);
  });
  test('silent when the title has no year (the title rule speaks) or 年度 is unreadable', () => {
    assert.deepEqual(of(edit(ex, '# 西塞山区2022年政府', '# 西塞山区政府'), 'period'), []);
    assert.deepEqual(
      of(edit(edit(ex, '年度: 2022', '年度: 二〇二二'), '# 西塞山区2022年政府', '# 西塞山区2021年政府'), 'period'),
      [],
    );
  });
});

describe('format-citation', () => {
  const BASIS = '根据《中华人民共和国政府信息公开条例》要求，';
  test('a 2021-format report citing 60号: warning on the citation, fix replaces it', () => {
    const text = edit(ex, BASIS, '根据《中华人民共和国政府信息公开条例》和国办公开办函〔2019〕60号要求，');
    const d = only(text, 'format-citation');
    assert.equal(covered(text, d), '国办公开办函〔2019〕60号');
    assert.match(d.message, /国办公开办函〔2021〕30号/);
    const fix = d.fixes[0];
    assert.equal(fix.safe, false);
    const fixed = applyEdits(text, fix.edits);
    assert.ok(fixed.includes('和国办公开办函〔2021〕30号要求'));
    assert.deepEqual(errorsAndWarnings(fixed), []);
  });
  test('garbled citations are recognised: 国办公开办函〔201960号', () => {
    const text = edit(ex, BASIS, '根据国办公开办函〔201960号要求，');
    const d = only(text, 'format-citation');
    assert.equal(covered(text, d), '国办公开办函〔201960号');
    assert.equal(applyEdits(text, d.fixes[0].edits).includes('根据国办公开办函〔2021〕30号要求'), true);
  });
  test('spaces and other brackets: 国办公开办函[2019] 60 号', () => {
    const text = edit(ex, BASIS, '根据国办公开办函[2019] 60 号要求，');
    assert.equal(covered(text, only(text, 'format-citation')), '国办公开办函[2019] 60 号');
  });
  test('silent when the report also cites its own notice', () => {
    const text = edit(ex, BASIS, '根据国办公开办函〔2019〕60号和国办公开办函〔2021〕30号要求，');
    assert.deepEqual(of(text, 'format-citation'), []);
  });
  test('a 2019-format report citing 60号 is right; citing 30号 is not', () => {
    const seed = fixture('seed001-2020.xxgk.md');
    const anchorText = '依据《中华人民共和国政府信息公开条例》，';
    assert.deepEqual(
      of(
        edit(seed, anchorText, '依据《中华人民共和国政府信息公开条例》和国办公开办函〔2019〕60号，'),
        'format-citation',
      ),
      [],
    );
    const wrong = edit(seed, anchorText, '依据《中华人民共和国政府信息公开条例》和国办公开办函〔2021〕30号，');
    const ds = of(wrong, 'format-citation');
    assert.equal(ds.length, 1);
    assert.equal(covered(wrong, ds[0]), '国办公开办函〔2021〕30号');
    assert.equal(ds[0].fixes[0].edits[0].newText, '国办公开办函〔2019〕60号');
  });
});

describe('rules-authority', () => {
  const RULES_ROW = '| 规章 | 0 | 0 | 0 |';
  test('a 镇 with non-zero 规章: warning on the first non-zero 规章 cell', () => {
    const text = fixture('prose-town-2022.xxgk.md');
    const d = only(text, 'rules-authority');
    assert.equal(d.severity, 'warning');
    assert.equal(covered(text, d), '6');
    assert.equal(d.span.start, text.indexOf('| 规章 | 0 | 0 | 6 |') + '| 规章 | 0 | 0 | '.length);
    assert.match(d.message, /乡镇（街道）/);
  });
  test('a 街道办事处 too', () => {
    const text = edit(
      edit(ex, '机关: 西塞山区人民政府', '机关: 黄石市西塞山区临江街道办事处'),
      RULES_ROW,
      '| 规章 | 2 | 0 | 2 |',
    );
    const d = of(text, 'rules-authority')[0];
    assert.equal(d.severity, 'warning');
    assert.equal(d.span.start, text.indexOf('| 规章 | 2 |') + '| 规章 | '.length);
  });
  test('a county-level government: info', () => {
    const text = edit(ex, RULES_ROW, '| 规章 | 0 | 0 | 3 |');
    const d = of(text, 'rules-authority')[0];
    assert.equal(d.severity, 'info');
    assert.equal(covered(text, d), '3');
    assert.deepEqual(errorsAndWarnings(text), []);
  });
  test('a local department: info; a bare 市 government or a ministry: silent', () => {
    const dept = edit(
      edit(edit(ex, '机关: 西塞山区人民政府', '机关: 黄石市交通运输局'), '类型: 政府', '类型: 部门'),
      RULES_ROW,
      '| 规章 | 1 | 0 | 1 |',
    );
    assert.equal(of(dept, 'rules-authority')[0].severity, 'info');
    const city = edit(edit(ex, '机关: 西塞山区人民政府', '机关: 黄石市人民政府'), RULES_ROW, '| 规章 | 1 | 0 | 1 |');
    assert.deepEqual(of(city, 'rules-authority'), []);
    const region = edit(
      edit(ex, '机关: 西塞山区人民政府', '机关: 广西壮族自治区人民政府'),
      RULES_ROW,
      '| 规章 | 1 | 0 | 1 |',
    );
    assert.deepEqual(of(region, 'rules-authority'), []);
    const ministry = edit(
      edit(edit(ex, '机关: 西塞山区人民政府', '机关: 生态环境部'), '类型: 政府', '类型: 部门'),
      RULES_ROW,
      '| 规章 | 1 | 0 | 1 |',
    );
    assert.deepEqual(of(ministry, 'rules-authority'), []);
  });
  test('silent when every 规章 figure is zero or unreadable; 城乡 is not a 乡', () => {
    assert.deepEqual(of(fixture('seed001-2020.xxgk.md'), 'rules-authority'), []);
    const town = fixture('prose-town-2022.xxgk.md');
    assert.deepEqual(of(edit(town, '| 规章 | 0 | 0 | 6 |', '| 规章 | 0 | 0 | 0 |'), 'rules-authority'), []);
    const blank = edit(town, '| 规章 | 0 | 0 | 6 |', '| 规章 | 0 | 0 | — |');
    assert.deepEqual(of(blank, 'rules-authority'), []);
  });
});

describe('deadline', () => {
  test('a government published after 31 March: warning on the date, with the deadline and days late', () => {
    const text = edit(ex, '类型: 政府\n', '类型: 政府\n发布日期: 2023-04-05\n');
    const d = only(text, 'deadline');
    assert.equal(covered(text, d), '2023-04-05');
    assert.match(d.message, /2023年3月31日/);
    assert.match(d.message, /逾期 5 天/);
    assert.match(d.message, /第四十九条/);
  });
  test('a department published after 31 January', () => {
    const text = edit(ex, '类型: 政府\n', '类型: 部门\n发布日期: 2023-02-01\n');
    const d = of(text, 'deadline')[0];
    assert.equal(covered(text, d), '2023-02-01');
    assert.match(d.message, /2023年1月31日/);
    assert.match(d.message, /逾期 1 天/);
  });
  test('a report published a year late (a real case: a 2019 report posted 2021-05-06)', () => {
    const seed = edit(fixture('seed001-2020.xxgk.md'), '发布日期: 2021-01-28', '发布日期: 2022-05-06');
    const d = of(seed, 'deadline')[0];
    assert.match(d.message, /逾期 460 天/);
  });
  test('silent on or before the deadline, and without a date', () => {
    assert.deepEqual(of(edit(ex, '类型: 政府\n', '类型: 政府\n发布日期: 2023-03-31\n'), 'deadline'), []);
    assert.deepEqual(of(edit(ex, '类型: 政府\n', '类型: 部门\n发布日期: 2023-01-31\n'), 'deadline'), []);
    assert.deepEqual(of(ex, 'deadline'), []);
    assert.deepEqual(of(fixture('seed001-2020.xxgk.md'), 'deadline'), []);
  });
});

// ---------------------------------------------------------------------------------------------

describe('narrative-number', () => {
  const APPLY = '全年通过电子邮箱收到群众向西塞山区政府申请公开信息5人6次，其中，因政府信息公开被提请行政复议1次。';
  const ADMIN = '2022年，我区公开发布信息5191条，';
  const say = (sentence: string): string => edit(ex, APPLY, `${APPLY}${sentence}`);
  const sayActive = (sentence: string): string => edit(ex, ADMIN, `${ADMIN}${sentence}`);
  /** The one narrative-number diagnostic and the text it covers. */
  const fired = (text: string): [string, string] => {
    const d = only(text, 'narrative-number');
    return [covered(text, d), d.message];
  };

  test('收到申请 N 件 against 一、本年新收 (the brief’s example)', () => {
    const text = say('全年共收到政府信息公开申请7件。');
    const [at, msg] = fired(text);
    assert.equal(at, '7');
    assert.equal(msg, '正文称收到申请 7 件，但表三“一、本年新收政府信息公开申请数量”总计为 6');
  });
  test('收到 N may count 上年结转 too (一 + 二), but not anything else', () => {
    const table = (t: string): string =>
      edit(
        edit(
          t,
          '| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
          '| 二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
        ),
        '| 四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
        '| 四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
      );
    assert.deepEqual(errorsAndWarnings(table(say('全年共收到政府信息公开申请7件。'))), []);
    assert.deepEqual(errorsAndWarnings(table(say('全年共收到政府信息公开申请6件。'))), []);
    assert.equal(fired(table(say('全年共收到政府信息公开申请8件。')))[0], '8');
    // 新收 means the new ones only
    assert.equal(fired(table(say('本年新收政府信息公开申请7件。')))[0], '7');
  });
  test('Chinese numerals: 两件, 一起', () => {
    const text = say('全年受理政府信息公开申请两件。');
    const [at, msg] = fired(text);
    assert.equal(at, '两');
    assert.match(msg, /两（2） 件/);
    assert.equal(fired(edit(ex, '被提请行政复议1次', '被提请行政复议两起'))[0], '两');
    assert.deepEqual(errorsAndWarnings(edit(ex, '被提请行政复议1次', '被提请行政复议一起')), []);
    assert.deepEqual(errorsAndWarnings(say('全年共收到政府信息公开申请六件。')), []);
  });
  test('上年结转, 结转下年度 / 结转至YYYY年, 办结', () => {
    assert.equal(fired(say('上年结转政府信息公开申请1件。'))[0], '1');
    assert.equal(fired(say('结转下年度继续办理2件。'))[0], '2');
    assert.equal(fired(say('结转至2023年继续办理3件。'))[0], '3');
    assert.equal(fired(say('已全部办结，共办结5件。'))[0], '5');
    assert.deepEqual(errorsAndWarnings(say('上年结转0件，办结6件，结转下年度继续办理0件。')), []);
  });
  test('the 办理结果: 予以公开, 部分公开, 不予公开 (sum of its items), 无法提供, 不予处理, 其他处理', () => {
    assert.deepEqual(
      errorsAndWarnings(say('其中予以公开4件，部分公开1件，不予公开1件，无法提供0件，不予处理0件，其他处理0件。')),
      [],
    );
    assert.deepEqual(errorsAndWarnings(say('其中4件予以公开、1件部分公开。')), []);
    assert.equal(fired(say('其中予以公开5件。'))[0], '5');
    const [at, msg] = fired(say('其中予以公开4件，部分公开1件，不予公开2件。'));
    assert.equal(at, '2');
    assert.match(msg, /表三“（三）不予公开”各项总计之和为 1/);
    assert.equal(fired(say('其中3件予以公开。'))[0], '3');
    assert.equal(fired(say('无法提供1件。'))[0], '1');
  });
  test('予以公开 … outside the context of applications is not read', () => {
    assert.deepEqual(errorsAndWarnings(sayActive('其中予以公开200件，')), []);
  });
  test('行政复议 N件/起/次 and 行政诉讼 N件/起 (= 直接起诉 + 复议后起诉)', () => {
    assert.equal(fired(edit(ex, '被提请行政复议1次', '被提请行政复议2次'))[0], '2');
    const suit = say('被提起行政诉讼1起。');
    const [at, msg] = fired(suit);
    assert.equal(at, '1');
    assert.match(msg, /表四行政诉讼总计为 0（未经复议直接起诉 0 \+ 复议后起诉 0）/);
    const both = edit(
      edit(
        say('被提起行政诉讼2件。'),
        '| 行政诉讼（未经复议直接起诉） | 0 | 0 | 0 | 0 | 0 |',
        '| 行政诉讼（未经复议直接起诉） | 1 | 0 | 0 | 0 | 1 |',
      ),
      '| 行政诉讼（复议后起诉） | 0 | 0 | 0 | 0 | 0 |',
      '| 行政诉讼（复议后起诉） | 0 | 0 | 0 | 1 | 1 |',
    );
    assert.deepEqual(errorsAndWarnings(both), []);
  });
  test('规范性文件: 制发/印发/出台, 废止, 现行有效 … 件/条 against 第二十条第（一）项', () => {
    assert.deepEqual(errorsAndWarnings(sayActive('制发行政规范性文件7件，废止4件，现行有效规范性文件32条，')), []);
    const [at, msg] = fired(sayActive('印发规范性文件6件，'));
    assert.equal(at, '6');
    assert.equal(msg, '正文称印发规范性文件 6 件，但第二十条第（一）项“行政规范性文件”的“本年制发件数”为 7');
    assert.equal(fired(sayActive('出台规范性文件7件，废止3件，'))[0], '3');
    assert.equal(fired(sayActive('现行有效规范性文件30件，'))[0], '30');
    assert.equal(fired(sayActive('制定规章1件，'))[0], '1');
  });
  test('行政许可/行政处罚/行政强制 N件 and 收费 N万元 against 第二十条', () => {
    assert.deepEqual(
      errorsAndWarnings(sayActive('作出行政许可决定3984件，行政处罚8032件，行政强制580件，行政事业性收费0万元，')),
      [],
    );
    assert.equal(fired(sayActive('作出行政处罚决定8000件，'))[0], '8000');
    assert.equal(fired(sayActive('行政强制措施58件，'))[0], '58');
    const fee = edit(ex, '| 行政事业性收费 | 0 |', '| 行政事业性收费 | 18651.063 |');
    assert.deepEqual(errorsAndWarnings(edit(fee, ADMIN, `${ADMIN}行政事业性收费18651.06万元，`)), []);
    assert.deepEqual(errorsAndWarnings(edit(fee, ADMIN, `${ADMIN}行政事业性收费1.87亿元，`)), []);
    const [at, msg] = fired(edit(fee, ADMIN, `${ADMIN}收取行政事业性收费18600万元，`));
    assert.equal(at, '18600');
    assert.match(msg, /18651\.063 万元/);
  });
  test('numbers that describe something else do not fire', () => {
    const lookalikes = [
      // the 人 count of 5人6次 (and 次 is not a count of applications)
      '另有3人4次现场咨询。',
      // 公开属性 counts and published items are not applications
      '依申请公开信息128条，发布信息5191条。',
      // percentages, dates, years
      '申请按时办结率100%，答复满意率达98.5%。',
      '2022年12月20日收到最后1件申请。',
      // sentences about other years or plans
      '2021年共收到政府信息公开申请9件。',
      '较上年增加2件，同比增长50%。',
      '下一步，计划制发规范性文件10件。',
      '1至6月收到政府信息公开申请3件。',
      // estimates, ranges, parts by channel, shares
      '受理申请约10件，收到申请10余件。',
      '通过信函收到政府信息公开申请2件。',
      '行政复议、行政诉讼各2件。',
      // amounts with other units, other fees
      '行政事业性收费12000元，收取信息处理费50元。',
      // ordinals and documents
      '印发《关于废止3件规范性文件的决定》，办理第12件申请。',
    ];
    for (const s of lookalikes) assert.deepEqual(errorsAndWarnings(say(s)), [], s);
  });
  test('silent when the cell it refers to is empty or unreadable, or its table or section is missing', () => {
    const claim = say('全年共收到政府信息公开申请7件。');
    const empty = edit(
      claim,
      '| 一、本年新收政府信息公开申请数量 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |',
      '| 一、本年新收政府信息公开申请数量 | 6 | 0 | 0 | 0 | 0 | 0 | |',
    );
    assert.deepEqual(of(empty, 'narrative-number'), []);
    const invalid = edit(
      claim,
      '| 一、本年新收政府信息公开申请数量 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |',
      '| 一、本年新收政府信息公开申请数量 | 6 | 0 | 0 | 0 | 0 | 0 | 六 |',
    );
    assert.deepEqual(of(invalid, 'narrative-number'), []);
    const noSection = claim.replace(/## 三、收到和处理政府信息公开申请情况[\s\S]*?(?=## 四、)/, '');
    assert.deepEqual(of(noSection, 'narrative-number'), []);
    const noRow = edit(claim, '| 一、本年新收政府信息公开申请数量 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |\n', '');
    assert.deepEqual(of(noRow, 'narrative-number'), []);
    const partOfGroup = edit(
      say('不予公开2件。'),
      '| 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
      '| 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | — |',
    );
    assert.deepEqual(of(partOfGroup, 'narrative-number'), []);
  });
  test('a table figure its own arithmetic blames draws the arithmetic diagnostic only (one mistake, one diagnostic)', () => {
    const text = edit(
      say('全年共收到政府信息公开申请6件。'),
      '| 一、本年新收政府信息公开申请数量 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |',
      '| 一、本年新收政府信息公开申请数量 | 6 | 0 | 0 | 0 | 0 | 0 | 7 |',
    );
    const ds = check(text).filter((d) => d.severity !== 'info');
    assert.deepEqual(
      ds.map((d) => d.rule),
      ['sum-row'],
    );
  });
  test('the range is exact in the source: full-width digits, emphasis, soft line breaks', () => {
    const wide = say('全年共收到政府信息公开申请１２件。');
    assert.equal(fired(wide)[0], '１２');
    const bold = say('全年共收到政府信息公开申请**7**件。');
    assert.equal(fired(bold)[0], '7');
    const wrapped = say('全年共收到政府信息公开\n申请7件。');
    assert.equal(fired(wrapped)[0], '7');
    // an escape in the same text node: the characters no longer map one for one
    const escaped = say('据统计\\*，全年共收到政府信息公开申请7件（含 7 个工作日内答复的）。');
    const d = only(escaped, 'narrative-number');
    assert.equal(covered(escaped, d), '7');
    assert.equal(d.span.start, escaped.indexOf('申请7件') + 2);
  });
  test('a list item is prose too', () => {
    const text = edit(
      ex,
      '一是扩大政企技术合作。二是优化网站数据建设。三是逐步革新栏目建设。',
      '- 扩大政企技术合作。\n- 全年共印发规范性文件9件。',
    );
    assert.equal(fired(text)[0], '9');
  });
  test('English message', () => {
    const d = check(say('全年共收到政府信息公开申请7件。'), { locale: 'en' }).find(
      (x) => x.rule === 'narrative-number',
    )!;
    assert.equal(
      d.message,
      'The text says 7 件 of applications received (“收到”), but table 三 “一、本年新收政府信息公开申请数量” totals 6',
    );
  });
  test('the 2019 format: 发布 compares with 本年新公开数量, 制作 with 本年新制作数量', () => {
    const seed = fixture('seed001-2020.xxgk.md');
    const at = '扎实开展了政务公开工作。';
    assert.deepEqual(of(edit(seed, at, `${at}全年发布规范性文件4件。`), 'narrative-number'), []);
    const d = of(edit(seed, at, `${at}全年制作规范性文件4件。`), 'narrative-number');
    assert.equal(d.length, 1);
    assert.match(d[0].message, /本年新制作数量”为 0/);
  });
});
