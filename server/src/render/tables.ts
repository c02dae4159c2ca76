/**
 * The official layouts of the statistics tables (国办公开办函〔2021〕30号 and 〔2019〕60号):
 *
 * - 二: the 第二十条 tables as blocks of one table, each with a caption row across the full width
 *   and a 信息内容 header;
 * - 三: a three-level column header (申请人情况 → 自然人 | 法人或其他组织 → 商业企业 … 其他 | 总计)
 *   under the printed 勾稽关系 note, and row labels merged by group (三、本年度办理结果 spanning
 *   its items, （三）不予公开 spanning its eight reasons, …), from RowDef.parent / RowDef.group;
 * - 四: one row of fifteen numbers under 行政复议 | 行政诉讼 → 未经复议直接起诉 | 复议后起诉.
 *
 * A table that does not fit its official layout (columns renamed, reordered or missing) is laid
 * out as written, so the preview never hides what the author wrote.
 */
import type { CellNode } from '../engine/parse';
import type { ReportRow, ReportTable } from '../engine/model';
import type { RowDef } from '../engine/forms';
import type { Span } from '../engine/text';
import type { Mark, RCell, RRow, RTable, SourcePos } from './types';

export interface LayoutContext {
  pos(offset: number): SourcePos;
  /** claims the diagnostics that start in `span` */
  marks(span: Span, inclusiveEnd?: boolean): Mark[];
}

/** The note printed in the top-left cell of table 三. */
export const BALANCE_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
/** The header of the 二 tables' label column. */
export const INFO_CONTENT = '信息内容';
const LEGAL_PERSONS = '法人或其他组织';
const LEGAL_PERSON_COLUMNS = ['business', 'research', 'ngo', 'legal', 'other'];
const APPLICANT_ORDER = ['natural', ...LEGAL_PERSON_COLUMNS, 'total'];
const REVIEW_COLUMNS = ['upheld', 'corrected', 'otherResult', 'pending', 'total'];
const REVIEW_ROWS = ['review', 'suitDirect', 'suitAfter'];

/** The text of a cell as a reader sees it: Markdown escapes and emphasis markers removed. */
export function displayText(s: string): string {
  return s
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^*])\*([^*]+)\*/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/<br\s*\/?>/gi, '\n')
    .trim();
}

function cell(text: string, role: RCell['role'], extra: Partial<RCell> = {}): RCell {
  return { text, role, colSpan: 1, rowSpan: 1, align: 'center', marks: [], ...extra };
}

function fromNode(node: CellNode, role: RCell['role'], ctx: LayoutContext, extra: Partial<RCell> = {}): RCell {
  return cell(displayText(node.text), role, {
    at: ctx.pos(node.span.start),
    span: node.span,
    marks: ctx.marks(node.span, true),
    ...extra,
  });
}

function valueCell(r: ReportRow, j: number, ctx: LayoutContext, extra: Partial<RCell> = {}): RCell {
  const c = r.cells[j];
  if (!c) return cell('', 'value', { state: 'missing', ...extra });
  const base = fromNode(c.node, 'value', ctx, extra);
  return { ...base, state: c.state };
}

function missingValue(extra: Partial<RCell> = {}): RCell {
  return cell('', 'value', { state: 'missing', ...extra });
}

function lineOf(r: ReportRow, ctx: LayoutContext): number {
  return ctx.pos(r.node.span.start).line;
}

/** Diagnostics on a row that no cell claimed go on its label. */
function claimRow(r: ReportRow, label: RCell, ctx: LayoutContext): void {
  label.marks.push(...ctx.marks(r.node.span, true));
}

function scale(weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  return weights.map((w) => Math.round((w / sum) * 1000) / 10);
}

// ---------------------------------------------------------------------------------------------

export function layoutTable(t: ReportTable, ctx: LayoutContext): RTable {
  if (t.def?.layout === 'applications') return applications(t, ctx);
  if (t.def?.layout === 'review') return review(t, ctx);
  if (t.def?.section === '二' && t.def.id.startsWith('art20')) return layoutArt20Group([t], ctx);
  return asWritten(t, ctx);
}

