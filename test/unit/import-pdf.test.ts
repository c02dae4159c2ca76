/**
 * The three published PDFs (test/fixtures/published, see its README): each imports with every
 * official cell as printed — wrong totals and typos included —, the front matter filled from what
 * the document says, and `check` on the import reports exactly the report's own mistakes: no
 * section-missing or table-missing the PDF does not have. The expected cells were read off the
 * PDFs' text runs (pdfjs, independently of the importer's table logic) and checked by hand.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importReport } from '../../server/src/importers/index';
import { checkText } from '../../server/src/engine/check';
import { ROOT, NOW } from '../helpers/fixtures';
import { reportOf } from '../fixtures/import/official-layout';

const pdf = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(join(ROOT, 'test', 'fixtures', 'published', name)));

/** table id → [label as printed, cells as printed] for every data row */
function printed(md: string): Record<string, string[][]> {
  const out: Record<string, string[][]> = {};
  for (const t of reportOf(md).tables)
    if (t.def)
      out[t.def.id] = t.rows
        .filter((r) => r.def && !r.def.group)
        .map((r) => [r.label.text, ...r.cells.map((c) => c.node.text)]);
  return out;
}

interface Expected {
  agency: string;
  year: number;
  tables: Record<string, string[][]>;
  findings: [string, string][];
}

