/**
 * Source → document structure. The Markdown is parsed by unified + remark-parse + remark-gfm +
 * remark-frontmatter; from the syntax tree we keep only what the report model needs (headings,
 * tables with exact cell spans, prose, comments, front matter), as offsets into the source.
 *
 * Incremental parsing (the result is always that of one parse of the whole text):
 * - The document is cut at ATX headings at column 0 (cutPoints). Each piece is parsed on its
 *   own and its extraction cached by content, so an edit re-parses only the piece it touched.
 *   A cut is kept only when it is provably safe: such a heading line closes every open block
 *   except a fenced code block or an HTML block at the top level, so a piece whose parse ends
 *   inside one of those (or whose front matter is not closed) is parsed together with the next;
 *   and a document with a link, image or footnote definition (which reach across pieces) is
 *   parsed whole.
 * - DocumentParser keeps the pieces of the previous version of one document: an edit inside one
 *   row of a pipe table that keeps its first and last character and its number of cells cannot
 *   change any block, so the cached extraction is patched (that row re-split, later offsets
 *   moved) without parsing at all (the table-row fast path).
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { toString } from 'mdast-util-to-string';
import type { Root, RootContent, TableRow, Heading, Paragraph, Node } from 'mdast';
import { LineIndex, type Span } from '../text/text';
import { neutralize, overBudget, restoreText } from './neutralize';

export interface HeadingNode {
  depth: number;
  text: string;
  span: Span;
  textSpan: Span;
}
export interface CellNode {
  text: string;
  span: Span;
}
export interface RowNode {
  cells: CellNode[];
  span: Span;
}
export interface TableNode {
  header: RowNode;
  rows: RowNode[];
  span: Span;
  align: (string | null)[];
}
/** Prose with, for each character of `text`, its offset in the source. */
export interface ProseNode {
  text: string;
  map: number[];
  span: Span;
  kind: 'paragraph' | 'heading';
}
export interface CommentNode {
  value: string;
  span: Span;
}
export interface FrontMatterNode {
  raw: string;
  span: Span;
  rawStart: number;
}
/** A top-level block, in order, used to find what a section contains. */
export interface BlockNode {
  type: string;
  span: Span;
  text: string;
}

export interface ParsedDocument {
  text: string;
  lines: LineIndex;
  frontMatter?: FrontMatterNode;
  headings: HeadingNode[];
  tables: TableNode[];
  prose: ProseNode[];
  comments: CommentNode[];
  blocks: BlockNode[];
}

type Piece = Omit<ParsedDocument, 'text' | 'lines'>;

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/** Parse Markdown into mdast (exported for renderers that need the full tree). */
export function parseMarkdown(text: string): Root {
  // blocks whose inline syntax would exceed the parse budget are read as plain text (neutralize.ts)
  const n = neutralize(text);
  const tree = processor.parse(n ? n.text : text);
  if (n) restoreText(tree, text, n.text, n.ranges);
  if (text.charCodeAt(0) === 0xfeff) countBom(tree);
  return tree;
}

/** micromark drops a leading byte-order mark and counts offsets without it: count it back in. */
function countBom(node: Node): void {
  const p = node.position;
  if (p) {
    for (const at of [p.start, p.end]) {
      if (at.offset !== undefined) at.offset++;
      if (at.line === 1) at.column++;
    }
  }
  const kids = (node as { children?: Node[] }).children;
  if (kids) for (const k of kids) countBom(k);
}

