/**
 * Applying fixes: a set of text edits applied to the source, and fix-all (every safe fix at once,
 * repeated until nothing changes, so that applying it twice changes nothing the second time).
 */
import { checkText, type CheckOptions, type Diagnostic } from './check';
import { applyEdits, type Span, type SpanEdit } from './text';

export { applyEdits, type SpanEdit };

/** The safe fixes of one round, without overlaps (the first diagnostic's fix wins). */
export function safeEdits(diagnostics: readonly Diagnostic[]): SpanEdit[] {
  const chosen: SpanEdit[] = [];
  const overlaps = (a: Span, b: Span): boolean =>
    (a.start < b.end && b.start < a.end) || (a.start === b.start && a.end === b.end);
  for (const d of diagnostics) {
    const fix = d.fixes.find((f) => f.safe);
    if (!fix) continue;
    if (fix.edits.some((e) => chosen.some((c) => overlaps(c.span, e.span)))) continue;
    chosen.push(...fix.edits.map((e) => ({ span: e.span, newText: e.newText })));
  }
  return chosen;
}

/**
 * Apply every safe fix until the text no longer changes (at most `rounds` rounds). Fixes that
 * insert at the same point (the six sections of an empty file) take one round each, so the cap
 * is above what a report can need: below it, fix-all would not be idempotent. `analysed`: the
 * diagnostics of `text` already made (the server's analysis), used for the first round.
 */
export function fixAll(
  text: string,
  options: CheckOptions = {},
  rounds = 16,
  analysed?: readonly Diagnostic[],
): string {
  let cur = text;
  for (let i = 0; i < rounds; i++) {
    const edits = safeEdits(i === 0 && analysed ? analysed : checkText(cur, options).diagnostics);
    if (edits.length === 0) break;
    const next = applyEdits(cur, edits);
    if (next === cur) break;
    cur = next;
  }
  return cur;
}
