/** Assertions shared by the property, hostile-input and resilience tests. */
import assert from 'node:assert/strict';
import type { Diagnostic } from '../../server/src/engine/check';
import { LineIndex, type Range, type Span } from '../../server/src/engine/text';

export const describeText = (t: string): string => JSON.stringify(t.length > 400 ? `${t.slice(0, 400)}…` : t);

/** No diagnostic says that a rule or the engine failed. */
export function assertNoFailure(text: string, ds: Diagnostic[]): void {
  const failed = ds.filter((d) => d.rule === 'internal');
  assert.deepEqual(
    failed.map((d) => d.message),
    [],
    `a rule or the engine failed on ${describeText(text)}`,
  );
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** A span inside the text, not splitting a line break or a surrogate pair, and its range the one a fresh line index gives. */
function assertSpan(text: string, lines: LineIndex, span: Span, range: Range | undefined, what: string): void {
  assert.ok(
    Number.isInteger(span.start) && Number.isInteger(span.end),
    `${what}: integer offsets ${JSON.stringify(span)}`,
  );
  assert.ok(
    span.start >= 0 && span.start <= span.end && span.end <= text.length,
    `${what}: span ${JSON.stringify(span)} outside the text of length ${text.length}`,
  );
  for (const o of [span.start, span.end]) {
    assert.ok(!(text.charCodeAt(o - 1) === 13 && text.charCodeAt(o) === 10), `${what}: offset ${o} splits a CRLF`);
    assert.ok(
      !(isHigh(text.charCodeAt(o - 1)) && isLow(text.charCodeAt(o))),
      `${what}: offset ${o} splits a surrogate pair`,
    );
  }
  if (!range) return;
  assert.deepEqual(range, lines.range(span), `${what}: range does not match its span`);
  for (const p of [range.start, range.end]) {
    assert.ok(p.line >= 0 && p.line < lines.lineCount, `${what}: line ${p.line} outside the document`);
    assert.ok(
      p.character >= 0 && p.character <= lines.lineEnd(p.line) - lines.lineStart(p.line),
      `${what}: character ${p.character} beyond line ${p.line}`,
    );
  }
}

export function assertRangesInside(text: string, ds: Diagnostic[]): void {
  const lines = new LineIndex(text);
  for (const d of ds) {
    const what = `${d.rule} (${d.fingerprint})`;
    assertSpan(text, lines, d.span, d.range, what);
    for (const r of d.related) assertSpan(text, lines, r.span, r.range, `${what} related`);
    for (const f of d.fixes)
      for (const e of f.edits) assertSpan(text, lines, e.span, e.range, `${what} fix “${f.title}”`);
  }
}
