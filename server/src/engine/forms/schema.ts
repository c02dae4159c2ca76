/**
 * The shape of an official form revision. A form is data: sections, tables, their rows and
 * columns, and the equations (勾稽关系) that hold between cells. A new revision of the official
 * format is a new entry validated by this schema at load time.
 */
import { z } from 'zod';

export const CellKind = z.enum(['count', 'money', 'delta']);
export type CellKind = z.infer<typeof CellKind>;

export const ColumnDef = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  /** other spellings accepted as this column, reported as `label-variant` */
  aliases: z.array(z.string()).default([]),
  kind: CellKind.default('count'),
  /** a unit that may follow the number in the cell (e.g. 万元) */
  units: z.array(z.string()).default([]),
  /** short name used in sums and hover (e.g. 总计) */
  short: z.string().optional(),
});
export type ColumnDef = z.infer<typeof ColumnDef>;

export const RowDef = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  /** a group row mirrors a merged cell of the official form and carries no numbers */
  group: z.boolean().default(false),
  /** the id of the group row this row belongs to (for rendering the merged cells) */
  parent: z.string().optional(),
  short: z.string().optional(),
  /** what the category means, for hover */
  help: z.string().optional(),
  /** article of the 条例 that grounds it, for hover */
  basis: z.string().optional(),
});
export type RowDef = z.infer<typeof RowDef>;

/**
 * An equation between cells of one table, checked per row (`per: 'row'`, the ids are column ids)
 * or per column (`per: 'column'`, the ids are row ids): Σ lhs = Σ rhs. `target` is the cell the
 * diagnostic sits on and the one its fix rewrites.
 */
export const Equation = z.object({
  rule: z.string().min(1),
  per: z.enum(['row', 'column']),
  lhs: z.array(z.string()).min(1),
  rhs: z.array(z.string()).min(1),
  target: z.string().min(1),
  /** rows (for per:'row') or columns (for per:'column') it applies to; default: all data ones */
  over: z.array(z.string()).optional(),
  /** whether setting the target is a safe fix (applied by fix-all) or only offered as a choice */
  safe: z.boolean().default(true),
  /** the target may only be rewritten when the result is not negative */
  nonNegative: z.boolean().default(true),
});
export type Equation = z.infer<typeof Equation>;

export const TableDef = z.object({
  id: z.string().min(1),
  /** numeral of the section the table belongs to */
  section: z.string().min(1),
  /** the first header cell that names the table */
  key: z.string().min(1),
  keyAliases: z.array(z.string()).default([]),
  /**
   * Texts of the official form that may stand in the first header cell without naming the table
   * (信息内容, the column heading under each caption of section 二): the columns and rows decide.
   */
  keyGeneric: z.array(z.string()).default([]),
  title: z.string().optional(),
  columns: z.array(ColumnDef).min(1),
  rows: z.array(RowDef).min(1),
  equations: z.array(Equation).default([]),
  /** layout hints for the official rendering (merged headers) */
  layout: z.string().optional(),
});
export type TableDef = z.infer<typeof TableDef>;

export const SectionDef = z.object({
  numeral: z.string().length(1),
  title: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  /** the form expects prose of substance here (not just 无) */
  substance: z.boolean().default(false),
  /** sub-topics expected (一、总体情况 in the 2021 format) */
  topics: z.array(z.object({ heading: z.string(), keywords: z.array(z.string()).min(1) })).default([]),
  /** what the official format asks for in this section (hover text) */
  help: z.string().optional(),
});
export type SectionDef = z.infer<typeof SectionDef>;

export const FormDef = z.object({
  id: z.string().regex(/^\d{4}$/),
  name: z.string(),
  notice: z.string(),
  /** a regular expression source that recognises citations of the notice, even garbled */
  noticePattern: z.string(),
  /** report years the form applies to (inclusive); `to` absent = still current */
  years: z.object({ from: z.number().int(), to: z.number().int().optional() }),
  sections: z.array(SectionDef).length(6),
  tables: z.array(TableDef).min(1),
  /** the 信息处理费 statement is expected in 六 */
  feeStatement: z.boolean().default(false),
});
export type FormDef = z.infer<typeof FormDef>;
