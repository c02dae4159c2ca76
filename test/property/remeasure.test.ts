/**
 * The size limits are judged on measures of the whole text (engine/parse/limits.ts). While a
 * writer types, the incremental checker updates them from the edited line alone (`remeasure`);
 * whatever the text and the edit, the result must be the measures of the new text, as a fresh
 * scan gives them — a wrong count would check a text beyond the limits in full, or the other way.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { measureText, remeasure } from '../../server/src/engine/parse/limits';
import { EXAMPLE } from '../helpers/fixtures';
import { params } from './arbitraries';

/** Lines made of what the measures count: nesting markers, underlines, pipes, brackets, blanks. */
const piece = fc.constantFrom('>', '> ', '- ', '1. ', '  ', '\t', '=', '==', '---', '-', '|', '[', 'x', '表', ' ');
const line = fc.array(piece, { maxLength: 8 }).map((xs) => xs.join(''));
/** Lines with line breaks of every kind, mixed (a lone CR next to a LF is two breaks). */
const text = fc
  .array(fc.tuple(line, fc.constantFrom('\n', '\r\n', '\r')), { minLength: 1, maxLength: 14 })
  .map((ls) => ls.map(([l, eol]) => l + eol).join(''));
/** What typing puts in: no line break. */
const insert = fc.array(piece, { maxLength: 4 }).map((xs) => xs.join(''));

/** An edit of `t` from `a` to `b` (fractions of its length), `ins` put in its place. */
function edited(t: string, a: number, b: number, ins: string): { start: number; end: number; next: string } {
  const x = Math.floor(a * (t.length + 1));
  const y = Math.floor(b * (t.length + 1));
  const start = Math.min(x, y);
  const end = Math.max(x, y);
  return { start, end, next: t.slice(0, start) + ins + t.slice(end) };
}

const unit = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

test('the measures after an edit equal a fresh measure of the new text, for any text and edit', () => {
  fc.assert(
    fc.property(text, unit, unit, insert, (t, a, b, ins) => {
      const { start, end, next } = edited(t, a, b, ins);
      assert.deepEqual(remeasure(t, measureText(t), next, start, end, ins), measureText(next));
    }),
    params(2000),
  );
});

test('a run of edits on a report keeps its measures exact, each from the one before', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(unit, unit, insert), { minLength: 1, maxLength: 30 }), (edits) => {
      let t = EXAMPLE();
      let m = measureText(t);
      for (const [a, b, ins] of edits) {
        // short edits anywhere, as typing makes them
        const start = Math.floor(a * t.length);
        const end = Math.min(t.length, start + Math.floor(b * 6));
        const next = t.slice(0, start) + ins + t.slice(end);
        m = remeasure(t, m, next, start, end, ins);
        t = next;
        assert.deepEqual(m, measureText(t));
      }
    }),
    params(),
  );
});

test('edits that move the deepest nesting, or join a CR to a LF, are measured exactly', () => {
  const cases: [string, number, number, string][] = [
    ['a\nb\n> c\nd', 4, 4, '> > '], // a new deepest line, not the first
    ['> > a\nb\n> > c', 9, 11, ''], // the first of two deepest lines keeps its place
    ['> > a\nb\n> c', 0, 2, ''], // the deepest line made shallower: another is the deepest now
    ['a\rX\nb', 2, 3, ''], // CR + LF joined: one line break fewer
    ['a\r\nb', 2, 2, 'X'], // CR and LF parted: one more
    ['text\n===', 0, 4, ''], // an underline whose text is gone
    ['text\n\n===', 5, 5, 'x'], // a blank line filled: the underline counts now
  ];
  for (const [t, start, end, ins] of cases) {
    const next = t.slice(0, start) + ins + t.slice(end);
    assert.deepEqual(remeasure(t, measureText(t), next, start, end, ins), measureText(next), JSON.stringify(t));
  }
});
