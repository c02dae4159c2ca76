/**
 * figures.xlsx of `xxgk review` (exceljs): one sheet per official table, one row per report, one
 * column per official cell, numbers as numbers — so that the office can total its 辖区's figures.
 * A batch of both formats gets the sheets of both (the tables do not line up across formats).
 */
import type { FormDef, TableDef } from '../../engine/forms/index';
import { FORMS } from '../../engine/forms/index';
import type { ReviewedReport, ReviewOutcome } from './entry';

/** The official cells of a table in the order of its figures: `row / column` labels. */
export function cellHeaders(def: TableDef): string[] {
  const rows = def.rows.filter((r) => !r.group);
  const out: string[] = [];
  for (const r of rows) {
    const parent = r.parent ? def.rows.find((p) => p.id === r.parent) : undefined;
    const rowLabel = parent ? `${parent.label} ${r.label}` : r.label;
    for (const c of def.columns)
      out.push(rows.length === 1 ? c.label : def.columns.length === 1 ? rowLabel : `${rowLabel} / ${c.label}`);
  }
  return out;
}

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ], unique in the book. */
function sheetName(form: FormDef, def: TableDef, formsUsed: number, taken: Set<string>): string {
  const base = `${def.section}、${def.key}`.replace(/[:\\/?*[\]]/g, ' ');
  let name = (formsUsed > 1 ? `${form.id} ${base}` : base).slice(0, 31);
  for (let i = 2; taken.has(name); i++) name = `${name.slice(0, 27)} (${i})`;
  taken.add(name);
  return name;
}

/** The workbook as bytes. */
export async function figuresXlsx(outcomes: ReviewOutcome[]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'xxgk-report';
  const reports = outcomes.filter((o): o is ReviewedReport => o.ok);
  const formsUsed = FORMS.filter((f) => reports.some((r) => r.format === f.id));
  const taken = new Set<string>();
  for (const form of formsUsed) {
    for (const def of form.tables) {
      const key = `${form.id}:${def.id}`;
      const rows = reports.filter((r) => r.figures[key]);
      if (rows.length === 0) continue;
      const ws = wb.addWorksheet(sheetName(form, def, formsUsed.length, taken));
      const headers = cellHeaders(def);
      ws.addRow(['文件', '机关', '年度', ...headers]);
      ws.getRow(1).font = { bold: true };
      ws.views = [{ state: 'frozen', xSplit: 3, ySplit: 1 }];
      for (const r of rows) ws.addRow([r.path, r.agency ?? '', r.year ?? null, ...r.figures[key]]);
      ws.getColumn(1).width = 36;
      ws.getColumn(2).width = 28;
      for (let j = 4; j <= headers.length + 3; j++) ws.getColumn(j).width = 14;
    }
  }
  if (wb.worksheets.length === 0) wb.addWorksheet('无数据').addRow(['没有可读的统计表 (no statistics tables read)']);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf);
}
