import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { checkText } from '../../server/src/engine/check';
import { applyEdits, fixAll, safeEdits } from '../../server/src/engine/fixes';
import { diffEdits } from '../../server/src/features/edit-util';
import { applyEdits as applySpanEdits } from '../../server/src/engine/text';

const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
const NOW = new Date('2023-06-01T00:00:00Z');

/** The mixed fixture: the clean example with a dozen defects, some mechanical, some not. */
const MIXED = 'fixall-mixed-2022.xxgk.md';

test('the mixed report has a dozen defects, of both kinds', () => {
  const ds = checkText(fixture(MIXED), { now: NOW }).diagnostics;
  const rules = new Set(ds.map((d) => d.rule));
  for (const r of [
    'section-heading',
    'section-missing',
    'label-variant',
    'cell-invalid',
    'row-missing',
    'sum-row',
    'sum-review',
    'balance',
    'cell-empty',
    'overview-topic',
  ]) {
    assert.ok(rules.has(r), `expected a ${r} diagnostic`);
  }
  assert.ok(ds.length >= 12, `${ds.length} diagnostics`);
  assert.ok(ds.some((d) => d.fixes.some((f) => f.safe)));
  assert.ok(ds.some((d) => d.fixes.length > 0 && d.fixes.every((f) => !f.safe)));
});

test('fix-all applies every safe fix and leaves only what needs a person’s judgement', () => {
  const fixed = fixAll(fixture(MIXED), { now: NOW });
  const ds = checkText(fixed, { now: NOW }).diagnostics;
  // nothing left that fix-all could have done
  for (const d of ds)
    assert.ok(
      d.fixes.every((f) => !f.safe),
      `${d.rule} still has a safe fix: ${d.message}`,
    );
  const rules = new Set(ds.map((d) => d.rule));
  for (const gone of [
    'section-heading',
    'section-missing',
    'label-variant',
    'cell-invalid',
    'row-missing',
    'sum-row',
    'sum-review',
  ]) {
    assert.ok(!rules.has(gone), `${gone} should be fixed`);
  }
  // unknowable values are not guessed: the balance, the blank cells and the missing topic stay
  for (const kept of ['balance', 'cell-empty', 'overview-topic'])
    assert.ok(rules.has(kept), `${kept} needs judgement and must stay`);
  assert.ok(fixed.includes('| 四、结转下年度继续办理 | 0 |'), 'the balance target is not rewritten');
  assert.ok(fixed.includes('| 行政强制 | — |'), 'a blank marker is not turned into 0');
  // what the safe fixes wrote
  assert.ok(fixed.includes('| 行政许可 | 3984 |'));
  assert.ok(fixed.includes('| 行政处罚 | 8032 |'));
  assert.ok(fixed.includes('| 本年废止件数 |'));
  assert.ok(fixed.includes('## 五、存在的主要问题及改进情况'));
  assert.ok(fixed.includes('| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |'));
  assert.ok(fixed.includes('| 行政复议 | 0 | 1 | 0 | 0 | 1 |'));
  assert.match(fixed, /\| 1\.信访举报投诉类申请 [^\n]*\n\| 2\.重复申请 \|[^\n]*\n\| 3\.要求提供公开出版物 /);
  assert.match(fixed, /## 六、其他需要报告的事项\n$/);
});

test('fix-all is idempotent', () => {
  const once = fixAll(fixture(MIXED), { now: NOW });
  assert.equal(fixAll(once, { now: NOW }), once);
  assert.deepEqual(safeEdits(checkText(once, { now: NOW }).diagnostics), []);
  const seed = fixture('seed001-2020.xxgk.md');
  const s1 = fixAll(seed, { now: NOW });
  assert.equal(fixAll(s1, { now: NOW }), s1);
});

test('fix-all changes nothing in a clean report', () => {
  const example = fixture('example-2022.xxgk.md');
  assert.equal(fixAll(example, { now: NOW }), example);
});

test('fix-all keeps CRLF line breaks', () => {
  const crlf = fixture(MIXED).replace(/\n/g, '\r\n');
  const fixed = fixAll(crlf, { now: NOW });
  assert.ok(!/[^\r]\n/.test(fixed), 'a bare LF crept in');
  assert.equal(fixAll(fixed, { now: NOW }), fixed);
});

test('fix-all respects rules turned off', () => {
  const fixed = fixAll(fixture(MIXED), { now: NOW, severities: { 'cell-invalid': 'off' } });
  assert.ok(fixed.includes('| 行政许可 | ３９８４ |'));
  assert.ok(fixed.includes('| 行政复议 | 0 | 1 | 0 | 0 | 1 |'));
});

test('the person’s choices, then fix-all again, leave a report without errors', () => {
  let text = fixAll(fixture(MIXED), { now: NOW });
  for (let round = 0; round < 5; round++) {
    const ds = checkText(text, { now: NOW }).diagnostics.filter((d) => d.rule === 'cell-empty' || d.rule === 'balance');
    const edits = ds.flatMap((d) =>
      d.fixes[0] ? d.fixes[0].edits.map((e) => ({ span: e.span, newText: e.newText })) : [],
    );
    if (edits.length === 0) break;
    text = applyEdits(text, edits);
  }
  // a chosen figure can make a total computable: the next fix-all sets it
  text = fixAll(text, { now: NOW });
  const errors = checkText(text, { now: NOW }).diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(
    errors.map((d) => `${d.rule}: ${d.message}`),
    [],
  );
});

test('diffEdits turns one text into another with small edits', () => {
  const a = 'a\nb\nc\nd\n';
  const b = 'a\nB\nc\nd\ne\n';
  const edits = diffEdits(a, b);
  assert.equal(applySpanEdits(a, edits), b);
  assert.deepEqual(edits, [
    { span: { start: 2, end: 3 }, newText: 'B' },
    { span: { start: 8, end: 8 }, newText: 'e\n' },
  ]);
  assert.deepEqual(diffEdits(a, a), []);
});

test('property: diffEdits(a, b) applied to a gives b, with ordered non-overlapping edits', () => {
  const line = fc.constantFrom(
    '| 规章 | 0 |',
    '| 行政许可 | 3984 |',
    '',
    '## 六、其他需要报告的事项',
    'x',
    'y\r',
    '😀 表',
  );
  const text = fc
    .array(line, { maxLength: 12 })
    .chain((ls) => fc.boolean().map((end) => ls.join('\n') + (end ? '\n' : '')));
  fc.assert(
    fc.property(text, text, (a, b) => {
      const edits = diffEdits(a, b);
      assert.equal(applySpanEdits(a, edits), b);
      for (let i = 1; i < edits.length; i++) assert.ok(edits[i].span.start >= edits[i - 1].span.end);
    }),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
  );
});
