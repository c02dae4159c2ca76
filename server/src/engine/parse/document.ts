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
 * - DocumentParser (incremental.ts) keeps the pieces of the previous version of one document: an edit inside one
 *   row of a pipe table that keeps its first and last character and its number of cells cannot
 *   change any block, so the cached extraction is patched (that row re-split, later offsets
 *   moved) without parsing at all (the table-row fast path).
 *
 * Files: nodes.ts (the extracted structure), markdown.ts (remark), pipe-tables.ts (the line scan of
 * plain pipe tables), neutralize.ts (the parse budget), this file (cutting, extraction, the cache of
 * pieces, parseDocument), incremental.ts (DocumentParser, diffText); index.ts exports the stage.
 */
import { toString } from 'mdast-util-to-string';
import type { Root, RootContent, TableRow, Heading, Paragraph, Node } from 'mdast';
import { LineIndex, type Span } from '../text';
import { overBudget } from './neutralize';
import { off, parseMarkdown } from './markdown';
import { parsePiece, type FastTable } from './pipe-tables';
import type { CellNode, ParsedDocument, ProseNode, RowNode } from './nodes';
import { closesFence, FENCE, HTML_ENDS, openEnd } from './blocks';

export type Piece = Omit<ParsedDocument, 'text' | 'lines'>;

// ---------------------------------------------------------------------------------------------
// Cutting the document into independently parsable pieces

const CUT = /^#{1,6}(?:[ \t]|$)/;

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
        if (closesFence(line, fence)) fence = null;
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