const EXPECTED: Record<string, Expected> = {
  '2023-洪泽区人民政府.pdf': {
    agency: '淮安市洪泽区人民政府',
    year: 2023,
    tables: {
      'art20-1': [
        ['规章', '0', '0', '0'],
        ['行政规范性文件', '0', '5', '5'],
      ],
      'art20-5': [['行政许可', '550']],
      'art20-6': [
        ['行政处罚', '4119'],
        ['行政强制', '195'],
      ],
      'art20-8': [['行政事业性收费', '7730.28']],
      applications: [
        ['一、本年新收政府信息公开申请数量', '21', '0', '0', '0', '0', '0', '21'],
        ['二、上年结转政府信息公开申请数量', '0', '0', '0', '0', '0', '0', '0'],
        ['（一）予以公开', '0', '0', '0', '0', '0', '0', '0'],
        ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '4', '0', '0', '0', '0', '0', '4'],
        ['1.属于国家秘密', '1', '0', '0', '0', '0', '0', '1'],
        ['2.其他法律行政止公开', '0', '0', '0', '0', '0', '0', '0'],
        ['3.危及“三安全一稳定”', '0', '0', '0', '0', '0', '0', '0'],
        ['4.保护第三方合法权益', '0', '0', '0', '0', '0', '0', '0'],
        ['5.属于三类内部事务信息', '0', '0', '0', '0', '0', '0', '0'],
        ['6.属于四类过程性信息', '1', '0', '0', '0', '0', '0', '1'],
        ['7.属于行政执法案卷', '1', '0', '0', '0', '0', '0', '1'],
        ['8.属于行政查询事项', '0', '0', '0', '0', '0', '0', '0'],
        ['1.本机关不掌握相关政府信息', '10', '0', '0', '0', '0', '0', '10'],
        ['2.没有现成信息需要另行制作', '3', '0', '0', '0', '0', '0', '3'],
        ['3.补正后申请内容仍不明确', '0', '0', '0', '0', '0', '0', '0'],
        ['1.信访举报投诉类申请', '1', '0', '0', '0', '0', '0', '1'],
        ['2.重复申请', '0', '0', '0', '0', '0', '0', '0'],
        ['3.要求提供公开出版物', '0', '0', '0', '0', '0', '0', '0'],
        ['4.无正当理由大量反复申请', '0', '0', '0', '0', '0', '0', '0'],
        ['5.要求行政机关确认或重新出具已获取信息', '0', '0', '0', '0', '0', '0', '0'],
        ['（六）其他处理', '0', '0', '0', '0', '0', '0', '0'],
        ['（七）总计', '21', '0', '0', '0', '0', '0', '21'],
        ['四、结转下年度继续办理', '0', '0', '0', '0', '0', '0', '0'],
      ],
      review: [
        ['行政复议', '10', '1', '0', '0', '0'],
        ['行政诉讼（未经复议直接起诉）', '0', '0', '0', '0', '0'],
        ['行政诉讼（复议后起诉）', '5', '0', '0', '0', '0'],
      ],
    },
    findings: [
      [
        'government-accountability',
        '政府年度报告应说明工作考核、社会评议和责任追究结果情况（条例第五十条第（四）项），本报告未说明：工作考核、社会评议、责任追究',
      ],
      ['label-variant', '应为官方文字“2.其他法律行政法规禁止公开”，实为“2.其他法律行政止公开”'],
      [
        'format-mismatch',
        '收到和处理政府信息公开申请情况是 2019 年格式（国办公开办函〔2019〕60号）的表，本报告应使用 2021 年格式（国办公开办函〔2021〕30号）',
      ],
      ['sum-review', '“行政复议 / 总计”应为 11（结果维持 10 + 结果纠正 1 + 其他结果 0 + 尚未审结 0），实为 0'],
      [
        'sum-review',
        '“行政诉讼（复议后起诉） / 总计”应为 5（结果维持 5 + 结果纠正 0 + 其他结果 0 + 尚未审结 0），实为 0',
      ],
    ],
  },
  '2024-洪泽区人民政府.pdf': {
    agency: '淮安市洪泽区人民政府',
    year: 2024,
    tables: {
      'art20-1': [
        ['规章', '0', '0', '0'],
        ['行政规范性文件', '3', '0', '8'],
      ],
      'art20-5': [['行政许可', '9487']],
      'art20-6': [
        ['行政处罚', '2776'],
        ['行政强制', '84'],
      ],
      'art20-8': [['行政事业性收费', '7545']],
      applications: [
        ['一、本年新收政府信息公开申请数量', '95', '0', '0', '0', '0', '0', '95'],
        ['二、上年结转政府信息公开申请数量', '0', '0', '0', '0', '0', '0', '0'],
        ['（一）予以公开', '50', '0', '0', '0', '0', '0', '50'],
        ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '9', '0', '0', '0', '0', '0', '9'],
        ['1.属于国家秘密', '0', '0', '0', '0', '0', '0', '0'],
        ['2.其他法律行政止公开', '0', '0', '0', '0', '0', '0', '0'],
        ['3.危及“三安全一稳定”', '1', '0', '0', '0', '0', '0', '1'],
        ['4.保护第三方合法权益', '0', '0', '0', '0', '0', '0', '0'],
        ['5.属于三类内部事务信息', '0', '0', '0', '0', '0', '0', '0'],
        ['6.属于四类过程性信息', '1', '0', '0', '0', '0', '0', '1'],
        ['7.属于行政执法案卷', '1', '0', '0', '0', '0', '0', '1'],
        ['8.属于行政查询事项', '0', '0', '0', '0', '0', '0', '0'],
        ['1.本机关不掌握相关政府信息', '31', '0', '0', '0', '0', '0', '31'],
        ['2.没有现成信息需要另行制作', '1', '0', '0', '0', '0', '0', '1'],
        ['3.补正后申请内容仍不明确', '0', '0', '0', '0', '0', '0', '0'],
        ['1.信访举报投诉类申请', '1', '0', '0', '0', '0', '0', '1'],
        ['2.重复申请', '0', '0', '0', '0', '0', '0', '0'],
        ['3.要求提供公开出版物', '0', '0', '0', '0', '0', '0', '0'],
        ['4.无正当理由大量反复申请', '0', '0', '0', '0', '0', '0', '0'],
        ['5.要求行政机关确认或重新出具已获取信息', '0', '0', '0', '0', '0', '0', '0'],
        ['（六）其他处理', '0', '0', '0', '0', '0', '0', '0'],
        ['（七）总计', '95', '0', '0', '0', '0', '0', '95'],
        ['四、结转下年度继续办理', '0', '0', '0', '0', '0', '0', '0'],
      ],
      review: [
        ['行政复议', '1', '1', '0', '0', '2'],
        ['行政诉讼（未经复议直接起诉）', '1', '0', '0', '0', '1'],
        ['行政诉讼（复议后起诉）', '2', '0', '1', '0', '3'],
      ],
    },
    findings: [
      [
        'government-accountability',
        '政府年度报告应说明工作考核、社会评议和责任追究结果情况（条例第五十条第（四）项），本报告未说明：社会评议、责任追究',
      ],
      ['narrative-number', '正文称受理申请 17 件，但表三“一、本年新收政府信息公开申请数量”总计为 95'],
      ['label-variant', '应为官方文字“2.其他法律行政法规禁止公开”，实为“2.其他法律行政止公开”'],
      [
        'format-mismatch',
        '收到和处理政府信息公开申请情况是 2019 年格式（国办公开办函〔2019〕60号）的表，本报告应使用 2021 年格式（国办公开办函〔2021〕30号）',
      ],
    ],
  },
  '2024-淮安市人民政府.pdf': {
    agency: '淮安市人民政府',
    year: 2024,
    tables: {
      'art20-1': [
        ['规章', '1', '0', '11'],
        ['行政规范性文件', '8', '26', '66'],
      ],
      'art20-5': [['行政许可', '447228']],
      'art20-6': [
        ['行政处罚', '3985758'],
        ['行政强制', '88283'],
      ],
      'art20-8': [['行政事业性收费', '96171.6']],
      applications: [
        ['一、本年新收政府信息公开申请数量', '3001', '53', '0', '0', '61', '4', '3119'],
        ['二、上年结转政府信息公开申请数量', '34', '0', '0', '0', '0', '0', '34'],
        ['（一）予以公开', '1288', '21', '0', '0', '50', '3', '1362'],
        ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '447', '7', '0', '0', '0', '0', '454'],
        ['1.属于国家秘密', '2', '0', '0', '0', '0', '0', '2'],
        ['2.其他法律行政法规禁止公开', '30', '1', '0', '0', '0', '0', '31'],
        ['3.危及“三安全一稳定”', '5', '0', '0', '0', '0', '0', '5'],
        ['4.保护第三方合法权益', '6', '0', '0', '0', '0', '0', '6'],
        ['5.属于三类内部事务信息', '7', '1', '0', '0', '0', '0', '8'],
        ['6.属于四类过程性信息', '12', '0', '0', '0', '0', '0', '12'],
        ['7.属于行政执法案卷', '9', '0', '0', '0', '0', '0', '9'],
        ['8.属于行政查询事项', '105', '0', '0', '0', '0', '0', '105'],
        ['1.本机关不掌握相关政府信息', '746', '12', '0', '0', '10', '1', '769'],
        ['2.没有现成信息需要另行制作', '11', '0', '0', '0', '0', '0', '11'],
        ['3.补正后申请内容仍不明确', '1', '0', '0', '0', '0', '0', '1'],
        ['1.信访举报投诉类申请', '56', '6', '0', '0', '0', '0', '62'],
        ['2.重复申请', '25', '0', '0', '0', '0', '0', '25'],
        ['3.要求提供公开出版物', '0', '0', '0', '0', '0', '0', '0'],
        ['4.无正当理由大量反复申请', '0', '0', '0', '0', '0', '0', '0'],
        ['5.要求行政机关确认或重新出具已获取信息', '1', '0', '0', '0', '0', '0', '1'],
        ['1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '67', '3', '0', '0', '1', '0', '71'],
        [
          '2、申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
          '6',
          '0',
          '0',
          '0',
          '0',
          '0',
          '6',
        ],
        ['3、其他', '108', '2', '0', '0', '0', '0', '110'],
        ['（七）总计', '2932', '53', '0', '0', '61', '4', '3050'],
        ['四、结转下年度继续办理', '103', '0', '0', '0', '0', '0', '103'],
      ],
      review: [
        ['行政复议', '72', '64', '178', '37', '351'],
        ['行政诉讼（未经复议直接起诉）', '13', '4', '8', '1', '26'],
        ['行政诉讼（复议后起诉）', '12', '1', '1', '6', '20'],
      ],
    },
    findings: [
      [
        'government-accountability',
        '政府年度报告应说明工作考核、社会评议和责任追究结果情况（条例第五十条第（四）项），本报告未说明：工作考核、社会评议、责任追究',
      ],
    ],
  },
};