// ---------------------------------------------------------------------------------------------
// Cutting the document into independently parsable pieces

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const CUT = /^#{1,6}(?:[ \t]|$)/;
/** HTML blocks (CommonMark §4.6) types 1–5 end at a marker, 6–7 at a blank line. */
const HTML_ENDS: [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/**
 * Offsets where a piece may start (always includes 0): lines that open an ATX heading (any
 * depth: a heading line at column 0 closes every block that is not fenced code or HTML) at the
 * top level, as far as a line scan can tell. The scan errs towards fewer cuts; the parser still
 * verifies each cut (see `openAtEnd`), so a wrong guess here costs time, not truth.
 */
export function cutPoints(text: string): number[] {
  const cuts = [0];
  let fence: string | null = null;
  let htmlEnd: RegExp | null = null; // inside an HTML block of types 1–5
  let inHtml = false; // inside an HTML block of types 6–7 (ends at a blank line)
  let inFrontMatter = /^\ufeff?---[ \t]*(?:\r\n?|\n)/.test(text);
  let pos = 0;
  let lineNo = 0;
  while (pos <= text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const c0 = text.charCodeAt(pos);
    // fast path for the commonest lines: prose and table rows cannot change the state
    const plain =
      !inFrontMatter &&
      !fence &&
      !htmlEnd &&
      !inHtml &&
      c0 !== 35 /* # */ &&
      c0 !== 32 &&
      c0 !== 96 &&
      c0 !== 126 &&
      c0 !== 60 &&
      c0 !== 9;
    if (!plain) {
      const line = text.slice(pos, end).replace(/\r$/, '');
      const blank = line.trim() === '';
      if (inFrontMatter) {
        if (lineNo > 0 && /^(---|\.\.\.)\s*$/.test(line)) inFrontMatter = false;
      } else if (fence) {
        const m = FENCE.exec(line);
        if (m && m[1][0] === fence[0] && m[1].length >= fence.length && line.trim() === m[1]) fence = null;
      } else if (htmlEnd) {
        if (htmlEnd.test(line)) htmlEnd = null;
      } else if (inHtml) {
        if (blank) inHtml = false;
      } else {
        const f = FENCE.exec(line);
        if (f) fence = f[1]!;
        else if (/^ {0,3}</.test(line)) {
          const kind = HTML_ENDS.find(([open]) => open.test(line));
          if (kind) {
            const opener = kind[0].exec(line)![0];
            if (!kind[1].test(line.slice(opener.length))) htmlEnd = kind[1];
          } else inHtml = true;
        } else if (CUT.test(line) && pos > 0) cuts.push(pos);
      }
    }
    if (end >= text.length) break;
    pos = end + 1;
    lineNo++;
  }
  return cuts;
}

// ---------------------------------------------------------------------------------------------
// Extraction of one piece

function splitRow(src: string, base: number): CellNode[] {
  const cells: CellNode[] = [];
  const bounds: number[] = [];
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '|') bounds.push(i);
  }
  // segments between pipes; a leading and a trailing pipe are optional
  const starts: number[] = [];
  const ends: number[] = [];
  const firstNonSpace = src.search(/\S/);
  const lastNonSpace = src.length - 1 - (src.match(/\s*$/)?.[0].length ?? 0);
  const leading = bounds.length > 0 && bounds[0] === firstNonSpace;
  const trailing = bounds.length > 0 && bounds[bounds.length - 1] === lastNonSpace && !(leading && bounds.length === 1);
  let from = leading ? bounds[0] + 1 : 0;
  const inner = bounds.slice(leading ? 1 : 0, trailing ? bounds.length - 1 : bounds.length);
  for (const b of inner) {
    starts.push(from);
    ends.push(b);
    from = b + 1;
  }
  starts.push(from);
  ends.push(trailing ? bounds[bounds.length - 1] : src.length);
  for (let k = 0; k < starts.length; k++) {
    const raw = src.slice(starts[k], ends[k]);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    const s = base + starts[k] + (text ? lead : 0);
    const e = text ? s + text.length : base + ends[k];
    cells.push({ text, span: { start: s, end: e } });
  }
  return cells;
}

function off(n: Node | undefined, which: 'start' | 'end'): number {
  return n?.position?.[which].offset ?? 0;
}

function proseOf(node: Paragraph | Heading, src: string, base: number, kind: ProseNode['kind']): ProseNode {
  let text = '';
  const map: number[] = [];
  const visit = (n: Node): void => {
    if (n.type === 'text' || n.type === 'inlineCode') {
      const value = (n as unknown as { value: string }).value;
      const s = off(n, 'start');
      const e = off(n, 'end');
      const exact = src.slice(s, e) === value;
      for (let i = 0; i < value.length; i++) map.push(base + (exact ? s + i : s));
      text += value;
    } else if (n.type === 'break') {
      map.push(base + off(n, 'start'));
      text += '\n';
    } else if ('children' in n) {
      for (const c of (n as { children: Node[] }).children) visit(c);
    }
  };
  visit(node);
  return { text, map, span: { start: base + off(node, 'start'), end: base + off(node, 'end') }, kind };
}

