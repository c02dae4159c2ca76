/**
 * Issue 14 row 4: the parse budget (engine/parse/neutralize.ts). Texts within the limits whose inline
 * syntax costs micromark the square of their length are checked with correct results: the
 * findings of the report around them are those of the report without them, and the text of a
 * neutralised block reads exactly as written (restored from the source, offsets unchanged).
 * Timing is the bench's business (`npm run bench`: parse budget goal); these tests assert what
 * the user gets, and each has a timeout so that a return of the quadratic cost fails them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { toString } from 'mdast-util-to-string';
import { checkText } from '../../server/src/engine/check';
import { INLINE_BUDGET, neutralize } from '../../server/src/engine/parse/neutralize';
import { parseMarkdown } from '../../server/src/engine/parse';
import { pathologicalTexts } from '../../bench/pathological';
import { EXAMPLE, NOW, edit } from '../helpers/fixtures';

const TIMEOUT = { timeout: 120_000 };
const WRONG = (t: string): string =>
  edit(t, '| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |', '| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 5 |');

test('pathological inline text within the limits: the report’s findings are those without it', TIMEOUT, () => {
  const base = WRONG(EXAMPLE());
  const want = checkText(base, { now: NOW }).diagnostics.filter((d) => d.span.end <= base.length);
  assert.ok(
    want.some((d) => d.severity === 'error'),
    'the wrong total is found',
  );
  for (const [name, text] of Object.entries(pathologicalTexts(base))) {
    assert.ok(neutralize(text), `${name} exceeds the budget`);
    const got = checkText(text, { now: NOW }).diagnostics.filter((d) => d.span.end <= base.length);
    assert.deepEqual(
      got
        .filter((d) => !['section-empty', 'narrative-number', 'fee-statement'].includes(d.rule))
        .map((d) => [d.rule, d.span]),
      want
        .filter((d) => !['section-empty', 'narrative-number', 'fee-statement'].includes(d.rule))
        .map((d) => [d.rule, d.span]),
      name,
    );
    assert.equal(
      checkText(text, { now: NOW, incremental: false }).diagnostics.length,
      checkText(text, { now: NOW }).diagnostics.length,
    );
  }
});

test('a real report is never neutralised', () => {
  assert.equal(neutralize(EXAMPLE()), undefined);
  assert.equal(neutralize(EXAMPLE().repeat(16)), undefined);
});

test('a neutralised block reads exactly as written, in quotes and lists too', TIMEOUT, () => {
  const unit = fc
    .array(fc.constantFrom('*', '_', '`', '<', '~', '@', '&', '[', ']', '!', '\\', '.', ':', 'a', '字', '1', ' '), {
      minLength: 3,
      maxLength: 12,
    })
    .map((xs) => xs.join('').trim() || 'a')
    .filter((s) => !/^[-*_=+#>\d]/.test(s) && !/[\\ ]$/.test(s));
  fc.assert(
    fc.property(unit, fc.constantFrom('', '> ', '- ', '> > '), (u, prefix) => {
      // enough copies of the unit, in one paragraph of several lines, to exceed the budget
      const sig = [...u].filter((c) => '*_`<~@&[]!\\.:'.includes(c)).length || 1;
      const copies = Math.ceil(Math.sqrt(INLINE_BUDGET) / sig) + 10;
      const lines = Array.from(
        { length: 4 },
        (_, i) => `${i === 0 || !prefix.startsWith('-') ? prefix : '  '}q${u.repeat(Math.ceil(copies / 4))}`,
      );
      const text = `${lines.join('\n')}\n`;
      if (!neutralize(text)) return;
      const tree = parseMarkdown(text);
      const strip = (l: string, i: number): string =>
        (i === 0 || !prefix.startsWith('-') ? l.slice(prefix.length) : l.slice(2)).trim();
      assert.equal(toString(tree), lines.map(strip).join('\n'));
    }),
    { seed: 4, numRuns: 40 },
  );
});
