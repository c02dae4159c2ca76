/**
 * PDF → lines of cells, on pdfjs-dist (loaded lazily: `xxgk check` on Markdown never loads it).
 *
 * The text runs of each page are read with their positions and font sizes, then:
 * - grouped into lines by their vertical centres, and within a line into cells wherever the gap
 *   between two runs is wider than a letter-spaced character (numbers set in separate runs join
 *   when they touch; spaces between CJK characters, as letter-spaced headings print them, go);
 * - page chrome is dropped: page numbers (“- 3 -”, “第 3 页”) and lines repeated at the same
 *   place on most pages (running headers and footers);
 * - a row label wrapped over several lines, and the number row it belongs to, become one line:
 *   a label-only fragment left of a number row's first number joins the nearest number row on
 *   its page (the row's band runs halfway to the next number row), fragments ordered by column
 *   and then top to bottom, so that the assembler reads “（二）部分公开（区分处理的，只计这一
 *   情形，不计其他情形）” whole beside its numbers;
 * - prose lines that run to the right margin are joined with the next line unless it is indented.
 * Every cell keeps its horizontal extent (`x0`, `x1`), so that tables.ts can put a number under
 * the column it stands in when a row has blank cells. Tables split over pages need nothing more:
 * the lines of the next page follow, its repeated header row is read as a header (ignored).
 *
 * No file system here: the caller passes the bytes. Errors are ImportError with a Chinese
 * message (and English after it): not a PDF, encrypted, truncated or damaged, no text layer.
 */
import type { SrcCell, SrcLine } from './source';
import { ImportError, importError } from './errors';
import { readValue } from './tables';
import { FORMS } from '../engine/forms';
import { labelKey, stripNumeral } from '../engine/model/normalize';

export interface PdfInfo {
  pages: number;
  title?: string;
  author?: string;
  subject?: string;
  /** the creation date as YYYY-MM-DD */
  created?: string;
}

export interface PdfOptions {
  /** where pdfjs finds its CJK character maps (a URL or a directory path ending in /) */
  cMapUrl?: string;
  /** give up after this many pages */
  maxPages?: number;
  /** give up when Date.now() passes this */
  deadline?: number;
}

interface Run {
  s: string;
  x0: number;
  x1: number;
  y: number;
  h: number;
}
interface PLine {
  cells: PCell[];
  cy: number;
  h: number;
  page: number;
}
interface PCell {
  text: string;
  x0: number;
  x1: number;
  cy: number;
  h: number;
  num: boolean;
}

/** How a row label of the forms starts: 一、 （三） 2. … */
const ENUMERATED = /^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[）)]|\d+[.．、])/;
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’（）《》、，。：；！？]/;
const DIGIT = /[0-9０-９.,％%]/;

type PdfjsModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loading: Promise<PdfjsModule> | undefined;

/**
 * The built-ins whose existing methods pdfjs's legacy build (core-js) replaces with its own, slower
 * versions — Array.prototype.push in JavaScript, JSON.parse, Function.prototype.toString — for every
 * caller in the process (the language server too). Node 20's own are kept: what core-js adds that Node
 * 20 lacks (Promise.withResolvers, ArrayBuffer.prototype.transfer, …) stays.
 */
const BUILTINS: object[] = [
  Array.prototype,
  Array,
  Object,
  JSON,
  Function.prototype,
  String.prototype,
  String,
  Number,
  Math,
  Promise,
  Promise.prototype,
  Map.prototype,
  Set.prototype,
  ArrayBuffer.prototype,
  Object.getPrototypeOf(Uint8Array.prototype) as object,
  RegExp.prototype,
];

function keepBuiltins(): () => void {
  const saved = BUILTINS.map((o) => Reflect.ownKeys(o).map((k) => [k, Object.getOwnPropertyDescriptor(o, k)] as const));
  return () =>
    BUILTINS.forEach((o, i) => {
      for (const [k, d] of saved[i]) {
        const now = Object.getOwnPropertyDescriptor(o, k);
        if (d && now && 'value' in d && now.value !== d.value && typeof d.value === 'function')
          Object.defineProperty(o, k, d);
      }
    });
}

