/**
 * Lines of cells (from any importer) → a report in the dialect: front matter, the title, the six
 * sections found by their numerals and words, the prose kept as paragraphs, and the statistics
 * tables rebuilt on the official form from what `tables.ts` could read. What could not be placed
 * stays in the draft as a commented block, and the summary counts cells read against cells
 * expected, so the writer knows what to check.
 */
import { FORMS, formForYear, getForm, type FormDef, type TableDef } from '../engine/forms';
import { normalizeLabel, editDistance } from '../engine/model/normalize';
import { commentSafe, yamlString } from '../engine/new-year';
import type { SrcLine } from './source';
import { importError } from './errors';
import { IMPORT_LIMITS, outOfTime } from './limits';
import { readTable, tableKeyAt, tokenize, type ReadTable, type TableKind, type Tok, type Unplaced } from './tables';
import { officialTableLines } from '../engine/text/official-table';

export interface ImportOptions {
  /** override or supply the 机关 (the source may not name it) */
  agency?: string;
  /** override or supply the 年度 */
  year?: number;
  /** how the source is named in the draft's note */
  sourceName?: string;
  /** what the file's document properties say (PDF info, docx core properties) */
  properties?: { title?: string; author?: string; created?: string };
  /** give up when Date.now() passes this */
  deadline?: number;
  /** where the PDF reader finds its CJK character maps (see pdf.ts) */
  cMapUrl?: string;
}

