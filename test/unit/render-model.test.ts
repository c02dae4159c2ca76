/**
 * The render model: the statistics tables in the official layout of the published form (merged
 * header and row-label cells), cells that point back to the source, diagnostics on the cells they
 * sit on, and no failure on malformed input.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildRenderModel, type RCell, type RenderDocument, type RTable } from '../../server/src/render/model';
import { BALANCE_NOTE } from '../../server/src/render/tables';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EXAMPLE, NOW, ROOT, edit, fixture } from '../helpers/fixtures';

function model(text: string, diagnostics = false): RenderDocument {
  return buildRenderModel(text, { diagnostics, check: { now: NOW } });
}
function tables(m: RenderDocument): RTable[] {
  return m.blocks.flatMap((b) => (b.type === 'table' ? [b.table] : []));
}
function table(m: RenderDocument, layout: RTable['layout']): RTable {
  const t = tables(m).find((x) => x.layout === layout);
  assert.ok(t, `no ${layout} table`);
  return t;
}
function find(t: RTable, text: string): RCell {
  for (const r of t.rows) for (const c of r.cells) if (c.text === text) return c;
  assert.fail(`no cell “${text}”`);
}
function rowOf(t: RTable, label: string): RCell[] {
  const r = t.rows.find((x) => x.cells.some((c) => c.text === label));
  assert.ok(r, `no row “${label}”`);
  return r.cells;
}

/** Every grid position is covered exactly once, counting row and column spans. */
function assertGrid(t: RTable): void {
  const covered: number[][] = t.rows.map(() => Array(t.columns).fill(0));
  t.rows.forEach((r, i) => {
    let col = 0;
    for (const c of r.cells) {
      while (col < t.columns && covered[i][col] > 0) col++;
      assert.ok(col + c.colSpan <= t.columns, `row ${i}: cell “${c.text}” overflows the ${t.columns} columns`);
      assert.ok(i + c.rowSpan <= t.rows.length, `row ${i}: cell “${c.text}” spans past the table`);
      for (let y = i; y < i + c.rowSpan; y++) for (let x = col; x < col + c.colSpan; x++) covered[y][x]++;
      col += c.colSpan;
    }
  });
  covered.forEach((row, i) =>
    assert.deepEqual(row, Array(t.columns).fill(1), `row ${i} of the ${t.layout} table does not cover the grid once`),
  );
  assert.equal(t.widths.length, t.columns);
}

describe('section 二: the 第二十条 tables as one table of blocks', () => {
  const t = table(model(EXAMPLE()), 'art20');
  test('four consecutive tables become one table of four columns', () => {
    assert.equal(tables(model(EXAMPLE())).filter((x) => x.layout === 'art20').length, 1);
    assert.equal(t.columns, 4);
    assertGrid(t);
  });
  test('each block has a caption row across the full width and a 信息内容 header', () => {
    for (const key of ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']) {
      const c = find(t, key);
      assert.equal(c.role, 'caption');
      assert.equal(c.colSpan, 4);
    }
    const heads = t.rows.filter((r) => r.cells[0]?.text === '信息内容');
    assert.equal(heads.length, 4);
  });
  test('a block with one column spans it over the three data columns', () => {
    assert.deepEqual(
      rowOf(t, '行政许可').map((c) => [c.text, c.colSpan]),
      [
        ['行政许可', 1],
        ['3984', 3],
      ],
    );
    assert.equal(find(t, '本年收费金额（单位：万元）').colSpan, 3);
    assert.deepEqual(
      rowOf(t, '行政规范性文件').map((c) => c.text),
      ['行政规范性文件', '7', '4', '32'],
    );
  });
  test('a table with prose between it and the next stays a table of its own', () => {
    const text = edit(EXAMPLE(), '| 第二十条第（五）项 |', '说明文字。\n\n| 第二十条第（五）项 |');
    const art = tables(model(text)).filter((x) => x.layout === 'art20');
    assert.equal(art.length, 2);
    for (const a of art) assertGrid(a);
  });
});

