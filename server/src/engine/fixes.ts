/**
 * Applying fixes: a set of text edits applied to the source, and fix-all (every safe fix at once,
 * repeated until nothing changes, so that applying it twice changes nothing the second time).
 */
import { checkText, type CheckOptions, type Diagnostic } from './check';
import type { Span } from './text';

export interface SpanEdit {
  span: Span;
  newText: string;
}

/** Apply non-overlapping edits (overlapping ones after the first are dropped). */
export function applyEdits(text: string, edits: readonly SpanEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.span.start < pos) continue;
    out += text.slice(pos, e.span.start) + e.newText;
    pos = e.span.end;
  }
  return out + text.slice(pos);
}

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
 * is above what a report can need: below it, fix-all would not be idempotent.
 */
export function fixAll(text: string, options: CheckOptions = {}, rounds = 16): string {
  let cur = text;
  for (let i = 0; i < rounds; i++) {
    const edits = safeEdits(checkText(cur, options).diagnostics);
    if (edits.length === 0) break;
    const next = applyEdits(cur, edits);
    if (next === cur) break;
    cur = next;
  }
  return cur;
}
