/**
 * Reading prose (server/src/engine/prose/numbers.ts): Chinese numerals, full-width digits, numbers with
 * their units, and the statements a report makes about its tables — which phrasings are read,
 * as what, and which are left alone.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  findClaims,
  foldWidth,
  numbersIn,
  parseChineseNumber,
  sourceSpanOf,
} from '../../server/src/engine/prose/numbers';
import { parseDocument } from '../../server/src/engine/parse';
import { authorityOf } from '../../server/src/engine/rules/rules-authority';

describe('Chinese numerals', () => {
  const cases: [string, number][] = [
    ['零', 0],
    ['〇', 0],
    ['一', 1],
    ['两', 2],
    ['九', 9],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十六', 26],
    ['一百', 100],
    ['一百零五', 105],
    ['一百一十', 110],
    ['一百五', 150],
    ['两百三十四', 234],
    ['三千二百', 3200],
    ['三千零二', 3002],
    ['一万', 10000],
    ['一万零五', 10005],
    ['两万五', 25000],
    ['五千一百九十一', 5191],
  ];
  for (const [s, n] of cases) test(`${s} = ${n}`, () => assert.equal(parseChineseNumber(s), n));
  test('not numerals: 一二, 十百, 百 alone, 零零, empty', () => {
    for (const s of ['一二', '十百', '百', '千', '零零', '', '万']) assert.equal(parseChineseNumber(s), undefined, s);
  });
});

describe('numbers in text', () => {
  test('full-width digits fold one for one', () => {
    const s = '收到申请１２件，占比５０％';
    const f = foldWidth(s);
    assert.equal(f.length, s.length);
    assert.equal(f, '收到申请12件，占比50%');
    assert.equal(foldWidth('（一）：，；'), '（一）：，；');
  });
  test('each number with the unit after it', () => {
    const ns = numbersIn('5人6次，发布信息5191条，收费1,234.5万元，两件，100%，2022年');
    assert.deepEqual(
      ns.map((n) => [n.value, n.unit]),
      [
        [5, '人'],
        [6, '次'],
        [5191, '条'],
        [1234.5, '万元'],
        [2, '件'],
        [100, '%'],
        [2022, '年'],
      ],
    );
  });
});

describe('statements about the tables', () => {
  const read = (s: string, year = 2022, applicationContext = true): [string, number, string?][] =>
    findClaims(s, { year, applicationContext }).map((c) => (c.doc ? [c.topic, c.value, c.doc] : [c.topic, c.value]));

  test('the common phrasings', () => {
    assert.deepEqual(
      read('2022年，共收到政府信息公开申请7件，其中予以公开4件，部分公开1件，不予公开1件，无法提供1件。'),
      [
        ['new', 7],
        ['open', 4],
        ['partial', 1],
        ['notOpen', 1],
        ['cannot', 1],
      ],
    );
    assert.deepEqual(read('本年新收政府信息公开申请两件，上年结转一件，结转下年度继续办理0件。'), [
      ['new', 2],
      ['carried', 1],
      ['carryNext', 0],
    ]);
    assert.deepEqual(read('收到7件政府信息公开申请。'), [['new', 7]]);
    assert.deepEqual(read('其中4件予以公开、1件部分公开，不予处理1件，其他处理0件，共办结6件。'), [
      ['open', 4],
      ['partial', 1],
      ['notHandled', 1],
      ['otherHandling', 0],
      ['handled', 6],
    ]);
    assert.deepEqual(read('发生行政复议1起，行政诉讼2起，其中复议后起诉1件。'), [
      ['review', 1],
      ['suits', 2],
      ['suitAfter', 1],
    ]);
    assert.deepEqual(read('本年度制发行政规范性文件26件，废止4件，现行有效规范性文件32件。'), [
      ['made', 26, 'normative'],
      ['repealed', 4, 'normative'],
      ['valid', 32, 'normative'],
    ]);
    assert.deepEqual(read('全年作出行政许可决定3984件，行政处罚8032件，行政强制措施580件，行政事业性收费12.5万元。'), [
      ['license', 3984],
      ['penalty', 8032],
      ['coercion', 580],
      ['fees', 12.5],
    ]);
    assert.deepEqual(read('结转至2023年继续办理1件。'), [['carryNext', 1]]);
    assert.deepEqual(read('2022年1月1日至12月31日，共受理依申请公开申请一百零五件。'), [['new', 105]]);
  });
  test('phrasings seen in published reports', () => {
    assert.deepEqual(
      read('2022年，全区各职能部门、镇街共收到政府信息依申请公开1499件。其中，通过网络申请1303件，占86.92%。'),
      [['new', 1499]],
    );
    assert.deepEqual(
      read('包括上年结转信息公开申请30件。其中，予以公开答复966件，部分公开67，占4.61%；无法提供的182件。'),
      [
        ['carried', 30],
        ['open', 966],
        ['cannot', 182],
      ],
    );
    assert.deepEqual(read('2022年，区政府办公室共收到8份政府信息公开申请，均为自然人申请。'), [['new', 8]]);
    assert.deepEqual(read('本年度，受理依申请公开政府信息0件，没有因政府信息公开引起的行政复议和行政诉讼事件。'), [
      ['new', 0],
    ]);
    assert.deepEqual(read('2022年，我办受理依申请信息56条。'), []);
    assert.deepEqual(read('2022年上半年，全区各行政机关共受理政府信息公开申请267件。'), []);
  });
  test('收到/受理 may include 上年结转; 新收 may not', () => {
    assert.equal(findClaims('共收到申请7件。')[0].loose, true);
    assert.equal(findClaims('新收申请7件。')[0].loose, false);
  });
  test('the 办理结果 are read only where the prose speaks of applications', () => {
    assert.deepEqual(read('其中予以公开4件。', 2022, false), []);
    assert.deepEqual(read('其中予以公开4件。', 2022, true), [['open', 4]]);
  });
  test('look-alikes are not read', () => {
    const none = [
      '全年通过电子邮箱收到群众向西塞山区政府申请公开信息5人6次。',
      '2022年，我区公开发布信息5191条，依申请公开信息128条。',
      '2021年共收到申请5件，较上年增加2件。',
      '依据《2021年政务公开工作要点》，2021年收到申请9件。',
      '2023年，计划制发规范性文件10件。',
      '下一步力争办结申请20件。',
      '办结率100%。',
      '受理申请约100件，收到申请100余件，办结5-7件。',
      '行政复议、行政诉讼各1件。',
      '通过网上平台收到申请5件，当面申请2件。',
      '印发《关于废止3件规范性文件的决定》。',
      '收取信息处理费0元，行政事业性收费12000元。',
      '第3件申请已办结。',
      '上半年收到申请3件。',
    ];
    for (const s of none) assert.deepEqual(read(s), [], s);
    assert.deepEqual(read('其中本年新收15件。'), [], '新收 without 申请 is not a statement about applications');
  });
  test('a number bound to a part, not the whole, is not read', () => {
    assert.deepEqual(read('收到自然人申请6件。'), []);
    assert.deepEqual(read('行政复议纠正1件。'), []);
    assert.deepEqual(read('行政许可事项129件。'), []);
  });
});

describe('source spans', () => {
  test('exact where the map is, found again where an escape breaks it', () => {
    const text = '据统计\\*，全年收到申请7件。\n';
    const doc = parseDocument(text);
    const p = doc.prose[0];
    const i = p.text.indexOf('7');
    const span = sourceSpanOf(p, i, i + 1, text)!;
    assert.equal(text.slice(span.start, span.end), '7');
    assert.equal(span.start, text.indexOf('7'));
  });
});

describe('who may make 规章', () => {
  const cases: [string, '部门' | '政府', string][] = [
    ['某县望疃镇人民政府', '政府', 'township'],
    ['临江街道办事处', '政府', 'township'],
    ['某某乡', '政府', 'township'],
    ['西塞山区人民政府', '政府', 'county'],
    ['某县人民政府办公室', '政府', 'county'],
    ['某旗人民政府', '政府', 'county'],
    ['某区城乡建设局', '部门', 'county'],
    ['黄石市交通运输局', '部门', 'department'],
    ['湖北省财政厅', '部门', 'department'],
    ['黄石市人民政府', '政府', 'unknown'],
    ['广西壮族自治区人民政府', '政府', 'unknown'],
    ['生态环境部', '部门', 'unknown'],
    ['国家统计局', '部门', 'unknown'],
  ];
  for (const [name, kind, want] of cases) test(`${name} → ${want}`, () => assert.equal(authorityOf(name, kind), want));
});
