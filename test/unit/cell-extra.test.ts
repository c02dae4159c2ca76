/**
 * cell-extra: a row with more cells than its header. Empty extra cells are removed by a safe fix
 * (fix-all); extra cells with content are named, with no fix; a header missing official columns
 * is column-missing's, not every row's; the example report draws none.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/engine/fixes';
import { fixAll } from '../../server/src/engine/fixes';
import { EXAMPLE, check, covered, edit, ids } from '../helpers/fixtures';

const ROW = '| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |';

describe('cell-extra', () => {
  test('a correct report draws none', () => {
    assert.ok(!ids(EXAMPLE()).includes('cell-extra'));
  });
  test('empty cells past the header: one warning on them, a safe fix removes them', () => {
    const text = edit(EXAMPLE(), ROW, `${ROW}  |  |`);
    const ds = check(text).filter((d) => d.rule === 'cell-extra');
    assert.equal(ds.length, 1);
    assert.equal(ds[0].severity, 'warning');
    assert.match(ds[0].message, /此行有 10 个单元格，而.*表头只有 8 列：多出 2 个空单元格/);
    assert.equal(ds[0].fixes.length, 1);
    assert.equal(ds[0].fixes[0].safe, true);
    const fixed = applyEdits(text, ds[0].fixes[0].edits);
    assert.equal(fixed, EXAMPLE());
    assert.equal(fixAll(text), EXAMPLE());
  });
  test('a figure past the header is named, with no fix', () => {
    const text = edit(EXAMPLE(), ROW, `${ROW} 7 |`);
    const ds = check(text).filter((d) => d.rule === 'cell-extra');
    assert.equal(ds.length, 1);
    assert.equal(covered(text, ds[0]), '7');
    assert.match(ds[0].message, /多出的 “7” 不会显示/);
    assert.deepEqual(ds[0].fixes, []);
  });
  test('a header short of an official column is column-missing alone', () => {
    const text = EXAMPLE()
      .replace('| 法律服务机构 | 其他 | 总计 |', '| 法律服务机构 | 总计 |')
      .replace('| --- | --: | --: | --: | --: | --: | --: | --: |', '| --- | --: | --: | --: | --: | --: | --: |');
    const got = ids(text);
    assert.ok(got.includes('column-missing'), got.join(', '));
    assert.ok(!got.includes('cell-extra'), got.join(', '));
  });
  test('outside the statistics tables too: Markdown drops the cell everywhere', () => {
    const text = edit(
      EXAMPLE(),
      '## 六、其他需要报告的事项\n',
      '## 六、其他需要报告的事项\n\n| 项目 | 数量 |\n| --- | --- |\n| 会议 | 3 | |\n',
    );
    const ds = check(text).filter((d) => d.rule === 'cell-extra');
    assert.equal(ds.length, 1);
    assert.ok(!applyEdits(text, ds[0].fixes[0].edits).includes('| 会议 | 3 | |'));
  });
});
