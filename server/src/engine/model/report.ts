/**
 * Document structure → report model: front matter read and validated, sections recognised,
 * tables matched to the official form, rows and columns to its labels, cells read as numbers.
 */
import { isMap, parseDocument as parseYamlDocument, LineCounter } from 'yaml';
import { z } from 'zod';
import {
  FORMS,
  formForYear,
  getForm,
  type ColumnDef,
  type FormDef,
  type RowDef,
  type SectionDef,
  type TableDef,
} from '../forms';
import { labelKey, matchLabel, normalizeLabel, SECTION_NUMERALS, type MatchKind } from './normalize';
import type { CellNode, HeadingNode, ParsedDocument, ProseNode, RowNode, TableNode, BlockNode } from '../parse';
import type { Span } from '../text/text';
import type { MessageRef } from '../../messages';

// ---------------------------------------------------------------------------------------------
// Front matter

export type Kind = '部门' | '政府';

export interface FieldIssue {
  key: string;
  span: Span;
  /** put into words by the front-matter rule, in the user's language */
  message: MessageRef;
}
export interface FrontMatter {
  present: boolean;
  span?: Span;
  /** the YAML could not be parsed */
  syntaxError?: { span: Span; message: string };
  /** canonical key → value and the span of its value (or key when there is no value) */
  fields: Map<string, { value: unknown; span: Span; keySpan: Span }>;
  issues: FieldIssue[];
}

const KEY_ALIASES: Record<string, string> = {
  机关: '机关',
  agency: '机关',
  年度: '年度',
  year: '年度',
  格式: '格式',
  format: '格式',
  类型: '类型',
  kind: '类型',
  发布日期: '发布日期',
  published: '发布日期',
};
const KIND_VALUES: Record<string, Kind> = {
  部门: '部门',
  department: '部门',
  政府: '政府',
  government: '政府',
  人民政府: '政府',
};

export interface Meta {
  agency?: string;
  year?: number;
  form: FormDef;
  formDeclared: boolean;
  kind: Kind;
  published?: { y: number; m: number; d: number; span: Span };
}

/** The YAML of the front matter, parsed once per distinct text (the document is only read). */
const yamlCache = new Map<string, ReturnType<typeof parseYamlDocument>>();
function parseYaml(raw: string): ReturnType<typeof parseYamlDocument> {
  let y = yamlCache.get(raw);
  if (!y) {
    y = parseYamlDocument(raw, { lineCounter: new LineCounter(), uniqueKeys: false });
    if (yamlCache.size >= 64) yamlCache.clear();
    yamlCache.set(raw, y);
  }
  return y;
}

