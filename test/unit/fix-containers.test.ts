/**
 * Issue 14 rows 1–2: fixes inside block quotes and list items. Every table of the example report,
 * in every kind of container (quote, list item, nested), with a row or a column missing: fix-all
 * restores it inside the container — exactly what it does without the container — and a second
 * fix-all changes nothing (with codeActionsOnSave, saving again must not add rows).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText } from '../../server/src/engine/check';
import { fixAll } from '../../server/src/engine/fixes';
import { EXAMPLE, NOW } from '../helpers/fixtures';
import { blocksOf, CONTAINERS, linesOf, wrapLines } from '../property/arbitraries';

const text = EXAMPLE();
const lines = linesOf(text).map((l) => text.slice(l.start, l.end));
const tables = blocksOf(text).filter((b) => lines[b.from].startsWith('|'));

/** The example with lines [from, to) replaced, the block [from, to') then wrapped or not. */
function variant(from: number, to: number, edit: (ls: string[]) => string[]): { lines: string[]; end: number } {
  const inner = edit(lines.slice(from, to));
  return { lines: [...lines.slice(0, from), ...inner, ...lines.slice(to)], end: from + inner.length };
}

const dropRow = (ls: string[]): string[] => ls.slice(0, -1);
const dropColumn = (ls: string[]): string[] => ls.map((l) => l.replace(/^(\|[^|]*)\|[^|]*/, '$1'));

for (const [what, edit, rule] of [
  ['row', dropRow, 'row-missing'],
  ['column', dropColumn, 'column-missing'],
] as const) {
  test(`a ${what} missing from a table in any container: fix-all restores it inside, as outside, idempotently`, () => {
    let cases = 0;
    for (const t of tables) {
      const v = variant(t.from, t.to, edit);
      const plain = v.lines.join('\n');
      if (!checkText(plain, { now: NOW }).diagnostics.some((d) => d.rule === rule)) continue;
      const want = fixAll(plain, { now: NOW });
      for (const c of CONTAINERS) {
        const wrapped = wrapLines(plain, t.from, v.end, c);
        assert.ok(checkText(wrapped, { now: NOW }).diagnostics.some((d) => d.rule === rule));
        const fixed = fixAll(wrapped, { now: NOW });
        const added = linesOf(want).length - linesOf(plain).length;
        assert.equal(fixed, wrapLines(want, t.from, v.end + added, c), `${rule} in ${JSON.stringify(c.first)}`);
        assert.equal(fixAll(fixed, { now: NOW }), fixed, `fix-all twice in ${JSON.stringify(c.first)}`);
        cases++;
      }
    }
    assert.ok(cases >= CONTAINERS.length * 3, `${cases} cases`);
  });
}
