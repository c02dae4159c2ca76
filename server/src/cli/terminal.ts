/**
 * Text for a terminal. Cells, messages and file names come from the files checked, and a file can
 * hold anything: an ESC sequence written raw would move the cursor, recolour or retitle the
 * terminal, or hide the lines before it; a bidi override would make a line read differently
 * from what it says. The text output writes every such character as a visible escape instead:
 * C0 controls (but the line break and the tab where they are meant), DEL and C1 controls as
 * `\xHH`, bidi controls (U+061C, U+200E/F, U+202A–E, U+2066–9) and the line and paragraph
 * separators as `\uHHHH`. JSON and SARIF output stay JSON: JSON.stringify escapes C0 controls, and
 * `jsonSafe` writes the others (DEL, C1, bidi, separators) as `\u` escapes too (the same value).
 */

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const UNSAFE_BUT_LINES =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escape(c: string): string {
  const n = c.charCodeAt(0);
  return n <= 0xff
    ? `\\x${n.toString(16).toUpperCase().padStart(2, '0')}`
    : `\\u${n.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** One field (a path, a message): every control character escaped, line breaks and tabs too. */
export function terminalSafe(s: string): string {
  return s.replace(UNSAFE, escape);
}

/** Several lines of text (a message on stderr): line breaks and tabs kept, every other control escaped. */
export function terminalSafeLines(s: string): string {
  return s.replace(UNSAFE_BUT_LINES, escape);
}

const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** A JSON text with the characters JSON.stringify leaves raw but a terminal acts on written as `\uHHHH`. */
export function jsonSafe(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