/**
 * pdfjs, loaded once; its warnings about canvas polyfills (not needed for text) are kept quiet, and
 * the built-ins it would replace are given back (see BUILTINS).
 */
function loadPdfjs(): Promise<PdfjsModule> {
  loading ??= (async () => {
    const log = console.log;
    const warn = console.warn;
    console.log = () => undefined;
    console.warn = () => undefined;
    const restore = keepBuiltins();
    try {
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      // the "fake worker" runs in this thread: give it the worker module directly, so that no
      // file has to be found next to a bundle
      const g = globalThis as { pdfjsWorker?: unknown };
      g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      pdfjs.GlobalWorkerOptions.workerSrc ||= 'pdf.worker.mjs';
      return pdfjs;
    } finally {
      restore();
      console.log = log;
      console.warn = warn;
    }
  })();
  return loading;
}

function pdfDate(d: unknown): string | undefined {
  const m = typeof d === 'string' ? /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(d) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

function looksTruncated(data: Uint8Array): boolean {
  const tail = data.subarray(Math.max(0, data.length - 2048));
  let s = '';
  for (const b of tail) s += String.fromCharCode(b);
  return !s.includes('%%EOF');
}

/** Read the text of a PDF as lines of cells, with what its document properties say. */
export async function linesFromPdf(
  data: Uint8Array,
  options: PdfOptions = {},
): Promise<{ lines: SrcLine[]; info: PdfInfo }> {
  let head = '';
  for (const b of data.subarray(0, 1024)) head += String.fromCharCode(b);
  if (!head.includes('%PDF-')) throw importError('import.not-pdf');
  const truncated = looksTruncated(data);
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    // pdfjs may transfer (detach) the buffer it is given: pass a copy
    data: data.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
    ...(options.cMapUrl ? { cMapUrl: options.cMapUrl, cMapPacked: true } : {}),
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name === 'PasswordException') throw importError('import.pdf-encrypted');
    throw truncated
      ? importError('import.pdf-truncated')
      : importError('import.pdf-damaged', { reason: (err as Error).message ?? String(err) });
  }
  try {
    const maxPages = options.maxPages ?? 200;
    if (doc.numPages > maxPages) throw importError('import.pdf-too-many-pages', { pages: doc.numPages, max: maxPages });
    const info: PdfInfo = { pages: doc.numPages };
    try {
      const meta = await doc.getMetadata();
      const i = meta.info as Record<string, unknown>;
      const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
      info.title = str(i.Title);
      info.author = str(i.Author);
      info.subject = str(i.Subject);
      info.created = pdfDate(i.CreationDate);
    } catch {
      // properties are optional
    }
    const pages: PLine[][] = [];
    let chars = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      if (options.deadline !== undefined && Date.now() > options.deadline) throw importError('import.pdf-out-of-time');
      let runs: Run[];
      try {
        const page = await doc.getPage(p);
        const tc = await page.getTextContent();
        runs = [];
        for (const it of tc.items) {
          if (!('str' in it) || !it.str || !it.str.trim()) continue;
          const [a, b, c, d, e, f] = it.transform as number[];
          // text drawn rotated (a stamp, a vertical margin note) is not part of the report's lines
          if (Math.abs(b) > 1e-3 || Math.abs(c) > 1e-3 || a <= 0) continue;
          const h = Math.abs(d) || it.height || 10;
          runs.push({ s: it.str, x0: e, x1: e + (it.width || h * it.str.length), y: f, h });
          chars += it.str.length;
        }
        page.cleanup();
      } catch (err) {
        if (err instanceof ImportError) throw err;
        if (truncated) throw importError('import.pdf-truncated');
        throw importError('import.pdf-page-unreadable', { page: p, reason: (err as Error).message });
      }
      pages.push(linesOfPage(withoutUprightLabels(runs), p));
    }
    if (chars < 20) throw importError('import.pdf-no-text');
    if (truncated && chars < 200) throw importError('import.pdf-truncated');
    dropChrome(pages);
    return { lines: joinProse(pages.map(joinWrappedLabels)), info };
  } finally {
    void doc.destroy();
  }
}