/** A table the form does not know (or that does not fit its official layout), as written. */
function asWritten(t: ReportTable, ctx: LayoutContext): RTable {
  const header = t.node.header.cells;
  const cols = Math.max(header.length, ...t.node.rows.map((r) => r.cells.length), 1);
  const align = (j: number): RCell['align'] => {
    const a = t.node.align[j];
    return a === 'right' || a === 'left' || a === 'center' ? a : j === 0 ? 'left' : 'center';
  };
  const rows: RRow[] = [];
  const headCells = header.map((c, j) =>
    fromNode(c, 'head', ctx, { align: 'center', colSpan: j === header.length - 1 ? cols - j : 1 }),
  );
  rows.push({ cells: headCells, head: true, line: ctx.pos(t.node.header.span.start).line });
  for (const r of t.node.rows) {
    const cells = r.cells
      .slice(0, cols)
      .map((c, j) => fromNode(c, j === 0 ? 'label' : 'value', ctx, { align: align(j) }));
    while (cells.length < cols) cells.push(cell('', 'value', { state: 'missing' }));
    if (cells[0]) cells[0].marks.push(...ctx.marks(r.span, true));
    rows.push({ cells, head: false, line: ctx.pos(r.span.start).line });
  }
  const widths = scale(Array.from({ length: cols }, (_, j) => (j === 0 && cols > 2 ? 2 : 1)));
  return { layout: 'plain', columns: cols, widths, rows, marks: ctx.marks(t.node.span, true), dense: !!t.def };
}

/** A Markdown table outside the report's statistics sections. */
export function plainTable(
  cells: { text: string; span: Span }[][] & { align?: (string | null)[] },
  ctx: LayoutContext,
): RTable {
  const cols = Math.max(1, ...cells.map((r) => r.length));
  const align = (j: number): RCell['align'] => {
    const a = cells.align?.[j];
    return a === 'right' || a === 'left' || a === 'center' ? a : 'left';
  };
  const rows: RRow[] = cells.map((r, i) => {
    const out = r.map((c, j) =>
      cell(c.text, i === 0 ? 'head' : 'value', {
        align: i === 0 ? 'center' : align(j),
        at: ctx.pos(c.span.start),
        span: c.span,
        marks: ctx.marks(c.span, true),
      }),
    );
    while (out.length < cols) out.push(cell('', i === 0 ? 'head' : 'value'));
    return { cells: out, head: i === 0, line: r[0] ? ctx.pos(r[0].span.start).line : undefined };
  });
  const first = cells[0]?.[0]?.span.start ?? 0;
  const lastRow = cells[cells.length - 1];
  const last = lastRow?.[lastRow.length - 1]?.span.end ?? first;
  return {
    layout: 'plain',
    columns: cols,
    widths: scale(Array<number>(cols).fill(1)),
    rows,
    marks: ctx.marks({ start: first, end: last }, true),
    dense: false,
  };
}

// ---------------------------------------------------------------------------------------------
// 二、主动公开政府信息情况

/** One or more 第二十条 tables as the blocks of one table, 信息内容 + the block's columns. */
export function layoutArt20Group(tables: ReportTable[], ctx: LayoutContext): RTable {
  const dataCols = Math.max(3, ...tables.map((t) => t.columns.length));
  const W = 1 + dataCols;
  const rows: RRow[] = [];
  for (const t of tables) {
    const k = t.columns.length;
    const lastSpan = k > 0 ? dataCols - k + 1 : 0;
    const key = t.node.header.cells[0];
    const caption =
      key && key.text
        ? fromNode(key, 'caption', ctx, { colSpan: W, align: 'left' })
        : cell(t.def?.key ?? '', 'caption', { colSpan: W, align: 'left' });
    rows.push({ cells: [caption], head: true, line: ctx.pos(t.node.header.span.start).line });
    const head: RCell[] = [cell(INFO_CONTENT, 'head', { colSpan: k === 0 ? W : 1 })];
    t.columns.forEach((c, j) => head.push(fromNode(c.node, 'head', ctx, { colSpan: j === k - 1 ? lastSpan : 1 })));
    rows.push({ cells: head, head: true, line: ctx.pos(t.node.header.span.start).line });
    for (const r of t.rows) {
      const label = fromNode(r.label, 'label', ctx, { colSpan: k === 0 ? W : 1 });
      const cells = [label];
      for (let j = 0; j < k; j++) cells.push(valueCell(r, j, ctx, { colSpan: j === k - 1 ? lastSpan : 1 }));
      claimRow(r, label, ctx);
      rows.push({ cells, head: false, line: lineOf(r, ctx) });
    }
    caption.marks.push(...ctx.marks(t.node.span, true));
  }
  const widths = scale([31, ...Array<number>(dataCols).fill(69 / dataCols)]);
  return { layout: 'art20', columns: W, widths, rows, marks: [], dense: true };
}

