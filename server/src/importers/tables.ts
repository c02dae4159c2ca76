/**
 * Reading the statistics tables out of a stream of cells, whatever shape extraction left them in:
 * a Word/HTML table on its grid, tab-separated rows, or one cell per line with labels broken
 * across lines. Rows and columns are found by their labels (matched like the checker matches
 * them: normalised, variants and numerals tolerated, fragments joined), never by counting lines.
 * A number goes to the column whose header stands above it on the grid; without a usable grid, a
 * row that has exactly one number per column of the official form takes them in the form's order.
 * Anything else is not placed, and is reported.
 */
import { FORMS, type ColumnDef, type FormDef, type RowDef, type TableDef } from '../engine/forms';
import { matchLabel, normalizeLabel } from '../engine/model/normalize';
import type { SrcLine } from './source';

export interface Tok {
  text: string;
  norm: string;
  line: number;
  col?: number;
  /** the horizontal centre of the cell on its page (PDF) */
  x?: number;
  /** a number cell, as it will be written (units of money kept), or '' for a blank marker */
  value?: string;
}

const MONEY_UNITS = ['万元', '元'];
const COUNT_UNITS = ['件', '个', '项', '条', '笔', '次', '人次', '份'];
const BLANK = /^(?:[—–\-－_＿/／\\]+|无|空)$/;

/** A number (or a blank marker) as written in a table cell, in the dialect's spelling. */
export function readValue(text: string): string | undefined {
  let t = text.normalize('NFKC').trim();
  if (BLANK.test(t)) return '';
  t = t.replace(/(\d)\s*\.\s*(\d)/g, '$1.$2');
  let unit = '';
  for (const u of [...MONEY_UNITS, ...COUNT_UNITS].sort((a, b) => b.length - a.length)) {
    if (t.endsWith(u) && /\d\s*$/.test(t.slice(0, -u.length))) {
      unit = u;
      t = t.slice(0, -u.length).trim();
      break;
    }
  }
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  if (!/^[+-]?\d+(\.\d+)?$/.test(t)) return undefined;
  if (t.startsWith('+')) t = t.slice(1);
  return MONEY_UNITS.includes(unit) ? `${t}${unit}` : t;
}

/**
 * One cell as the pieces extraction merged into it: columns laid out with runs of spaces
 * (`pdftotext -layout`), or a label followed by its numbers (“行政事业性收费 0”,
 * “一、本年新收政府信息公开申请数量 6 0 0 0 0 0 6”). A cell that is not of these shapes stays whole.
 */
export function splitCell(text: string): string[] {
  if (readValue(text) !== undefined) return [text];
  const wide = text
    .split(/\s{2,}|\u3000+/)
    .map((x) => x.trim())
    .filter(Boolean);
  if (wide.length > 1) return wide.flatMap((w) => splitCell(w));
  const t = text
    .normalize('NFKC')
    .replace(/(\d)\s*\.\s*(\d)/g, '$1.$2')
    .replace(/(\d)\s+(万元|元)/g, '$1$2');
  const all = t.trim().split(/\s+/);
  if (all.length > 1 && all.every((n) => readValue(n) !== undefined && readValue(n) !== '')) return all;
  const m = /^(.*?[^\d\s.,+-])\s+((?:[+-]?\d[\d.,]*(?:万元|元)?)(?:\s+[+-]?\d[\d.,]*(?:万元|元)?)*)$/.exec(t);
  if (!m || !/[\u3400-\u9fff]/.test(m[1])) return [text];
  const nums = m[2].split(/\s+/);
  if (!nums.every((n) => readValue(n) !== undefined)) return [text];
  return [m[1], ...nums];
}