describe('section 三: the two-level header and merged row labels', () => {
  const t = table(model(EXAMPLE()), 'applications');
  test('the grid is 3 label columns + 7 applicant columns, covered once', () => {
    assert.equal(t.columns, 10);
    assertGrid(t);
  });
  test('the printed 勾稽关系 note heads the label columns', () => {
    const note = t.rows[0].cells[0];
    assert.equal(note.role, 'note');
    assert.equal(note.text, BALANCE_NOTE);
    assert.match(note.text, /本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和/);
    assert.deepEqual([note.colSpan, note.rowSpan], [3, 3]);
  });
  test('申请人情况 → 自然人 | 法人或其他组织 → five kinds | 总计', () => {
    assert.deepEqual(
      t.rows.slice(0, 3).map((r) => r.head),
      [true, true, true],
    );
    assert.deepEqual(t.rows[0].cells.map((c) => [c.text, c.colSpan, c.rowSpan]).slice(1), [['申请人情况', 7, 1]]);
    assert.deepEqual(
      t.rows[1].cells.map((c) => [c.text, c.colSpan, c.rowSpan]),
      [
        ['自然人', 1, 2],
        ['法人或其他组织', 5, 1],
        ['总计', 1, 2],
      ],
    );
    assert.deepEqual(
      t.rows[2].cells.map((c) => c.text),
      ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
    );
  });
  test('三、本年度办理结果 spans its 22 items; （三）（四）（五）（六） span their reasons', () => {
    const results = find(t, '三、本年度办理结果');
    assert.equal(results.role, 'group');
    assert.equal(results.rowSpan, 22);
    assert.equal(find(t, '（三）不予公开').rowSpan, 8);
    assert.equal(find(t, '（四）无法提供').rowSpan, 3);
    assert.equal(find(t, '（五）不予处理').rowSpan, 5);
    assert.equal(find(t, '（六）其他处理').rowSpan, 3);
  });
  test('labels span the label columns left to them', () => {
    assert.equal(find(t, '一、本年新收政府信息公开申请数量').colSpan, 3);
    assert.equal(find(t, '四、结转下年度继续办理').colSpan, 3);
    assert.equal(find(t, '（一）予以公开').colSpan, 2);
    assert.equal(find(t, '（七）总计').colSpan, 2);
    assert.equal(find(t, '1.属于国家秘密').colSpan, 1);
  });
  test('the row of 三、本年度办理结果 starts with the group cell, then （一）予以公开 and its numbers', () => {
    const cells = rowOf(t, '（一）予以公开');
    assert.deepEqual(
      cells.map((c) => c.text),
      ['三、本年度办理结果', '（一）予以公开', '4', '0', '0', '0', '0', '0', '4'],
    );
  });
  test('group rows left out of the source are still merged, with the official labels', () => {
    let text = EXAMPLE();
    for (const g of ['三、本年度办理结果', '（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理'])
      text = edit(text, `| ${g} | | | | | | | |\n`, '');
    const u = table(model(text), 'applications');
    assertGrid(u);
    assert.equal(find(u, '三、本年度办理结果').rowSpan, 22);
    assert.equal(find(u, '（三）不予公开').rowSpan, 8);
    assert.equal(find(u, '三、本年度办理结果').at, undefined, 'a group cell the layout adds has no source position');
  });
  test('2019 format: （六）其他处理 is a row of its own and 三 spans 20 rows', () => {
    const s = table(model(fixture('seed001-2020.xxgk.md')), 'applications');
    assertGrid(s);
    assert.equal(find(s, '三、本年度办理结果').rowSpan, 20);
    const other = rowOf(s, '（六）其他处理');
    assert.equal(other.find((c) => c.text === '（六）其他处理')!.colSpan, 2);
  });
  test('columns written in another order: laid out as written, still a valid grid', () => {
    const text = edit(EXAMPLE(), '| 申请人情况 | 自然人 | 商业企业 |', '| 申请人情况 | 商业企业 | 自然人 |');
    const u = table(model(text), 'applications');
    assertGrid(u);
    assert.equal(u.rows.filter((r) => r.head).length, 1);
  });
  test('a misplaced row splits a group into two runs without breaking the grid', () => {
    const text = edit(EXAMPLE(), '| 2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n', '').replace(
      '| （七）总计 |',
      '| 2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n| （七）总计 |',
    );
    const u = table(model(text), 'applications');
    assertGrid(u);
  });
});

