/**
 * Lines of cells (from any importer) → a report in the dialect: front matter, the title, the six
 * sections found by their numerals and words, the prose kept as paragraphs, and the statistics
 * tables rebuilt on the official form from what `tables.ts` could read. What could not be placed
 * stays in the draft as a commented block, and the summary counts cells read against cells
 * expected, so the writer knows what to check.
 */
import { FORMS, formForYear, getForm, type FormDef, type TableDef } from '../engine/forms';
import { normalizeLabel, editDistance } from '../engine/normalize';
import { commentSafe, writeTable, yamlString } from '../engine/new-year';
import type { SrcLine } from './source';
import { readTable, tableKeyAt, tokenize, type ReadTable, type TableKind, type Tok, type Unplaced } from './tables';

export interface ImportOptions {
  /** override or supply the 机关 (the source may not name it) */
  agency?: string;
  /** override or supply the 年度 */
  year?: number;
  /** how the source is named in the draft's note */
  sourceName?: string;
}

export interface TableSummary {
  id: string;
  name: string;
  section: string;
  found: boolean;
  read: number;
  expected: number;
}
export interface ImportSummary {
  agency?: string;
  year?: number;
  format: string;
  /** numerals of the sections found in the source, in order */
  sections: string[];
  tables: TableSummary[];
  cellsRead: number;
  cellsExpected: number;
  unplaced: { where: string; label: string; values: string[]; why: string }[];
  notes: string[];
}
export interface ImportResult {
  markdown: string;
  summary: ImportSummary;
}

// ---------------------------------------------------------------------------------------------
// Lines: section headings, prose, titles

const NUMERALS = ['一', '二', '三', '四', '五', '六'];

function lineText(l: SrcLine): string {
  return l.cells
    .map((c) => c.text)
    .join(' ')
    .replace(/[ \t\u3000]{2,}/g, ' ')
    .trim();
}

/** The official section a line heads, when it is a heading (numeral + the section's words). */
export function sectionOfLine(l: SrcLine): number | undefined {
  if (l.grid !== undefined || l.cells.length !== 1) return undefined;
  const text = lineText(l);
  if (!text || Array.from(text).length > 40) return undefined;
  const n = normalizeLabel(text);
  const idx = NUMERALS.indexOf(n[0] ?? '');
  if (idx < 0 || /^[一二三四五六][一二三四五六七八九十]/.test(n)) return undefined;
  const words = n.slice(1);
  if (words.length < 2) return undefined;
  for (const form of FORMS) {
    const def = form.sections[idx];
    for (const title of [def.title, ...def.aliases]) {
      const t = normalizeLabel(title);
      if (words === t || words.includes(t) || (words.length >= 4 && t.includes(words))) return idx;
      const limit = Math.max(1, Math.floor(Array.from(t).length * 0.3));
      if (editDistance(words, t, limit) <= limit) return idx;
    }
  }
  return undefined;
}

function isProse(l: SrcLine): boolean {
  if (l.grid !== undefined || l.cells.length !== 1) return false;
  const text = lineText(l);
  const len = Array.from(text).length;
  return (/[。！？；]/.test(text) && len > 8) || len > 60;
}

const SUBHEADING = /^[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[)）]/;

function isSubheading(text: string): boolean {
  const len = Array.from(text).length;
  return SUBHEADING.test(text) && len <= 40 && !/[。；;，,]$/.test(text) && !/[。]/.test(text.slice(0, -1));
}