function readFrontMatter(doc: ParsedDocument, now: Date): { fm: FrontMatter; meta: Meta } {
  const fm: FrontMatter = { present: !!doc.frontMatter, fields: new Map(), issues: [] };
  const meta: Meta = { form: formForYear(undefined), formDeclared: false, kind: '部门' };
  const node = doc.frontMatter;
  if (!node) return { fm, meta };
  fm.span = node.span;
  const y = parseYaml(node.raw);
  const firstError = y.errors[0];
  if (firstError) {
    const s = node.rawStart + Math.max(0, Math.min(firstError.pos[0], node.raw.length));
    fm.syntaxError = {
      span: { start: s, end: Math.max(s + 1, node.rawStart + Math.min(firstError.pos[1], node.raw.length)) },
      message: firstError.message.split('\n')[0],
    };
    return { fm, meta };
  }
  const contents = y.contents;
  if (contents && !isMap(contents)) {
    fm.syntaxError = {
      span: { start: node.rawStart, end: node.rawStart + node.raw.length },
      message: 'front matter is not a mapping of keys to values',
    };
    return { fm, meta };
  }
  if (contents && isMap(contents)) {
    for (const item of contents.items) {
      const k = item.key as { value?: unknown; range?: [number, number, number] } | null;
      const v = item.value as { value?: unknown; range?: [number, number, number]; toJSON?: () => unknown } | null;
      const keyText = scalarText(k?.value);
      const canonical = KEY_ALIASES[keyText] ?? KEY_ALIASES[keyText.toLowerCase()];
      if (!canonical) continue;
      const kr = k?.range ?? [0, 0, 0];
      const keySpan = { start: node.rawStart + kr[0], end: node.rawStart + kr[1] };
      const vr = v?.range;
      const span = vr ? { start: node.rawStart + vr[0], end: node.rawStart + vr[1] } : keySpan;
      const value = v && typeof v.toJSON === 'function' ? v.toJSON() : (v?.value ?? null);
      fm.fields.set(canonical, { value, span, keySpan });
    }
  }
  const issue = (key: string, span: Span, message: MessageRef): void => {
    fm.issues.push({ key, span, message });
  };
  const at = node.span;
  const headSpan = { start: at.start, end: at.start + 3 };

  // 机关
  const agency = fm.fields.get('机关');
  const agencyOk = z.string().trim().min(1).safeParse(agency?.value);
  if (!agency) issue('机关', headSpan, { id: 'front-matter.agency-missing' });
  else if (!agencyOk.success) issue('机关', agency.span, { id: 'front-matter.agency-empty' });
  else meta.agency = agencyOk.data.trim();

  // 年度
  const maxYear = now.getFullYear() + 1;
  const year = fm.fields.get('年度');
  const yearOk = z.coerce
    .number()
    .int()
    .min(2008)
    .max(maxYear)
    .safeParse(typeof year?.value === 'string' ? year.value.normalize('NFKC').replace(/年度?$/, '') : year?.value);
  if (!year) issue('年度', headSpan, { id: 'front-matter.year-missing' });
  else if (year.value === null || year.value === '' || !yearOk.success)
    issue('年度', year.span, { id: 'front-matter.year-invalid', params: { max: maxYear } });
  else meta.year = yearOk.data;

  // 格式
  const format = fm.fields.get('格式');
  if (format) {
    const f = getForm(scalarText(format.value).normalize('NFKC').trim());
    if (!f)
      issue('格式', format.span, {
        id: 'front-matter.format-invalid',
        params: { ids: FORMS.map((x) => x.id).join(' / '), notices: FORMS.map((x) => x.notice).join('、') },
      });
    else {
      meta.form = f;
      meta.formDeclared = true;
    }
  }
  if (!meta.formDeclared) meta.form = formForYear(meta.year);

  // 类型
  const kind = fm.fields.get('类型');
  if (kind) {
    const k = KIND_VALUES[scalarText(kind.value).trim().toLowerCase()] ?? KIND_VALUES[scalarText(kind.value).trim()];
    if (!k) issue('类型', kind.span, { id: 'front-matter.kind-invalid' });
    else meta.kind = k;
  } else if (meta.agency && /人民政府$/.test(meta.agency)) {
    // no 类型: a body named …人民政府 is a people's government (its deadline is 31 March)
    meta.kind = '政府';
  }

  // 发布日期
  const pub = fm.fields.get('发布日期');
  if (pub && pub.value !== null && pub.value !== '') {
    const raw =
      pub.value instanceof Date ? pub.value.toISOString().slice(0, 10) : scalarText(pub.value).normalize('NFKC');
    const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(raw.trim());
    const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : undefined;
    if (!m || !d || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3])
      issue('发布日期', pub.span, { id: 'front-matter.date-invalid' });
    else meta.published = { y: +m[1], m: +m[2], d: +m[3], span: pub.span };
  }
  return { fm, meta };
}

// ---------------------------------------------------------------------------------------------
// Sections

export interface Section {
  /** index 0–5 of the official section */
  index: number;
  def: SectionDef;
  heading: HeadingNode;
  headingMatch: MatchKind;
  /** from the heading to the next H1/H2 (or the end) */
  span: Span;
  /** after the heading line */
  bodySpan: Span;
  subHeadings: HeadingNode[];
  tables: ReportTable[];
  prose: ProseNode[];
  blocks: BlockNode[];
}

