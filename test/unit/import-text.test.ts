/**
 * Import of extracted text (importers/): the three shapes real reports arrive in, from the seed
 * texts copied into test/fixtures/import — tab-separated rows with merged-cell debris (seed 001,
 * a 2019-format report), one cell per line with a tab in front (seed 003), one cell per line with
 * labels broken over lines and a table that lost its columns (seed 000). The numbers of the draft
 * are compared with the source, cell by cell (checked by hand against the texts).
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importReport } from '../../server/src/importers/index';
import { linesFromText } from '../../server/src/importers/source';
import { readValue, tokenize, matchJoined } from '../../server/src/importers/tables';
import { checkText } from '../../server/src/engine/check';
import { FORMS } from '../../server/src/engine/forms';
import { ROOT, EXAMPLE, NOW } from '../helpers/fixtures';
import { reportOf, tablesOf, sectionTwo, sectionThree, sectionFour } from '../fixtures/import/official-layout';

const seed = (name: string): Buffer => readFileSync(join(ROOT, 'test', 'fixtures', 'import', name));

const zeros = (n: number): string[] => Array.from({ length: n }, () => '0');

describe('seed 001: tab-separated rows, 2019 format', async () => {
  const { markdown, summary } = await importReport(seed('seed001-2020.txt'), 'text', {
    sourceName: 'seed001-2020.txt',
  });
  const t = tablesOf(markdown);

  test('the tables of section 二 hold the source’s numbers (negative changes and the amount with its unit)', () => {
    assert.deepEqual(t['art20-1'], { 规章: ['0', '0', '0'], 规范性文件: ['0', '4', '4'] });
    assert.deepEqual(t['art20-5'], { 行政许可: ['8', '-2', '0'], 其他对外管理服务事项: ['51', '-42', '0'] });
    assert.deepEqual(t['art20-6'], { 行政处罚: ['9', '0', '9'], 行政强制: ['0', '0', '0'] });
    // the source prints only 上一年项目数量 for 行政事业性收费
    assert.deepEqual(t['art20-8'], { 行政事业性收费: ['0', ''] });
    assert.deepEqual(t['art20-9'], { 政府集中采购: ['29', '1756.58万元'] });
  });

  test('table 三 holds the source’s numbers; the garbled （二） row is placed by its position', () => {
    const a = t.applications;
    assert.deepEqual(a['一、本年新收政府信息公开申请数量'], ['12', '0', '0', '0', '0', '0', '12']);
    assert.deepEqual(a['二、上年结转政府信息公开申请数量'], zeros(7));
    assert.deepEqual(a['（一）予以公开'], ['', '0', '0', '0', '0', '0', '2']);
    assert.deepEqual(a['（二）部分公开（区分处理的，只计这一情形，不计其他情形）'], zeros(7));
    assert.deepEqual(a['1.属于国家秘密'], ['1', '0', '0', '0', '0', '0', '1']);
    assert.deepEqual(a['1.本机关不掌握相关政府信息'], ['9', '0', '0', '0', '0', '0', '9']);
    assert.deepEqual(a['（六）其他处理'], zeros(7));
    assert.deepEqual(a['（七）总计'], ['12', '0', '0', '0', '0', '0', '12']);
    assert.deepEqual(a['四、结转下年度继续办理'], zeros(7));
    const others = Object.entries(a).filter(
      ([k]) =>
        ![
          '一、本年新收政府信息公开申请数量',
          '（一）予以公开',
          '1.属于国家秘密',
          '1.本机关不掌握相关政府信息',
          '（七）总计',
        ].includes(k),
    );
    for (const [k, v] of others) assert.deepEqual(v, zeros(7), k);
    assert.ok(summary.notes.some((n) => n.includes('(二) 百 计这一') && n.includes('按所在位置')));
  });

  test('table 四: the 15 numbers of the printed row', () => {
    assert.deepEqual(t.review, {
      行政复议: zeros(5),
      '行政诉讼（未经复议直接起诉）': zeros(5),
      '行政诉讼（复议后起诉）': zeros(5),
    });
  });

  test('front matter, sections and summary', () => {
    assert.equal(summary.format, '2019');
    assert.equal(summary.year, 2020);
    assert.equal(summary.agency, undefined);
    assert.deepEqual(summary.sections, ['一', '二', '三', '四', '五']);
    assert.equal(summary.cellsRead, 196);
    assert.equal(summary.cellsExpected, 198);
    assert.match(markdown, /^---\n机关: \n年度: 2020\n格式: 2019\n---\n/);
    assert.match(markdown, /### \(一\) 加强组织领导, 推进政务公开制度化规范化/);
  });

  test('the draft shows the real mistake: 予以公开 / 自然人 blank while its 总计 is 2', () => {
    const ds = checkText(markdown, { now: NOW }).diagnostics;
    const blank = ds.filter((d) => d.rule === 'cell-empty' && d.message.includes('（一）予以公开 / 自然人'));
    assert.equal(blank.length, 1);
    assert.match(blank[0].message, /应为 2/);
    // and the missing 六 (the report has none)
    assert.ok(ds.some((d) => d.rule === 'section-missing' && d.message.includes('六')));
    // no arithmetic cascade: every other sum holds
    assert.deepEqual(
      ds.filter((d) => ['sum-row', 'sum-results', 'balance', 'sum-review'].includes(d.rule)),
      [],
    );
  });
});

describe('seed 003: one cell per line, 2021 format', async () => {
  const { markdown, summary } = await importReport(seed('seed003-2022.txt'), 'text');

  test('every table equals the published figures (the example report holds the same)', () => {
    assert.deepEqual(tablesOf(markdown), tablesOf(EXAMPLE()));
    assert.equal(summary.cellsRead, 200);
    assert.equal(summary.cellsExpected, 200);
    assert.deepEqual(summary.unplaced, []);
  });

  test('the title split over two lines, 机关 and 年度 read from it, sections and sub-headings kept', () => {
    assert.match(markdown, /^# 西塞山区2022年政府信息公开工作年度报告$/m);
    assert.equal(summary.agency, '西塞山区');
    assert.equal(summary.year, 2022);
    assert.deepEqual(summary.sections, ['一', '二', '三', '四', '五', '六']);
    assert.match(markdown, /^### （1）政府信息主动公开情况$/m);
    assert.match(markdown, /^本部门制作政府信息主动公开统计如下表。$/m);
  });

  test('the draft is a clean report', () => {
    const ds = checkText(markdown, { now: NOW }).diagnostics.filter(
      (d) => d.severity === 'error' || d.severity === 'warning',
    );
    assert.deepEqual(
      ds.map((d) => `${d.rule}: ${d.message}`),
      [],
    );
  });
});

describe('seed 000: one cell per line, labels broken, tables after 六', async () => {
  const { markdown, summary } = await importReport(seed('seed000.txt'), 'text');
  const t = tablesOf(markdown);

  test('section 二 is read with its broken header labels (本年 / 制发件数, 现行有效件 / 数)', () => {
    assert.deepEqual(t['art20-1'], { 规章: ['0', '0', '0'], 行政规范性文件: ['1', '1', '1'] });
    assert.deepEqual(t['art20-5'], { 行政许可: ['0'] });
    assert.deepEqual(t['art20-6'], { 行政处罚: ['0'], 行政强制: ['0'] });
    assert.deepEqual(t['art20-8'], { 行政事业性收费: ['0'] });
  });

  test('the tables go to their own sections, not to 六 where the text put them', () => {
    const r = reportOf(markdown);
    assert.deepEqual(
      r.tables.map((x) => x.section?.def.numeral),
      ['二', '二', '二', '二', '三', '四'],
    );
    assert.equal(r.sectionByIndex[5]!.tables.length, 0);
  });

  test('rows that lost their columns are not guessed: kept in a comment and counted', () => {
    assert.ok(Object.values(t.applications).every((cells) => cells.every((c) => c === '')));
    assert.equal(summary.tables.find((x) => x.id === 'applications')!.read, 0);
    assert.equal(summary.tables.find((x) => x.id === 'applications')!.expected, 175);
    const apps = summary.unplaced.filter((u) => u.where === '收到和处理政府信息公开申请情况');
    assert.equal(apps.length, 25); // every data row of the 2021 table, each with its single 0
    assert.ok(apps.every((u) => u.values.length === 1 && u.values[0] === '0'));
    assert.match(
      markdown,
      /<!-- xxgk-import：以下内容未能放入“收到和处理政府信息公开申请情况”[\s\S]*一、本年新收政府信息公开申请数量：0（读到 1 个数，应有 7 个/,
    );
    assert.equal(summary.cellsRead, 10);
    assert.equal(summary.cellsExpected, 200);
  });

  test('the draft’s diagnostics say what is missing (机关, 年度, the unread cells, the empty 六)', () => {
    const ds = checkText(markdown, { now: NOW }).diagnostics;
    assert.ok(ds.some((d) => d.rule === 'front-matter' && d.message.includes('机关')));
    assert.ok(ds.some((d) => d.rule === 'cell-empty'));
    assert.ok(ds.some((d) => d.rule === 'section-empty' && d.message.includes('六')));
  });
});

describe('pdftotext -layout and copied web text: columns as runs of spaces', () => {
  const r = reportOf(EXAMPLE());
  const asText = (sep: string): string =>
    [
      '西塞山区2022年政府信息公开工作年度报告',
      '一、总体情况',
      '2022年，我区公开发布信息5191条。',
      '二、主动公开政府信息情况',
      ...sectionTwo(r).map((row) => row.map((c) => c.text).join(sep)),
      '三、收到和处理政府信息公开申请情况',
      ...sectionThree(r).map((row) => row.map((c) => c.text).join(sep)),
      '四、政府信息公开行政复议、行政诉讼情况',
      ...sectionFour(r).map((row) => row.map((c) => c.text).join(sep)),
      '五、存在的主要问题及改进情况',
      '成员单位重视不够。',
      '六、其他需要报告的事项',
      '本年度未收取信息处理费。',
    ].join('\n');

  test('columns separated by runs of spaces', async () => {
    const { markdown, summary } = await importReport(Buffer.from(asText('     ')), 'text');
    assert.deepEqual(tablesOf(markdown), tablesOf(EXAMPLE()));
    assert.equal(summary.cellsRead, 200);
  });

  test('label and numbers separated by single spaces', async () => {
    const { markdown } = await importReport(Buffer.from(asText(' ')), 'text');
    const t = tablesOf(markdown);
    assert.deepEqual(t, tablesOf(EXAMPLE()));
  });
});

describe('pieces', () => {
  test('numbers as extraction leaves them', () => {
    assert.equal(readValue('1756. 58 万元'), '1756.58万元');
    assert.equal(readValue('１２'), '12');
    assert.equal(readValue('1,756'), '1756');
    assert.equal(readValue('-42'), '-42');
    assert.equal(readValue('3件'), '3');
    assert.equal(readValue('—'), '');
    assert.equal(readValue('1,1'), undefined);
    assert.equal(readValue('1.'), undefined);
    assert.equal(readValue('2020年'), undefined);
  });

  test('a label broken over several cells is joined; a stray prefix is skipped', () => {
    const apps = FORMS[0].tables.find((x) => x.id === 'applications')!;
    const toks = tokenize(linesFromText('（二\n）\n部分公开\n（\n区分处理的\n，\n只计这一\n情形，不计其他情形）\n0'));
    const m = matchJoined(toks, 0, apps.rows, () => false);
    assert.equal(m?.item.id, 'partial');
    assert.equal(m?.k, 8);
    const cols = FORMS[0].tables.find((x) => x.id === 'art20-1')!.columns;
    const h = tokenize(linesFromText('信息内容\n本年\n制发件数\n本年废止件数'));
    assert.deepEqual(
      [matchJoined(h, 0, cols, () => false)?.item.id, matchJoined(h, 0, cols, () => false)?.k],
      ['made', 3],
    );
  });

  test('a “label number” cell merged by extraction is split', () => {
    const toks = tokenize(linesFromText('行政事业性收费\t行政事业性收费 0'));
    assert.deepEqual(
      toks.map((x) => [x.text, x.col, x.value]),
      [
        ['行政事业性收费', 0, undefined],
        ['行政事业性收费', 1, undefined],
        ['0', 1, '0'],
      ],
    );
  });

  test('text that is no report: nothing found', async () => {
    const r = await importReport(Buffer.from('会议纪要\n\n今天开会讨论了工作。\n'), 'text');
    assert.deepEqual(r.summary.sections, []);
    assert.ok(r.summary.tables.every((x) => !x.found));
  });

  test('GB18030 text is read', async () => {
    const gbk = Buffer.from([0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc, 0xcc, 0xe5, 0xc7, 0xe9, 0xbf, 0xf6]); // 一、总体情况
    const r = await importReport(gbk, 'text');
    assert.deepEqual(r.summary.sections, ['一']);
  });
});
