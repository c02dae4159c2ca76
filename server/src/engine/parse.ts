/**
 * Source → document structure. The Markdown is parsed by unified + remark-parse + remark-gfm +
 * remark-frontmatter; from the syntax tree we keep only what the report model needs (headings,
 * tables with exact cell spans, prose, comments, front matter), as offsets into the source.
 *
 * The document is cut at top-level `#`/`##` headings that provably start a new block (not inside
 * a fence, an HTML block or a comment). Each piece is parsed on its own and its extraction is
 * cached by content, so an edit re-parses only the piece it touched.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { toString } from 'mdast-util-to-string';
import type { Root, RootContent, Table, TableRow, Heading, Paragraph, Html, Yaml, Node } from 'mdast';
import { LineIndex, type Span } from './text';

export interface HeadingNode { depth: number; text: string; span: Span; textSpan: Span }
export interface CellNode { text: string; span: Span }
export interface RowNode { cells: CellNode[]; span: Span }
export interface TableNode { header: RowNode; rows: RowNode[]; span: Span; align: (string | null)[] }
/** Prose with, for each character of `text`, its offset in the source. */
export interface ProseNode { text: string; map: number[]; span: Span; kind: 'paragraph' | 'heading' }
export interface CommentNode { value: string; span: Span }
export interface FrontMatterNode { raw: string; span: Span; rawStart: number }
/** A top-level block, in order, used to find what a section contains. */
export interface BlockNode { type: string; span: Span; text: string }

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
  return processor.parse(text) as Root;
}

// ---------------------------------------------------------------------------------------------
// Cutting the document into independently parsable pieces

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const CUT = /^#{1,2}(?:[ \t]|$)/;