function sectionOf(h: HeadingNode, form: FormDef): { index: number; match: MatchKind } | undefined {
  const n = labelKey(h.text);
  if (!n) return undefined;
  const num = n[0];
  const idx = SECTION_NUMERALS.indexOf(num as (typeof SECTION_NUMERALS)[number]);
  if (idx >= 0 && !/^[一二三四五六][一二三四五六七八九十]/.test(n)) {
    const def = form.sections[idx];
    const words = n.slice(1);
    if (words === normalizeLabel(def.title)) return { index: idx, match: 'exact' };
    return { index: idx, match: 'variant' };
  }
  // the words of an official heading without its numeral
  const hit = form.sections.findIndex((s) => [s.title, ...s.aliases].some((t) => normalizeLabel(t) === n));
  if (hit >= 0) return { index: hit, match: 'variant' };
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Tables

export type CellState = 'ok' | 'empty' | 'blank' | 'invalid' | 'normalizable';
export interface Cell {
  node: CellNode;
  state: CellState;
  value?: number;
  /** the canonical spelling for `normalizable` cells */
  normalized?: string;
  /** why a cell is invalid or normalizable */
  reason?: 'fullwidth' | 'thousands' | 'spaces' | 'unit' | 'negative' | 'fraction' | 'text';
}
export interface ReportColumn {
  node: CellNode;
  def?: ColumnDef;
  match?: MatchKind;
}
export interface ReportRow {
  node: RowNode;
  label: CellNode;
  def?: RowDef;
  match?: MatchKind;
  /** cells[j] is under columns[j] */
  cells: Cell[];
  /** all number cells empty */
  layoutOnly: boolean;
  duplicate: boolean;
}
export interface ReportTable {
  node: TableNode;
  section?: Section;
  def?: TableDef;
  /** the form whose definition the table matched */
  form?: FormDef;
  keyMatch?: MatchKind;
  columns: ReportColumn[];
  rows: ReportRow[];
  rowById: Map<string, ReportRow>;
  colById: Map<string, number>;
}

const BLANK = /^(?:[—–\-－_＿/／\\、.。·…]+|无|空|暂无|N\/?A|null|nil)$/i;
const COUNT_UNITS = /(件|个|项|条|笔|次|人次|份)$/;

export function readCell(text: string, def: ColumnDef | undefined): Omit<Cell, 'node'> {
  const raw = text
    .replace(/^\*\*(.*)\*\*$/, '$1')
    .replace(/^\*(.*)\*$/, '$1')
    .trim();
  if (raw === '') return { state: 'empty' };
  if (BLANK.test(raw)) return { state: 'blank' };
  const kind = def?.kind ?? 'count';
  let t = raw.normalize('NFKC');
  let reason: Cell['reason'] | undefined;
  if (t !== raw && /[０-９．，－＋]/.test(raw)) reason = 'fullwidth';
  const units = [...(def?.units ?? [])].sort((a, b) => b.length - a.length);
  let unit = '';
  for (const u of units)
    if (t.endsWith(u)) {
      unit = u;
      t = t.slice(0, -u.length).trim();
      break;
    }
  if (!unit && COUNT_UNITS.test(t) && /\d/.test(t)) {
    t = t.replace(COUNT_UNITS, '').trim();
    reason ??= 'unit';
  }
  if (/\d\s+[\d.]|\.\s+\d/.test(t)) {
    t = t.replace(/\s+/g, '');
    reason ??= 'spaces';
  }
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) {
    t = t.replace(/,/g, '');
    reason ??= 'thousands';
  }
  if (!/^[+-]?\d+(\.\d+)?$/.test(t)) return { state: 'invalid', reason: 'text' };
  const value = Number(t);
  if (value < 0 && kind !== 'delta') return { state: 'invalid', reason: 'negative', value };
  if (!Number.isInteger(value) && kind !== 'money') return { state: 'invalid', reason: 'fraction', value };
  if (reason) {
    const normalized = t.startsWith('+') ? t.slice(1) : t;
    return { state: 'normalizable', value, normalized: unit ? `${normalized}${unit}` : normalized, reason };
  }
  return { state: 'ok', value };
}

function candidates<T extends { label: string; aliases: string[] }>(defs: readonly T[]) {
  return defs.map((d) => ({ item: d, labels: [d.label], aliases: d.aliases }));
}

// Matching labels and reading cells are pure functions of the written text and of the forms
// (immutable data): remembered, so that re-checking an edited report costs only what changed.
/** The text of a YAML scalar as written (numbers, booleans and dates as their usual text; anything else empty). */
function scalarText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return '';
}

