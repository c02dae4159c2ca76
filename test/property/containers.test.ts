/**
 * Fixes inside containers: a section or a table of a real-shaped report in a block quote, a list
 * item or both (nested), with rows, columns, tables or headings dropped inside it. Fix-all must
 * do there exactly what it does without the container, every line it writes keeping the
 * container's prefix; and it stays idempotent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkText } from '../../server/src/engine/check';
import { applyEdits, fixAll } from '../../server/src/engine/fixes';
import { NOW } from '../helpers/fixtures';
import { containedReport, linesOf, params, type Container } from './arbitraries';
import { assertNoFailure, describeText } from './checks';

/**
 * The text with the container prefix taken off its first line at or after `from` (fixes may have
 * written lines before it) and the lines after it, as far as they carry it (a blank line may carry
 * it without trailing spaces).
 */
function unwrap(text: string, at: number, c: Container): string {
  const ls = linesOf(text);
  let from = at;
  while (from < ls.length && !text.slice(ls[from].start, ls[from].end).startsWith(c.first)) from++;
  let out = text.slice(0, ls[from]?.start ?? text.length);
  let i = from;
  for (; i < ls.length; i++) {
    const l = ls[i];
    const line = text.slice(l.start, l.end);
    const p = i === from ? c.first : c.rest;
    let body: string;
    if (line.startsWith(p)) body = line.slice(p.length);
    else if (line === p.trimEnd()) body = '';
    else break;
    out += body + text.slice(l.end, l.next);
    if (l.next === l.end) return out;
  }
  return out + text.slice(ls[i]?.start ?? text.length);
}

test('fix-all inside a container does what it does outside, and keeps the container’s prefix on every line', () => {
  fc.assert(
    fc.property(containedReport, ({ plain, text, container, block }) => {
      const fixed = fixAll(text, { now: NOW });
      const want = fixAll(plain, { now: NOW });
      // the container holds the lines it held, and the ones the fixes wrote inside it
      assert.ok(
        unwrap(fixed, block.from, container) === want,
        `fix-all in ${JSON.stringify(container.first)} differs from fix-all outside: ${describeText(fixed.slice(text.split('\n').slice(0, block.from).join('\n').length))}`,
      );
      assert.equal(fixAll(fixed, { now: NOW }), fixed, 'fix-all is not idempotent');
    }),
    params(),
  );
});

test('every fix inside a container, applied alone, does what it does outside and clears its finding', () => {
  fc.assert(
    fc.property(containedReport, ({ plain, text, container, block }) => {
      const { diagnostics } = checkText(text, { now: NOW });
      const outside = checkText(plain, { now: NOW }).diagnostics;
      for (const d of diagnostics)
        for (const f of d.fixes) {
          const fixed = applyEdits(text, f.edits);
          const after = checkText(fixed, { now: NOW }).diagnostics;
          assertNoFailure(fixed, after);
          const same = outside
            .find((x) => x.rule === d.rule && x.fingerprint === d.fingerprint)
            ?.fixes.find((x) => x.title === f.title);
          assert.ok(
            !same || unwrap(fixed, block.from, container) === applyEdits(plain, same.edits),
            `fix “${f.title}” of ${d.rule} moved lines out of ${JSON.stringify(container.first)}: ${describeText(fixed)}`,
          );
          assert.ok(
            !after.some((x) => x.rule === d.rule && x.fingerprint === d.fingerprint),
            `fix “${f.title}” of ${d.rule} does not clear it inside ${JSON.stringify(container.first)}`,
          );
        }
    }),
    params(),
  );
});
