/**
 * `xxgk/newReport` { agency, kind, year } → { text, form, fileName }: the skeleton of a new report
 * (front matter, title, the six sections, the official tables with empty cells) in the form in
 * force for the year — the 2021 form from 年度 2021, the 2019 form before — for the client's
 * 新建年度报告 command. Empty cells are left for the diagnostics to guide the writer.
 */
import { ResponseError, ErrorCodes } from 'vscode-languageserver';
import { reportSkeleton } from '../engine/completion-data';
import { formForYear } from '../engine/forms';
import { parse as parseYaml } from 'yaml';
import type { Feature } from './types';

export interface NewReportParams {
  agency: string;
  kind: '部门' | '政府';
  year: number;
}
export interface NewReportAnswer {
  text: string;
  form: string;
  fileName: string;
}

/** Whether `机关: s` reads back as the string s (not 1e3 as a number, [a] as a list, …). */
function readsBack(s: string): boolean {
  try {
    return (parseYaml(`v: ${s}`) as { v?: unknown } | null)?.v === s;
  } catch {
    return false;
  }
}

/** The new report's text; throws a message for the writer on a bad request. */
export function newReport(p: NewReportParams): NewReportAnswer {
  const agency = String(p.agency ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!agency) throw new Error('机关名称不能为空');
  if (p.kind !== '部门' && p.kind !== '政府') throw new Error('类型应为“部门”或“政府”');
  const year = Number(p.year);
  if (!Number.isInteger(year) || year < 2008 || year > 2100) throw new Error('年度应为 2008 年以后的四位年份');
  const form = formForYear(year);
  let text = reportSkeleton({ form, year, agency, kind: p.kind, frontMatter: true });
  // a name YAML would read as something else (a number, a list…) is quoted in the front matter
  const quoted = readsBack(agency) ? agency : JSON.stringify(agency);
  if (quoted !== agency) text = text.replace(`机关: ${agency}\n`, `机关: ${quoted}\n`);
  const safeName = agency.replace(/[\\/:*?"<>|]/g, '_');
  return { text, form: form.id, fileName: `${safeName}${year}年政府信息公开工作年度报告.xxgk.md` };
}

export const newReportFeature: Feature = {
  capabilities: () => ({}),
  register({ connection }) {
    connection.onRequest('xxgk/newReport', (p: NewReportParams): NewReportAnswer => {
      try {
        return newReport(p);
      } catch (err) {
        throw new ResponseError(ErrorCodes.InvalidParams, err instanceof Error ? err.message : String(err));
      }
    });
  },
};