type Match<T> = { item: T; kind: MatchKind } | undefined;
const matchMemo = new WeakMap<object, Map<string, Match<unknown>>>();
function memoMatch<T>(text: string, owner: object, make: () => Parameters<typeof matchLabel<T>>[1]): Match<T> {
  let m = matchMemo.get(owner);
  if (!m) matchMemo.set(owner, (m = new Map<string, Match<unknown>>()));
  if (m.has(text)) return m.get(text) as Match<T>;
  const r = matchLabel(text, make());
  if (m.size >= 4096) m.clear();
  m.set(text, r);
  return r;
}
const matchRows = (text: string, def: TableDef): Match<RowDef> => memoMatch(text, def.rows, () => candidates(def.rows));
const matchColumns = (text: string, def: TableDef): Match<ColumnDef> =>
  memoMatch(text, def.columns, () => candidates(def.columns));
const cellMemo = new WeakMap<object, Map<string, Omit<Cell, 'node'>>>();
const NO_DEF = {};
function readCellMemo(text: string, def: ColumnDef | undefined): Omit<Cell, 'node'> {
  const owner = def ?? NO_DEF;
  let m = cellMemo.get(owner);
  if (!m) cellMemo.set(owner, (m = new Map<string, Omit<Cell, 'node'>>()));
  let r = m.get(text);
  if (!r) {
    r = readCell(text, def);
    if (m.size >= 4096) m.clear();
    m.set(text, r);
  }
  return { ...r };
}

/** How well a written table fits a definition: key, columns and rows matched. */
function fit(t: TableNode, def: TableDef): { score: number; key?: MatchKind } {
  // the official key, or one of its accepted spellings (keyAliases), names the table exactly
  const key = memoMatch(t.header.cells[0]?.text ?? '', def, () => [
    { item: def, labels: [def.key, ...def.keyAliases.filter((k) => k !== '')], aliases: [] },
  ]);
  // an empty first cell, or a heading of the form that names no table (信息内容): columns and rows decide
  const emptyKey =
    ((t.header.cells[0]?.text ?? '') === '' && def.keyAliases.includes('')) ||
    def.keyGeneric.some((k) => normalizeLabel(k) === normalizeLabel(t.header.cells[0]?.text ?? ''));
  const cols = t.header.cells.slice(1);
  let colHits = 0;
  for (const c of cols) {
    const m = matchColumns(c.text, def);
    if (m) colHits += m.kind === 'exact' ? 1 : 0.6;
  }
  let rowHits = 0;
  for (const r of t.rows) {
    const label = r.cells[0]?.text ?? '';
    const m = matchRows(label, def);
    // a labelled row this definition does not know counts against it (e.g. a 2021 sub-item of
    // （六） under the 2019 definition, where （六） has none)
    if (m) rowHits += m.kind === 'exact' ? 1 : 0.6;
    else if (label.trim()) rowHits -= 0.5;
  }
  rowHits = Math.max(0, rowHits);
  const colPart = def.columns.length ? colHits / Math.max(def.columns.length, cols.length) : 0;
  const rowPart = def.rows.length ? rowHits / Math.max(def.rows.length, t.rows.length) : 0;
  const keyPart = key ? (key.kind === 'exact' ? 1 : 0.6) : emptyKey ? 0.5 : 0;
  const score = keyPart * 2 + colPart * 2 + rowPart * 2;
  return { score, key: key?.kind ?? (emptyKey ? 'exact' : undefined) };
}

function buildTable(
  node: TableNode,
  def: TableDef | undefined,
  form: FormDef | undefined,
  keyMatch?: MatchKind,
): ReportTable {
  const columns: ReportColumn[] = node.header.cells.slice(1).map((c) => {
    const m = def ? matchColumns(c.text, def) : undefined;
    return { node: c, def: m?.item, match: m?.kind };
  });
  // two written columns matching the same definition: only the first counts
  const seenCols = new Set<string>();
  for (const c of columns) {
    if (c.def && seenCols.has(c.def.id)) {
      c.def = undefined;
      c.match = undefined;
    } else if (c.def) seenCols.add(c.def.id);
  }
  const rowById = new Map<string, ReportRow>();
  const rows: ReportRow[] = node.rows.map((r) => {
    const label = r.cells[0] ?? { text: '', span: { start: r.span.start, end: r.span.start } };
    const m = def ? matchRows(label.text, def) : undefined;
    const cells: Cell[] = columns.map((col, j) => {
      const cn = r.cells[j + 1];
      if (!cn) {
        const end = r.span.end;
        return { node: { text: '', span: { start: end, end } }, state: 'empty' as const };
      }
      return { node: cn, ...readCellMemo(cn.text, col.def) };
    });
    const layoutOnly = cells.every((c) => c.state === 'empty');
    const row: ReportRow = { node: r, label, def: m?.item, match: m?.kind, cells, layoutOnly, duplicate: false };
    if (row.def) {
      if (rowById.has(row.def.id)) row.duplicate = true;
      else rowById.set(row.def.id, row);
    }
    return row;
  });
  const colById = new Map<string, number>();
  columns.forEach((c, j) => {
    if (c.def) colById.set(c.def.id, j);
  });
  return { node, def, form, keyMatch, columns, rows, rowById, colById };
}

