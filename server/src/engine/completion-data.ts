/**
 * Pure pieces of completion: matching a typed query against an official label (any part of it,
 * or its pinyin initials / syllables), the official texts to offer, empty official tables and a
 * whole report skeleton for a year and format. No editor types here.
 */
import { match as pinyinMatch } from 'pinyin-pro';
import type { FormDef, TableDef } from './forms';
import { normalizeLabel } from './model/normalize';
import { layoutTable } from './text/table-format';
import { officialTableCells } from './text/official-table';
import type { PlainMessageId } from '../messages';

/** Whether a typed query picks a label: a part of it (after normalisation) or its pinyin. */
export function labelMatches(label: string, query: string): boolean {
  const q = query.normalize('NFKC').replace(/\s+/g, '');
  if (!q) return true;
  if (label.includes(q) || label.normalize('NFKC').includes(q)) return true;
  const nl = normalizeLabel(label);
  const nq = normalizeLabel(q);
  if (nq && nl.includes(nq)) return true;
  // the query without a leading numeral: “予以” in “（一）予以公开”
  const bare = q.replace(/^[(（]?[一二三四五六七八九十\d]+[)）]?[、.．,]?/, '');
  if (bare && bare !== q && nl.includes(normalizeLabel(bare))) return true;
  if (/^[a-z]+$/i.test(q)) {
    try {
      return pinyinMatch(label, q, { continuous: true, insensitive: true, precision: 'start' }) !== null;
    } catch {
      return false;
    }
  }
  return false;
}

export function officialHeading(form: FormDef, index: number): string {
  const s = form.sections[index];
  return `${s.numeral}、${s.title}`;
}

/** An official table with empty number cells, aligned. */
export function emptyTableLines(def: TableDef): string[] {
  const { header, rows } = officialTableCells(def);
  return layoutTable(header, rows, [null, ...def.columns.map(() => 'right' as const)]);
}

/** Escape literal text for an LSP snippet. */
export function snippetEscape(s: string): string {
  return s.replace(/[\\$}]/g, (c) => `\\${c}`);
}

export interface SkeletonOptions {
  form: FormDef;
  year: number;
  agency?: string;
  kind?: '部门' | '政府';
  /** include a front matter block (when the document has none) */
  frontMatter: boolean;
  eol?: string;
  /** produce an LSP snippet (tab stops for what the writer must fill in) */
  snippet?: boolean;
}

/** A complete report skeleton for a year and format: title, six sections, topics, empty tables. */
export function reportSkeleton(o: SkeletonOptions): string {
  const nl = o.eol ?? '\n';
  let stop = 0;
  const lit = (s: string): string => (o.snippet ? snippetEscape(s) : s);
  const hole = (placeholder: string): string =>
    o.snippet ? `\${${++stop}:${snippetEscape(placeholder)}}` : placeholder;
  // where the writer must write: an empty tab stop, so that an unfilled part still draws its diagnostic
  const blank = (): string[] => (o.snippet ? [`\${${++stop}}`, ''] : []);
  const agency = o.agency ?? '（机关名称）';
  const kind = o.kind ?? '部门';
  const out: string[] = [];
  let agencyStop = 0;
  if (o.frontMatter) {
    const a = o.agency ? lit(agency) : hole(agency);
    if (!o.agency && o.snippet) agencyStop = stop;
    out.push('---', `机关: ${a}`, `年度: ${o.year}`, `格式: ${o.form.id}`, `类型: ${kind}`, '---', '');
  }
  // the title repeats the body's name (a mirrored tab stop when it is typed in the front matter)
  const titleAgency = agencyStop ? `\${${agencyStop}}` : o.agency || !o.snippet ? lit(agency) : hole(agency);
  out.push(`# ${titleAgency}${o.year}年政府信息公开工作年度报告`, '');
  const form = o.form;
  form.sections.forEach((s, i) => {
    out.push(`## ${lit(officialHeading(form, i))}`, '');
    if (i === 0) {
      out.push(
        lit(
          `根据《中华人民共和国政府信息公开条例》和《${form.name}》（${form.notice}）要求，编制本报告。本报告中所列数据的统计期限自${o.year}年1月1日起至${o.year}年12月31日止。`,
        ),
        '',
      );
      if (s.topics.length === 0) out.push(...blank());
      for (const tp of s.topics) out.push(`### ${lit(tp.heading)}`, '', ...blank());
      return;
    }
    for (const def of form.tables.filter((d) => d.section === s.numeral)) {
      out.push(...emptyTableLines(def).map(lit), '');
    }
    if (i >= 4) out.push(...blank());
  });
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join(nl) + nl;
}

/** Front-matter keys in their documented order, with the message saying what each means. */
export const FRONT_MATTER_KEYS: { key: string; detail: PlainMessageId }[] = [
  { key: '机关', detail: 'completion.key.agency' },
  { key: '年度', detail: 'completion.key.year' },
  { key: '格式', detail: 'completion.key.format' },
  { key: '类型', detail: 'completion.key.kind' },
  { key: '发布日期', detail: 'completion.key.published' },
];
