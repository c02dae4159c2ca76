/**
 * Fixes inside containers. A table or heading inside a block quote (`> `), a list item or both
 * is written after a prefix on every line of it; a fix that writes several lines there must
 * repeat that prefix on each new line, or the lines it writes (and the lines after them) fall out
 * of the container. These helpers compute the prefix from the source and apply it to an edit.
 */
import type { SpanEdit } from './edit';

// one container marker: a block quote `>` or a list marker followed by a space, a tab or the end
const MARKER = /[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/y;

/**
 * The prefix that continues the container(s) open at `contentStart` on the following lines: the
 * text from the start of its line up to `contentStart`, with list markers turned into spaces
 * (a list item's continuation lines are indented to its content). Empty when `contentStart` is
 * not preceded by container markers and indentation only (nothing to continue).
 */
export function containerPrefix(text: string, contentStart: number): string {
  let lineStart = contentStart;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  const before = text.slice(lineStart, contentStart);
  if (before.trim() === '') return before;
  let out = '';
  let i = 0;
  for (;;) {
    MARKER.lastIndex = i;
    const m = MARKER.exec(before);
    if (!m) break;
    const marker = m[0].trimStart();
    out += m[0].slice(0, m[0].length - marker.length) + (marker === '>' ? '>' : ' '.repeat(marker.length));
    i = MARKER.lastIndex;
  }
  const rest = before.slice(i);
  if (rest.trim() !== '') return '';
  return out + rest;
}

/**
 * `newText` with the container prefix written after each of its line breaks. A line that the edit
 * leaves blank gets the prefix without trailing spaces (`>` in a quote, nothing in a list item).
 */
export function prefixLines(text: string, edit: SpanEdit, prefix: string): SpanEdit {
  if (!prefix || !/[\r\n]/.test(edit.newText)) return edit;
  const after = text.slice(edit.span.end, edit.span.end + 1);
  const nt = edit.newText;
  const blank = prefix.trimEnd();
  const newText = nt.replace(/\r\n|\r|\n/g, (br: string, at: number) => {
    const next = at + br.length < nt.length ? nt[at + br.length] : after;
    return br + (next === '' || next === '\n' || next === '\r' ? blank : prefix);
  });
  return { span: edit.span, newText };
}

/** An edit whose new lines stay in the container(s) open at `contentStart` (default: the edit's start). */
export function inContainer(text: string, edit: SpanEdit, contentStart = edit.span.start): SpanEdit {
  return prefixLines(text, edit, containerPrefix(text, contentStart));
}