/** Offsets where a piece starts (always includes 0). */
export function cutPoints(text: string): number[] {
  const cuts = [0];
  let fence: string | null = null;
  let inComment = false;
  let inHtml = false;
  let inFrontMatter = text.startsWith('---');
  let pos = 0;
  let lineNo = 0;
  while (pos <= text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const line = text.slice(pos, end).replace(/\r$/, '');
    const blank = line.trim() === '';
    if (inFrontMatter) {
      if (lineNo > 0 && /^(---|\.\.\.)\s*$/.test(line)) inFrontMatter = false;
    } else if (fence) {
      const m = FENCE.exec(line);
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && line.trim() === m[1]) fence = null;
    } else if (inComment) {
      if (line.includes('-->')) inComment = false;
    } else if (inHtml) {
      if (blank) inHtml = false;
    } else {
      const f = FENCE.exec(line);
      if (f) fence = f[1]!;
      else if (/^ {0,3}<!--/.test(line)) inComment = !line.includes('-->', line.indexOf('<!--') + 4);
      else if (/^ {0,3}</.test(line)) inHtml = true;
      else if (CUT.test(line) && pos > 0) cuts.push(pos);
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
    if (c === '\\') { i++; continue; }
    if (c === '|') bounds.push(i);
  }
  // segments between pipes; a leading and a trailing pipe are optional
  const starts: number[] = [];
  const ends: number[] = [];
  const firstNonSpace = src.search(/\S/);
  const lastNonSpace = src.length - 1 - (src.match(/\s*$/)?.[0].length ?? 0);
  const leading = bounds.length > 0 && bounds[0] === firstNonSpace;
  const trailing = bounds.length > 0 && bounds[bounds.length - 1] === lastNonSpace && !(leading && bounds.length === 1);
  let from = leading ? bounds[0]! + 1 : 0;
  const inner = bounds.slice(leading ? 1 : 0, trailing ? bounds.length - 1 : bounds.length);
  for (const b of inner) { starts.push(from); ends.push(b); from = b + 1; }
  starts.push(from);
  ends.push(trailing ? bounds[bounds.length - 1]! : src.length);
  for (let k = 0; k < starts.length; k++) {
    const raw = src.slice(starts[k], ends[k]);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    const s = base + starts[k]! + (text ? lead : 0);
    const e = text ? s + text.length : base + ends[k]!;
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

function extract(src: string, base: number): Piece {
  const tree = parseMarkdown(src);
  const piece: Piece = { headings: [], tables: [], prose: [], comments: [], blocks: [] };
  const walk = (nodes: RootContent[], top: boolean): void => {
    for (const n of nodes) {
      const span = { start: base + off(n, 'start'), end: base + off(n, 'end') };
      if (top) piece.blocks.push({ type: n.type, span, text: n.type === 'table' ? '' : toString(n) });
      switch (n.type) {
        case 'yaml': {
          const y = n as Yaml;
          const raw = y.value;
          const open = src.indexOf('\n', off(n, 'start'));
          piece.frontMatter = { raw, span, rawStart: base + (open < 0 ? off(n, 'start') : open + 1) };
          break;
        }
        case 'heading': {
          const h = n as Heading;
          const first = h.children[0];
          const last = h.children[h.children.length - 1];
          const textSpan = first && last
            ? { start: base + off(first, 'start'), end: base + off(last, 'end') }
            : { start: span.end, end: span.end };
          piece.headings.push({ depth: h.depth, text: toString(h), span, textSpan });
          piece.prose.push(proseOf(h, src, base, 'heading'));
          break;
        }
        case 'paragraph':
          piece.prose.push(proseOf(n as Paragraph, src, base, 'paragraph'));
          break;
        case 'table': {
          const t = n as Table;
          const rows = t.children.map((r: TableRow) => {
            const s = off(r, 'start');
            const e = off(r, 'end');
            return { cells: splitRow(src.slice(s, e), base + s), span: { start: base + s, end: base + e } };
          });
          piece.tables.push({ header: rows[0]!, rows: rows.slice(1), span, align: t.align ?? [] });
          break;
        }
        case 'html': {
          const v = (n as Html).value;
          const re = /<!--([\s\S]*?)-->/g;
          let m: RegExpExecArray | null;
          while ((m = re.exec(v))) {
            const s = span.start + (src.slice(off(n, 'start'), off(n, 'end')) === v ? m.index : 0);
            piece.comments.push({ value: m[1]!.trim(), span: { start: s, end: s + m[0].length } });
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

// ---------------------------------------------------------------------------------------------
// Cache of pieces, by content

const CACHE_LIMIT = 512;
const cache = new Map<string, Piece>();

function shift(p: Piece, by: number): Piece {
  if (by === 0) return p;
  const s = (x: Span): Span => ({ start: x.start + by, end: x.end + by });
  const row = (r: RowNode): RowNode => ({ span: s(r.span), cells: r.cells.map((c) => ({ text: c.text, span: s(c.span) })) });
  return {
    frontMatter: p.frontMatter && { ...p.frontMatter, span: s(p.frontMatter.span), rawStart: p.frontMatter.rawStart + by },
    headings: p.headings.map((h) => ({ ...h, span: s(h.span), textSpan: s(h.textSpan) })),
    tables: p.tables.map((t) => ({ header: row(t.header), rows: t.rows.map(row), span: s(t.span), align: t.align })),
    prose: p.prose.map((x) => ({ ...x, span: s(x.span), map: x.map.map((o) => o + by) })),
    comments: p.comments.map((c) => ({ value: c.value, span: s(c.span) })),
    blocks: p.blocks.map((b) => ({ ...b, span: s(b.span) })),
  };
}

function pieceOf(src: string, isFirst: boolean): Piece {
  // front matter is only recognised at the very start: keep the first piece's key distinct
  const key = (isFirst ? '\u0000' : '\u0001') + src;
  let p = cache.get(key);
  if (p) {
    cache.delete(key);
    cache.set(key, p);
    return p;
  }
  p = extract(src, 0);
  if (!isFirst) delete p.frontMatter;
  cache.set(key, p);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  return p;
}

export function clearParseCache(): void { cache.clear(); }

/** Parse a whole document, reusing the pieces that did not change since the last call. */
export function parseDocument(text: string, options: { incremental?: boolean } = {}): ParsedDocument {
  const doc: ParsedDocument = {
    text, lines: new LineIndex(text), headings: [], tables: [], prose: [], comments: [], blocks: [],
  };
  const cuts = options.incremental === false ? [0] : cutPoints(text);
  for (let i = 0; i < cuts.length; i++) {
    const start = cuts[i]!;
    const end = i + 1 < cuts.length ? cuts[i + 1]! : text.length;
    const piece = options.incremental === false ? extract(text, 0) : shift(pieceOf(text.slice(start, end), i === 0), start);
    if (piece.frontMatter) doc.frontMatter = piece.frontMatter;
    doc.headings.push(...piece.headings);
    doc.tables.push(...piece.tables);
    doc.prose.push(...piece.prose);
    doc.comments.push(...piece.comments);
    doc.blocks.push(...piece.blocks);
  }
  return doc;
}