/** Which definition a table stands for depends only on its labels (remembered: edits of numbers keep them). */
const identityMemo = new Map<string, { def: TableDef; form: FormDef; score: number; key?: MatchKind } | null>();

/** How much better (in fit score, out of 6) a table must fit the other form to be taken as that form's. */
const FORM_SWITCH_MARGIN = 0.15;

function identifyTable(node: TableNode, section: Section, declared: FormDef): ReportTable {
  const memoKey = JSON.stringify([
    declared.id,
    section.def.numeral,
    node.header.cells.map((c) => c.text),
    node.rows.map((r) => r.cells[0]?.text ?? ''),
  ]);
  let best = identityMemo.get(memoKey) ?? undefined;
  if (!identityMemo.has(memoKey)) {
    const forms = [declared, ...FORMS.filter((f) => f !== declared)];
    for (const form of forms) {
      for (const def of form.tables) {
        if (def.section !== section.def.numeral) continue;
        const f = fit(node, def);
        // the same table of another form than the declared one must fit clearly better
        const margin = best && best.def.id === def.id && form !== declared ? FORM_SWITCH_MARGIN : 1e-9;
        if (!best || f.score > best.score + margin) best = { def, form, score: f.score, key: f.key };
      }
    }
    if (identityMemo.size >= 1024) identityMemo.clear();
    identityMemo.set(memoKey, best ?? null);
  }
  // a table must agree on its name, or on enough of its columns and rows, to be that table
  if (!best || best.score < 1.2) return buildTable(node, undefined, undefined);
  return buildTable(node, best.def, best.form, best.key);
}

// ---------------------------------------------------------------------------------------------
// Directives: <!-- xxgk-disable-next-line ids -->, <!-- xxgk-disable ids --> … <!-- xxgk-enable ids -->

export interface Suppression {
  rules: Set<string> | 'all';
  fromLine: number;
  toLine: number;
}

/** Whether a `xxgk-disable` comment silences `rule` on `line` (rules as a set, or as a list once serialised). */
export function isSuppressed(
  suppressions: readonly { rules: ReadonlySet<string> | readonly string[] | 'all'; fromLine: number; toLine: number }[],
  rule: string,
  line: number,
): boolean {
  return suppressions.some(
    (s) =>
      line >= s.fromLine &&
      line <= s.toLine &&
      (s.rules === 'all' || ('has' in s.rules ? s.rules.has(rule) : s.rules.includes(rule))),
  );
}

function readDirectives(doc: ParsedDocument): Suppression[] {
  const out: Suppression[] = [];
  const open = new Map<string, number>();
  const ids = (s: string): string[] => s.split(/[\s,]+/).filter(Boolean);
  for (const c of doc.comments) {
    const m = /^xxgk-(disable-next-line|disable-line|disable|enable)\b(.*)$/s.exec(c.value);
    if (!m) continue;
    const line = doc.lines.positionAt(c.span.start).line;
    const endLine = doc.lines.positionAt(c.span.end).line;
    const list = ids(m[2]);
    if (m[1] === 'disable-next-line')
      out.push({ rules: list.length ? new Set(list) : 'all', fromLine: endLine + 1, toLine: endLine + 1 });
    else if (m[1] === 'disable-line')
      out.push({ rules: list.length ? new Set(list) : 'all', fromLine: line, toLine: line });
    else if (m[1] === 'disable')
      for (const id of list.length ? list : ['*']) {
        if (!open.has(id)) open.set(id, line);
      }
    else {
      for (const id of list.length ? list : [...open.keys()]) {
        const from = open.get(id);
        if (from === undefined) continue;
        open.delete(id);
        out.push({ rules: id === '*' ? 'all' : new Set([id]), fromLine: from, toLine: line });
      }
    }
  }
  for (const [id, from] of open)
    out.push({ rules: id === '*' ? 'all' : new Set([id]), fromLine: from, toLine: Number.MAX_SAFE_INTEGER });
  return out;
}