describe('section 四: one row of fifteen numbers', () => {
  const t = table(model(EXAMPLE()), 'review');
  test('行政复议 (5) | 行政诉讼 (10) → 未经复议直接起诉 (5) | 复议后起诉 (5)', () => {
    assert.equal(t.columns, 15);
    assertGrid(t);
    assert.deepEqual(
      t.rows[0].cells.map((c) => [c.text, c.colSpan]),
      [
        ['行政复议', 5],
        ['行政诉讼', 10],
      ],
    );
    assert.deepEqual(
      t.rows[1].cells.map((c) => [c.text, c.colSpan, c.rowSpan]),
      [
        ['结果维持', 1, 2],
        ['结果纠正', 1, 2],
        ['其他结果', 1, 2],
        ['尚未审结', 1, 2],
        ['总计', 1, 2],
        ['未经复议直接起诉', 5, 1],
        ['复议后起诉', 5, 1],
      ],
    );
    assert.equal(t.rows[2].cells.length, 10);
  });
  test('the three written rows become one data row in the official order', () => {
    const data = t.rows.filter((r) => !r.head);
    assert.equal(data.length, 1);
    assert.deepEqual(
      data[0].cells.map((c) => c.text),
      ['0', '1', '0', '0', '1', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0'],
    );
  });
  test('a missing row leaves five empty cells, marked missing', () => {
    const text = edit(EXAMPLE(), '| 行政诉讼（复议后起诉） | 0 | 0 | 0 | 0 | 0 |\n', '');
    const u = table(model(text), 'review');
    assertGrid(u);
    const data = u.rows.find((r) => !r.head)!;
    assert.deepEqual(
      data.cells.slice(10).map((c) => c.state),
      ['missing', 'missing', 'missing', 'missing', 'missing'],
    );
  });
});

describe('other tables and prose', () => {
  test('a table in another section is laid out as written, its cells as the reader sees them', () => {
    const text = EXAMPLE() + '\n| 事项 | 件数 |\n| :-- | --: |\n| **建议** | 12 |\n| 提案 \\| 其他 | 3 |\n';
    const m = model(text);
    const t = tables(m).at(-1)!;
    assert.equal(t.layout, 'plain');
    assertGrid(t);
    assert.deepEqual(
      t.rows.map((r) => r.cells.map((c) => c.text)),
      [
        ['事项', '件数'],
        ['建议', '12'],
        ['提案 | 其他', '3'],
      ],
    );
    assert.deepEqual(
      t.rows[1].cells.map((c) => c.align),
      ['left', 'right'],
    );
  });
  test('a table inside a list stays in the list', () => {
    const text = EXAMPLE() + '\n- 附表：\n\n  | a | b |\n  | - | - |\n  | 1 | 2 |\n';
    const m = model(text);
    const last = m.blocks.at(-1)!;
    assert.equal(last.type, 'prose');
    assert.equal(last.type === 'prose' && last.node.type, 'list');
  });
  test('prose keeps its order around the tables', () => {
    const m = model(EXAMPLE());
    const kinds = m.blocks.map((b) => (b.type === 'table' ? `table:${b.table.layout}` : b.type));
    const i2 = kinds.indexOf('table:art20');
    assert.equal(kinds[i2 - 1], 'heading');
    assert.deepEqual(
      kinds.filter((k) => k.startsWith('table')),
      ['table:art20', 'table:applications', 'table:review'],
    );
  });
});

describe('cells point back to the source', () => {
  const text = EXAMPLE();
  const m = model(text);
  test('a number cell knows its line and character', () => {
    const c = find(table(m, 'art20'), '3984');
    const lines = text.split('\n');
    assert.equal(lines[c.at!.line].slice(c.at!.character, c.at!.character + 4), '3984');
  });
  test('the 行政诉讼 headers of 四 point at the rows they stand for', () => {
    const c = find(table(m, 'review'), '复议后起诉');
    assert.match(text.split('\n')[c.at!.line], /^\| 行政诉讼（复议后起诉）/);
  });
  test('blocks carry their first and last line', () => {
    const title = m.blocks.find((b) => b.type === 'title')!;
    assert.equal(text.split('\n')[title.line], '# 西塞山区2022年政府信息公开工作年度报告');
    const applications = m.blocks.find((b) => b.type === 'table' && b.table.layout === 'applications')!;
    assert.match(text.split('\n')[applications.line], /^\| 申请人情况/);
    assert.match(text.split('\n')[applications.endLine], /^\| 四、结转下年度继续办理/);
  });
});

describe('diagnostics sit on the cells', () => {
  test('a wrong total is marked with the sum-row message', () => {
    const text = edit(
      EXAMPLE(),
      '| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |',
      '| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 5 |',
    );
    const t = table(model(text, true), 'applications');
    const row = rowOf(t, '（一）予以公开');
    const total = row[row.length - 1];
    assert.equal(total.text, '5');
    assert.ok(
      total.marks.some((k) => k.rule === 'sum-row' && k.severity === 'error' && /4/.test(k.message)),
      JSON.stringify(total.marks),
    );
  });
  test('an empty cell is marked cell-empty', () => {
    const text = edit(EXAMPLE(), '| 行政强制 | 580 |', '| 行政强制 | |');
    const t = table(model(text, true), 'art20');
    const cell = rowOf(t, '行政强制')[1];
    assert.equal(cell.state, 'empty');
    assert.ok(cell.marks.some((k) => k.rule === 'cell-empty'));
  });
  test('without diagnostics (export), nothing is marked; the counts are still known', () => {
    const text = edit(
      EXAMPLE(),
      '| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |',
      '| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 5 |',
    );
    const m = model(text, false);
    assert.ok(tables(m).every((t) => t.rows.every((r) => r.cells.every((c) => c.marks.length === 0))));
    assert.ok(m.counts.errors > 0);
  });
  test('the clean example draws no mark anywhere', () => {
    const m = model(EXAMPLE(), true);
    assert.deepEqual(m.counts, { errors: 0, warnings: 0, infos: m.counts.infos });
    assert.ok(
      tables(m).every((t) => t.rows.every((r) => r.cells.every((c) => c.marks.every((k) => k.severity === 'info')))),
    );
  });
  test('a finding about the whole document is kept as loose (shown above the preview)', () => {
    const m = model(fixture('seed001-2020.xxgk.md'), true);
    assert.ok(m.loose.some((k) => k.rule === 'section-missing'));
  });
});

describe('malformed input never breaks the model', () => {
  const cases: [string, string][] = [
    ['empty', ''],
    ['front matter only', '---\n机关: x\n年度: 2022\n---\n'],
    ['broken front matter', '---\n机关: [\n---\n# 标题\n'],
    ['a table with no rows', '## 三、收到和处理政府信息公开申请情况\n\n| 申请人情况 | 自然人 |\n| --- | --- |\n'],
    [
      'ragged rows',
      '## 四、政府信息公开行政复议、行政诉讼情况\n\n| 类别 | 结果维持 |\n| --- | --- |\n| 行政复议 | 1 | 2 | 3 |\n| 行政诉讼（复议后起诉） |\n',
    ],
    ['unclosed HTML', '# t\n\n<div><table><tr><td>x\n\n## 二、主动公开政府信息情况\n'],
    [
      'group rows only',
      '## 三、收到和处理政府信息公开申请情况\n\n| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n| 三、本年度办理结果 | | | | | | | |\n| （三）不予公开 | | | | | | | |\n',
    ],
  ];
  for (const [name, text] of cases) {
    test(name, () => {
      const m = model(text, true);
      for (const t of tables(m)) assertGrid(t);
    });
  }
  test('every report fixture renders to valid grids', () => {
    const base = join(ROOT, 'test', 'fixtures');
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const e of readdirSync(d)) {
        const p = join(d, e);
        if (statSync(p).isDirectory()) walk(p);
        else if (e.endsWith('.md')) files.push(relative(base, p));
      }
    };
    walk(base);
    assert.ok(files.length >= 2);
    for (const f of files) {
      const m = model(fixture(f), true);
      for (const t of tables(m)) assertGrid(t);
    }
  });
  test('any cut of the example renders to valid grids', () => {
    const text = EXAMPLE();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.length }), fc.integer({ min: 0, max: text.length }), (a, b) => {
        const cut = text.slice(0, Math.min(a, b)) + text.slice(Math.max(a, b));
        const m = model(cut, true);
        for (const t of tables(m)) assertGrid(t);
      }),
      { numRuns: 60 },
    );
  });
});
