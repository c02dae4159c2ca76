/**
 * HTML (a saved web page, or what mammoth makes of a Word file) → lines of cells. Tables are laid
 * out on their grid: a cell merged over rows or columns (rowspan / colspan) sits at its first
 * column and the cells after it move right, so numbers keep the column of the header they stand
 * under.
 */
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { cleanCell, linesFromText, type SrcCell, type SrcLine } from './source';
import { IMPORT_LIMITS, gridOverflow } from './limits';

const SKIP = new Set([
  'script',
  'style',
  'head',
  'noscript',
  'template',
  'svg',
  'button',
  'select',
  'iframe',
  'object',
]);
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'nav',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'body',
  'html',
  'center',
  'form',
  'fieldset',
  'figure',
  'figcaption',
  'caption',
  'address',
  'hr',
  'table',
]);
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** Text of an element, with line breaks inside it joined (CJK runs without a space). */
function textOf(node: ElementContent | RootContent): string {
  const parts: string[] = [];
  const walk = (n: ElementContent | RootContent): void => {
    if (n.type === 'text') parts.push(n.value);
    else if (n.type === 'element') {
      if (SKIP.has(n.tagName)) return;
      if (n.tagName === 'br' || BLOCK.has(n.tagName)) parts.push('\n');
      for (const c of n.children) walk(c);
      if (BLOCK.has(n.tagName)) parts.push('\n');
    }
  };
  walk(node);
  const pieces = parts
    .join('')
    .split('\n')
    .map((s) => cleanCell(s))
    .filter(Boolean);
  let out = '';
  for (const p of pieces) {
    if (!out) out = p;
    else out += CJK.test(out[out.length - 1]) || CJK.test(p[0]) ? p : ` ${p}`;
  }
  return out;
}

/** A cell's span, cut to the import limit (a real report's table spans at most 16 columns). */
function span(e: Element, name: 'rowSpan' | 'colSpan'): number {
  const v = Number(e.properties?.[name] ?? 1);
  const max = name === 'colSpan' ? IMPORT_LIMITS.colSpan : IMPORT_LIMITS.rowSpan;
  return Number.isInteger(v) && v > 0 ? Math.min(v, max) : 1;
}

/** Grid positions used so far by the tables of one document (see IMPORT_LIMITS.gridCells). */
interface Budget {
  cells: number;
}

/** The rows of a table as lines, on the table's grid. */
function tableLines(table: Element, grid: number, budget: Budget): SrcLine[] {
  const rows: Element[] = [];
  const collect = (n: Element): void => {
    for (const c of n.children) {
      if (c.type !== 'element') continue;
      if (c.tagName === 'tr') rows.push(c);
      else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') collect(c);
    }
  };
  collect(table);
  const taken: boolean[][] = [];
  const out: SrcLine[] = [];
  rows.forEach((tr, r) => {
    const cells: SrcCell[] = [];
    let col = 0;
    taken[r] ??= [];
    for (const td of tr.children) {
      if (td.type !== 'element' || (td.tagName !== 'td' && td.tagName !== 'th')) continue;
      while (taken[r][col]) col++;
      const rs = Math.min(span(td, 'rowSpan'), rows.length - r);
      const cs = span(td, 'colSpan');
      budget.cells += rs * cs;
      if (budget.cells > IMPORT_LIMITS.gridCells) throw gridOverflow();
      for (let i = 0; i < rs; i++) {
        taken[r + i] ??= [];
        for (let j = 0; j < cs; j++) taken[r + i][col + j] = true;
      }
      const text = textOf(td);
      if (text) cells.push({ text, col });
      col += cs;
    }
    out.push({ cells, grid });
  });
  return out;
}

/**
 * A table used for page layout (older government sites wrap the whole article in one): it holds
 * another table, or long text in a cell. Its cells are read as blocks, not as a grid.
 */
function isLayoutTable(table: Element): boolean {
  let nested = false;
  let long = false;
  const visit = (n: Element, depth: number): void => {
    for (const c of n.children) {
      if (c.type !== 'element') continue;
      if (c.tagName === 'table' && depth > 0) {
        nested = true;
        return;
      }
      if (c.tagName === 'td' || c.tagName === 'th') {
        if (Array.from(textOf(c)).length > 300) long = true;
      }
      visit(c, depth + 1);
      if (nested) return;
    }
  };
  visit(table, 0);
  return nested || long;
}

/**
 * Markup too deeply nested for the parser (it recurses): read crudely instead, a table row per
 * line with its cells separated by tabs (merged cells then lose their grid).
 */
function linesFromFlatHtml(html: string): SrcLine[] {
  const text = html
    .replace(/<(script|style|head|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<\/t[dh]\s*>/gi, '\t')
    .replace(/<(br|\/?(p|div|tr|table|h[1-6]|li|section|article))\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Math.min(Number(d), 0x10ffff)))
    .replace(/&amp;/g, '&');
  return linesFromText(text);
}

export function linesFromHtml(html: string): SrcLine[] {
  let tree: Root;
  try {
    tree = unified().use(rehypeParse, { fragment: false }).parse(html);
  } catch (err) {
    if (err instanceof RangeError) return linesFromFlatHtml(html);
    throw err;
  }
  try {
    return linesFromTree(tree);
  } catch (err) {
    if (err instanceof RangeError) return linesFromFlatHtml(html);
    throw err;
  }
}

function linesFromTree(tree: Root): SrcLine[] {
  const out: SrcLine[] = [];
  const budget: Budget = { cells: 0 };
  let inline: string[] = [];
  let grid = 0;
  const flush = (): void => {
    const text = cleanCell(inline.join(''));
    inline = [];
    if (text) out.push({ cells: [{ text }] });
  };
  const walk = (n: RootContent | ElementContent): void => {
    if (n.type === 'text') {
      inline.push(n.value.replace(/\s+/g, ' '));
      return;
    }
    if (n.type !== 'element') return;
    if (SKIP.has(n.tagName)) return;
    if (n.tagName === 'table' && !isLayoutTable(n)) {
      flush();
      for (const l of tableLines(n, grid++, budget)) out.push(l);
      out.push({ cells: [] });
      return;
    }
    if (n.tagName === 'br') {
      flush();
      return;
    }
    const h = /^h([1-6])$/.exec(n.tagName);
    if (h) {
      flush();
      const text = textOf(n);
      if (text) out.push({ cells: [{ text }], heading: Number(h[1]) });
      return;
    }
    const block = BLOCK.has(n.tagName) || n.tagName === 'tr' || n.tagName === 'td';
    if (block) flush();
    for (const c of n.children) walk(c);
    if (block) flush();
  };
  for (const c of tree.children) walk(c);
  flush();
  return out;
}
