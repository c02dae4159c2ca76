import type { Root } from 'mdast';
import type { Node, Point } from 'unist';
import type { Span } from '../text';
import { off, parseMarkdown } from './markdown';

// ---------------------------------------------------------------------------------------------
// Tables by line scan
//
// GFM table parsing is most of remark's time on a report (it grows faster than the table). The
// pipe tables of reports have a plain shape, which a line scan reads exactly:
//  - every line of the table starts with `|` at column 0 (no block starts with `|`, so no line
//    of it can interrupt the table, and no container is open);
//  - the header row starts and ends with an unescaped `|`, the delimiter row is `| --- | :-: |`
//    with as many cells as the header (then GFM makes the two lines a table's head);
//  - the line after the last row is blank or the end (a table, like a paragraph, ends there).
// The candidate's lines are replaced by placeholder letters of the same length and the piece is
// parsed: when they come out as a top-level paragraph spanning exactly those lines, no open
// block took them in and none began inside them, so the real text makes a table spanning the
// same lines — its rows are the lines, each from column 0 to the end of the line. Should any
// candidate not come out so, the piece is parsed as it is.

export interface FastTable {
  start: number;
  end: number;
  rows: Span[];
  align: (string | null)[];
}

const DELIMITER = /^\|(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*$/;

/** Offsets of unescaped pipes of a line. */
function pipesOf(line: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 124) out.push(i);
  }
  return out;
}

function findTables(src: string): FastTable[] {
  const out: FastTable[] = [];
  // line contents [start, end) (without the line break)
  const starts: number[] = [];
  const ends: number[] = [];
  let pos = 0;
  for (;;) {
    let e = src.indexOf('\n', pos);
    const next = e < 0 ? src.length : e + 1;
    if (e < 0) e = src.length;
    if (e > pos && src.charCodeAt(e - 1) === 13) e--;
    starts.push(pos);
    ends.push(e);
    if (next >= src.length) break;
    pos = next;
  }
  const line = (i: number): string => src.slice(starts[i], ends[i]);
  for (let i = 0; i + 1 < starts.length; i++) {
    if (src.charCodeAt(starts[i]) !== 124 || src.charCodeAt(starts[i + 1]) !== 124) continue;
    const head = line(i);
    const delim = line(i + 1);
    if (!DELIMITER.test(delim)) continue;
    const hp = pipesOf(head);
    const trimmed = head.replace(/[ \t]+$/, '');
    if (hp.length < 2 || hp[hp.length - 1] !== trimmed.length - 1) continue;
    const dp = pipesOf(delim);
    if (hp.length !== dp.length) continue;
    let j = i + 2;
    while (j < starts.length && src.charCodeAt(starts[j]) === 124) j++;
    // the next line must be blank (or there is none)
    if (j < starts.length && line(j).trim() !== '') {
      i = j - 1;
      continue;
    }
    const rows: Span[] = [{ start: starts[i], end: ends[i] }];
    for (let k = i + 2; k < j; k++) rows.push({ start: starts[k], end: ends[k] });
    const align = delim
      .split('|')
      .slice(1, -1)
      .map((c) => {
        const t = c.trim();
        const l = t.startsWith(':');
        const r = t.endsWith(':');
        return l && r ? 'center' : l ? 'left' : r ? 'right' : null;
      });
    out.push({ start: starts[i], end: ends[j - 1], rows, align });
    i = j - 1;
  }
  return out;
}

/**
 * The parse of a piece, with its plain pipe tables read by the line scan when that is exact.
 * Each line of a candidate table is masked as a one-letter line (`x`): the parser sees the same
 * lines, so the same blocks, without scanning the table's text, most of a report's characters;
 * the tree's offsets are then mapped back onto the source (`unmask`).
 */
export function parsePiece(src: string): { tree: Root; fast?: Map<number, FastTable> } {
  // the line scan splits lines at \n only: a lone \r (also a line break) goes to the parser
  const tables = /\r(?!\n)/.test(src) ? [] : findTables(src);
  if (tables.length === 0) return { tree: parseMarkdown(src) };
  let masked = '';
  let at = 0;
  const lines: MaskedLine[] = [];
  for (const t of tables) {
    for (let k = t.start; k < t.end;) {
      let e = src.indexOf('\n', k);
      if (e < 0 || e > t.end) e = t.end;
      let c = e;
      if (c > k && src.charCodeAt(c - 1) === 13) c--;
      masked += src.slice(at, k);
      lines.push({ at: masked.length, start: k, end: c });
      masked += 'x';
      at = c;
      k = e + 1;
    }
  }
  masked += src.slice(at);
  const tree = parseMarkdown(masked);
  unmask(tree, lines);
  const fast = new Map<number, FastTable>();
  const byStart = new Map(tables.map((t) => [t.start, t]));
  for (const n of tree.children) {
    const t = n.type === 'paragraph' ? byStart.get(off(n, 'start')) : undefined;
    if (t && off(n, 'end') === t.end) fast.set(t.start, t);
  }
  if (fast.size !== tables.length) return { tree: parseMarkdown(src) };
  return { tree, fast };
}

/** A masked line: its letter's offset in the masked text, and the line's content [start, end) in the source. */
interface MaskedLine {
  at: number;
  start: number;
  end: number;
}

/** Maps every position of a tree parsed from the masked text back onto the source. */
function unmask(tree: Node, lines: readonly MaskedLine[]): void {
  const map = (p: Point): void => {
    const m = p.offset;
    if (m === undefined) return;
    // the last masked line starting at or before m
    let lo = 0;
    let hi = lines.length - 1;
    let i = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (lines[mid].at <= m) {
        i = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (i < 0) return;
    const l = lines[i];
    if (m === l.at) p.offset = l.start;
    else {
      p.offset = m - l.at - 1 + l.end;
      if (m === l.at + 1) p.column += l.end - l.start - 1;
    }
  };
  const walk = (n: Node): void => {
    if (n.position) {
      map(n.position.start);
      map(n.position.end);
    }
    const kids = (n as { children?: Node[] }).children;
    if (kids) for (const k of kids) walk(k);
  };
  walk(tree);
}