function extractTree(tree: Root, src: string, base: number, fast?: Map<number, FastTable>): Piece {
  const piece: Piece = { headings: [], tables: [], prose: [], comments: [], blocks: [] };
  const walk = (nodes: RootContent[], top: boolean): void => {
    for (const n of nodes) {
      const span = { start: base + off(n, 'start'), end: base + off(n, 'end') };
      const table = top && n.type === 'paragraph' ? fast?.get(off(n, 'start')) : undefined;
      if (table) {
        // a table read by the line scan (its lines were parsed as a placeholder paragraph)
        piece.blocks.push({ type: 'table', span, text: '' });
        const rows = table.rows.map((r) => ({
          cells: splitRow(src.slice(r.start, r.end), base + r.start),
          span: { start: base + r.start, end: base + r.end },
        }));
        piece.tables.push({ header: rows[0], rows: rows.slice(1), span, align: table.align });
        continue;
      }
      if (top) piece.blocks.push({ type: n.type, span, text: n.type === 'table' ? '' : toString(n) });
      switch (n.type) {
        case 'yaml': {
          const y = n;
          const raw = y.value;
          const open = src.indexOf('\n', off(n, 'start'));
          piece.frontMatter = { raw, span, rawStart: base + (open < 0 ? off(n, 'start') : open + 1) };
          break;
        }
        case 'heading': {
          const h = n;
          const first = h.children[0];
          const last = h.children[h.children.length - 1];
          const textSpan =
            first && last
              ? { start: base + off(first, 'start'), end: base + off(last, 'end') }
              : { start: span.end, end: span.end };
          piece.headings.push({ depth: h.depth, text: toString(h), span, textSpan });
          piece.prose.push(proseOf(h, src, base, 'heading'));
          break;
        }
        case 'paragraph':
          piece.prose.push(proseOf(n, src, base, 'paragraph'));
          break;
        case 'table': {
          const t = n;
          const rows = t.children.map((r: TableRow) => {
            const s = off(r, 'start');
            const e = off(r, 'end');
            return { cells: splitRow(src.slice(s, e), base + s), span: { start: base + s, end: base + e } };
          });
          piece.tables.push({ header: rows[0], rows: rows.slice(1), span, align: t.align ?? [] });
          break;
        }
        case 'html': {
          const v = n.value;
          const re = /<!--([\s\S]*?)-->/g;
          let m: RegExpExecArray | null;
          while ((m = re.exec(v))) {
            const s = span.start + (src.slice(off(n, 'start'), off(n, 'end')) === v ? m.index : 0);
            piece.comments.push({ value: m[1].trim(), span: { start: s, end: s + m[0].length } });
          }
          break;
        }
        case 'list':
        case 'listItem':
        case 'blockquote':
          walk((n as { children: RootContent[] }).children, false);
          break;
        default:
          break;
      }
    }
  };
  walk(tree.children, true);
  return piece;
}

/** A whole text, parsed at once: the reference every incremental parse must equal. */
function extract(src: string, base: number): Piece {
  return extractTree(parseMarkdown(src), src, base);
}

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

