/**
 * Next year's draft from last year's report (pure): front matter with 年度 + 1, the skeleton of
 * the format in force for the new year, 二、上年结转 filled from last year's 四、结转下年度继续办理
 * column by column, a hint with last year's 现行有效件数, every other number cell left empty so
 * that the diagnostics guide the writer, and last year's prose kept as HTML comments to rework.
 */
import { formForYear, type FormDef, type TableDef } from './forms';
import { buildReport, cellValue, tableById, type Report } from './model';
import { parseDocument } from './parse';
import { assessText } from './parse/limits';
import { formatFigure } from './model/figures';
import { officialTableLines } from './text/official-table';
import { message, type Locale, type PlainMessageId } from '../messages';

/** Last year's report cannot give a draft: `message` in Chinese, `text(locale)` in the user's language. */
export class NewYearError extends Error {
  constructor(readonly id: PlainMessageId) {
    super(message('zh', id));
  }
  text(locale: Locale): string {
    return message(locale, this.id);
  }
}

/** A pipe table of an official table: every row of the form, cells from `value` or empty. */
export function writeTable(
  def: TableDef,
  value: (rowId: string, colId: string) => string | undefined = () => undefined,
): string {
  return officialTableLines(def, { value }).join('\n');
}

/** Text made safe inside an HTML comment (no `-->` ends it early, no nested comment opens). */
export function commentSafe(s: string): string {
  return s.replace(/<!--/g, '<!- -').replace(/--!?>/g, '- ->');
}

/**
 * YAML for a front matter value that reads back as exactly this string: plain when it starts
 * with a Han character and holds only Han, letters, digits, spaces and a few CJK punctuation
 * marks (it can then be no number, date, boolean, null, key or flow syntax: `1e3`, `0x1F`, `.inf`
 * and `~` are quoted); otherwise double-quoted with JSON escapes, which YAML reads the same.
 */
export function yamlString(s: string): string {
  if (/^\p{Script=Han}[\p{Script=Han}\p{L}\p{N}（）()·、 ]*$/u.test(s) && !/\s$/.test(s)) return s;
  return JSON.stringify(s).replace(
    /[\u0085\u2028\u2029\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const stripComments = (s: string): string => s.replace(/<!--[\s\S]*?-->/g, '');

/** The Markdown of a section without its tables and comments, trimmed. */
function proseOf(report: Report, index: number): string {
  const sec = report.sectionByIndex[index];
  if (!sec) return '';
  const text = report.doc.text;
  let out = '';
  let pos = sec.bodySpan.start;
  const tables = report.doc.tables.filter((t) => t.span.start >= sec.bodySpan.start && t.span.start < sec.bodySpan.end);
  for (const t of tables) {
    out += text.slice(pos, t.span.start);
    pos = t.span.end;
  }
  out += text.slice(pos, sec.bodySpan.end);
  return stripComments(out)
    .replace(/\r\n?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function hintForDocs(last: Report, year: number): string | undefined {
  const t = tableById(last, 'art20-1');
  if (!t || !t.form) return undefined;
  const rows =
    t.form.id === '2021'
      ? [
          ['规章', 'rules'],
          ['行政规范性文件', 'normative'],
        ].map(([label, id]) => ({ label, v: cellValue(t, id, 'valid') }))
      : [
          ['规章', 'rules'],
          ['规范性文件', 'normative'],
        ].map(([label, id]) => ({ label, v: cellValue(t, id, 'totalPublished') }));
  if (rows.every((r) => r.v === undefined)) return undefined;
  const list = rows.map((r) => `${r.label} ${r.v === undefined ? '（未填）' : formatFigure(r.v)}`).join('，');
  return t.form.id === '2021'
    ? `上年（${year - 1} 年）现行有效件数：${list}。本年现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数（修订、清理致不一致的，请在正文说明）。`
    : `上年（${year - 1} 年，2019 年格式）对外公开总数量：${list}（口径与现行有效件数不同，仅供参考）。`;
}

export interface NewYearResult {
  text: string;
  year: number;
  agency: string;
  form: FormDef;
  /** what was carried over: 二、上年结转 cells filled */
  carried: number;
}

/** Next year's draft from the text of last year's report. */
export function newYearDraft(lastText: string, options: { now?: Date } = {}): NewYearResult {
  if (assessText(lastText).tier !== 'full') throw new NewYearError('new-year.beyond-limits');
  const last = buildReport(parseDocument(lastText, { incremental: false }), { now: options.now });
  const { agency, year: lastYear } = last.meta;
  if (lastYear === undefined) throw new NewYearError('new-year.no-year');
  if (!agency) throw new NewYearError('new-year.no-agency');
  const year = lastYear + 1;
  const form = formForYear(year);
  const nl = '\n';
  const parts: string[] = [];

  const fm = [
    '---',
    `机关: ${yamlString(agency)}`,
    `年度: ${year}`,
    `格式: ${form.id}`,
    `类型: ${last.meta.kind}`,
    '---',
  ];
  parts.push(fm.join(nl));
  parts.push(`# ${agency}${year}年政府信息公开工作年度报告`);
  parts.push(
    `<!-- 本稿由 ${lastYear} 年度报告生成：表格中除“二、上年结转政府信息公开申请数量”外均为空，请逐项填写（没有发生的填 0）；各部分的注释为上年内容，供修改参考，定稿前可删除。 -->`,
  );

  // 二、上年结转 ← last year's 四、结转下年度继续办理, per column
  const lastApps = tableById(last, 'applications');
  let carried = 0;
  const carry = (rowId: string, colId: string): string | undefined => {
    if (rowId !== 'carried') return undefined;
    const v = cellValue(lastApps, 'carryNext', colId);
    if (v === undefined) return undefined;
    carried++;
    return formatFigure(v);
  };

  for (let i = 0; i < form.sections.length; i++) {
    const def = form.sections[i];
    const block: string[] = [`## ${def.numeral}、${def.title}`];
    const prose = proseOf(last, i);
    if (prose)
      block.push(
        `<!-- 上年（${lastYear} 年）“${def.numeral}、${def.title}”原文，供参考修改：${nl}${nl}${commentSafe(prose)}${nl}${nl}-->`,
      );
    for (const t of form.tables.filter((x) => x.section === def.numeral)) {
      if (t.id === 'art20-1') {
        const hint = hintForDocs(last, year);
        if (hint) block.push(`<!-- ${commentSafe(hint)} -->`);
      }
      block.push(writeTable(t, t.id === 'applications' ? carry : undefined));
    }
    for (const tp of def.topics) block.push(`### ${tp.heading}`);
    parts.push(block.join(nl + nl));
  }
  return { text: parts.join(nl + nl) + nl, year, agency, form, carried };
}

/** Where next year's draft goes by default: the year in the file name advanced, else `-<year>`. */
export function newYearFileName(lastName: string, lastYear: number): string {
  const next = String(lastYear + 1);
  if (lastName.includes(String(lastYear))) return lastName.split(String(lastYear)).join(next);
  const m = /^(.*?)((?:\.xxgk)?\.md)$/i.exec(lastName);
  return m ? `${m[1]}-${next}${m[2]}` : `${lastName}-${next}.xxgk.md`;
}