// ---------------------------------------------------------------------------------------------
// Text set upright

/** One glyph: a run of one character that is not a figure. */
const isGlyph = (r: Run): boolean => {
  const t = r.s.trim();
  return Array.from(t).length === 1 && !/[0-9０-９]/.test(t);
};

let FORM_LABELS: Set<string> | undefined;
/**
 * Whether a text is a label of the forms' tables (a key, a row, a column), its numeral aside — the
 * brackets of （三） are drawn sideways in upright text, and sideways text is not read: the import
 * writes that label.
 */
const labelWithoutNumeral = (t: string): string => stripNumeral(labelKey(t));
function isFormLabel(text: string): boolean {
  FORM_LABELS ??= new Set(
    FORMS.flatMap((f) =>
      f.tables.flatMap((t) => [
        t.key,
        ...t.keyAliases,
        ...t.rows.flatMap((r) => [r.label, ...r.aliases]),
        ...t.columns.flatMap((c) => [c.label, ...c.aliases]),
      ]),
    ).map(labelWithoutNumeral),
  );
  return FORM_LABELS.has(labelWithoutNumeral(text));
}

/**
 * Labels set upright in a narrow column — the merged group labels of table 三 (三、本年度办理结果,
 * （三）不予公开 …), as the official form and a print of the preview set them: one glyph per run,
 * stacked at one x, a glyph's height apart, with nothing beside them. Read across, their glyphs
 * would fall into the rows they stand beside and garble those rows' labels. A stack that reads
 * (top to bottom, vertical forms such as ︵ ︶ ︑ as （ ） 、) as a label of the forms is taken
 * out: the imported table writes that row under its official label. Any other stack stays.
 */