// ---------------------------------------------------------------------------------------------
// 三、收到和处理政府信息公开申请情况

function applications(t: ReportTable, ctx: LayoutContext): RTable {
  const def = t.def!;
  const defs = new Map(def.rows.map((r) => [r.id, r]));
  const chainOf = (d: RowDef | undefined): RowDef[] => {
    const out: RowDef[] = [];
    const seen = new Set<string>();
    let p = d?.parent ? defs.get(d.parent) : undefined;
    while (p && !seen.has(p.id)) {
      out.unshift(p);
      seen.add(p.id);
      p = p.parent ? defs.get(p.parent) : undefined;
    }
    return out;
  };
  const L = 1 + Math.max(0, ...def.rows.map((r) => chainOf(r).length));
  const ncols = t.columns.length;
  const official = ncols === APPLICANT_ORDER.length && t.columns.every((c, j) => c.def?.id === APPLICANT_ORDER[j]);
  const rows: RRow[] = [];
  const headLine = ctx.pos(t.node.header.span.start).line;
  const key = t.node.header.cells[0];

  // the header
  if (official) {
    const note = cell(BALANCE_NOTE, 'note', { colSpan: L, rowSpan: 3 });
    const top =
      key && key.text && !key.text.includes('勾稽')
        ? fromNode(key, 'head', ctx, { colSpan: ncols })
        : cell('申请人情况', 'head', {
            colSpan: ncols,
            ...(key ? { at: ctx.pos(key.span.start), span: key.span, marks: ctx.marks(key.span, true) } : {}),
          });
    rows.push({ cells: [note, top], head: true, line: headLine });
    const col = (id: string, extra: Partial<RCell> = {}): RCell =>
      fromNode(t.columns[APPLICANT_ORDER.indexOf(id)].node, 'head', ctx, extra);
    rows.push({
      cells: [
        col('natural', { rowSpan: 2 }),
        cell(LEGAL_PERSONS, 'head', { colSpan: LEGAL_PERSON_COLUMNS.length }),
        col('total', { rowSpan: 2 }),
      ],
      head: true,
      line: headLine,
    });
    rows.push({ cells: LEGAL_PERSON_COLUMNS.map((id) => col(id)), head: true, line: headLine });
  } else {
    const cells = [key ? fromNode(key, 'head', ctx, { colSpan: L }) : cell('', 'head', { colSpan: L })];
    for (const c of t.columns) cells.push(fromNode(c.node, 'head', ctx));
    rows.push({ cells, head: true, line: headLine });
  }

  // the body: group rows written without numbers become merged label cells
  const writtenGroup = new Map<string, ReportRow>();
  const body: { r: ReportRow; chain: RowDef[] }[] = [];
  const members = new Set<string>();
  for (const r of t.rows) {
    if (r.def && !(r.def.group && r.layoutOnly)) for (const g of chainOf(r.def)) members.add(g.id);
  }
  for (const r of t.rows) {
    if (r.def?.group && r.layoutOnly && !r.duplicate && members.has(r.def.id)) {
      if (!writtenGroup.has(r.def.id)) writtenGroup.set(r.def.id, r);
      continue;
    }
    if (r.layoutOnly && !r.def && !r.label.text) continue; // an empty row
    body.push({ r, chain: r.def ? chainOf(r.def) : [] });
  }
  const groupCells = new Map<string, { cell: RCell }>();
  const groupCell = (g: RowDef): RCell => {
    const had = groupCells.get(g.id);
    if (had) {
      // a group split into two runs by a misplaced row: its marks are shown once
      return { ...had.cell, marks: [] };
    }
    const w = writtenGroup.get(g.id);
    const c = w ? fromNode(w.label, 'group', ctx) : cell(g.label, 'group');
    if (w) claimRow(w, c, ctx);
    groupCells.set(g.id, { cell: c });
    return c;
  };
  const open: (string | undefined)[] = [];
  for (let i = 0; i < body.length; i++) {
    const { r, chain } = body[i];
    const cells: RCell[] = [];
    for (let d = 0; d < chain.length; d++) {
      const g = chain[d];
      const sameRun = chain.slice(0, d + 1).every((x, k) => open[k] === x.id);
      if (sameRun) continue;
      // a new run: it lasts while the following rows share this ancestor at this depth
      let n = 1;
      while (
        i + n < body.length &&
        body[i + n].chain.length > d &&
        body[i + n].chain.slice(0, d + 1).every((x, k) => x.id === chain[k].id)
      )
        n++;
      cells.push({ ...groupCell(g), rowSpan: n, align: 'center' });
      open[d] = g.id;
      open.length = d + 1;
    }
    open.length = chain.length;
    const label = fromNode(r.label, 'label', ctx, { colSpan: L - chain.length, align: 'left' });
    cells.push(label);
    for (let j = 0; j < ncols; j++) cells.push(valueCell(r, j, ctx));
    claimRow(r, label, ctx);
    rows.push({ cells, head: false, line: lineOf(r, ctx) });
  }
  const labelWeights = L === 3 ? [5, 9.5, 25.5] : Array<number>(L).fill(40 / L);
  const widths = scale([...labelWeights, ...Array<number>(ncols).fill(60 / Math.max(1, ncols))]);
  return { layout: 'applications', columns: L + ncols, widths, rows, marks: ctx.marks(t.node.span, true), dense: true };
}