/** A front matter field the import filled in, with the evidence it read it from. */
export interface Inferred {
  field: '机关' | '年度' | '格式' | '类型' | '发布日期';
  value: string;
  /** where it comes from, in Chinese: 标题“…”, 正文“…”, 文档属性, 表格 … */
  evidence: string;
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
  /** the front matter fields filled in, each with its evidence */
  inferred: Inferred[];
  kind?: string;
  published?: string;
  /** lines of page chrome (menus, metadata, footers) kept out of the sections, in one comment */
  chrome: number;
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

/** Every row and group label of every form (a line that is one of them is no section heading). */
const ROW_LABELS = new Set(
  FORMS.flatMap((f) => f.tables.flatMap((t) => t.rows.flatMap((r) => [r.label, ...r.aliases]))).map((l) =>
    normalizeLabel(l),
  ),
);

/**
 * The official section a line heads, when it is a heading: the numeral and the section's words
 * (or a close variant of them); with `after` (the index of the last section found), also any
 * short line that starts with the next numerals and 、 — the checker takes every H2 that starts
 * with 一…六 as that section, so the import does too (五、存在的主要问题及整改措施).
 */
export function sectionOfLine(l: SrcLine, after = -1): number | undefined {
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
  if (
    idx > after &&
    idx <= after + 2 &&
    /^[一二三四五六][、.．]\s*\S/.test(text.normalize('NFKC').replace(/^\s+/, '')) &&
    !/[。；;，,：:]/.test(text.slice(0, -1)) &&
    !/[。；;，,]$/.test(text) &&
    !/\s[+-]?\d/.test(text) &&
    ![...ROW_LABELS].some((r) => r.length >= 4 && n.startsWith(r)) &&
    Array.from(text).length <= 30
  )
    return idx;
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

/**
 * Text made safe as one Markdown paragraph: it reads back as a paragraph holding exactly this
 * text — no heading, list, quote, code fence or indented code, thematic break, setext underline,
 * table, HTML, link definition, emphasis or entity is made of what the publisher printed.
 */
export function escapeProse(text: string): string {
  let t = text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/[`*_[\]~|]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[0-9A-Za-z]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    // no GFM autolink literal either: its text would not be the printed text when it holds an escape
    .replace(/(https?|ftp):\/\//gi, '$1\\://')
    .replace(/(www)\./gi, '$1\\.')
    .trim();
  const ordered = /^(\d{1,9})([.)])/.exec(t);
  if (ordered) t = `${ordered[1]}\\${t.slice(ordered[1].length)}`;
  else if (/^(#{1,6}(\s|$)|>|[-+*](\s|$)|[-*_=]{2,}|:|=)/.test(t)) t = `\\${t}`;
  return t;
}

/**
 * A table cell as printed, safe inside a pipe table: one line, pipes escaped. Nothing else is
 * escaped: the checker reads a cell's source text as the label or number it is.
 */
function escapeCell(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Page chrome, dates, names

/** Lines of a web page's frame or a document's metadata block, not of the report. */
const CHROME =
  /^(?:索引号|发布机构|发文机关|发文字号|文号|主题分类|主题词|信息来源|信息分类|公开方式|公开范围|公开时限|有效性|生成日期|浏览次数|访问量|字号|【?字体|打印本页|【?打印|关闭窗口|【?关闭|分享到|扫一扫|网站地图|主办单位|承办单位|版权所有|ICP|网站标识码|联系我们|当前位置|您的位置|首页|上一篇|下一篇|相关链接|附件下载|来源[:：]|发布时间|发布日期|公开日期|成文日期|责任编辑|作者[:：])/;

const DATE = /((?:19|20)\d{2})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?/;
const LABELLED_DATE =
  /(发布日期|公开日期|成文日期|发文日期|发布时间)\s*[:：]?\s*((?:19|20)\d{2}\s*[年.\-/]\s*\d{1,2}\s*[月.\-/]\s*\d{1,2}\s*日?)/;

function isoDate(text: string): string | undefined {
  const m = DATE.exec(text.normalize('NFKC'));
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return undefined;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A line that is only a date (how a report closes, under the body's name). */
const isDateLine = (text: string): boolean =>
  Array.from(text).length <= 16 &&
  isoDate(text) !== undefined &&
  /^\s*(?:19|20)\d{2}\s*年/.test(text.normalize('NFKC'));

/** 政府 or 部门, where the name settles it. */
export function kindOfAgency(agency: string): '政府' | '部门' | undefined {
  const a = agency.replace(/\s+/g, '');
  if (/(?:人民政府|政府)(?:办公室|办公厅)$/.test(a)) return '部门';
  if (/(?:人民政府|政府|乡|镇|街道|街道办事处)$/.test(a)) return '政府';
  if (/(?:局|委员会|委|办公室|办公厅|办|中心|厅|署|院|站|所|队)$/.test(a)) return '部门';
  return undefined;
}

const TITLE = /(政府信息公开|政务公开).*(年度报告|年报)|年度报告$/;

function yearAndAgencyFromTitle(title: string): { agency?: string; year?: number } {
  const m = /^(.*?)\s*((?:19|20)\d{2})\s*年/.exec(title.normalize('NFKC'));
  if (!m) return {};
  const agency = m[1]
    .replace(/^关于/, '')
    .replace(/[\s:：,，、]+$/, '')
    .replace(/\s+/g, '')
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

/**
 * The full name when the text names the body with its place before it (the title says
 * 洪泽区人民政府, the text 本报告由淮安市洪泽区人民政府办公室…): the place is the run of Han
 * characters after a break (由, 是, punctuation, the start) up to 省/市/州/盟 right before the name.
 */
function fullerName(agency: string, texts: string[]): { name: string; quote: string } | undefined {
  if (/^[\u4e00-\u9fff]{2,6}?(?:省|市|自治区|自治州|盟)/.test(agency)) return undefined;
  const BREAK = /[由是在对为，。、：:（(\s“”"]/;
  for (const t of texts.slice(0, 40)) {
    for (let at = t.indexOf(agency); at > 0; at = t.indexOf(agency, at + 1)) {
      if (!/[省市州盟]/.test(t[at - 1])) continue;
      for (let k = 2; k <= 6 && at - k >= 0; k++) {
        const place = t.slice(at - k, at);
        if (!/^[\u4e00-\u9fff]+$/.test(place)) break;
        if (at - k === 0 || BREAK.test(t[at - k - 1])) return { name: place + agency, quote: place + agency };
      }
    }
  }
  return undefined;
}

interface SecOut {
  index: number;
  heading: string;
  /** the section's lines as Markdown */
  body: string[];
  /** the same lines as printed */
  raw: string[];
  created?: boolean;
}

function tableName(def: TableDef): string {
  return def.section === '二' ? def.key : (def.title ?? def.key);
}

/** An official table written with the labels the source printed where it printed them. */
function writeImportedTable(
  def: TableDef,
  rt: ReadTable | undefined,
  value: (r: string, c: string) => string | undefined,
): string {
  // the official writer, with the labels the source printed (escaped: they are the source's text)
  return officialTableLines(def, {
    colLabel: (id, label) => escapeCell(rt?.colLabels.get(id) ?? label),
    rowLabel: (id, label) => escapeCell(rt?.rowLabels.get(id) ?? label),
    value: (r, c) => escapeCell(value(r, c) ?? ''),
  }).join('\n');
}

export function assemble(lines: readonly SrcLine[], options: ImportOptions = {}): ImportResult {
  if (lines.length > IMPORT_LIMITS.lines)
    throw importError('import.too-many-lines', {
      lines: lines.length.toLocaleString('en'),
      max: IMPORT_LIMITS.lines.toLocaleString('en'),
    });
  const overTime = (): void => {
    if (options.deadline !== undefined && Date.now() > options.deadline) throw outOfTime();
  };
  const toks = tokenize(lines);
  overTime();
  const firstTok: number[] = new Array<number>(lines.length).fill(-1);
  toks.forEach((t, i) => {
    if (firstTok[t.line] === -1) firstTok[t.line] = i;
  });
  const headingOf: (number | undefined)[] = [];
  {
    let last = -1;
    for (const l of lines) {
      const h = sectionOfLine(l, last);
      headingOf.push(h);
      if (h !== undefined) last = Math.max(last, h);
    }
  }
  const ctx = { endsTable: (line: number): boolean => headingOf[line] !== undefined || isProse(lines[line]) };

  const pre: string[] = [];
  let htmlTitle: string | undefined;
  let htmlTitleAt = -1;
  const sections: SecOut[] = [];
  const tables = new Map<TableKind, ReadTable>();
  const notes: string[] = [];
  const extraUnplaced: { where: string; u: Unplaced }[] = [];
  let cur: SecOut | undefined;
  const firstRow = normalizeLabel('一、本年新收政府信息公开申请数量');

  let L = 0;
  while (L < lines.length) {
    if ((L & 1023) === 0) overTime();
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
      cur = { index: h, heading: lineText(line), body: [], raw: [] };
      sections.push(cur);
      L++;
      continue;
    }
    const text = lineText(line);
    if (!cur) {
      if (line.heading === 1 && !htmlTitle) {
        htmlTitle = text;
        htmlTitleAt = pre.length;
      }
      pre.push(text);
    } else if (
      isSubheading(text) ||
      (line.heading !== undefined && line.heading >= 2 && Array.from(text).length <= 40)
    ) {
      cur.body.push(`### ${escapeProse(text)}`);
      cur.raw.push(text);
    } else {
      cur.body.push(escapeProse(text));
      cur.raw.push(text);
    }
    L++;
  }

  // the title: an HTML h1, or one to three short lines before 一 that read as one; what stands
  // before it is page chrome (a site's menus, the 索引号 block), and so is a metadata line after it
  let title = htmlTitle;
  let titleAt = htmlTitle !== undefined ? htmlTitleAt : -1;
  let titleLen = htmlTitle !== undefined ? 1 : 0;
  if (title === undefined || !TITLE.test(title)) {
    search: for (let at = 0; at < pre.length; at++) {
      for (let k = 1; k <= Math.min(3, pre.length - at); k++) {
        const parts = pre.slice(at, at + k);
        if (parts.some((p) => Array.from(p).length > 40 || /[。]/.test(p) || CHROME.test(p))) break;
        const joined = parts.join('');
        if (TITLE.test(joined) && /(?:19|20)\d{2}|年度/.test(joined)) {
          title = joined;
          titleAt = at;
          titleLen = k;
          break search;
        }
      }
    }
  }
  const chrome: string[] = [];
  const preface: string[] = [];
  pre.forEach((p, i) => {
    if (titleAt >= 0 && i >= titleAt && i < titleAt + titleLen) return;
    if (
      (titleAt >= 0 && i < titleAt) ||
      CHROME.test(p) ||
      (p.length <= 12 && /^[\s|>»·/\\-]*[\u4e00-\u9fff]{1,6}$/.test(p) && i < titleAt)
    )
      chrome.push(p);
    else preface.push(p);
  });

  // the end of the report: after the date that closes it (under the body's name), or footer
  // lines at the end, is the page's frame again
  const lastSec = sections[sections.length - 1];
  if (lastSec) {
    let end = lastSec.raw.length;
    for (let k = lastSec.raw.length - 1; k >= Math.max(0, lastSec.raw.length - 30); k--) {
      if (isDateLine(lastSec.raw[k])) {
        end = k + 1;
        break;
      }
    }
    while (end > 0 && CHROME.test(lastSec.raw[end - 1])) end--;
    let tail = lastSec.raw.length;
    while (tail > end && (CHROME.test(lastSec.raw[tail - 1]) || end < lastSec.raw.length)) tail--;
    if (end < lastSec.raw.length) {
      chrome.push(...lastSec.raw.slice(end));
      lastSec.raw.length = end;
      lastSec.body.length = end;
    }
  }

  // front matter, each field with its evidence
  const inferred: Inferred[] = [];
  const bodyTexts = [...preface, ...sections.flatMap((s) => s.raw)];
  const fromTitle = title ? yearAndAgencyFromTitle(title) : {};
  const fromProps = options.properties?.title ? yearAndAgencyFromTitle(options.properties.title) : {};
  let agency = options.agency?.replace(/\s+/g, ' ').trim();
  if (agency) inferred.push({ field: '机关', value: agency, evidence: '命令行参数' });
  else if (fromTitle.agency) {
    agency = fromTitle.agency;
    inferred.push({ field: '机关', value: agency, evidence: `标题“${title}”` });
  } else if (fromProps.agency) {
    agency = fromProps.agency;
    inferred.push({ field: '机关', value: agency, evidence: `文档属性中的标题“${options.properties!.title}”` });
  }
  if (agency && !options.agency) {
    const fuller = fullerName(agency, [...chrome, ...bodyTexts]);
    if (fuller) {
      agency = fuller.name;
      inferred[inferred.length - 1] = {
        field: '机关',
        value: agency,
        evidence: `${inferred[inferred.length - 1].evidence}，全称见正文“${fuller.quote}”`,
      };
    }
  }
  let year = options.year;
  if (year !== undefined) inferred.push({ field: '年度', value: String(year), evidence: '命令行参数' });
  else if (fromTitle.year !== undefined) {
    year = fromTitle.year;
    inferred.push({ field: '年度', value: String(year), evidence: `标题“${title}”` });
  } else if (fromProps.year !== undefined) {
    year = fromProps.year;
    inferred.push({ field: '年度', value: String(year), evidence: `文档属性中的标题“${options.properties!.title}”` });
  } else {
    year = likelyYear([...pre, ...(sections[0]?.raw ?? [])]);
    if (year !== undefined) {
      inferred.push({ field: '年度', value: String(year), evidence: '正文中出现最多的年份（请核对）' });
      notes.push(`年度 ${year} 由正文中出现最多的年份推断，请核对`);
    }
  }
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
      else if (ids.has('otherHandling') && !ids.has('results') && votes.size === 0)
        votes.set('2019', (votes.get('2019') ?? 0) + 0.5);
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
  inferred.push({
    field: '格式',
    value: form.id,
    evidence:
      v19 !== v21
        ? `统计表的行列属于 ${form.id} 年格式（${form.notice}）`
        : year !== undefined
          ? `${year} 年度应使用的格式（表格不能区分）`
          : '默认格式（表格不能区分）',
  });
  if (form !== byYear && year !== undefined)
    notes.push(`表格为 ${form.id} 年格式（${form.notice}），与 ${year} 年度应使用的格式不同`);
  const kind = agency ? kindOfAgency(agency) : undefined;
  if (kind) inferred.push({ field: '类型', value: kind, evidence: `机关名称“${agency}”` });
  let published: string | undefined;
  for (const t of [...chrome, ...preface]) {
    const m = LABELLED_DATE.exec(t.normalize('NFKC'));
    const d = m ? isoDate(m[2]) : undefined;
    if (d) {
      published = d;
      inferred.push({ field: '发布日期', value: d, evidence: `“${m![0]}”` });
      break;
    }
  }
  if (!published && lastSec) {
    for (let k = lastSec.raw.length - 1; k >= Math.max(0, lastSec.raw.length - 4); k--) {
      if (isDateLine(lastSec.raw[k])) {
        published = isoDate(lastSec.raw[k]);
        if (published)
          inferred.push({ field: '发布日期', value: published, evidence: `报告末尾的日期“${lastSec.raw[k]}”` });
        break;
      }
    }
  }

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
    const block = [writeImportedTable(def, rt, (r, c) => values.get(`${r}\u0000${c}`))];
    const lost = [...rt.unplaced, ...extraUnplaced.filter((x) => x.where === name).map((x) => x.u)];
    for (const u of lost) unplaced.push({ where: name, ...u });
    if (lost.length) {
      const items = lost.map((u) => `${u.label}：${u.values.join('、')}（${u.why}）`);
      block.push(
        `<!-- xxgk-import：以下内容未能放入“${name}”，请对照原文核对后手工填入：\n${commentSafe(items.join('\n'))}\n-->`,
      );
    }
    for (const n of rt.notes) notes.push(`${name}：${n}`);
    const list = tableBlocks.get(index) ?? [];
    for (const b of block) list.push(b);
    tableBlocks.set(index, list);
  }