interface FastTable {
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

/** The parse of a piece, with its plain pipe tables read by the line scan when that is exact. */
function parsePiece(src: string): { tree: Root; fast?: Map<number, FastTable> } {
  // the line scan splits lines at \n only: a lone \r (also a line break) goes to the parser
  const tables = /\r(?!\n)/.test(src) ? [] : findTables(src);
  if (tables.length === 0) return { tree: parseMarkdown(src) };
  let masked = '';
  let at = 0;
  for (const t of tables) {
    for (let k = t.start; k < t.end;) {
      let e = src.indexOf('\n', k);
      if (e < 0 || e > t.end) e = t.end;
      let c = e;
      if (c > k && src.charCodeAt(c - 1) === 13) c--;
      masked += src.slice(at, k) + 'x'.repeat(c - k);
      at = c;
      k = e + 1;
    }
  }
  masked += src.slice(at);
  const tree = parseMarkdown(masked);
  const fast = new Map<number, FastTable>();
  const byStart = new Map(tables.map((t) => [t.start, t]));
  for (const n of tree.children) {
    const t = n.type === 'paragraph' ? byStart.get(off(n, 'start')) : undefined;
    if (t && off(n, 'end') === t.end) fast.set(t.start, t);
  }
  if (fast.size !== tables.length) return { tree: parseMarkdown(src) };
  return { tree, fast };
}

// ---------------------------------------------------------------------------------------------
// Verifying a cut: what a piece's parse tells about the blocks still open at its end

/** Whether a closing code fence ends `code` (a fenced code block node's source). */
function fenceClosed(code: string): boolean {
  const open = FENCE.exec(code);
  if (!open) return true; // indented code: any line at column 0 ends it
  const nl = code.lastIndexOf('\n');
  if (nl < 0) return false;
  const last = code.slice(nl + 1).replace(/\r$/, '');
  const m = FENCE.exec(last);
  return !!m && m[1][0] === open[1][0] && m[1].length >= open[1].length && last.trim() === m[1];
}

/** Whether an HTML block node is provably closed at its end (its end marker is on its last line). */
function htmlClosed(html: string): boolean {
  const nl = html.lastIndexOf('\n');
  const last = html.slice(nl + 1);
  for (const [open, close] of HTML_ENDS) {
    const m = open.exec(html);
    if (!m) continue;
    const from = nl < 0 ? m[0].length : 0; // on the opening line, the marker must follow the opener
    return close.test(last.slice(from));
  }
  return false; // types 6–7 end at a blank line: not provable from the node alone
}

/**
 * Whether the piece's last top-level block may still be open where the piece ends, so that in
 * the whole document it would swallow the heading that starts the next piece: a fenced code
 * block or an HTML block not provably closed. (A heading line at column 0 closes every other
 * block: paragraphs, lists, block quotes, tables.) The first piece is also open when it starts
 * like front matter whose closing fence it does not contain.
 */
function openAtEnd(tree: Root, src: string, first: boolean): boolean {
  if (first && /^\ufeff?---[ \t]*(?:\r\n?|\n)/.test(src) && tree.children[0]?.type !== 'yaml') return true;
  const last = tree.children[tree.children.length - 1];
  if (!last) return false;
  const s = off(last, 'start');
  const e = off(last, 'end');
  if (last.type === 'code') return !fenceClosed(src.slice(s, e));
  if (last.type === 'html') return !htmlClosed(src.slice(s, e));
  return false;
}

/** Link, image and footnote definitions apply to the whole document: their pieces cannot stand alone. */
function hasDefinitions(nodes: readonly Node[]): boolean {
  for (const n of nodes) {
    if (n.type === 'definition' || n.type === 'footnoteDefinition') return true;
    if (
      (n.type === 'list' || n.type === 'listItem' || n.type === 'blockquote') &&
      hasDefinitions((n as unknown as { children: Node[] }).children)
    )
      return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Cache of pieces, by content

/** A piece's extraction with offsets relative to the piece, and what its parse told about it. */
interface Extracted {
  piece: Piece;
  open: boolean;
  definitions: boolean;
}

/** Pieces kept: at most this many, of at most this many characters in all. */
const CACHE_LIMIT = 512;
const CACHE_CHARS = 4_000_000;
const cache = new Map<string, Extracted>();
let cachedChars = 0;

function shift(p: Piece, by: number): Piece {
  if (by === 0) return p;
  return movePiece(p, (o) => o + by);
}

/**
 * Prose moved by a shift keeps its offset map unbuilt until something reads it (after an edit,
 * most prose is never read again before the next edit): `map` is then a getter over the map it
 * was moved from. Moving it again composes the shifts.
 */
const lazyMaps = new WeakMap<ProseNode, { base: number[]; by: number }>();

function moveProse(x: ProseNode, span: Span, by: number): ProseNode {
  const from = lazyMaps.get(x);
  const base = from ? from.base : x.map;
  const total = (from ? from.by : 0) + by;
  const out: ProseNode = { text: x.text, map: base, span, kind: x.kind };
  if (total !== 0) {
    let built: number[] | undefined;
    Object.defineProperty(out, 'map', {
      enumerable: true,
      configurable: true,
      get: () => (built ??= base.map((o) => o + total)),
      set: (v: number[]) => {
        built = v;
      },
    });
  }
  lazyMaps.set(out, { base, by: total });
  return out;
}

/** A copy of a piece with every offset mapped (fresh objects: pieces are shared by caches). */
function movePiece(p: Piece, f: (o: number) => number): Piece {
  const s = (x: Span): Span => ({ start: f(x.start), end: f(x.end) });
  const row = (r: RowNode): RowNode => ({
    span: s(r.span),
    cells: r.cells.map((c) => ({ text: c.text, span: s(c.span) })),
  });
  const out: Piece = {
    headings: p.headings.map((h) => ({ ...h, span: s(h.span), textSpan: s(h.textSpan) })),
    tables: p.tables.map((t) => ({ header: row(t.header), rows: t.rows.map(row), span: s(t.span), align: t.align })),
    prose: p.prose.map((x) => {
      // a prose node never straddles an edit that moves offsets: it moves as a whole
      const by = f(x.span.start) - x.span.start;
      return f(x.span.end) - x.span.end === by
        ? moveProse(x, s(x.span), by)
        : { ...x, span: s(x.span), map: x.map.map(f) };
    }),
    comments: p.comments.map((c) => ({ value: c.value, span: s(c.span) })),
    blocks: p.blocks.map((b) => ({ ...b, span: s(b.span) })),
  };
  if (p.frontMatter)
    out.frontMatter = { ...p.frontMatter, span: s(p.frontMatter.span), rawStart: f(p.frontMatter.rawStart) };
  return out;
}

function cacheKey(src: string, isFirst: boolean): string {
  // front matter is only recognised at the very start: keep the first piece's key distinct
  return (isFirst ? '\u0000' : '\u0001') + src;
}

function remember(key: string, x: Extracted): void {
  const had = cache.get(key);
  if (had) {
    cache.delete(key);
    cachedChars -= key.length;
  }
  cache.set(key, x);
  cachedChars += key.length;
  while (cache.size > CACHE_LIMIT || (cachedChars > CACHE_CHARS && cache.size > 1)) {
    const oldest = cache.keys().next().value as string;
    cache.delete(oldest);
    cachedChars -= oldest.length;
  }
}

function pieceOf(src: string, isFirst: boolean): Extracted {
  const key = cacheKey(src, isFirst);
  let x = cache.get(key);
  if (x) {
    cache.delete(key);
    cache.set(key, x);
    return x;
  }
  const { tree, fast } = parsePiece(src);
  const piece = extractTree(tree, src, 0, fast);
  if (!isFirst) delete piece.frontMatter;
  x = { piece, open: openAtEnd(tree, src, isFirst), definitions: hasDefinitions(tree.children) };
  remember(key, x);
  return x;
}

export function clearParseCache(): void {
  cache.clear();
  cachedChars = 0;
}

// ---------------------------------------------------------------------------------------------
// Whole documents

/** One piece of a parsed document: where it starts, its source, its extraction (relative and absolute). */
interface PieceAt {
  start: number;
  src: string;
  rel: Piece;
  abs: Piece;
  open: boolean;
  definitions: boolean;
}

/**
 * Cut, parse (or fetch) every piece, merging a piece with the next while its end is not a safe
 * cut; undefined when the document must be parsed whole (definitions).
 */
function piecesOf(text: string, reuse?: Map<string, PieceAt>): PieceAt[] | undefined {
  // the parse budget holds for the whole text: pieces parsed alone would each have all of it
  if (overBudget(text)) return undefined;
  const cuts = cutPoints(text);
  const out: PieceAt[] = [];
  let i = 0;
  while (i < cuts.length) {
    const start = cuts[i];
    let j = i + 1;
    let src = text.slice(start, j < cuts.length ? cuts[j] : text.length);
    let x = pieceOf(src, i === 0);
    if (x.open && j < cuts.length) {
      // one more piece, and if that does not close it either, the rest of the document
      j++;
      src = text.slice(start, j < cuts.length ? cuts[j] : text.length);
      x = pieceOf(src, i === 0);
      if (x.open && j < cuts.length) {
        j = cuts.length;
        src = text.slice(start);
        x = pieceOf(src, i === 0);
      }
    }
    if (x.definitions) return undefined;
    const old = reuse?.get(src);
    out.push({
      start,
      src,
      rel: x.piece,
      abs: old && old.start === start && old.rel === x.piece ? old.abs : shift(x.piece, start),
      open: x.open,
      definitions: false,
    });
    i = j;
  }
  return out;
}

function assemble(text: string, pieces: readonly Piece[], lines?: LineIndex): ParsedDocument {
  const all = <K extends 'headings' | 'tables' | 'prose' | 'comments' | 'blocks'>(k: K): Piece[K] =>
    (pieces.length === 1
      ? pieces[0][k].slice()
      : ([] as Piece[K][number][]).concat(...pieces.map((p) => p[k]))) as Piece[K];
  const doc: ParsedDocument = {
    text,
    lines: lines ?? new LineIndex(text),
    headings: all('headings'),
    tables: all('tables'),
    prose: all('prose'),
    comments: all('comments'),
    blocks: all('blocks'),
  };
  for (const piece of pieces) if (piece.frontMatter) doc.frontMatter = piece.frontMatter;
  return doc;
}

/**
 * The line index of `text` made from the previous text's, when `c` adds and removes no line
 * break: the line starts after the edit move by its length. Built like `new LineIndex(text)`
 * builds it (its two fields); should LineIndex ever hold more, it is simply built anew.
 */
function movedLines(prev: LineIndex, text: string, c: TextChange): LineIndex {
  const own = prev as unknown as Record<string, unknown>;
  const keys = Object.keys(own);
  if (keys.length !== 2 || own.text === undefined || !Array.isArray(own.starts)) return new LineIndex(text);
  const delta = c.text.length - (c.end - c.start);
  const starts = (own.starts as number[]).slice();
  if (delta !== 0) for (let i = starts.length - 1; i >= 0 && starts[i] > c.start; i--) starts[i] += delta;
  const out = Object.create(LineIndex.prototype) as Record<string, unknown>;
  for (const k of keys) out[k] = k === 'text' ? text : k === 'starts' ? starts : undefined;
  return out as unknown as LineIndex;
}

/** Up to this size a stateless parse (`parseDocument`) does not cut the text into pieces. */
const WHOLE_TEXT_CHARS = 20_000;

/**
 * Parse a whole document, reusing the pieces that did not change since the last call.
 * `incremental: false` parses the text at once, without any cache: the reference result.
 */
export function parseDocument(text: string, options: { incremental?: boolean } = {}): ParsedDocument {
  if (options.incremental === false) return assemble(text, [extract(text, 0)]);
  // a report-sized text is parsed in one go (one parse call costs less than several); its
  // extraction is still cached by content
  if (text.length <= WHOLE_TEXT_CHARS) return assemble(text, [pieceOf(text, true).piece]);
  const pieces = piecesOf(text);
  return assemble(text, pieces ? pieces.map((p) => p.abs) : [pieceOf(text, true).piece]);
}

// ---------------------------------------------------------------------------------------------
// One document over its versions

/** A replacement of `[start, end)` of the previous text by `text`. */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

/** The one replacement that turns `a` into `b` (common prefix and suffix removed). */
export function diffText(a: string, b: string): TextChange {
  const n = Math.min(a.length, b.length);
  // whole blocks compared at a time (native string comparison), then characters
  const B = 256;
  let p = 0;
  while (p + B <= n && a.slice(p, p + B) === b.slice(p, p + B)) p += B;
  while (p < n && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let s = 0;
  const room = n - p;
  while (s + B <= room && a.slice(a.length - s - B, a.length - s) === b.slice(b.length - s - B, b.length - s)) s += B;
  while (s < room && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return { start: p, end: a.length - s, text: b.slice(p, b.length - s) };
}

const EOL = /[\r\n]/;

/** Whether `c` turns `a` into `b` (an editor's change is checked, not trusted). */
function fits(a: string, b: string, c: TextChange): boolean {
  if (c.start < 0 || c.start > c.end || c.end > a.length) return false;
  if (a.length - (c.end - c.start) + c.text.length !== b.length) return false;
  const after = c.start + c.text.length;
  return (
    b.startsWith(c.text, c.start) && a.slice(0, c.start) === b.slice(0, c.start) && a.slice(c.end) === b.slice(after)
  );
}

/**
 * The parser of one document over its versions: keeps the pieces of the last version, so an
 * edit costs the piece it touched — or, for an edit inside a table row that keeps the row's
 * shape, no parse at all. Its results equal `parseDocument(text, { incremental: false })`.
 */
export class DocumentParser {
  private text: string | undefined;
  private pieces: PieceAt[] | undefined;
  private doc: ParsedDocument | undefined;
  /**
   * How the last call was answered: the same text as before, the table-row fast path, the
   * pieces (re-cut, changed pieces re-parsed) or one parse of the whole text.
   */
  lastPath: 'same' | 'row' | 'pieces' | 'whole' = 'whole';
  /** For the row path: the change, and the row it stayed inside (offsets of the previous text). */
  lastRowEdit: { change: TextChange; row: Span } | undefined;

  /** Parse `text`; `change` (from the editor) says what changed since the previous call. */
  parse(text: string, change?: TextChange): ParsedDocument {
    const prev = this.text;
    this.lastRowEdit = undefined;
    if (prev !== undefined && this.doc) {
      if (text === prev) {
        this.lastPath = 'same';
        return this.doc;
      }
      const c = change && fits(prev, text, change) ? change : diffText(prev, text);
      const patched = this.pieces && this.rowEdit(text, c);
      if (patched) {
        this.lastPath = 'row';
        return this.keep(text, patched, movedLines(this.doc.lines, text, c));
      }
    }
    const reuse = new Map<string, PieceAt>();
    for (const p of this.pieces ?? []) reuse.set(p.src, p);
    const pieces = piecesOf(text, reuse);
    this.lastPath = pieces ? 'pieces' : 'whole';
    if (!pieces) {
      // the text as one piece (definitions reach across pieces); a row edit can still patch it
      const x = pieceOf(text, true);
      return this.keep(text, [
        { start: 0, src: text, rel: x.piece, abs: x.piece, open: x.open, definitions: x.definitions },
      ]);
    }
    return this.keep(text, pieces);
  }

  private keep(text: string, pieces: PieceAt[], lines?: LineIndex): ParsedDocument {
    this.text = text;
    this.pieces = pieces;
    this.doc = assemble(
      text,
      pieces.map((p) => p.abs),
      lines,
    );
    return this.doc;
  }

  /**
   * The table-row fast path. The edit lies inside one row of a top-level pipe table (the row
   * starts its line with `|`), leaves the row's first and last characters alone, adds or removes
   * no line and keeps the number of cells. Then the line is still a row of the same table (no
   * block can start with `|`; a header row keeps matching the delimiter row), no other block
   * changes, and the row's cells are exactly `splitRow` of its new text: the pieces are patched.
   */
  private rowEdit(text: string, c: TextChange): PieceAt[] | undefined {
    const prev = this.text!;
    const pieces = this.pieces!;
    if (EOL.test(c.text) || EOL.test(prev.slice(c.start, c.end))) return undefined;
    const k = pieces.findIndex((p) => p.start <= c.start && c.end < p.start + p.src.length);
    if (k < 0) return undefined;
    const at = pieces[k];
    const ti = at.abs.tables.findIndex((t) => t.span.start < c.start && c.end < t.span.end);
    if (ti < 0) return undefined;
    const table = at.abs.tables[ti];
    const all = [table.header, ...table.rows];
    const ri = all.findIndex((r) => r.span.start < c.start && c.end < r.span.end);
    if (ri < 0) return undefined;
    const row = all[ri];
    if (prev.charCodeAt(row.span.start) !== 124 /* | */) return undefined;
    if (row.span.start > 0 && prev.charCodeAt(row.span.start - 1) !== 10) return undefined;
    const delta = c.text.length - (c.end - c.start);
    const rowEnd = row.span.end + delta;
    const cells = splitRow(text.slice(row.span.start, rowEnd), row.span.start);
    if (cells.length !== row.cells.length) return undefined;
    this.lastRowEdit = { change: c, row: row.span };

    // the edited piece: every offset at or after the edit moves; the row gets its new cells
    const move = (o: number): number => (o >= c.end ? o + delta : o);
    const abs = movePiece(at.abs, move);
    const newRow: RowNode = { cells, span: { start: row.span.start, end: rowEnd } };
    const t = abs.tables[ti];
    if (ri === 0) t.header = newRow;
    else t.rows[ri - 1] = newRow;
    const src = text.slice(at.start, at.start + at.src.length + delta);
    const rel = shift(abs, -at.start);
    const key = cacheKey(src, k === 0);
    // a row edit changes no block: whether the piece ends open, and its definitions, are as before
    remember(key, { piece: rel, open: at.open, definitions: at.definitions });
    const out = pieces.slice(0, k);
    out.push({ start: at.start, src, rel, abs, open: at.open, definitions: at.definitions });
    for (const p of pieces.slice(k + 1)) out.push({ ...p, start: p.start + delta, abs: shift(p.abs, delta) });
    return out;
  }
}
