/**
 * The render model: a report's source → the document as it is published, block by block, with
 * the statistics tables in the official layout (merged header and row-label cells). Pure: no file
 * system, no editor. The HTML and DOCX renderers both draw from this model.
 *
 * Every block and cell keeps where it came from in the source (line, character), so the preview
 * can scroll with the editor and put the cursor on a clicked cell, and carries the diagnostics
 * that sit on it.
 */
import type { Heading, Root, RootContent, Table as MdTable, TableCell as MdTableCell } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { CheckOptions, Diagnostic } from '../engine/check';
import { analyze } from '../engine/index';
import { cutPoints, parseMarkdown } from '../engine/parse';
import { assessText } from '../engine/parse/limits';
import type { Report, ReportTable } from '../engine/model';
import type { TableNode } from '../engine/parse';
import type { Severity } from '../engine/rule';
import type { Span } from '../engine/text';
import { displayText, layoutTable, layoutArt20Group, plainTable, type LayoutContext } from './tables';
import type { Mark, RTable, SourcePos } from './types';

export type { Mark, SourcePos, CellRole, RCell, RRow, TableLayout, RTable } from './types';

export type RBlock =
  | { type: 'title'; node: Heading; text: string; line: number; endLine: number; marks: Mark[] }
  | { type: 'heading'; node: Heading; depth: number; text: string; line: number; endLine: number; marks: Mark[] }
  | { type: 'table'; table: RTable; line: number; endLine: number }
  | { type: 'prose'; node: RootContent; line: number; endLine: number; marks: Mark[] };

export interface RenderDocument {
  /** the report's title (first H1), or a title made from the front matter */
  title: string;
  agency?: string;
  year?: number;
  form: string;
  blocks: RBlock[];
  /** all diagnostics of the source */
  diagnostics: Diagnostic[];
  /** diagnostics that sit on no rendered block (front matter, document-level findings) */
  loose: Mark[];
  counts: { errors: number; warnings: number; infos: number };
}

export interface RenderOptions {
  /** check the report and attach diagnostics to what they sit on (the preview); default false */
  diagnostics?: boolean;
  /** options for the checker (locale, severities, clock) */
  check?: CheckOptions;
  /** the analysis of `text` already made (the language server's): the text is not checked again */
  analysis?: { report: Report; diagnostics: readonly Diagnostic[] };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

function markOf(d: Diagnostic): Mark {
  return { severity: d.severity, message: d.message, rule: d.rule, line: d.range.start.line };
}

/** Diagnostics, findable by where they start. */
class MarkIndex {
  private readonly items: { d: Diagnostic; used: boolean }[];
  constructor(ds: Diagnostic[]) {
    this.items = ds.filter((d) => d.severity !== 'hint').map((d) => ({ d, used: false }));
  }
  /** Claims the diagnostics that start inside `span` (a zero-width span claims those starting at it). */
  take(span: Span, inclusiveEnd = false): Mark[] {
    const out: Mark[] = [];
    for (const it of this.items) {
      if (it.used) continue;
      const s = it.d.span.start;
      const inside =
        span.end > span.start
          ? s >= span.start && (s < span.end || (inclusiveEnd && s === span.end))
          : s === span.start;
      if (inside) {
        it.used = true;
        out.push(markOf(it.d));
      }
    }
    return out.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  }
  rest(): Mark[] {
    return this.items.filter((i) => !i.used).map((i) => markOf(i.d));
  }
}

function offsetOf(
  n: { position?: { start: { offset?: number }; end: { offset?: number } } },
  which: 'start' | 'end',
): number {
  return n.position?.[which].offset ?? 0;
}

/** Builds the render model from source text. Never throws on malformed input. */
export function buildRenderModel(text: string, options: RenderOptions = {}): RenderDocument {
  const { report, diagnostics: found } = options.analysis ?? analyze(text, options.check ?? {});
  const diagnostics = [...found];
  if (assessText(text).tier !== 'full') {
    // beyond the engine's limits (engine/parse/limits.ts) parsing it for display would cost what the
    // check avoided: the text is shown as written, in one code block, under the limits notice
    const at = (offset: number): { line: number; column: number; offset: number } => ({ line: 1, column: 1, offset });
    const code = { type: 'code', value: text, position: { start: at(0), end: at(text.length) } } as RootContent;
    return modelFrom(
      report,
      [{ base: 0, tree: { type: 'root', children: [code] } }],
      diagnostics,
      !!options.diagnostics,
    );
  }
  // the tables come from the engine's parse: blank them out for the prose parse, which then skips
  // GFM's (slow) table parsing for them; offsets and lines stay the same
  const tables = report.doc.blocks.filter((b) => b.type === 'table').map((b) => b.span);
  return modelFrom(report, parsePieces(maskSpans(text, tables)), diagnostics, !!options.diagnostics);
}

/** The text with every character but line breaks inside `spans` replaced by a space. */
export function maskSpans(text: string, spans: Span[]): string {
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const sp of [...spans].sort((a, b) => a.start - b.start)) {
    if (sp.start < at) continue;
    out += text.slice(at, sp.start) + text.slice(sp.start, sp.end).replace(/[^\r\n]/g, ' ');
    at = sp.end;
  }
  return out + text.slice(at);
}

/** A piece of the document parsed on its own; its offsets are relative to `base`. */
export interface Piece {
  base: number;
  tree: Root;
}

const PIECE_CACHE_LIMIT = 256;
const pieceCache = new Map<string, Root>();

/**
 * The document's full syntax tree, in pieces cut where a top-level heading starts a new block
 * (the engine's cut points). Each piece is parsed once and reused while its text is unchanged,
 * so re-rendering after a keystroke parses only the section that changed.
 */