  // sections: as found, and the ones tables need, at their place
  const out = [...sections];
  for (const index of tableBlocks.keys()) {
    if (out.some((s) => s.index === index)) continue;
    const def = form.sections[index];
    const s: SecOut = { index, heading: `${def.numeral}、${def.title}`, body: [], raw: [], created: true };
    const at = out.findIndex((x) => x.index > index);
    if (at < 0) out.push(s);
    else out.splice(at, 0, s);
    notes.push(`原文没有“${def.numeral}、${def.title}”的标题，已按表格补上`);
  }
  const placedTables = new Set<number>();

  const fm = ['---', `机关: ${agency ? yamlString(agency) : ''}`, `年度: ${year ?? ''}`, `格式: ${form.id}`];
  if (kind) fm.push(`类型: ${kind}`);
  if (published) fm.push(`发布日期: ${published}`);
  fm.push('---');
  const parts: string[] = [fm.join('\n')];
  const docTitle = title ?? (agency && year ? `${agency}${year}年政府信息公开工作年度报告` : undefined);
  parts.push(
    `<!-- xxgk-import：由 ${commentSafe(options.sourceName ?? '原文')} 导入；表格单元格读入 ${cellsRead}/${cellsExpected}${unplaced.length ? `，${unplaced.length} 处未能放入（见文中注释）` : ''}。请对照原文核对后删除本注释。 -->`,
  );
  if (chrome.length)
    parts.push(
      `<!-- xxgk-import：原文中报告以外的内容（网页栏目、索引信息、页脚等），未导入正文：\n${commentSafe(chrome.join('\n'))}\n-->`,
    );
  if (docTitle) parts.push(`# ${escapeProse(docTitle)}`);
  else notes.push('原文没有标题');
  for (const p of preface) parts.push(escapeProse(p));
  for (const s of out) {
    parts.push(`## ${escapeProse(s.heading)}`);
    for (const b of s.body) parts.push(b);
    if (!placedTables.has(s.index)) {
      for (const b of tableBlocks.get(s.index) ?? []) parts.push(b);
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
    inferred,
    ...(kind ? { kind } : {}),
    ...(published ? { published } : {}),
    chrome: chrome.length,
  };
  return { markdown: parts.join('\n\n') + '\n', summary };
}

export type { Tok };