function withoutUprightLabels(runs: Run[]): Run[] {
  const glyphs = runs.filter(isGlyph);
  if (glyphs.length < 3) return runs;
  // (windows found by binary search: a page may hold tens of thousands of runs)
  const firstAtLeast = <T>(xs: readonly T[], v: number, of: (x: T) => number): number => {
    let lo = 0,
      hi = xs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (of(xs[mid]) < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const byCentre = [...runs].sort((a, b) => centre(a) - centre(b));
  const maxH = runs.reduce((m, r) => Math.max(m, r.h), 0);
  // a glyph with another run right beside it, on its line, belongs to a line
  const beside = (g: Run): boolean => {
    for (let i = firstAtLeast(byCentre, centre(g) - 0.45 * maxH, centre); i < byCentre.length; i++) {
      const r = byCentre[i];
      if (centre(r) > centre(g) + 0.45 * maxH) break;
      if (
        r !== g &&
        Math.abs(centre(r) - centre(g)) < 0.45 * Math.max(r.h, g.h) &&
        r.x0 < g.x1 + 0.6 * g.h &&
        r.x1 > g.x0 - 0.6 * g.h
      )
        return true;
    }
    return false;
  };
  // chains of free glyphs at one x, each the next one down within 1.7 glyph heights; glyphs kept
  // in columns of 2 pt by x, each column from the top down
  const free = glyphs.filter((g) => !beside(g)).sort((a, b) => b.y - a.y);
  const columns = new Map<number, Run[]>();
  for (const g of free) {
    const k = Math.round(g.x0 / 2);
    const col = columns.get(k);
    if (col) col.push(g);
    else columns.set(k, [g]);
  }
  const below = (last: Run): Run | undefined => {
    let next: Run | undefined;
    for (let k = Math.round((last.x0 - 0.3 * last.h) / 2); k <= Math.round((last.x0 + 0.3 * last.h) / 2); k++) {
      const col = columns.get(k);
      if (!col) continue;
      // the first glyph of the column more than half a glyph lower
      const i = firstAtLeast(col, -(last.y - 0.5 * last.h), (r) => -r.y);
      const r = col[i];
      if (r && Math.abs(r.x0 - last.x0) < 0.3 * last.h && last.y - r.y < 1.7 * last.h && (!next || r.y > next.y))
        next = r;
    }
    return next;
  };
  const seen = new Set<Run>();
  const used = new Set<Run>();
  for (const g of free) {
    if (seen.has(g)) continue;
    const chain = [g];
    seen.add(g);
    // a label is short: a longer stack is no label
    for (let next = below(g); next && chain.length <= 40; next = below(next)) {
      chain.push(next);
      seen.add(next);
    }
    if (chain.length >= 3 && isFormLabel(chain.map((r) => r.s.trim()).join(''))) for (const r of chain) used.add(r);
  }
  return used.size ? runs.filter((r) => !used.has(r)) : runs;
}

// ---------------------------------------------------------------------------------------------
// Lines and cells of one page

const centre = (r: Run): number => r.y + r.h * 0.35;

function linesOfPage(runs: Run[], page: number): PLine[] {
  runs.sort((a, b) => centre(b) - centre(a) || a.x0 - b.x0);
  const groups: Run[][] = [];
  let cur: Run[] = [];
  let cy = 0,
    h = 0;
  for (const r of runs) {
    if (cur.length && Math.abs(centre(r) - cy) <= 0.45 * Math.max(h, r.h)) {
      cur.push(r);
      h = Math.max(h, r.h);
      continue;
    }
    if (cur.length) groups.push(cur);
    cur = [r];
    cy = centre(r);
    h = r.h;
  }
  if (cur.length) groups.push(cur);
  for (const g of groups) g.sort((a, b) => a.x0 - b.x0);
  // where cells start on this page: a run starting where several cells of other lines start is
  // the start of a table column, even when the gap before it is narrow (tight cell padding)
  const first = cellsOf(groups, new Set());
  const count = new Map<number, number>();
  for (const l of first) for (const c of l.cells) count.set(Math.round(c.x0), (count.get(Math.round(c.x0)) ?? 0) + 1);
  const starts = new Set<number>();
  for (const [x, n] of count) if (n >= 3) for (const d of [-1, 0, 1]) starts.add(x + d);
  return starts.size ? cellsOf(groups, starts) : first;

  function cellsOf(groups: Run[][], starts: Set<number>): PLine[] {
    return groups.map((g) => lineOf(g, starts));
  }

  function lineOf(g: Run[], starts: Set<number>): PLine {
    const cells: PCell[] = [];
    let c: { parts: string[]; x0: number; x1: number; h: number; cy: number } | undefined;
    const flush = (): void => {
      if (!c) return;
      const text = tidy(c.parts.join(''));
      if (text) cells.push({ text, x0: c.x0, x1: c.x1, cy: c.cy, h: c.h, num: readValue(text) !== undefined });
      c = undefined;
    };
    for (const r of g) {
      if (c) {
        const gap = r.x0 - c.x1;
        const hh = Math.max(c.h, r.h);
        const prev = c.parts[c.parts.length - 1] ?? '';
        const last = prev.trimEnd().slice(-1);
        const first = r.s.trimStart()[0] ?? '';
        const numbers = DIGIT.test(last) && DIGIT.test(first);
        // a number standing apart from a label (or a label from a number) is another cell
        const apart = gap > 0.5 * hh && (readValue(r.s.trim()) !== undefined || readValue(prev.trim()) !== undefined);
        const column = gap > 0.1 * hh && starts.has(Math.round(r.x0));
        if (gap > 1.05 * hh || (numbers && gap > 0.3 * hh) || apart || column) flush();
        else {
          if (gap > 0.3 * hh && !(CJK.test(last) && CJK.test(first))) c.parts.push(' ');
          c.parts.push(r.s);
          c.x1 = Math.max(c.x1, r.x1);
          c.h = hh;
          continue;
        }
      }
      c = { parts: [r.s], x0: r.x0, x1: r.x1, h: r.h, cy: centre(r) };
    }
    flush();
    const lh = g.reduce((m, r) => Math.max(m, r.h), 0);
    return { cells, cy: g.reduce((s, r) => s + centre(r), 0) / g.length, h: lh, page };
  }
}

/**
 * Collapse white space; drop the spaces of letter-spaced CJK (“结 果 维 持” → “结果维持”); read
 * Kangxi radicals as the ideographs they are drawn for (fonts such as Noto CJK map the glyph of
 * 人 or 一 to U+2F08 ⼈ / U+2F00 ⼀ in the PDF's text layer: the publisher typed 人 and 一).
 */
function tidy(s: string): string {
  let t = s
    .replace(/[\u2f00-\u2fdf]/g, (c) => c.normalize('NFKC'))
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .trim();
  for (let i = 0; i < 2; i++) t = t.replace(new RegExp(`(${CJK.source}) (?=${CJK.source})`, 'gu'), '$1');
  return t;
}

// ---------------------------------------------------------------------------------------------
// Page chrome

const PAGE_NUMBER =
  /^(?:[-—–－~_\s]*\d{1,4}[-—–－~_\s]*|第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+|Page \d+(?: of \d+)?)$/i;

function lineText(l: PLine): string {
  return l.cells.map((c) => c.text).join(' ');
}

/**
 * Page numbers in the top or bottom band of a page, and a line printed at the same height on
 * most pages (a running header or footer), are not part of the report.
 */
function dropChrome(pages: PLine[][]): void {
  const repeated = new Map<string, number>();
  for (const page of pages) {
    const seen = new Set<string>();
    for (const l of page) {
      const key = `${lineText(l).replace(/\d+/g, '#')}@${Math.round(l.cy / 6)}`;
      if (!seen.has(key)) repeated.set(key, (repeated.get(key) ?? 0) + 1);
      seen.add(key);
    }
  }
  const minRepeat = pages.length >= 3 ? Math.ceil(pages.length * 0.6) : Infinity;
  for (let p = 0; p < pages.length; p++) {
    const page = pages[p];
    if (page.length === 0) continue;
    const top = Math.max(...page.map((l) => l.cy));
    const bottom = Math.min(...page.map((l) => l.cy));
    pages[p] = page.filter((l, i) => {
      const text = lineText(l);
      const edge = i === 0 || i === page.length - 1 || l.cy === top || l.cy === bottom;
      if (edge && PAGE_NUMBER.test(text)) return false;
      const key = `${text.replace(/\d+/g, '#')}@${Math.round(l.cy / 6)}`;
      if ((repeated.get(key) ?? 0) >= minRepeat && Array.from(text).length < 60) return false;
      return true;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Wrapped row labels

/** A piece of a row label: short, no number, not a table's caption (第二十条第（一）项) or a heading. */
const isFragment = (l: PLine): boolean =>
  l.cells.every(
    (c) =>
      !c.num &&
      Array.from(c.text).length <= 40 &&
      !/[。；]$/.test(c.text) &&
      !/^第[一二三四五六七八九十]+条/.test(c.text) &&
      !/^[一二三四五六][、.．].{6,}$/.test(c.text),
  );

/**
 * Label fragments (short lines with no number) joined to the number row they sit beside: the
 * nearest number row on the page whose numbers all stand to the right of the fragment, within
 * two line heights.
 */
function joinWrappedLabels(input: PLine[]): PLine[] {
  const page = input.length > 5000 ? input : joinStackedHeaders(input);
  const numRows = page.filter((l) => l.cells.some((c) => c.num));
  if (numRows.length === 0 || page.length > 5000) return page;
  // how far apart number rows usually are: a fragment may sit up to most of that from its row
  const gaps = numRows
    .slice(1)
    .map((r, i) => numRows[i].cy - r.cy)
    .filter((g) => g > 0)
    .sort((a, b) => a - b);
  const pitch = gaps.length ? gaps[Math.floor(gaps.length / 4)] : 0;
  const attach = new Map<PLine, PLine[]>();
  const taken = new Set<PLine>();
  for (const l of page) {
    if (numRows.includes(l) || !isFragment(l)) continue;
    let best: PLine | undefined;
    let dist = Infinity;
    let above: PLine | undefined;
    let below: PLine | undefined;
    for (const r of numRows) {
      const d = Math.abs(r.cy - l.cy);
      if (d < dist) {
        dist = d;
        best = r;
      }
      if (r.cy > l.cy && (!above || r.cy < above.cy)) above = r;
      if (r.cy < l.cy && (!below || r.cy > below.cy)) below = r;
    }
    const near = (r: PLine | undefined): boolean =>
      !!r && Math.abs(r.cy - l.cy) <= Math.max(2.4 * Math.max(r.h, l.h), Math.min(0.8 * pitch, 3 * Math.max(r.h, l.h)));
    // a fragment that starts a label (一、 （三） 2. …) belongs to the row below it; one that does
    // not, to the row above, whose label it ends — when that row is near enough, else the nearer
    const starts = ENUMERATED.test(l.cells[0]?.text ?? '');
    const preferred = starts ? below : above;
    if (near(preferred)) {
      best = preferred;
      dist = Math.abs(preferred!.cy - l.cy);
    }
    const h = Math.max(best?.h ?? 0, l.h);
    if (!best || dist > Math.max(2.4 * h, Math.min(0.8 * pitch, 3 * h))) continue;
    const firstNum = Math.min(...best.cells.filter((c) => c.num).map((c) => c.x0));
    if (!l.cells.every((c) => c.x1 <= firstNum + 0.5 * c.h)) continue;
    // a fragment between two number rows goes to the nearer; a tie goes to the row below
    // (a label wraps downwards from the line it starts on only when its numbers are centred)
    attach.set(best, [...(attach.get(best) ?? []), l]);
    taken.add(l);
  }
  const out: PLine[] = [];
  for (const l of page) {
    if (taken.has(l)) continue;
    const extra = attach.get(l);
    if (!extra) {
      out.push(l);
      continue;
    }
    const labels = [...l.cells.filter((c) => !c.num), ...extra.flatMap((e) => e.cells)];
    const nums = l.cells.filter((c) => c.num);
    out.push({ ...l, cells: [...mergeColumns(labels), ...nums] });
  }
  return out;
}

/**
 * Header cells set over two or three lines (“商业 / 企业”, “社 会 / 公 益 / 组 织”), joined: in
 * lines without numbers, a cell under exactly one cell of a line just above (and that one over
 * it alone) continues it, when one of the two lines has several cells (a table's, not prose).
 */
function joinStackedHeaders(page: PLine[]): PLine[] {
  const open: { cell: PCell; line: PLine; bottom: number }[] = [];
  const out: PLine[] = [];
  const overlaps = (a: PCell, b: PCell): boolean => a.x0 < b.x1 - 0.2 * a.h && b.x0 < a.x1 - 0.2 * a.h;
  // only over the number columns: pieces left of them are row labels, joined to their rows below
  let numLeft = Infinity;
  for (const l of page) for (const c of l.cells) if (c.num) numLeft = Math.min(numLeft, c.x0);
  for (const l of page) {
    if (l.cells.some((c) => c.num)) {
      open.length = 0;
      out.push(l);
      continue;
    }
    const keep: PCell[] = [];
    for (const c of l.cells) {
      if (c.x0 < numLeft - c.h) {
        keep.push(c);
        continue;
      }
      const above = open.filter((o) => o.bottom - c.cy <= 2.3 * c.h && o.bottom > c.cy && overlaps(o.cell, c));
      const target = above.length === 1 ? above[0] : undefined;
      const alone =
        target !== undefined &&
        l.cells.filter((x) => overlaps(target.cell, x)).length === 1 &&
        (l.cells.length > 1 || target.line.cells.length > 1) &&
        Array.from(target.cell.text).length <= 12 &&
        Array.from(c.text).length <= 12;
      if (alone) {
        target.cell.text += c.text;
        target.cell.x0 = Math.min(target.cell.x0, c.x0);
        target.cell.x1 = Math.max(target.cell.x1, c.x1);
        target.bottom = c.cy;
      } else keep.push(c);
    }
    for (let i = open.length - 1; i >= 0; i--) if (open[i].bottom - l.cy > 3 * l.h) open.splice(i, 1);
    if (keep.length === 0) continue;
    const line = { ...l, cells: keep };
    for (const c of keep) open.push({ cell: c, line, bottom: c.cy });
    out.push(line);
  }
  return out;
}

/** Label pieces of one row: grouped by the column they start in, each read top to bottom. */
function mergeColumns(cells: PCell[]): PCell[] {
  const cols: PCell[][] = [];
  for (const c of [...cells].sort((a, b) => a.x0 - b.x0)) {
    const col = cols.find((k) => Math.abs(k[0].x0 - c.x0) <= 0.8 * c.h || (c.x0 < k[0].x1 && c.x1 > k[0].x0));
    if (col) col.push(c);
    else cols.push([c]);
  }
  return cols.map((k) => {
    k.sort((a, b) => b.cy - a.cy);
    let text = '';
    for (const c of k) text += text && !CJK.test(text.slice(-1)) && !CJK.test(c.text[0]) ? ` ${c.text}` : c.text;
    return {
      text,
      x0: Math.min(...k.map((c) => c.x0)),
      x1: Math.max(...k.map((c) => c.x1)),
      cy: k[0].cy,
      h: k[0].h,
      num: false,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Prose

/**
 * Lines of running text joined into paragraphs, also across a page break; every other line
 * stays as it is. A line continues the paragraph above when that one ran to the right margin and
 * this one starts at the left margin, in the same size.
 */
function joinProse(pages: PLine[][]): SrcLine[] {
  const out: SrcLine[] = [];
  let para: { text: string; h: number; full: boolean; cy: number; page: number } | undefined;
  const flush = (): void => {
    if (para) out.push({ cells: [{ text: para.text }] });
    para = undefined;
  };
  for (const page of pages) {
    const single = page.filter((l) => l.cells.length === 1);
    const left = single.length ? Math.min(...single.map((l) => l.cells[0].x0)) : 0;
    const right = single.length ? Math.max(...single.map((l) => l.cells[0].x1)) : 0;
    for (const l of page) {
      if (l.cells.length !== 1 || l.cells[0].num) {
        flush();
        out.push({ cells: l.cells.map((c): SrcCell => ({ text: c.text, x0: c.x0, x1: c.x1 })) });
        continue;
      }
      const c = l.cells[0];
      const full = c.x1 >= right - 1.5 * c.h && c.x1 - c.x0 >= 0.6 * (right - left);
      const startsAtMargin = c.x0 <= left + 0.5 * c.h;
      const near = para !== undefined && (para.page !== l.page || para.cy - l.cy < 2.5 * c.h);
      if (para && para.full && near && startsAtMargin && Math.abs(para.h - c.h) < 0.5) {
        const last = para.text.slice(-1);
        para.text += CJK.test(last) || CJK.test(c.text[0]) ? c.text : ` ${c.text}`;
        para.full = full;
        para.cy = l.cy;
        para.page = l.page;
        continue;
      }
      flush();
      para = { text: c.text, h: c.h, full, cy: l.cy, page: l.page };
    }
  }
  flush();
  return out;
}
