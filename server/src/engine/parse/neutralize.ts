/**
 * A time budget for the Markdown parser's inline pass. micromark's inline parsing is fast on
 * prose, but its cost grows with the square of the inline-significant characters in one block
 * for some shapes: unmatched emphasis delimiters (`*a_` × 6,600 in a 22 kB paragraph took 36 s),
 * GFM autolink literals (`www.a.b_` × 2,500), unclosed code spans and `<`. A report never holds
 * such blocks (a paragraph of a real report has a few dozen of these characters at most).
 *
 * Before parsing, `neutralize` counts, in one linear scan, the inline-significant characters of
 * each block of lines (outside fenced code, table rows, HTML lines and the lines' block markers)
 * and, while the sum over blocks of their squares — the inline pass's cost — exceeds
 * INLINE_BUDGET, takes the most costly block and replaces its inline-significant characters with
 * a letter of the same length. Block structure and every offset stay as they were; that block is
 * then read as plain text, and `restoreText` puts the original characters back into the text
 * nodes' values, so the checks read the text as written. Only the block's inline formatting
 * (emphasis, code spans, links) is lost, and only in blocks that no report holds.
 */
import type { Node } from 'mdast';

/** Σ (significant characters of a block)²: 2,000,000 is about half a second of inline parsing on a loaded two-core machine. */
export const INLINE_BUDGET = 2_000_000;

const SIGNIFICANT = new Set(['*', '_', '`', '<', '~', '@', '&', '[', ']', '!', '\\', '.', ':']);

interface Block {
  /** [start, end) of the parts of lines whose characters count */
  parts: [number, number][];
  count: number;
}

// a line's block markers: indentation, quote markers, list markers, heading hashes
const PREFIX = /^(?:[ \t]{0,3}(?:>|[-+*][ \t]|\d{1,9}[.)][ \t]))*[ \t]*(?:#{1,6}(?:[ \t]|$))?/;
// lines left alone: table rows, HTML blocks and comments, fences, setext underlines, thematic breaks
const SKIP_LINE =
  /^(?:[ \t]{0,3}>)*[ \t]*(?:\||<(?:!--|[?!]|\/?[A-Za-z][A-Za-z0-9-]*(?:[\s>]|\/>|$))|```|~~~|[=-]+[ \t]*$|(?:[-*_][ \t]*){3,}$)/;
const FENCE = /^(?:[ \t]{0,3}>)*[ \t]*(?:[-+*][ \t]+|\d{1,9}[.)][ \t]+)*(```|~~~)/;

function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  let cur: Block | undefined;
  let fence: string | undefined;
  let pos = 0;
  while (pos <= text.length) {
    let end = pos;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    const line = text.slice(pos, end);
    const f = FENCE.exec(line)?.[1];
    if (fence) {
      if (f === fence) fence = undefined;
    } else if (f) {
      fence = f;
      cur = undefined;
    } else if (line.trim() === '' || /^[ \t>]*$/.test(line)) {
      cur = undefined;
    } else if (!SKIP_LINE.test(line)) {
      const from = pos + (PREFIX.exec(line)?.[0].length ?? 0);
      let n = 0;
      for (let i = from; i < end; i++) if (SIGNIFICANT.has(text[i])) n++;
      if (!cur) blocks.push((cur = { parts: [], count: 0 }));
      cur.parts.push([from, end]);
      cur.count += n;
    }
    if (end >= text.length) break;
    pos = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
  }
  return blocks;
}

/**
 * Whether the text's inline syntax exceeds the budget (then it must be parsed in one call: the
 * budget holds per call, and pieces parsed one by one would each get all of it).
 */
export function overBudget(text: string): boolean {
  let total = 0;
  for (let i = 0; i < text.length; i++) if (SIGNIFICANT.has(text[i])) total++;
  if (total * total <= INLINE_BUDGET) return false;
  return blocksOf(text).reduce((s, b) => s + b.count * b.count, 0) > INLINE_BUDGET;
}

/** The text with the costliest blocks' inline syntax neutralised, or undefined when within the budget. */
export function neutralize(text: string): { text: string; ranges: [number, number][] } | undefined {
  // cheap exit: a text with few significant characters cannot exceed the budget
  let total = 0;
  for (let i = 0; i < text.length; i++) if (SIGNIFICANT.has(text[i])) total++;
  if (total * total <= INLINE_BUDGET) return undefined;
  const blocks = blocksOf(text);
  let cost = blocks.reduce((s, b) => s + b.count * b.count, 0);
  if (cost <= INLINE_BUDGET) return undefined;
  const chosen: Block[] = [];
  for (const b of [...blocks].sort((a, c) => c.count - a.count)) {
    if (cost <= INLINE_BUDGET) break;
    chosen.push(b);
    cost -= b.count * b.count;
  }
  const chars = text.split('');
  const ranges: [number, number][] = [];
  for (const b of chosen)
    for (const [s, e] of b.parts) {
      for (let i = s; i < e; i++) if (SIGNIFICANT.has(chars[i])) chars[i] = 'x';
      ranges.push([s, e]);
    }
  ranges.sort((a, c) => a[0] - c[0]);
  return { text: chars.join(''), ranges };
}

/**
 * Put the original characters back into the values of the text nodes that lie in neutralised
 * ranges: a text node's value is its source with some characters left out (indentation, quote
 * markers of continuation lines), so each character of the value is matched, in order, to the
 * next equal character of the neutralised source, and the original character at that place taken.
 */
export function restoreText(tree: Node, original: string, neutral: string, ranges: [number, number][]): void {
  const inRanges = (s: number, e: number): boolean => ranges.some(([a, b]) => s < b && a < e);
  const visit = (n: Node): void => {
    const s = n.position?.start.offset;
    const e = n.position?.end.offset;
    if (s === undefined || e === undefined || !inRanges(s, e)) return;
    if (n.type === 'text') {
      const t = n as unknown as { value: string };
      let out = '';
      let j = s;
      for (const ch of t.value) {
        let k = j;
        while (k < e && neutral[k] !== ch) k++;
        if (k >= e) return; // not a plain subsequence: leave the value as parsed
        out += original.slice(k, k + ch.length);
        j = k + ch.length;
      }
      t.value = out;
      return;
    }
    const kids = (n as { children?: Node[] }).children;
    if (kids) for (const c of kids) visit(c);
  };
  visit(tree);
}