export function parsePieces(text: string): Piece[] {
  const cuts = cutPoints(text);
  return cuts.map((start, i) => {
    const src = text.slice(start, i + 1 < cuts.length ? cuts[i + 1] : text.length);
    const key = (i === 0 ? '\u0000' : '\u0001') + src;
    let tree = pieceCache.get(key);
    if (tree) pieceCache.delete(key);
    else tree = parseMarkdown(src);
    pieceCache.set(key, tree);
    if (pieceCache.size > PIECE_CACHE_LIMIT) pieceCache.delete(pieceCache.keys().next().value as string);
    return { base: start, tree };
  });
}

/** The model of a checked report; `attach` puts the diagnostics on what they sit on. */
export function modelFrom(
  report: Report,
  tree: Root | Piece[],
  diagnostics: Diagnostic[],
  attach = true,
): RenderDocument {
  const pieces: Piece[] = Array.isArray(tree) ? tree : [{ base: 0, tree }];
  const lines = report.doc.lines;
  const marks = new MarkIndex(attach ? diagnostics : []);
  const byStart = new Map<number, ReportTable>();
  for (const t of report.tables) byStart.set(t.node.span.start, t);
  const pos = (offset: number): SourcePos => lines.positionAt(offset);
  const ctx: LayoutContext = { pos, marks: (span, inclusiveEnd) => marks.take(span, inclusiveEnd) };

  // cells first (most specific), then the rest of each table, then headings and prose
  const blocks: RBlock[] = [];
  // the top level, in order: the prose parse's blocks and the engine's tables
  type Item =
    | { n: RootContent; base: number; start: number; end: number }
    | { n: undefined; table: TableNode; start: number; end: number };
  const items: Item[] = pieces.flatMap((p) =>
    p.tree.children.map((n) => ({
      n,
      base: p.base,
      start: p.base + offsetOf(n, 'start'),
      end: p.base + offsetOf(n, 'end'),
    })),
  );
  const mdTables = new Set(items.filter((x) => x.n?.type === 'table').map((x) => x.start));
  const engineTables = new Map(report.doc.tables.map((t) => [t.span.start, t]));
  for (const b of report.doc.blocks) {
    const t = b.type === 'table' ? engineTables.get(b.span.start) : undefined;
    if (t && !mdTables.has(t.span.start)) items.push({ n: undefined, table: t, start: t.span.start, end: t.span.end });
  }
  items.sort((a, b) => a.start - b.start);
  const isTable = (x: Item | undefined): boolean => !!x && (x.n === undefined || x.n.type === 'table');
  for (let i = 0; i < items.length; i++) {
    const c = items[i];
    const { start, end } = c;
    const line = pos(start).line;
    const endLine = pos(end).line;
    if (isTable(c)) {
      const rt = byStart.get(start);
      if (rt?.def?.section === '二' && rt.def.id.startsWith('art20')) {
        // consecutive 第二十条 tables form one table of blocks, as on the official form
        const group: ReportTable[] = [rt];
        let j = i + 1;
        while (j < items.length && isTable(items[j])) {
          const next = byStart.get(items[j].start);
          if (
            !next?.def ||
            next.def.section !== '二' ||
            !next.def.id.startsWith('art20') ||
            next.section !== rt.section
          )
            break;
          group.push(next);
          j++;
        }
        blocks.push({ type: 'table', table: layoutArt20Group(group, ctx), line, endLine: pos(items[j - 1].end).line });
        i = j - 1;
        continue;
      }
      const cells = c.n === undefined ? engineCells(c.table) : plainCells(c.n as MdTable, c.base);
      const table = rt ? layoutTable(rt, ctx) : plainTable(cells, ctx);
      blocks.push({ type: 'table', table, line, endLine });
      continue;
    }
    const n = c.n!;
    if (n.type === 'yaml' || n.type === 'definition') continue;
    if (n.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(n.value)) continue;
    if (n.type === 'heading') {
      const text = toString(n);
      const m = marks.take({ start, end }, true);
      if (n.depth === 1) blocks.push({ type: 'title', node: n, text, line, endLine, marks: m });
      else blocks.push({ type: 'heading', node: n, depth: n.depth, text, line, endLine, marks: m });
      continue;
    }
    blocks.push({ type: 'prose', node: n, line, endLine, marks: marks.take({ start, end }, true) });
  }

  const counts = { errors: 0, warnings: 0, infos: 0 };
  for (const d of diagnostics) {
    if (d.severity === 'error') counts.errors++;
    else if (d.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  const h1 = report.titles[0]?.text.trim();
  const { agency, year } = report.meta;
  const title = h1 || (agency && year ? `${agency}${year}年政府信息公开工作年度报告` : '政府信息公开工作年度报告');
  return { title, agency, year, form: report.meta.form.id, blocks, diagnostics, loose: marks.rest(), counts };
}

/** The cells of a table outside the statistics sections, from the engine's parse. */
function engineCells(t: TableNode): { text: string; span: Span }[][] & { align?: (string | null)[] } {
  const rows = [t.header, ...t.rows].map((r) => r.cells.map((c) => ({ text: displayText(c.text), span: c.span })));
  return Object.assign(rows, { align: t.align });
}

/** The cells of a table the form does not know, as written. */
function plainCells(t: MdTable, base: number): { text: string; span: Span }[][] & { align?: (string | null)[] } {
  const rows = t.children.map((r) =>
    r.children.map((c: MdTableCell) => ({
      text: toString(c),
      span: { start: base + offsetOf(c, 'start'), end: base + offsetOf(c, 'end') },
    })),
  );
  return Object.assign(rows, { align: t.align ?? [] });
}