// ---------------------------------------------------------------------------------------------
// The report

export interface Report {
  doc: ParsedDocument;
  frontMatter: FrontMatter;
  meta: Meta;
  titles: HeadingNode[];
  sections: Section[];
  /** the first occurrence of each official section, by index */
  sectionByIndex: (Section | undefined)[];
  tables: ReportTable[];
  suppressions: Suppression[];
}

export function buildReport(doc: ParsedDocument, options: { now?: Date } = {}): Report {
  const { fm, meta } = readFrontMatter(doc, options.now ?? new Date());
  const titles = doc.headings.filter((h) => h.depth === 1);
  // no 年度 and no 格式 (front matter missing or incomplete): the title's year chooses the form
  if (meta.year === undefined && !meta.formDeclared) {
    const y = /(?<!\d)((?:19|20)\d\d)(?!\d)/.exec(titles[0]?.text.normalize('NFKC') ?? '')?.[1];
    if (y) meta.form = formForYear(Number(y));
  }
  const sections: Section[] = [];
  const boundaries = doc.headings.filter((h) => h.depth <= 2);
  for (let i = 0; i < boundaries.length; i++) {
    const h = boundaries[i];
    if (h.depth !== 2) continue;
    const s = sectionOf(h, meta.form);
    if (!s) continue;
    const end = i + 1 < boundaries.length ? boundaries[i + 1].span.start : doc.text.length;
    sections.push({
      index: s.index,
      def: meta.form.sections[s.index],
      heading: h,
      headingMatch: s.match,
      span: { start: h.span.start, end },
      bodySpan: { start: h.span.end, end },
      subHeadings: [],
      tables: [],
      prose: [],
      blocks: [],
    });
  }
  const inside = (sp: { start: number }, sec: Section): boolean =>
    sp.start >= sec.bodySpan.start && sp.start < sec.bodySpan.end;
  // sections are in document order with disjoint bodies: binary search (a linear one is quadratic on many headings)
  const find = (sp: { start: number }): Section | undefined => {
    let lo = 0,
      hi = sections.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sections[mid].bodySpan.start <= sp.start) lo = mid;
      else hi = mid - 1;
    }
    const s = sections[lo];
    return s && inside(sp, s) ? s : undefined;
  };
  for (const h of doc.headings) if (h.depth > 2) find(h.span)?.subHeadings.push(h);
  for (const p of doc.prose) find(p.span)?.prose.push(p);
  for (const b of doc.blocks) find(b.span)?.blocks.push(b);
  const tables: ReportTable[] = [];
  for (const t of doc.tables) {
    const sec = find(t.span);
    if (!sec || sec.index < 1 || sec.index > 3) continue;
    const rt = identifyTable(t, sec, meta.form);
    rt.section = sec;
    sec.tables.push(rt);
    tables.push(rt);
  }
  const sectionByIndex: (Section | undefined)[] = [];
  for (const s of sections) if (!sectionByIndex[s.index]) sectionByIndex[s.index] = s;
  return { doc, frontMatter: fm, meta, titles, sections, sectionByIndex, tables, suppressions: readDirectives(doc) };
}

/** The first table of the report that stands for a definition id (in its section). */
export function tableById(report: Report, id: string): ReportTable | undefined {
  return report.tables.find((t) => t.def?.id === id && !t.rows.every((r) => r.duplicate));
}

/** A number from a table by row and column id, when the cell is readable. */
export function cellValue(t: ReportTable | undefined, rowId: string, colId: string): number | undefined {
  const r = t?.rowById.get(rowId);
  const j = t?.colById.get(colId);
  if (!r || j === undefined) return undefined;
  const c = r.cells[j];
  return c && (c.state === 'ok' || c.state === 'normalizable') ? c.value : undefined;
}

export function cellAt(t: ReportTable, rowId: string, colId: string): Cell | undefined {
  const r = t.rowById.get(rowId);
  const j = t.colById.get(colId);
  return r && j !== undefined ? r.cells[j] : undefined;
}
