/**
 * Fenced code and HTML blocks (CommonMark §4.5, §4.6): the blocks that can stay open past a
 * heading line, to the end of the text. One definition for the line scans (document.ts cutPoints,
 * limits.ts skeletonOf), which guess from lines before parsing, and for the parse itself, which
 * records on the last block of a text whether it is left open there (`BlockNode.open`).
 */
import type { BlockNode } from './nodes';

/** A line that opens a fenced code block; group 1 is its fence (three or more ` or ~). */
export const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** HTML blocks of types 1–5 end at a marker (the opener's regex, the end marker's); 6–7 at a blank line. */
export const HTML_ENDS: readonly (readonly [RegExp, RegExp])[] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/** A line break, as the parser reads them: CR LF, a lone CR or LF. */
export const LINE_BREAK = /\r\n|\r|\n/;

/** Text that starts with the end of a line and then a blank line (a CR LF is one line break, not two). */
export const BLANK_LINE_NEXT = /^[ \t]*(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r(?!\n)|\n)/;

/**
 * Whether `line` (without its line break) closes a fenced code block opened by `fence`: a run of
 * the same character at least as long, indented at most three spaces, followed by spaces or tabs
 * only (not by any other white space: an ideographic space keeps the block open).
 */
export function closesFence(line: string, fence: string): boolean {
  const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  return !!m && m[1][0] === fence[0] && m[1].length >= fence.length;
}

/**
 * Whether a top-level block that ends its text is left open there, and how it would go on: a
 * fenced code block without its closing fence, or an HTML block of types 1–5 without its end
 * marker, takes in every line that follows ('end'); an HTML block of types 6–7 not yet followed by
 * a blank line takes in the lines up to the next one ('blank-line'). Undefined for every other
 * block. `src` is the block's source, `after` the rest of the text (white space only).
 */
export function openEnd(type: string, src: string, after: string): BlockNode['open'] {
  if (type === 'code') {
    const open = FENCE.exec(src);
    if (!open) return undefined; // indented code ends at the first line that is not indented
    const lines = src.split(LINE_BREAK);
    return lines.length > 1 && closesFence(lines[lines.length - 1], open[1]) ? undefined : 'end';
  }
  if (type === 'html') {
    for (const [opener, closer] of HTML_ENDS) {
      const m = opener.exec(src);
      // the block ends at the line holding the marker: closed when it follows the opener at all
      if (m) return closer.test(src.slice(m[0].length)) ? undefined : 'end';
    }
    return BLANK_LINE_NEXT.test(after) ? undefined : 'blank-line';
  }
  return undefined;
}
