/**
 * The inputs the property tests found wrong, kept as fixed examples (they run in `npm test`
 * whatever the seed): each once broke a property of the engine or of a fix.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText } from '../../server/src/engine/check';
import { applyEdits, fixAll } from '../../server/src/engine/fixes';
import { IncrementalChecker } from '../../server/src/engine/incremental';
import { EXAMPLE, fixture, NOW } from '../helpers/fixtures';
import { assertNoFailure, assertRangesInside } from './checks';

test('a leading byte-order mark is counted in every offset', () => {
  const seed = fixture('seed001-2020.xxgk.md');
  const plain = checkText(seed, { now: NOW }).diagnostics;
  const withBom = '\ufeff' + seed;
  for (const incremental of [true, false]) {
    const bom = checkText(withBom, { now: NOW, incremental }).diagnostics;
    assert.deepEqual(
      bom.map((d) => [d.rule, d.span.start - 1, d.span.end - 1]),
      plain.map((d) => [d.rule, d.span.start, d.span.end]),
    );
    for (const d of bom)
      assert.equal(withBom.slice(d.span.start, d.span.end), seed.slice(d.span.start - 1, d.span.end - 1));
    assertRangesInside(withBom, bom);
  }
});

test('a lone CR inside a table row is a line break for the line scan as for the parser', () => {
  const text = EXAMPLE().replace('| 行政处罚 | 8032 |', '| 行\r政处罚 | 8032 |');
  const full = checkText(text, { now: NOW, incremental: false }).diagnostics;
  assert.deepStrictEqual(checkText(text, { now: NOW }).diagnostics, full);
  const inc = new IncrementalChecker();
  inc.check(EXAMPLE(), { now: NOW });
  assert.deepStrictEqual(inc.check(text, { now: NOW }).diagnostics, full);
  assert.ok(
    full.some((d) => d.rule === 'row-unknown'),
    'the broken row is seen',
  );
});

test('a cell missing from a short row is written in its own column', () => {
  const text = EXAMPLE().replace('| 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '| 1.属于国家秘密 | 0 | 0 |');
  const ds = checkText(text, { now: NOW }).diagnostics;
  const ngo = ds.find((d) => d.rule === 'cell-empty' && d.fingerprint.includes('/secret/ngo/'));
  assert.ok(ngo, 'the missing 社会公益组织 cell is reported');
  const fixed = applyEdits(text, ngo.fixes[0].edits);
  assert.match(fixed, /\| 1\.属于国家秘密 \| 0 \| 0 \| +\| 0 \|\n/);
  assert.ok(!checkText(fixed, { now: NOW }).diagnostics.some((d) => d.fingerprint === ngo.fingerprint));
  // all the missing cells at once (fix-all of the row) land in their columns too
  const row = ds.filter((d) => d.rule === 'cell-empty' && d.fingerprint.includes('/secret/'));
  const all = applyEdits(
    text,
    row.flatMap((d) => d.fixes[0].edits),
  );
  assert.notEqual(all, text);
});

test('no fix inserts into a comment or code block left open at the end', () => {
  for (const opener of ['<!--\n', '```\n', '~~~~\n', '<script>\n']) {
    const example = EXAMPLE();
    const text = example.slice(0, example.indexOf('## 三')) + opener + example.slice(example.indexOf('## 三'));
    const ds = checkText(text, { now: NOW }).diagnostics;
    assertNoFailure(text, ds);
    const missing = ds.filter((d) => d.rule === 'section-missing');
    assert.ok(missing.length > 0, `${JSON.stringify(opener)}: the swallowed sections are missing`);
    for (const d of missing) assert.deepEqual(d.fixes, [], `${JSON.stringify(opener)}: ${d.message}`);
    const once = fixAll(text, { now: NOW });
    assert.equal(fixAll(once, { now: NOW }), once, `${JSON.stringify(opener)}: fix-all is idempotent`);
  }
});

test('fix-all of an empty file inserts the six sections and is idempotent', () => {
  const once = fixAll('', { now: NOW });
  for (const n of ['一', '二', '三', '四', '五', '六']) assert.match(once, new RegExp(`^## ${n}、`, 'm'));
  assert.equal(fixAll(once, { now: NOW }), once);
});

test('a byte-order mark before front matter that holds a heading-like line: incremental equals full', () => {
  const example = EXAMPLE();
  const text = '\ufeff' + example.replace('---\n机关', '---\n## 七、其他事项\n机关');
  const full = checkText(text, { now: NOW, incremental: false }).diagnostics;
  assert.deepStrictEqual(checkText(text, { now: NOW }).diagnostics, full);
  const inc = new IncrementalChecker();
  inc.check(example, { now: NOW });
  assert.deepStrictEqual(inc.check(text, { now: NOW }).diagnostics, full);
});

test('the blank line a note under a table needs is a blank line in a document of lone CRs too', () => {
  const text = EXAMPLE().replace(/\n/g, '\r').replace('| 规章 |', '注：单位为件\n| 规章 |');
  const ds = checkText(text, { now: NOW }).diagnostics;
  const note = ds.find((d) => d.rule === 'row-unknown' && d.fingerprint.includes('/note/'));
  assert.ok(note, JSON.stringify(ds.map((d) => d.fingerprint)));
  const fixed = applyEdits(text, note.fixes[0].edits);
  assert.ok(!checkText(fixed, { now: NOW }).diagnostics.some((d) => d.fingerprint === note.fingerprint));
});