// ---------------------------------------------------------------------------------------------
// 四、政府信息公开行政复议、行政诉讼情况

function review(t: ReportTable, ctx: LayoutContext): RTable {
  const fits =
    t.columns.length === REVIEW_COLUMNS.length &&
    t.columns.every((c, j) => c.def?.id === REVIEW_COLUMNS[j]) &&
    t.rows.every((r) => (r.def && !r.duplicate) || (r.layoutOnly && !r.label.text));
  if (!fits) return asWritten(t, ctx);
  const byId = new Map(t.rows.filter((r) => r.def).map((r) => [r.def!.id, r]));
  const defLabel = (id: string): string => t.def!.rows.find((r) => r.id === id)?.label ?? id;
  const labelCell = (id: string, text: string, extra: Partial<RCell>): RCell => {
    const r = byId.get(id);
    if (!r) return cell(text, 'head', extra);
    return {
      ...cell(text, 'head', extra),
      at: ctx.pos(r.label.span.start),
      span: r.label.span,
      marks: ctx.marks(r.label.span, true),
    };
  };
  const headLine = ctx.pos(t.node.header.span.start).line;
  const colHead = (j: number, extra: Partial<RCell> = {}): RCell => {
    const c = t.columns[j];
    return { ...cell(displayText(c.node.text), 'head', extra), at: ctx.pos(c.node.span.start), span: c.node.span };
  };
  const colMarks = t.columns.map((c) => ctx.marks(c.node.span, true));
  const first = (j: number): RCell => ({ ...colHead(j, { rowSpan: 2 }), marks: colMarks[j] });
  const litigation = cell('行政诉讼', 'head', { colSpan: 10 });
  const rows: RRow[] = [
    {
      cells: [labelCell('review', shortName(byId.get('review'), defLabel('review')), { colSpan: 5 }), litigation],
      head: true,
      line: headLine,
    },
    {
      cells: [
        ...REVIEW_COLUMNS.map((_, j) => first(j)),
        labelCell('suitDirect', '未经复议直接起诉', { colSpan: 5 }),
        labelCell('suitAfter', '复议后起诉', { colSpan: 5 }),
      ],
      head: true,
      line: headLine,
    },
    {
      cells: [...REVIEW_COLUMNS.map((_, j) => colHead(j)), ...REVIEW_COLUMNS.map((_, j) => colHead(j))],
      head: true,
      line: headLine,
    },
  ];
  const values: RCell[] = [];
  let line: number | undefined;
  for (const id of REVIEW_ROWS) {
    const r = byId.get(id);
    if (!r) {
      for (let j = 0; j < 5; j++) values.push(missingValue());
      continue;
    }
    line ??= lineOf(r, ctx);
    const start = values.length;
    for (let j = 0; j < 5; j++) values.push(valueCell(r, j, ctx));
    // marks on the row that no cell claimed: on its 总计
    values[start + 4].marks.push(...ctx.marks(r.node.span, true));
  }
  rows.push({ cells: values, head: false, line });
  return {
    layout: 'review',
    columns: 15,
    widths: scale(Array<number>(15).fill(1)),
    rows,
    marks: ctx.marks(t.node.span, true),
    dense: true,
  };
}

/** 行政复议 as written (without the 行政诉讼 qualifiers, which the header carries). */
function shortName(r: ReportRow | undefined, fallback: string): string {
  return r ? displayText(r.label.text) || fallback : fallback;
}
