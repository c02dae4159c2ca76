/**
 * The structural and arithmetic rules: each mistake made on the clean example draws exactly
 * one diagnostic of the right rule, on the right text, and its fix (where there is one) removes it.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/engine/fixes';
import { EXAMPLE, check, covered, edit, fixture, ids } from '../helpers/fixtures';

const ex = EXAMPLE();
const REVIEW_ROW = '| 行政复议 | 0 | 1 | 0 | 0 | 1 |';

function only(text: string, rule: string) {
  const ds = check(text).filter((d) => d.severity !== 'info');
  assert.deepEqual(
    ds.map((d) => d.rule),
    [rule],
    `expected exactly one ${rule}, got ${JSON.stringify(ds.map((d) => [d.rule, d.message]))}`,
  );
  return ds[0];
}

function fixed(text: string, rule: string, which = 0): string {
  const d = check(text).find((x) => x.rule === rule)!;
  assert.ok(d.fixes[which], `${rule} offers a fix`);
  return applyEdits(text, d.fixes[which].edits);
}

describe('clean reports', () => {
  test('the example draws no diagnostic at all', () => {
    assert.deepEqual(
      check(ex).map((d) => `${d.rule}: ${d.message}`),
      [],
    );
  });
  test('seed 001 draws exactly its three defects', () => {
    const text = fixture('seed001-2020.xxgk.md');
    const ds = check(text);
    assert.deepEqual(
      ds.map((d) => d.rule),
      ['column-missing', 'cell-empty', 'section-missing'],
    );
    const blank = ds[1];
    assert.match(blank.message, /予以公开/);
    assert.equal(blank.fixes[0].edits[0].newText.trim(), '2');
    assert.match(ds[0].message, /本年增\/减/);
    assert.match(ds[2].message, /六、其他需要报告的事项/);
  });
});

describe('front-matter', () => {
  test('missing front matter: one error, fix inserts a skeleton with the title year', () => {
    const text = ex.slice(ex.indexOf('# 西塞山区'));
    const d = only(text, 'front-matter');
    assert.equal(d.range.start.line, 0);
    const after = fixed(text, 'front-matter');
    assert.match(after, /^---\n机关: 西塞山区\n年度: 2022\n格式: 2021/);
    assert.deepEqual(ids(after), []);
  });
  test('a year that is not a number points at the value', () => {
    const text = edit(ex, '年度: 2022', '年度: 二〇二二');
    const d = only(text, 'front-matter');
    assert.equal(covered(text, d), '二〇二二');
  });
  test('unparsable YAML is one error, not a crash', () => {
    const text = edit(ex, '类型: 政府', '类型: [政府');
    assert.deepEqual(ids(text).filter((r) => r === 'front-matter').length, 1);
  });
  test('English keys are accepted', () => {
    const text = edit(
      edit(edit(edit(ex, '机关:', 'agency:'), '年度:', 'year:'), '格式:', 'format:'),
      '类型: 政府',
      'kind: government',
    );
    assert.deepEqual(ids(text), []);
  });
});

describe('title', () => {
  test('no H1', () => {
    const text = edit(ex, '# 西塞山区2022年政府信息公开工作年度报告\n\n', '');
    only(text, 'title');
    assert.deepEqual(ids(fixed(text, 'title')), []);
  });
  test('title without the official words', () => {
    const text = edit(ex, '# 西塞山区2022年政府信息公开工作年度报告', '# 西塞山区2022年政务公开工作报告');
    const d = only(text, 'title');
    assert.equal(covered(text, d), '西塞山区2022年政务公开工作报告');
  });
});

describe('sections', () => {
  test('a missing section, inserted in place by its fix', () => {
    const start = ex.indexOf('## 五、');
    const end = ex.indexOf('## 六、');
    const text = ex.slice(0, start) + ex.slice(end);
    const d = only(text, 'section-missing');
    assert.match(d.message, /五、存在的主要问题及改进情况/);
    assert.equal(covered(text, d), '六、其他需要报告的事项');
    const after = fixed(text, 'section-missing');
    assert.ok(after.indexOf('## 五、存在的主要问题及改进情况') < after.indexOf('## 六、'));
    assert.deepEqual(ids(after), ['section-empty']);
  });
  test('a missing table section brings its empty tables, not a cascade', () => {
    const start = ex.indexOf('## 四、');
    const end = ex.indexOf('## 五、');
    const text = ex.slice(0, start) + ex.slice(end);
    only(text, 'section-missing');
    const after = fixed(text, 'section-missing');
    assert.match(after, /\| 类别 \| 结果维持 \| 结果纠正 \| 其他结果 \| 尚未审结 \| 总计 \|/);
    assert.ok(ids(after).every((r) => r === 'cell-empty'));
  });
  test('sections out of order', () => {
    const five = ex.slice(ex.indexOf('## 五、'), ex.indexOf('## 六、'));
    const six = ex.slice(ex.indexOf('## 六、'));
    const text = ex.slice(0, ex.indexOf('## 五、')) + six.trimEnd() + '\n\n' + five;
    const d = only(text, 'section-order');
    assert.equal(covered(text, d), '五、存在的主要问题及改进情况');
  });
  test('a repeated section is an error', () => {
    const text = ex + '\n## 六、其他需要报告的事项\n\n无。\n';
    const ds = check(text).filter((d) => d.rule === 'section-order');
    assert.equal(ds.length, 1);
    assert.equal(ds[0].severity, 'error');
  });
  test('heading words differ: warning with the official heading as fix', () => {
    const text = edit(ex, '## 五、存在的主要问题及改进情况', '## 五、存在的问题');
    const d = only(text, 'section-heading');
    assert.equal(d.fixes[0].edits[0].newText, '五、存在的主要问题及改进情况');
    assert.deepEqual(ids(fixed(text, 'section-heading')), []);
  });
  test('half-width numerals and separators are the same heading', () => {
    const text = edit(ex, '## 五、存在的主要问题及改进情况', '## 五.存在的主要问题及改进情况');
    assert.deepEqual(ids(text), []);
  });
  test('a section with only a token where substance is expected', () => {
    const text = ex.slice(0, ex.indexOf('### （一）存在问题')) + '无。\n\n' + ex.slice(ex.indexOf('## 六、'));
    only(text, 'section-empty');
  });
  test('2021 format: a missing overview topic', () => {
    const start = ex.indexOf('### （四）政府信息公开平台建设');
    const end = ex.indexOf('### （五）监督保障');
    const text = ex.slice(0, start) + ex.slice(end);
    const d = only(text, 'overview-topic');
    assert.match(d.message, /平台建设/);
    const after = fixed(text, 'overview-topic');
    assert.ok(after.indexOf('### （四）政府信息公开平台建设') < after.indexOf('### （五）监督保障'));
  });
});

describe('tables', () => {
  const t5 = '| 第二十条第（五）项 | 本年处理决定数量 |\n| --- | --: |\n| 行政许可 | 3984 |\n\n';
  test('a missing table, inserted with empty cells', () => {
    const text = edit(ex, t5, '');
    const d = only(text, 'table-missing');
    assert.match(d.message, /第二十条第（五）项/);
    const after = fixed(text, 'table-missing');
    assert.ok(after.indexOf('第二十条第（五）项') > after.indexOf('第二十条第（一）项'));
    assert.ok(after.indexOf('第二十条第（五）项') < after.indexOf('第二十条第（六）项'));
    assert.deepEqual(ids(after), ['cell-empty']);
  });
  test('an unknown table in section 二', () => {
    const text = edit(ex, t5, t5 + '| 其他公开事项 | 数量 |\n| --- | --: |\n| 政策解读 | 12 |\n\n');
    const d = only(text, 'table-unknown');
    assert.equal(covered(text, d), '其他公开事项');
  });
  test('a misspelt table name is a label variant of the table its rows and columns fit', () => {
    const text = edit(ex, '| 第二十条第（五）项 |', '| 第二十条第五项 |');
    const d = only(text, 'label-variant');
    assert.equal(d.fixes[0].edits[0].newText, '第二十条第（五）项');
  });
});

describe('rows and columns', () => {
  test('a missing row, inserted in its place', () => {
    const text = edit(ex, '| 2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n', '');
    const d = only(text, 'row-missing');
    assert.equal(covered(text, d), '3.要求提供公开出版物');
    const after = fixed(text, 'row-missing');
    assert.match(after, /\| 1\.信访举报投诉类申请 .*\n\| 2\.重复申请 \|/);
  });
  test('an unknown row', () => {
    const text = edit(ex, '| 3.其他 | 0 |', '| 4.其他情形 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n| 3.其他 | 0 |');
    const d = only(text, 'row-unknown');
    assert.equal(covered(text, d), '4.其他情形');
  });
  test('a row renamed beyond recognition where one row is missing: one diagnostic naming it', () => {
    const text = edit(ex, '| 2.重复申请 |', '| 2.同一申请人多次申请 |');
    const d = only(text, 'row-unknown');
    assert.match(d.message, /2\.重复申请/);
  });
  test('rows out of order', () => {
    const a = '| 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n';
    const b = '| 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n';
    const text = edit(ex, a + b, b + a);
    const d = only(text, 'row-order');
    assert.equal(covered(text, d), '1.属于国家秘密');
  });
  test('a label variant (typo seen in real reports)', () => {
    const text = edit(
      ex,
      '| 第二十条第（一）项 | 本年制发件数 | 本年废止件数 |',
      '| 第二十条第（一）项 | 本年制发件数 | 本年废纸件数 |',
    );
    const d = only(text, 'label-variant');
    assert.equal(covered(text, d), '本年废纸件数');
    assert.deepEqual(ids(fixed(text, 'label-variant')), []);
  });
  test('quote styles and brackets do not matter', () => {
    const text = edit(ex, '3.危及“三安全一稳定”', '3、危及"三安全一稳定"');
    assert.deepEqual(ids(text), []);
  });
  test('2019 label 规范性文件 in a 2021 table is a variant', () => {
    const text = edit(ex, '| 行政规范性文件 | 7 |', '| 规范性文件 | 7 |');
    only(text, 'label-variant');
  });
  test('a missing column, inserted by its fix', () => {
    const lines = ex.split('\n').map((l) => {
      if (
        !l.startsWith('| 申请人情况') &&
        !/^\| (一|二|三|（|\d)/.test(l) &&
        !l.startsWith('| 四、结转') &&
        !l.startsWith('| --- | --: | --: | --: | --: | --: | --: | --: |')
      )
        return l;
      const cells = l.split('|');
      cells.splice(4, 1); // drop 科研机构
      return cells.join('|');
    });
    const text = lines.join('\n');
    const d = only(text, 'column-missing');
    assert.match(d.message, /科研机构/);
    const after = fixed(text, 'column-missing');
    assert.match(after, /\| 申请人情况 \| 自然人 \| 商业企业 \| 科研机构 \| 社会公益组织/);
    assert.ok(ids(after).every((r) => r === 'cell-empty'));
  });
  test('a misnamed column: one diagnostic, not unknown + missing', () => {
    const text = edit(ex, '| 法律服务机构 | 其他 | 总计 |', '| 法律服务机构 | 其他组织和个人 | 总计 |');
    const d = only(text, 'column-unknown');
    assert.match(d.message, /其他/);
  });
});

describe('cells', () => {
  test('an empty cell: warning, fix writes the value the sums imply', () => {
    const text = edit(ex, '| （一）予以公开 | 4 |', '| （一）予以公开 |  |');
    const d = only(text, 'cell-empty');
    assert.match(d.message, /应为 4/);
    assert.deepEqual(ids(fixed(text, 'cell-empty')), []);
  });
  test('a blank marker is empty, not 0', () => {
    const text = edit(ex, '| 行政事业性收费 | 0 |', '| 行政事业性收费 | — |');
    const d = only(text, 'cell-empty');
    assert.equal(covered(text, d), '—');
  });
  test('text in a number cell', () => {
    const text = edit(ex, '| 行政许可 | 3984 |', '| 行政许可 | 约四千 |');
    const d = only(text, 'cell-invalid');
    assert.equal(d.severity, 'error');
  });
  test('a negative count and a fractional count are errors', () => {
    assert.equal(only(edit(ex, '| 行政处罚 | 8032 |', '| 行政处罚 | -3 |'), 'cell-invalid').severity, 'error');
    assert.equal(only(edit(ex, '| 行政处罚 | 8032 |', '| 行政处罚 | 80.5 |'), 'cell-invalid').severity, 'error');
  });
  test('a fee in 万元 may be a decimal', () => {
    assert.deepEqual(ids(edit(ex, '| 行政事业性收费 | 0 |', '| 行政事业性收费 | 1756.58 |')), []);
  });
  test('full-width digits and thousands separators: warning with a normalising fix, value still used', () => {
    const fw = edit(ex, '| 行政许可 | 3984 |', '| 行政许可 | ３９８４ |');
    const d = only(fw, 'cell-invalid');
    assert.equal(d.severity, 'warning');
    assert.equal(d.fixes[0].edits[0].newText, '3984');
    assert.equal(
      only(edit(ex, '| 行政许可 | 3984 |', '| 行政许可 | 3,984 |'), 'cell-invalid').fixes[0].edits[0].newText,
      '3984',
    );
  });
});

describe('arithmetic', () => {
  test('a wrong row total: one sum-row on the total, fix sets it', () => {
    const text = edit(
      ex,
      '| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |',
      '| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 5 |',
    );
    const d = only(text, 'sum-row');
    assert.match(d.message, /应为 4/);
    assert.ok(d.related.length >= 6);
    assert.equal(d.fixes[0].safe, true);
    assert.deepEqual(ids(fixed(text, 'sum-row')), []);
  });
  test('a wrong addend: blamed alone, not its row and column sums', () => {
    const text = edit(
      ex,
      '| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |',
      '| （一）予以公开 | 5 | 0 | 0 | 0 | 0 | 0 | 4 |',
    );
    const d = only(text, 'sum-row');
    assert.equal(covered(text, d), '5');
    assert.match(d.message, /应为 4/);
  });
  test('a wrong （七）总计: one diagnostic on it', () => {
    const text = edit(ex, '| （七）总计 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |', '| （七）总计 | 6 | 0 | 0 | 0 | 0 | 0 | 7 |');
    const ds = check(text);
    assert.equal(ds.length, 1);
    assert.ok(['sum-row', 'sum-results'].includes(ds[0].rule));
    assert.equal(covered(text, ds[0]), '7');
  });
  test('（七）总计 written wrong with its row total (5 and 5 for 6 and 6): one diagnostic, its fix sets both', () => {
    const text = edit(ex, '| （七）总计 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |', '| （七）总计 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |');
    const d = only(text, 'sum-results');
    assert.deepEqual(
      d.fixes[0].edits.map((e) => e.newText),
      ['6', '6'],
    );
    assert.deepEqual(ids(fixed(text, 'sum-results')), []);
  });
  test('results that do not add up to （七）总计 in one column', () => {
    const text = edit(
      edit(ex, '| （七）总计 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |', '| （七）总计 | 6 | 1 | 0 | 0 | 0 | 0 | 7 |'),
      '| 一、本年新收政府信息公开申请数量 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |',
      '| 一、本年新收政府信息公开申请数量 | 6 | 1 | 0 | 0 | 0 | 0 | 7 |',
    );
    const d = only(text, 'sum-results');
    assert.match(d.message, /应为 0/);
  });
  test('balance: 一 + 二 ≠ （七） + 四, offered as a choice only', () => {
    const text = edit(
      ex,
      '| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
      '| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 2 | 0 | 2 |',
    );
    // the 总计 column mirrors the 法律服务机构 column: one diagnostic, on the column that is off
    const d = only(text, 'balance');
    assert.match(d.message, /法律服务机构/);
    assert.equal(d.fixes[0].safe, false);
    assert.equal(d.fixes[0].edits[0].newText, '2');
  });
  test('sum-review on table 四', () => {
    const text = edit(ex, REVIEW_ROW, '| 行政复议 | 0 | 1 | 0 | 0 | 2 |');
    const d = only(text, 'sum-review');
    assert.match(d.message, /应为 1/);
  });
  test('a sum with an empty cell is not checked: the empty cell speaks alone', () => {
    const text = edit(ex, '| （七）总计 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |', '| （七）总计 | 6 | 0 | 0 | 0 | 0 | 0 |  |');
    only(text, 'cell-empty');
  });
});

describe('format', () => {
  test('the 2019 （六）其他处理 row in a 2021 report', () => {
    const start = ex.indexOf('| （六）其他处理 |');
    const end = ex.indexOf('| （七）总计 |');
    const text = ex.slice(0, start) + '| （六）其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n' + ex.slice(end);
    const d = only(text, 'format-mismatch');
    assert.match(d.message, /2019/);
    assert.deepEqual(ids(fixed(text, 'format-mismatch')), []);
  });
  test('two sub-items of （六） deleted: rows missing, not a table of the other format', () => {
    const text = ex
      .split('\n')
      .filter((l) => !/^\| [12]\.申请人/.test(l))
      .join('\n');
    const d = only(text, 'row-missing');
    assert.match(d.message, /2 行/);
  });
  test('a declared format that does not fit the year', () => {
    const text = edit(ex, '格式: 2021', '格式: 2019');
    assert.ok(ids(text).includes('format-mismatch'));
  });
});

describe('silencing', () => {
  test('disable-next-line and disable/enable', () => {
    const wrong = edit(ex, '| 行政许可 | 3984 |', '| 行政许可 | 约四千 |');
    assert.deepEqual(
      ids(
        edit(wrong, '| 行政许可 | 约四千 |', '<!-- xxgk-disable-next-line cell-invalid -->\n| 行政许可 | 约四千 |'),
      ).filter((r) => r === 'cell-invalid'),
      [],
    );
    const block = edit(wrong, '| 第二十条第（五）项', '<!-- xxgk-disable cell-invalid -->\n\n| 第二十条第（五）项');
    assert.deepEqual(ids(block), []);
  });
  test('severity overrides and off', () => {
    const wrong = edit(ex, '| 行政许可 | 3984 |', '| 行政许可 | 约四千 |');
    assert.deepEqual(ids(wrong, { severities: { 'cell-invalid': 'off' } }), []);
    assert.equal(check(wrong, { severities: { 'cell-invalid': 'warning' } })[0].severity, 'warning');
  });
  test('English messages with the en locale', () => {
    const wrong = edit(ex, '| 行政许可 | 3984 |', '| 行政许可 | 约四千 |');
    assert.match(check(wrong, { locale: 'en' })[0].message, /must be a number/);
  });
});

describe('positions', () => {
  test('ranges are UTF-16 LSP positions on the cell', () => {
    const text = edit(ex, '| 行政许可 | 3984 |', '| 行政许可 | 约四千 |');
    const d = check(text)[0];
    const line = text.split('\n')[d.range.start.line];
    assert.equal(line.slice(d.range.start.character, d.range.end.character), '约四千');
  });
  test('CRLF documents give the same diagnostics on the same lines', () => {
    const text = edit(ex, '| 行政许可 | 3984 |', '| 行政许可 | 约四千 |');
    const a = check(text)[0];
    const b = check(text.replace(/\n/g, '\r\n'))[0];
    assert.deepEqual(a.range, b.range);
  });
});
