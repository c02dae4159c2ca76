/**
 * Import of a web page and of a Word document whose tables use the official printed layout:
 * merged header cells (申请人情况 over 自然人 / 法人或其他组织 / 总计, 法人或其他组织 over its five
 * columns), group labels spanning rows (三、本年度办理结果 over 22 rows, （三）不予公开 over 8),
 * the four blocks of 二 in one table under caption rows, and table 四 as one row of 15 numbers.
 * The Word file is generated here with the `docx` library (vMerge / gridSpan), read back by
 * mammoth. Columns are found by the headers above them on the grid, not by counting cells.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importReport, importKindOf } from '../../server/src/importers/index';
import { linesFromHtml } from '../../server/src/importers/html';
import { checkText } from '../../server/src/engine/check';
import { ROOT, EXAMPLE, NOW, edit } from '../helpers/fixtures';
import { officialDocx, reportOf, htmlTable, sectionThree, tablesOf } from '../fixtures/import/official-layout';

const html = (): Buffer => readFileSync(join(ROOT, 'test', 'fixtures', 'import', 'xisaishan-2022.html'));

describe('HTML (a saved web page with the official table layout)', async () => {
  const { markdown, summary } = await importReport(html(), 'html', { sourceName: 'xisaishan-2022.html' });

  test('every table equals the source', () => {
    assert.deepEqual(tablesOf(markdown), tablesOf(EXAMPLE()));
    assert.equal(summary.cellsRead, summary.cellsExpected);
    assert.deepEqual(summary.unplaced, []);
  });

  test('title from the page’s h1, scripts and styles dropped, sections and sub-headings found', () => {
    assert.match(markdown, /^# 西塞山区2022年政府信息公开工作年度报告$/m);
    assert.doesNotMatch(markdown, /_hmt|border:1px/);
    assert.deepEqual(summary.sections, ['一', '二', '三', '四', '五', '六']);
    assert.match(markdown, /^### （五）监督保障$/m);
  });

  test('the draft has no error and no warning', () => {
    const ds = checkText(markdown, { now: NOW }).diagnostics.filter(
      (d) => d.severity === 'error' || d.severity === 'warning',
    );
    assert.deepEqual(
      ds.map((d) => `${d.rule}: ${d.message}`),
      [],
    );
  });

  test('merged cells keep the grid: a number sits under the header above it', () => {
    const lines = linesFromHtml(htmlTable(sectionThree(reportOf(EXAMPLE()))));
    const header = lines[2].cells.map((c) => [c.text, c.col]);
    assert.deepEqual(header, [
      ['商业企业', 4],
      ['科研机构', 5],
      ['社会公益组织', 6],
      ['法律服务机构', 7],
      ['其他', 8],
    ]);
    const open = lines.find((l) => l.cells.some((c) => c.text === '（一）予以公开'))!;
    assert.deepEqual(
      open.cells.map((c) => c.col),
      [0, 1, 3, 4, 5, 6, 7, 8, 9],
    );
  });

  test('a row with a cell left blank keeps the others in their columns (not shifted left)', async () => {
    const page = edit(
      html().toString('utf8'),
      '<td colspan="2"><p>（一）予以公开</p></td><td><p>4</p></td>',
      '<td colspan="2"><p>（一）予以公开</p></td><td><p></p></td>',
    );
    const r = await importReport(Buffer.from(page), 'html');
    assert.deepEqual(tablesOf(r.markdown).applications['（一）予以公开'], ['', '0', '0', '0', '0', '0', '4']);
    const ds = checkText(r.markdown, { now: NOW }).diagnostics;
    const blank = ds.find((d) => d.rule === 'cell-empty');
    assert.match(blank!.message, /（一）予以公开 \/ 自然人.*应为 4/);
  });
});

describe('HTML: pages as sites really build them', () => {
  test('an article wrapped in a layout table is read as blocks, its data tables still as grids', async () => {
    const page = html()
      .toString('utf8')
      .replace('<div class="article">', '<table class="layout"><tr><td>')
      .replace('<div class="footer">', '</td></tr></table><div class="footer">');
    const r = await importReport(Buffer.from(page), 'html');
    assert.deepEqual(r.summary.sections, ['一', '二', '三', '四', '五', '六']);
    assert.deepEqual(tablesOf(r.markdown), tablesOf(EXAMPLE()));
  });

  test('broken or hostile markup never throws', async () => {
    const inputs = [
      '<table><tr><td rowspan="99999" colspan="-3">1</td><td colspan="abc">2</td></tr></table>',
      '<div>'.repeat(2000) + '一、总体情况' + '</div>'.repeat(10),
      '<p>二、主动公开政府信息情况</p><table><tr><td>第二十条第（一）项</td></tr><tr><td>规章</td><td>x</td><td></td></tr></table>',
      '<<<>>>&&&<td>',
      '',
    ];
    for (const i of inputs) {
      const r = await importReport(Buffer.from(i), 'html');
      assert.equal(typeof r.markdown, 'string');
    }
    await assert.rejects(importReport(Buffer.from([0x3c, 0x70, 0, 1]), 'html'), /二进制/);
    // nesting too deep for the HTML parser: read crudely, still found
    const deep = await importReport(
      Buffer.from('<div>'.repeat(20000) + '<p>一、总体情况</p><p>本年度工作情况良好。</p>'),
      'html',
    );
    assert.deepEqual(deep.summary.sections, ['一']);
  });
});

describe('Word (.docx generated with merged cells)', async () => {
  const prose: Record<string, string[]> = {
    一: [
      '（一）主动公开',
      '2022年，我区公开发布信息5191条，全面推动政务公开标准化建设。',
      '（二）依申请公开',
      '全年通过电子邮箱收到群众向西塞山区政府申请公开信息5人6次。',
      '（三）政府信息管理',
      '严格按照省、市和区级主管部门要求管理政府信息。',
      '（四）政府信息公开平台建设',
      '一是扩大政企技术合作。二是优化网站数据建设。',
      '（五）监督保障',
      '将政务公开纳入年度考核。2022年度政府信息公开工作社会评议方面结果良好，无责任追究情况发生。',
    ],
    五: ['成员单位重视不够；专业技术人员缺乏；运维支撑经费不足。下一步将优化技术合作内容，强化业务知识学习。'],
    六: ['本年度未收取信息处理费。'],
  };
  const docx = await officialDocx(reportOf(EXAMPLE()), '西塞山区2022年政府信息公开工作年度报告', prose);
  const { markdown, summary } = await importReport(docx, 'docx', { sourceName: 'report.docx' });

  test('the generated file really has merged cells (gridSpan and vMerge)', async () => {
    const { unzipSync, strFromU8 } = await import('fflate');
    const xml = strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml']);
    assert.match(xml, /<w:gridSpan w:val="7"\/>/);
    assert.match(xml, /<w:vMerge w:val="restart"\/>/);
  });

  test('every table equals the source', () => {
    assert.deepEqual(tablesOf(markdown), tablesOf(EXAMPLE()));
    assert.equal(summary.cellsRead, 200);
    assert.equal(summary.cellsExpected, 200);
  });

  test('title, 机关 and 年度 from the title; prose and sub-headings kept', () => {
    assert.equal(summary.agency, '西塞山区');
    assert.equal(summary.year, 2022);
    assert.match(markdown, /^### （三）政府信息管理$/m);
    assert.match(markdown, /^本年度未收取信息处理费。$/m);
    const ds = checkText(markdown, { now: NOW }).diagnostics.filter((d) => d.severity === 'error');
    assert.deepEqual(
      ds.map((d) => d.message),
      [],
    );
  });

  test('not a Word file: a clear message', async () => {
    await assert.rejects(importReport(Buffer.from('plain text'), 'docx'), /不是 Word \.docx 文件/);
    await assert.rejects(importReport(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'docx'), /\.doc/);
    await assert.rejects(
      importReport(Buffer.from('PK\u0003\u0004broken'), 'docx'),
      /Word 文件已损坏|无法读取 Word 文件/,
    );
  });
});

describe('file kinds', () => {
  test('by extension, with advice for what cannot be read directly', () => {
    assert.equal(importKindOf('a.DOCX'), 'docx');
    assert.equal(importKindOf('a.htm'), 'html');
    assert.equal(importKindOf('报告.txt'), 'text');
    assert.equal(importKindOf('a.PDF'), 'pdf');
    assert.match((importKindOf('a.doc') as { error: Error }).error.message, /\.docx/);
    assert.match((importKindOf('a.xlsx') as { error: Error }).error.message, /不支持/);
  });
});