for (const [name, e] of Object.entries(EXPECTED)) {
  describe(`published PDF ${name}`, async () => {
    const r = await importReport(pdf(name), 'pdf', { sourceName: name });
    test('every official cell as printed, labels as printed (typos kept)', () => {
      assert.deepEqual(printed(r.markdown), e.tables);
      assert.equal(r.summary.cellsRead, r.summary.cellsExpected);
      assert.deepEqual(r.summary.unplaced, []);
    });
    test('front matter from what the document says, with its evidence', () => {
      const fm = reportOf(r.markdown).meta;
      assert.equal(fm.agency, e.agency);
      assert.equal(fm.year, e.year);
      assert.equal(fm.form.id, '2021');
      assert.match(r.markdown, /^---\n机关: .*\n年度: \d{4}\n格式: 2021\n类型: 政府\n/);
      const fields = r.summary.inferred.map((i) => i.field);
      assert.deepEqual(fields, ['机关', '年度', '格式', '类型']);
      assert.ok(r.summary.inferred.every((i) => i.evidence.length > 0));
      assert.match(r.summary.inferred[0].evidence, /标题“/);
    });
    test('all six sections, in order, and no page chrome inside them', () => {
      assert.deepEqual(r.summary.sections, ['一', '二', '三', '四', '五', '六']);
      assert.doesNotMatch(r.markdown, /^-\s*\d+\s*-$/m);
    });
    test('check reports exactly the report’s own mistakes', () => {
      const found = checkText(r.markdown, { locale: 'zh', now: NOW }).diagnostics.map((d) => [d.rule, d.message]);
      assert.deepEqual(found, e.findings);
      assert.ok(!found.some(([rule]) => rule === 'section-missing' || rule === 'table-missing'));
    });
  });
}

test("after a PDF import the process keeps Node's own built-ins (pdfjs's legacy build would replace them)", async () => {
  const native = (o: object, key: string): boolean =>
    /\[native code\]/.test(Function.prototype.toString.call(Object.getOwnPropertyDescriptor(o, key)?.value));
  await importReport(pdf('2024-淮安市人民政府.pdf'), 'pdf');
  assert.ok(native(Array.prototype, 'push'), 'Array.prototype.push is native');
  assert.ok(native(JSON, 'parse'), 'JSON.parse is native');
  assert.ok(native(Function.prototype, 'toString'), 'Function.prototype.toString is native');
  // what Node 20 lacks and pdfjs needs stays added
  assert.equal(typeof (Promise as { withResolvers?: unknown }).withResolvers, 'function');
  const a: number[] = [];
  assert.equal(a.push(1, 2), 2);
});