export function splitRow(src: string, base: number): CellNode[] {
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

function proseOf(node: Paragraph | Heading, src: string, base: number, kind: ProseNode['kind']): ProseNode {
  let text = '';
  // offsets relative to the node's start: a node that moves keeps its map
  const at = off(node, 'start');
  const map: number[] = [];
  const visit = (n: Node): void => {
    if (n.type === 'text' || n.type === 'inlineCode') {
      const value = (n as unknown as { value: string }).value;
      const s = off(n, 'start');
      const e = off(n, 'end');
      const exact = src.slice(s, e) === value;
      for (let i = 0; i < value.length; i++) map.push((exact ? s + i : s) - at);
      text += value;
    } else if (n.type === 'break') {
      map.push(off(n, 'start') - at);
      text += '\n';
    } else if ('children' in n) {
      for (const c of (n as { children: Node[] }).children) visit(c);
    }
  };
  visit(node);
  return { text, map, span: { start: base + at, end: base + off(node, 'end') }, kind };
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
  // the last block may be left open at the end of the text (computed here, once: blocks.ts)
  const last = tree.children[tree.children.length - 1];
  const block = piece.blocks[piece.blocks.length - 1];
  if (last && block) {
    const open = openEnd(last.type, src.slice(off(last, 'start'), off(last, 'end')), src.slice(off(last, 'end')));
    if (open) block.open = open;
  }
  return piece;
}

/** A whole text, parsed at once: the reference every incremental parse must equal. */
function extract(src: string, base: number): Piece {
  return extractTree(parseMarkdown(src), src, base);
}

// ---------------------------------------------------------------------------------------------
// Verifying a cut: what a piece's parse tells about the blocks still open at its end

/**
 * Whether the piece's last top-level block may still be open where the piece ends, so that in
 * the whole document it would swallow the heading that starts the next piece: the block says so
 * (`BlockNode.open`, see blocks.ts). A heading line at column 0 closes every other block:
 * paragraphs, lists, block quotes, tables. The first piece is also open when it starts like front
 * matter whose closing fence it does not contain.
 */
function openAtEnd(tree: Root, piece: Piece, src: string, first: boolean): boolean {
  if (first && /^\ufeff?---[ \t]*(?:\r\n?|\n)/.test(src) && tree.children[0]?.type !== 'yaml') return true;
  return piece.blocks[piece.blocks.length - 1]?.open !== undefined;
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

export function shift(p: Piece, by: number): Piece {
  if (by === 0) return p;
  return movePiece(p, (o) => o + by);
}

/**
 * A piece with every offset mapped by `f`, which must keep order (a shift, or an edit's move).
 * A node that `f` leaves where it is — its span, and so everything inside it, unmoved — is shared
 * with `p`, not copied: nodes are never changed once made (a caller that patches one copies it).
 */
export function movePiece(p: Piece, f: (o: number) => number): Piece {
  const s = (x: Span): Span => ({ start: f(x.start), end: f(x.end) });
  const still = (x: Span): boolean => f(x.start) === x.start && f(x.end) === x.end;
  const row = (r: RowNode): RowNode =>
    still(r.span) ? r : { span: s(r.span), cells: r.cells.map((c) => ({ text: c.text, span: s(c.span) })) };
  const out: Piece = {
    headings: p.headings.map((h) => (still(h.span) ? h : { ...h, span: s(h.span), textSpan: s(h.textSpan) })),
    tables: p.tables.map((t) =>
      still(t.span) ? t : { header: row(t.header), rows: t.rows.map(row), span: s(t.span), align: t.align },
    ),
    prose: p.prose.map((x) => {
      if (still(x.span)) return x;
      // its map is relative to its start: a node that moves as a whole keeps it
      const span = s(x.span);
      const by = span.start - x.span.start;
      const map = span.end - x.span.end === by ? x.map : x.map.map((o) => f(x.span.start + o) - span.start);
      return { text: x.text, map, span, kind: x.kind };
    }),
    comments: p.comments.map((c) => (still(c.span) ? c : { value: c.value, span: s(c.span) })),
    blocks: p.blocks.map((b) => (still(b.span) ? b : { ...b, span: s(b.span) })),
  };
  if (p.frontMatter)
    out.frontMatter = still(p.frontMatter.span)
      ? p.frontMatter
      : { ...p.frontMatter, span: s(p.frontMatter.span), rawStart: f(p.frontMatter.rawStart) };
  return out;
}

export function cacheKey(src: string, isFirst: boolean): string {
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

export function pieceOf(src: string, isFirst: boolean): Extracted {
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
  x = { piece, open: openAtEnd(tree, piece, src, isFirst), definitions: hasDefinitions(tree.children) };
  remember(key, x);
  return x;
}

/** How much the cache holds: pieces and their characters. */
export function parseCacheSize(): { pieces: number; chars: number } {
  return { pieces: cache.size, chars: cachedChars };
}

export function clearParseCache(): void {
  cache.clear();
  cachedChars = 0;
}

// ---------------------------------------------------------------------------------------------
// Whole documents

/** One piece of a parsed document: where it starts, its source, its extraction (relative and absolute). */
export interface PieceAt {
  start: number;
  src: string;
  abs: Piece;
  open: boolean;
  definitions: boolean;
}

/**
 * Cut, parse (or fetch) every piece, merging a piece with the next while its end is not a safe
 * cut; undefined when the document must be parsed whole (definitions).
 */
export function piecesOf(text: string, reuse?: Map<string, PieceAt>): PieceAt[] | undefined {
  // the parse budget holds for the whole text: pieces parsed alone would each have all of it
  if (overBudget(text)) return undefined;
  const cuts = cutPoints(text);
  const out: PieceAt[] = [];
  /**
   * A piece of the previous version with this source (and place: front matter counts only
   * first) is taken as it is, moved; any other source is fetched from the cache or parsed.
   */
  const fetch = (src: string, start: number): Omit<PieceAt, 'src'> => {
    const old = reuse?.get(src);
    if (old && (old.start === 0) === (start === 0))
      return { start, abs: shift(old.abs, start - old.start), open: old.open, definitions: old.definitions };
    const x = pieceOf(src, start === 0);
    return { start, abs: shift(x.piece, start), open: x.open, definitions: x.definitions };
  };
  let i = 0;
  while (i < cuts.length) {
    const start = cuts[i];
    let j = i + 1;
    let src = text.slice(start, j < cuts.length ? cuts[j] : text.length);
    let x = fetch(src, start);
    if (x.open && j < cuts.length) {
      // one more piece, and if that does not close it either, the rest of the document
      j++;
      src = text.slice(start, j < cuts.length ? cuts[j] : text.length);
      x = fetch(src, start);
      if (x.open && j < cuts.length) {
        j = cuts.length;
        src = text.slice(start);
        x = fetch(src, start);
      }
    }
    if (x.definitions) return undefined;
    out.push({ ...x, src });
    i = j;
  }
  return out;
}

export function assemble(text: string, pieces: readonly Piece[], lines?: LineIndex): ParsedDocument {
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
