/**
 * findings.csv of `xxgk review`: one row per finding, UTF-8 with a byte-order mark so that Excel
 * opens it as UTF-8, RFC 4180 quoting, and no cell that a spreadsheet would run as a formula.
 */
import type { ReviewOutcome } from './entry';

/** A CSV field: a text that a spreadsheet would take for a formula gets a leading ', then quoting. */
export function csvField(v: string | number | undefined): string {
  let s = v === undefined ? '' : String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_HEADER = ['文件', '机关', '年度', '规则', '严重级别', '说明', '行'];

/** The rows of findings.csv; an unreadable file is one row with the rule `unreadable`. */
export function findingsCsv(outcomes: ReviewOutcome[]): string {
  const lines = [CSV_HEADER.map(csvField).join(',')];
  for (const o of outcomes) {
    if (!o.ok) {
      lines.push([o.path, '', undefined, 'unreadable', 'error', o.reason, undefined].map(csvField).join(','));
      continue;
    }
    for (const f of o.findings)
      lines.push([o.path, o.agency ?? '', o.year, f.rule, f.severity, f.message, f.line].map(csvField).join(','));
  }
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}
