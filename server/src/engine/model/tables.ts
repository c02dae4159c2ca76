/** Tables identified as the official form's, rows and columns matched to its labels, cells read as numbers. */
import { FORMS, type ColumnDef, type FormDef, type RowDef, type TableDef } from '../forms';
import { matchLabel, normalizeLabel, type Candidate, type MatchKind } from './normalize';
import type { CellNode, TableNode } from '../parse';
import type { Cell, ReportColumn, ReportRow, ReportTable, Section } from './types';

// ---------------------------------------------------------------------------------------------
// Tables

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

/** The rows or columns of a definition as match candidates: one list per definition (matchLabel prepares it once). */
const CANDIDATES = new WeakMap<readonly object[], Candidate<unknown>[]>();
function candidates<T extends { label: string; aliases: string[] }>(defs: readonly T[]): Candidate<T>[] {
  let c = CANDIDATES.get(defs) as Candidate<T>[] | undefined;
  if (!c) CANDIDATES.set(defs, (c = defs.map((d) => ({ item: d, labels: [d.label], aliases: d.aliases }))));
  return c;
}

// Matching labels and reading cells are pure functions of the written text and of the forms
// (immutable data): remembered, so that re-checking an edited report costs only what changed.
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
  return r;
}

const EMPTY: Omit<Cell, 'node'> = { state: 'empty' };
/**
 * A cell of the model, every property present in one order whatever its state: the rules read
 * cells by the thousand at every edit, and objects of one shape keep that code fast and stable.
 */
const cellOf = (node: CellNode, r: Omit<Cell, 'node'>): Cell => ({
  node,
  state: r.state,
  value: r.value,
  normalized: r.normalized,
  reason: r.reason,
});

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
        return cellOf({ text: '', span: { start: end, end } }, EMPTY);
      }
      return cellOf(cn, readCellMemo(cn.text, col.def));
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

/** A table's header and row labels as one string (a node an edit did not move keeps its own). */
const LABELS = new WeakMap<TableNode, string>();
function labelsOf(node: TableNode): string {
  let k = LABELS.get(node);
  if (k === undefined) {
    k = node.header.cells.map((c) => c.text).join('\u0000');
    for (const r of node.rows) k += `\u0001${r.cells[0]?.text ?? ''}`;
    LABELS.set(node, k);
  }
  return k;
}

/** Which definition a table stands for depends only on its labels (remembered: edits of numbers keep them). */
const identityMemo = new Map<string, { def: TableDef; form: FormDef; score: number; key?: MatchKind } | null>();

/** How much better (in fit score, out of 6) a table must fit the other form to be taken as that form's. */
const FORM_SWITCH_MARGIN = 0.15;

export function identifyTable(node: TableNode, section: Section, declared: FormDef): ReportTable {
  const memoKey = `${declared.id}\u0002${section.def.numeral}\u0002${labelsOf(node)}`;
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
