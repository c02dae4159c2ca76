import type { Span } from './lines';

/** The one edit of the engine: replace `span` of the text with `newText` (fixes, formatting, the editor's diffs). */
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