/** The cells of the lines as tokens, merged cells split (see splitCell). */
export function tokenize(lines: readonly SrcLine[]): Tok[] {
  const out: Tok[] = [];
  lines.forEach((l, line) => {
    for (const c of l.cells) {
      const pieces = c.text.length > 400 ? [c.text] : splitCell(c.text);
      const x = pieces.length === 1 && c.x0 !== undefined && c.x1 !== undefined ? (c.x0 + c.x1) / 2 : undefined;
      for (const piece of pieces) {
        const value = readValue(piece);
        out.push({
          text: piece,
          norm: normalizeLabel(piece),
          line,
          col: c.col,
          ...(x !== undefined ? { x } : {}),
          ...(value !== undefined ? { value } : {}),
        });
      }
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Which table starts at a token

const CN = '一二三四五六七八九十';
export type TableKind = string; // a table id: art20-1 … art20-9, applications, review

function art20Id(norm: string): string | undefined {
  const m = /^第二十条第\(([一二三四五六七八九十]+)\)项/.exec(norm);
  if (!m) return undefined;
  const n = m[1].length === 1 ? CN.indexOf(m[1]) + 1 : m[1] === '十' ? 10 : undefined;
  const id = n ? `art20-${n}` : undefined;
  return id && FORMS.some((f) => f.tables.some((t) => t.id === id)) ? id : undefined;
}

/** The table a token (with what follows) opens, if any. */
export function tableKeyAt(toks: readonly Tok[], i: number): TableKind | undefined {
  const t = toks[i];
  if (!t || t.value !== undefined) return undefined;
  const art = art20Id(t.norm);
  if (art) return art;
  if (t.norm.includes('本列数据的勾稽关系') || t.norm === '申请人情况') return 'applications';
  if (t.norm === '行政复议行政诉讼') return 'review';
  if (t.norm === '行政复议' || t.norm === '类别') {
    for (let k = i + 1; k < Math.min(toks.length, i + 5); k++) {
      const n = toks[k].norm;
      if (n === '行政诉讼' || (t.norm === '类别' && n === '结果维持')) return 'review';
      if (toks[k].value !== undefined) break;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Labels made of several tokens

interface Cand<T> {
  item: T;
  labels: string[];
  aliases: string[];
}
const cands = <T extends { label: string; aliases: string[] }>(defs: readonly T[]): Cand<T>[] =>
  defs.map((d) => ({ item: d, labels: [d.label], aliases: d.aliases }));

const MAX_JOIN = 14;
const NORMS = new WeakMap<object, { cs: Cand<unknown>[]; norms: { c: Cand<unknown>; all: string[] }[] }>();

/**
 * The label that starts at token i, possibly broken over several tokens: the longest run whose
 * joined text is exactly a label (or an alias); failing that, the shortest run that ends with a
 * label (a stray prefix such as “信息内容”); failing that, a close variant of one token.
 */
export function matchJoined<T extends { label: string; aliases: string[] }>(
  toks: readonly Tok[],
  i: number,
  defs: readonly T[],
  stop: (k: number) => boolean,
): { item: T; k: number; kind: 'exact' | 'suffix' | 'variant' } | undefined {
  let cached = NORMS.get(defs);
  if (!cached) {
    const cs = cands(defs);
    cached = {
      cs,
      norms: cs.map((c) => ({ c, all: [...c.labels, ...c.aliases].map((l) => normalizeLabel(l)).filter(Boolean) })),
    };
    NORMS.set(defs, cached);
  }
  const { cs, norms } = cached as { cs: Cand<T>[]; norms: { c: Cand<T>; all: string[] }[] };
  let joined = '';
  let full: { item: T; k: number } | undefined;
  let suffix: { item: T; k: number } | undefined;
  for (let k = 1; k <= MAX_JOIN; k++) {
    const t = toks[i + k - 1];
    if (!t || t.value !== undefined || (k > 1 && stop(i + k - 1))) break;
    joined = normalizeLabel(joined + t.text);
    if (joined.length > 90) break;
    const hit = norms.find((n) => n.all.includes(joined));
    if (hit) full = { item: hit.c.item, k };
    if (!suffix && !full) {
      // a stray prefix before a label; when the last token alone holds the label, the label
      // starts there (the tokens before it are not part of it)
      const lastAlone = normalizeLabel(t.text);
      const s = norms.find((n) =>
        n.all.some(
          (l) => Array.from(l).length >= 3 && joined.endsWith(l) && joined !== l && (k === 1 || !lastAlone.endsWith(l)),
        ),
      );
      if (s) suffix = { item: s.c.item, k };
    }
  }
  if (full) return { ...full, kind: 'exact' };
  if (suffix) return { ...suffix, kind: 'suffix' };
  const one = toks[i];
  if (one && one.value === undefined) {
    const m = matchLabel(one.text, cs);
    if (m) return { item: m.item, k: 1, kind: 'variant' };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Reading one table

export interface ReadRow {
  def?: RowDef;
  /** the label as written (joined) */
  label: string;
  values: Tok[];
  /** the row was recognised by its place between two recognised rows, its label being unreadable */
  byOrder?: boolean;
}
export interface Placed {
  rowId: string;
  colId: string;
  value: string;
}
export interface Unplaced {
  label: string;
  values: string[];
  why: string;
}
export interface ReadTable {
  kind: TableKind;
  def: TableDef;
  form: FormDef;
  /** token index after the table */
  end: number;
  headerCols: number;
  rowsFound: number;
  placed: Placed[];
  unplaced: Unplaced[];
  notes: string[];
  score: number;
  /** row and column labels as the source prints them (a typo or variant kept: the checker reports it) */
  rowLabels: Map<string, string>;
  colLabels: Map<string, string>;
}

export interface ReadContext {
  /** whether the line starts a section heading or is prose (either ends a table) */
  endsTable(line: number): boolean;
}

function definitions(kind: TableKind): { def: TableDef; form: FormDef }[] {
  const out: { def: TableDef; form: FormDef }[] = [];
  for (const form of FORMS) {
    const def = form.tables.find((t) => t.id === kind);
    if (def) out.push({ def, form });
  }
  return out;
}

/** Read the table that opens at token `start`, trying each form's definition of it. */
export function readTable(
  toks: readonly Tok[],
  start: number,
  kind: TableKind,
  ctx: ReadContext,
  prefer?: string,
): ReadTable | undefined {
  let best: ReadTable | undefined;
  for (const { def, form } of definitions(kind)) {
    const r = kind === 'review' ? readReview(toks, start, def, form, ctx) : readRows(toks, start, kind, def, form, ctx);
    if (!best || r.score > best.score + 1e-9 || (Math.abs(r.score - best.score) < 1e-9 && form.id === prefer)) best = r;
  }
  return best;
}

function endsAt(
  toks: readonly Tok[],
  i: number,
  start: number,
  kind: TableKind,
  ctx: ReadContext,
  inHeader: boolean,
  complete = true,
): boolean {
  if (i === start) return false;
  const t = toks[i];
  const newLine = i > 0 && toks[i - 1].line !== t.line;
  if (newLine && ctx.endsTable(t.line)) return true;
  const key = tableKeyAt(toks, i);
  // the table's own header again before all its rows were read: a header row repeated after a
  // page break (its words are passed over), not a second table
  if (key && !(key === kind && (inHeader || !complete))) return true;
  return false;
}

function readRows(
  toks: readonly Tok[],
  start: number,
  kind: TableKind,
  def: TableDef,
  form: FormDef,
  ctx: ReadContext,
): ReadTable {
  const header = new Map<string, number | undefined>();
  const colLabels = new Map<string, string>();
  const rows: ReadRow[] = [];
  let cur: ReadRow | undefined;
  let pending: Tok[] = [];
  let inHeader = true;
  const dataRows = def.rows.filter((r) => !r.group);
  const junk: Tok[] = [];
  let i = start;
  const doneAll = (): boolean => dataRows.every((d) => rows.some((r) => r.def === d && r.values.length > 0));
  while (i < toks.length) {
    if (endsAt(toks, i, start, kind, ctx, inHeader, inHeader || doneAll())) break;
    const t = toks[i];
    if (t.value !== undefined) {
      if (cur) cur.values.push(t);
      else if (pending.length) {
        cur = { label: pending.map((p) => p.text).join(''), values: [t] };
        rows.push(cur);
        pending = [];
      } else junk.push(t);
      i++;
      continue;
    }
    // a label: the table is complete once every row has its numbers and a non-number follows
    if (!inHeader && doneAll() && cur && cur.values.length > 0) break;
    const stop = (k: number): boolean => endsAt(toks, k, start, kind, ctx, inHeader);
    const rm = matchJoined(toks, i, def.rows, stop);
    if (
      rm &&
      (rm.kind === 'exact' || rm.kind === 'suffix' || !inHeader || rows.length > 0 || rm.item.id === def.rows[0].id)
    ) {
      inHeader = false;
      // as printed; a stray prefix before the label (“信息内容规章”) is not part of it
      const label =
        rm.kind === 'suffix'
          ? rm.item.label
          : toks
              .slice(i, i + rm.k)
              .map((x) => x.text)
              .join('');
      if (rm.item.group) cur = undefined;
      else if (!(cur && cur.def === rm.item && cur.values.length === 0)) {
        cur = { def: rm.item, label, values: [] };
        rows.push(cur);
      }
      pending = [];
      i += rm.k;
      continue;
    }
    if (inHeader) {
      const cm = matchJoined(toks, i, def.columns, stop);
      if (cm) {
        const last = toks[i + cm.k - 1];
        if (!header.has(cm.item.id)) header.set(cm.item.id, last.col);
        if (!colLabels.has(cm.item.id))
          colLabels.set(
            cm.item.id,
            cm.kind === 'suffix'
              ? cm.item.label
              : toks
                  .slice(i, i + cm.k)
                  .map((x) => x.text)
                  .join(''),
          );
        pending = [];
        i += cm.k;
        continue;
      }
    }
    if (cur && cur.values.length > 0) cur = undefined;
    if (!cur) pending.push(t);
    i++;
  }

  const notes: string[] = [];
  // rows whose label could not be read: placed by order when exactly one official row fits
  rows.forEach((r, k) => {
    if (r.def || r.values.length === 0) return;
    const before = rows
      .slice(0, k)
      .reverse()
      .find((x) => x.def && !x.byOrder)?.def;
    const after = rows.slice(k + 1).find((x) => x.def && !x.byOrder)?.def;
    const from = before ? def.rows.indexOf(before) + 1 : 0;
    const to = after ? def.rows.indexOf(after) : def.rows.length;
    const gap = def.rows.slice(from, to).filter((d) => !d.group && !rows.some((x) => x.def === d));
    if (gap.length === 1) {
      r.def = gap[0];
      r.byOrder = true;
      notes.push(`“${r.label}”按所在位置读作“${gap[0].label}”`);
    }
  });

  const placed: Placed[] = [];
  const unplaced: Unplaced[] = [];
  const cols = def.columns;
  const colAt = new Map<number, ColumnDef>();
  let positional = header.size > 0;
  for (const [id, col] of header) {
    if (col === undefined || colAt.has(col)) {
      positional = false;
      break;
    }
    colAt.set(
      col,
      cols.find((c) => c.id === id)!,
    );
  }
  const centres = columnCentres(rows, cols.length);
  const rowLabels = new Map<string, string>();
  const seen = new Set<string>();
  for (const r of rows) {
    if (r.values.length === 0) continue;
    const texts = r.values.map((v) => v.value!);
    if (!r.def) {
      // a fragment with no figure (a vertical group label, layout debris) loses nothing
      if (texts.every((x) => x.trim() === '')) continue;
      unplaced.push({ label: r.label, values: texts, why: '行名无法识别' });
      continue;
    }
    if (seen.has(r.def.id)) {
      unplaced.push({ label: r.label, values: texts, why: '该行重复出现' });
      continue;
    }
    seen.add(r.def.id);
    rowLabels.set(r.def.id, r.byOrder ? r.def.label : r.label);
    const byCol = positional ? r.values.map((v) => (v.col === undefined ? undefined : colAt.get(v.col))) : [];
    const distinct = new Set(byCol);
    if (positional && byCol.every((c) => c) && distinct.size === byCol.length) {
      r.values.forEach((v, j) => {
        if (v.value !== '') placed.push({ rowId: r.def!.id, colId: byCol[j]!.id, value: v.value! });
      });
    } else if (r.values.length === cols.length) {
      r.values.forEach((v, j) => {
        if (v.value !== '') placed.push({ rowId: r.def!.id, colId: cols[j].id, value: v.value! });
      });
    } else if (centres && r.values.length < cols.length && byPosition(r.values, centres)) {
      const at = byPosition(r.values, centres)!;
      r.values.forEach((v, j) => {
        if (v.value !== '') placed.push({ rowId: r.def!.id, colId: cols[at[j]].id, value: v.value! });
      });
      notes.push(`“${r.label}”有空白单元格，数字按所在列的位置放入`);
    } else {
      unplaced.push({
        label: r.label,
        values: texts,
        why: `读到 ${texts.length} 个数，应有 ${cols.length} 个，无法确定各属哪一列`,
      });
    }
  }
  if (junk.length)
    unplaced.push({ label: '（表头附近）', values: junk.map((j) => j.value || j.text), why: '不在任何一行之下' });
  const rowsFound = rows.filter((r) => r.def).length;
  const score = header.size + rowsFound * 2 + placed.length * 0.1 - unplaced.length * 0.5;
  return {
    kind,
    def,
    form,
    end: i,
    headerCols: header.size,
    rowsFound,
    placed,
    unplaced,
    notes,
    score,
    rowLabels,
    colLabels,
  };
}

/**
 * Where the number columns stand on the page (PDF): for each column of the form, the median
 * centre of the numbers of the rows that have one number per column. Undefined without such rows
 * or positions, or when the columns do not stand apart.
 */
function columnCentres(rows: readonly ReadRow[], n: number): number[] | undefined {
  const full = rows.filter((r) => r.values.length === n && r.values.every((v) => v.x !== undefined));
  if (full.length === 0) return undefined;
  const centres: number[] = [];
  for (let j = 0; j < n; j++) {
    const xs = full.map((r) => r.values[j].x!).sort((a, b) => a - b);
    centres.push(xs[Math.floor(xs.length / 2)]);
  }
  for (let j = 1; j < n; j++) if (centres[j] <= centres[j - 1]) return undefined;
  return centres;
}

/** The column of each number of a row with blank cells, by the nearest centre; undefined when unsure. */
function byPosition(values: readonly Tok[], centres: readonly number[]): number[] | undefined {
  if (!values.every((v) => v.x !== undefined)) return undefined;
  const at: number[] = [];
  for (const v of values) {
    let best = -1,
      d = Infinity;
    centres.forEach((c, j) => {
      if (Math.abs(c - v.x!) < d) {
        d = Math.abs(c - v.x!);
        best = j;
      }
    });
    const gap = Math.min(
      best > 0 ? centres[best] - centres[best - 1] : Infinity,
      best < centres.length - 1 ? centres[best + 1] - centres[best] : Infinity,
    );
    if (d > gap / 2 || (at.length && best <= at[at.length - 1])) return undefined;
    at.push(best);
  }
  return at;
}

/**
 * Table 四 as printed: a two-level header and one row of 15 numbers (行政复议 ×5, 未经复议直接起诉
 * ×5, 复议后起诉 ×5); or, as the dialect writes it, three labelled rows of five.
 */
function readReview(toks: readonly Tok[], start: number, def: TableDef, form: FormDef, ctx: ReadContext): ReadTable {
  const values: Tok[] = [];
  const labelled = new Map<string, Tok[]>();
  let curRow: RowDef | undefined;
  let i = start;
  let sawDirect = -1,
    sawAfter = -1;
  const header = new Map<string, number | undefined>();
  while (i < toks.length) {
    if (endsAt(toks, i, start, 'review', ctx, values.length === 0)) break;
    const t = toks[i];
    if (t.value !== undefined) {
      values.push(t);
      if (curRow) labelled.get(curRow.id)!.push(t);
      i++;
      continue;
    }
    if (values.length === 15) break;
    if (t.norm.includes('未经复议直接起诉') && sawDirect < 0) sawDirect = i;
    if (t.norm.includes('复议后起诉') && sawAfter < 0) sawAfter = i;
    const stop = (k: number): boolean => endsAt(toks, k, start, 'review', ctx, false);
    const rm = matchJoined(toks, i, def.rows, stop);
    const next = toks[i + (rm?.k ?? 1)];
    if (rm && next && next.value !== undefined && next.line === toks[i + rm.k - 1].line) {
      curRow = rm.item;
      if (!labelled.has(curRow.id)) labelled.set(curRow.id, []);
      i += rm.k;
      continue;
    }
    const cm = matchJoined(toks, i, def.columns, stop);
    if (cm) {
      if (!header.has(cm.item.id)) header.set(cm.item.id, toks[i + cm.k - 1].col);
      i += cm.k;
      continue;
    }
    curRow = undefined;
    i++;
  }
  const placed: Placed[] = [];
  const unplaced: Unplaced[] = [];
  const notes: string[] = [];
  const cols = def.columns;
  const fullRows = [...labelled.entries()].filter(([, v]) => v.length === cols.length);
  if (fullRows.length > 0 && fullRows.length === labelled.size) {
    for (const [rowId, vs] of fullRows)
      vs.forEach((v, j) => {
        if (v.value !== '') placed.push({ rowId, colId: cols[j].id, value: v.value! });
      });
  } else if (values.length === def.rows.length * cols.length) {
    const order =
      sawDirect >= 0 && sawAfter >= 0 && sawAfter < sawDirect
        ? ['review', 'suitAfter', 'suitDirect']
        : def.rows.map((r) => r.id);
    values.forEach((v, j) => {
      if (v.value !== '')
        placed.push({ rowId: order[Math.floor(j / cols.length)], colId: cols[j % cols.length].id, value: v.value! });
    });
  } else if (values.length > 0) {
    unplaced.push({
      label: '行政复议、行政诉讼',
      values: values.map((v) => v.value || '（空）'),
      why: `读到 ${values.length} 个数，应有 ${def.rows.length * cols.length} 个（一行 15 个或三行各 5 个），无法确定各属哪一格`,
    });
  }
  const rowsFound = placed.length ? new Set(placed.map((p) => p.rowId)).size : 0;
  const score = header.size + rowsFound * 2 + placed.length * 0.1;
  return {
    kind: 'review',
    def,
    form,
    end: i,
    headerCols: header.size,
    rowsFound,
    placed,
    unplaced,
    notes,
    score,
    rowLabels: new Map(),
    colLabels: new Map(),
  };
}