/** Prose made safe as a Markdown paragraph (no accidental heading, list, quote, HTML or table). */
export function escapeProse(text: string): string {
  let t = text.replace(/</g, '&lt;');
  if (/^(#{1,6}\s|>|[-+*]\s|[-*_=]{3,}\s*$|\d+[.)]\s*$)/.test(t)) t = `\\${t}`;
  if (/^\s*\|/.test(t)) t = `\\${t}`;
  return t;
}

// ---------------------------------------------------------------------------------------------

interface SecOut {
  index: number;
  heading: string;
  body: string[];
  created?: boolean;
}

const TITLE = /(政府信息公开|政务公开).*(年度报告|年报)|年度报告$/;

function yearAndAgencyFromTitle(title: string): { agency?: string; year?: number } {
  const m = /^(.*?)\s*((?:19|20)\d{2})\s*年/.exec(title.normalize('NFKC'));
  if (!m) return {};
  const agency = m[1]
    .replace(/^关于/, '')
    .replace(/[\s:：,，、]+$/, '')
    .trim();
  return { agency: agency || undefined, year: Number(m[2]) };
}

function likelyYear(texts: string[]): number | undefined {
  const count = new Map<number, number>();
  for (const t of texts)
    for (const m of t.normalize('NFKC').matchAll(/((?:19|20)\d{2})\s*年/g)) {
      const y = Number(m[1]);
      count.set(y, (count.get(y) ?? 0) + 1);
    }
  let best: number | undefined,
    n = 0;
  for (const [y, c] of count)
    if (c > n) {
      best = y;
      n = c;
    }
  return best;
}

function tableName(def: TableDef): string {
  return def.section === '二' ? def.key : (def.title ?? def.key);
}

export function assemble(lines: readonly SrcLine[], options: ImportOptions = {}): ImportResult {
  const toks = tokenize(lines);
  const firstTok: number[] = new Array<number>(lines.length).fill(-1);
  toks.forEach((t, i) => {
    if (firstTok[t.line] === -1) firstTok[t.line] = i;
  });
  const headingOf = lines.map((l) => sectionOfLine(l));
  const ctx = { endsTable: (line: number): boolean => headingOf[line] !== undefined || isProse(lines[line]) };

  const pre: string[] = [];
  let htmlTitle: string | undefined;
  const sections: SecOut[] = [];
  const tables = new Map<TableKind, ReadTable>();
  const notes: string[] = [];
  const extraUnplaced: { where: string; u: Unplaced }[] = [];
  let cur: SecOut | undefined;
  const firstRow = normalizeLabel('一、本年新收政府信息公开申请数量');

  let L = 0;
  while (L < lines.length) {
    const line = lines[L];
    if (line.cells.length === 0) {
      L++;
      continue;
    }
    // a table opening on this line?
    let opened = false;
    if (headingOf[L] === undefined && !isProse(line) && firstTok[L] >= 0) {
      for (let j = firstTok[L]; j < toks.length && toks[j].line === L; j++) {
        let kind = tableKeyAt(toks, j);
        if (!kind && !tables.has('applications') && toks[j].norm === firstRow) kind = 'applications';
        if (!kind) continue;
        const prefer = options.year !== undefined ? formForYear(options.year).id : undefined;
        const rt = readTable(toks, j, kind, ctx, prefer);
        if (rt) {
          if (tables.has(kind)) {
            const name = tableName(rt.def);
            notes.push(`表格“${name}”出现了不止一次，只采用第一次出现的数据`);
            for (const p of rt.placed)
              extraUnplaced.push({ where: name, u: { label: p.rowId, values: [p.value], why: '重复的表格' } });
          } else tables.set(kind, rt);
          const next = rt.end < toks.length ? toks[rt.end].line : lines.length;
          L = Math.max(next, L + 1);
          opened = true;
        }
        break;
      }
    }
    if (opened) continue;
    const h = headingOf[L];
    if (h !== undefined) {
      cur = { index: h, heading: lineText(line), body: [] };
      sections.push(cur);
      L++;
      continue;
    }
    const text = lineText(line);
    if (!cur) {
      if (line.heading === 1 && !htmlTitle) htmlTitle = text;
      else pre.push(text);
    } else if (
      isSubheading(text) ||
      (line.heading !== undefined && line.heading >= 2 && Array.from(text).length <= 40)
    ) {
      cur.body.push(`### ${escapeProse(text)}`);
    } else cur.body.push(escapeProse(text));
    L++;
  }

  // the title: an HTML h1, or the first one to three short lines before 一 that read as one
  let title = htmlTitle;
  let preface = pre;
  if (!title) {
    for (let k = 1; k <= Math.min(3, pre.length); k++) {
      const parts = pre.slice(0, k);
      if (parts.some((p) => Array.from(p).length > 40 || /[。]/.test(p))) break;
      const joined = parts.join('');
      if (TITLE.test(joined)) {
        title = joined;
        preface = pre.slice(k);
        break;
      }
    }
  }
  const fromTitle = title ? yearAndAgencyFromTitle(title) : {};
  const agency = options.agency ?? fromTitle.agency;
  const year = options.year ?? fromTitle.year ?? likelyYear([...pre, ...(sections[0]?.body ?? [])]);
  if (!options.year && !fromTitle.year && year !== undefined)
    notes.push(`年度 ${year} 由正文中出现最多的年份推断，请核对`);
  if (!agency) notes.push('未能从原文读出机关名称：请在前置元数据“机关”中填写');
  if (year === undefined) notes.push('未能从原文读出年度：请在前置元数据“年度”中填写');

  // the format: what the tables say, else what the year implies
  const votes = new Map<string, number>();
  for (const rt of tables.values()) {
    if (rt.rowsFound === 0 || rt.kind === 'review') continue;
    if (rt.kind === 'applications') {
      const ids = new Set(rt.placed.map((p) => p.rowId));
      if (ids.has('noCorrection') || ids.has('noFee') || ids.has('otherOther'))
        votes.set('2021', (votes.get('2021') ?? 0) + 1);
      else if (ids.has('otherHandling')) votes.set('2019', (votes.get('2019') ?? 0) + 1);
      continue;
    }
    votes.set(rt.form.id, (votes.get(rt.form.id) ?? 0) + 1);
  }
  const byYear = formForYear(year);
  let form: FormDef = byYear;
  const v19 = votes.get('2019') ?? 0,
    v21 = votes.get('2021') ?? 0;
  if (v19 > v21) form = getForm('2019')!;
  else if (v21 > v19) form = getForm('2021')!;
  if (form !== byYear && year !== undefined)
    notes.push(`表格为 ${form.id} 年格式（${form.notice}），与 ${year} 年度应使用的格式不同`);

  // tables into their sections
  const summaryTables: TableSummary[] = [];
  const unplaced: ImportSummary['unplaced'] = [];
  let cellsRead = 0,
    cellsExpected = 0;
  const tableBlocks = new Map<number, string[]>();
  const defsToWrite: { def: TableDef; rt?: ReadTable }[] = [];
  for (const def of form.tables) {
    const rt = tables.get(def.id);
    defsToWrite.push({ def: rt && rt.form !== form ? rt.def : def, rt });
  }
  for (const rt of tables.values())
    if (!form.tables.some((d) => d.id === rt.kind)) defsToWrite.push({ def: rt.def, rt });
  for (const { def, rt } of defsToWrite) {
    const name = tableName(def);
    const index = NUMERALS.indexOf(def.section);
    const dataCells = def.rows.filter((r) => !r.group).length * def.columns.length;
    if (!rt) {
      summaryTables.push({ id: def.id, name, section: def.section, found: false, read: 0, expected: dataCells });
      cellsExpected += dataCells;
      continue;
    }
    const values = new Map(rt.placed.map((p) => [`${p.rowId}\u0000${p.colId}`, p.value]));
    const read = rt.placed.length;
    cellsRead += read;
    cellsExpected += dataCells;
    summaryTables.push({ id: def.id, name, section: def.section, found: true, read, expected: dataCells });
    const block = [writeTable(def, (r, c) => values.get(`${r}\u0000${c}`))];
    const lost = [...rt.unplaced, ...extraUnplaced.filter((x) => x.where === name).map((x) => x.u)];
    for (const u of lost) unplaced.push({ where: name, ...u });
    if (lost.length) {
      const items = lost.map((u) => `${u.label}：${u.values.join('、')}（${u.why}）`);
      block.push(
        `<!-- xxgk-import：以下内容未能放入“${name}”，请对照原文核对后手工填入：\n${commentSafe(items.join('\n'))}\n-->`,
      );
    }
    notes.push(...rt.notes.map((n) => `${name}：${n}`));
    const list = tableBlocks.get(index) ?? [];
    list.push(...block);
    tableBlocks.set(index, list);
  }

  // sections: as found, and the ones tables need, at their place
  const out = [...sections];
  for (const index of tableBlocks.keys()) {
    if (out.some((s) => s.index === index)) continue;
    const def = form.sections[index];
    const s: SecOut = { index, heading: `${def.numeral}、${def.title}`, body: [], created: true };
    const at = out.findIndex((x) => x.index > index);
    if (at < 0) out.push(s);
    else out.splice(at, 0, s);
    notes.push(`原文没有“${def.numeral}、${def.title}”的标题，已按表格补上`);
  }
  const placedTables = new Set<number>();

  const fm = ['---', `机关: ${agency ? yamlString(agency) : ''}`, `年度: ${year ?? ''}`, `格式: ${form.id}`];
  if (agency && /人民政府$/.test(agency)) fm.push('类型: 政府');
  fm.push('---');
  const parts: string[] = [fm.join('\n')];
  const docTitle = title ?? (agency && year ? `${agency}${year}年政府信息公开工作年度报告` : undefined);
  parts.push(
    `<!-- xxgk-import：由 ${commentSafe(options.sourceName ?? '原文')} 导入；表格单元格读入 ${cellsRead}/${cellsExpected}${unplaced.length ? `，${unplaced.length} 处未能放入（见文中注释）` : ''}。请对照原文核对后删除本注释。 -->`,
  );
  if (docTitle) parts.push(`# ${escapeProse(docTitle)}`);
  else notes.push('原文没有标题');
  parts.push(...preface.map(escapeProse));
  for (const s of out) {
    parts.push(`## ${escapeProse(s.heading)}`);
    parts.push(...s.body);
    if (!placedTables.has(s.index)) {
      parts.push(...(tableBlocks.get(s.index) ?? []));
      placedTables.add(s.index);
    }
  }

  const summary: ImportSummary = {
    agency,
    year,
    format: form.id,
    sections: sections.map((s) => NUMERALS[s.index]),
    tables: summaryTables,
    cellsRead,
    cellsExpected,
    unplaced,
    notes,
  };
  return { markdown: parts.join('\n\n') + '\n', summary };
}

export type { Tok };
