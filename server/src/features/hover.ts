/**
 * Hover: on a number cell, its row and column and every sum it takes part in, computed live from
 * the table as written (一 + 二 = 2 + 1 = 3；（七）总计 + 四 = 3 + 0 = 3 ✓); on a row label, what
 * the category means and its basis in the 条例; on a section heading, what the official format
 * asks for there; on a diagnostic, a link to its rule page.
 */
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { cellOf, instancesOf, readable, solveFor, type CellRef, type Instance } from '../engine/arith';
import type { ReportTable } from '../engine/model';
import { ruleById } from '../engine/rules';
import { cellName, colLabel, fmtNumber, rowShort, tableName } from '../engine/rules/util';
import type { Feature } from './types';
import type { ServerState } from './state';
import { translator, type Translate } from './edit-util';
import { spotAt } from './table-cursor';

const same = (a: CellRef, b: CellRef): boolean => a.row === b.row && a.col === b.col;

/** What an equation is called, for the reader. */
function equationName(t: ReportTable, i: Instance, tr: Translate): string {
  const along = i.eq.per === 'row' ? rowShort(t, i.along) : colLabel(t, i.along);
  switch (i.eq.rule) {
    case 'sum-row':
      return tr(`行合计（${along}）`, `row total (${along})`);
    case 'sum-results':
      return tr(`办理结果合计（${along}列）`, `results total (${along})`);
    case 'balance':
      return tr(
        `本列勾稽关系（${along}列：第一项加第二项之和，等于第三项加第四项之和）`,
        `column balance (${along}: 一 + 二 = （七）总计 + 四)`,
      );
    case 'sum-review':
      return tr(`合计（${along}）`, `total (${along})`);
    default:
      return `${i.eq.rule}（${along}）`;
  }
}

/** A row as a term of a sum: its full label when short (（七）总计), else its numeral (一, （三）1). */
function rowName(t: ReportTable, rowId: string): string {
  const d = t.def?.rows.find((r) => r.id === rowId);
  if (d && Array.from(d.label).length <= 6) return d.label;
  return rowShort(t, rowId);
}

/**
 * One side of an equation: `一 + 二 = 2 + 1 = 3`, or `总计 = 3`. Long sides list their non-zero
 * terms only. The hovered cell is in bold.
 */
function side(
  t: ReportTable,
  i: Instance,
  refs: CellRef[],
  at: CellRef,
  tr: Translate,
): { text: string; sum?: number } {
  const name = (r: CellRef): string => {
    const n = i.eq.per === 'row' ? colLabel(t, r.col) : rowName(t, r.row);
    return same(r, at) ? `**${n}**` : n;
  };
  const vals = refs.map((r) => {
    const c = cellOf(t, r);
    return readable(c) ? c.value : undefined;
  });
  const complete = vals.every((v) => v !== undefined);
  const sum = complete ? Math.round(vals.reduce((a, b) => a + b, 0) * 1e6) / 1e6 : undefined;
  const shown = (v: number | undefined): string => (v === undefined ? '?' : fmtNumber(v));
  if (refs.length === 1) return { text: `${name(refs[0])} = ${shown(vals[0])}`, sum };
  if (refs.length <= 6) {
    return {
      text: `${refs.map(name).join(' + ')} = ${vals.map(shown).join(' + ')}${complete ? ` = ${fmtNumber(sum!)}` : ''}`,
      sum,
    };
  }
  const keep = refs.map((r, k) => ({ r, v: vals[k] })).filter((x) => x.v !== 0 || same(x.r, at));
  const zeros = refs.length - keep.length;
  const terms = keep.map((x) => `${name(x.r)} ${shown(x.v)}`).join(' + ') || '0';
  const rest = zeros ? tr(`（其余 ${zeros} 项为 0）`, ` (the other ${zeros} are 0)`) : '';
  return { text: `${terms}${rest}${complete ? ` = ${fmtNumber(sum!)}` : ''}`, sum };
}

/** Every sum a cell takes part in, evaluated on the table as written. */
export function sumLines(t: ReportTable, at: CellRef, tr: Translate): string[] {
  const out: string[] = [];
  const values = new Map<string, number>();
  for (const i of instancesOf(t))
    for (const r of [...i.lhs, ...i.rhs]) {
      const c = cellOf(t, r);
      if (readable(c)) values.set(`${r.row}\u0000${r.col}`, c.value);
    }
  for (const i of instancesOf(t)) {
    if (![...i.lhs, ...i.rhs].some((r) => same(r, at))) continue;
    const l = side(t, i, i.lhs, at, tr);
    const r = side(t, i, i.rhs, at, tr);
    let status: string;
    if (l.sum === undefined || r.sum === undefined)
      status = tr('（有空白或无效单元格，未核对）', '(a cell is blank or unreadable: not checked)');
    else if (Math.abs(l.sum - r.sum) < 1e-6) status = '✓';
    else {
      const expect = solveFor(i, i.target, values);
      const target = same(i.target, at) ? '' : `“${cellName(t, i.target)}”`;
      status =
        `✗ ${expect !== undefined ? tr(`${target}应为 ${fmtNumber(expect)}`, `${target || 'this cell'} should be ${fmtNumber(expect)}`) : ''}`.trimEnd();
    }
    out.push(`- ${equationName(t, i, tr)}：${l.text}；${r.text} ${status}`);
  }
  return out;
}

export function hoverAt(state: ServerState, doc: TextDocument, params: HoverParams): Hover | null {
  const { report, diagnostics } = state.analyze(doc);
  const tr = translator(state.locale());
  const offset = report.doc.lines.offsetAt(params.position);
  const parts: string[] = [];
  let range: Hover['range'];
  const spot = spotAt(report, offset);
  const lines = report.doc.lines;
  if (spot?.kind === 'heading') {
    const s = spot.section;
    const official = `${s.def.numeral}、${s.def.title}`;
    parts.push(`**${official}**`);
    if (s.headingMatch !== 'exact')
      parts.push(tr(`官方标题为“${official}”。`, `The official heading is “${official}”.`));
    if (s.def.help) parts.push(s.def.help);
    if (s.def.topics.length)
      parts.push(
        tr(`${report.meta.form.notice}要求的方面：`, `Topics the format expects: `) +
          s.def.topics.map((x) => x.heading).join(' '),
      );
    const tables = report.meta.form.tables.filter((d) => d.section === s.def.numeral);
    if (tables.length)
      parts.push(
        tr('统计表：', 'Tables: ') + tables.map((d) => (d.section === '二' ? d.key : (d.title ?? d.key))).join('、'),
      );
    range = lines.range(s.heading.span);
  } else if (spot?.kind === 'key' && spot.table.def) {
    const d = spot.table.def;
    parts.push(`**${d.key}**${d.title && d.title !== d.key ? `：${d.title}` : ''}`);
    parts.push(
      tr(
        `${spot.table.form?.notice ?? ''} 统计表，${d.columns.length} 列、${d.rows.length} 行。`,
        `A table of ${spot.table.form?.notice ?? 'the form'}: ${d.columns.length} columns, ${d.rows.length} rows.`,
      ),
    );
    range = lines.range(spot.table.node.header.cells[0]?.span ?? spot.table.node.header.span);
  } else if (spot?.kind === 'column') {
    const c = spot.table.columns[spot.index];
    if (c.def) {
      parts.push(`**${c.def.label}**`);
      if (c.match === 'variant')
        parts.push(tr(`官方列名为“${c.def.label}”。`, `The official header is “${c.def.label}”.`));
      if (c.def.kind === 'money')
        parts.push(
          tr(
            `金额${c.def.units.length ? `（单位：${c.def.units.join('或')}）` : ''}，可为小数。`,
            'An amount; decimals allowed.',
          ),
        );
      else if (c.def.kind === 'delta')
        parts.push(tr('本年增减数，可为负数。', 'A change over the year; may be negative.'));
      else parts.push(tr('件数：非负整数。', 'A count: a non-negative whole number.'));
      range = lines.range(c.node.span);
    }
  } else if (spot?.kind === 'label' && spot.row.def) {
    const r = spot.row.def;
    parts.push(`**${r.label}**`);
    if (spot.row.match === 'variant') parts.push(tr(`官方文字为“${r.label}”。`, `The official label is “${r.label}”.`));
    if (r.group) {
      const kids = spot.table.def!.rows.filter((x) => x.parent === r.id).map((x) => x.label);
      parts.push(
        tr(
          `分组行（对应官方表格中的合并单元格），本身不填数字${kids.length ? `；包括：${kids.join('、')}` : ''}。`,
          `A group row (a merged cell of the official form); it has no numbers of its own.`,
        ),
      );
    }
    if (r.help) parts.push(r.help);
    if (r.basis) parts.push(tr(`依据：${r.basis}`, `Basis: ${r.basis}`));
    range = lines.range(spot.row.label.span);
  } else if (spot?.kind === 'cell' && spot.ref) {
    const t = spot.table;
    const c = spot.row.cells[spot.index];
    const shown = readable(c) ? fmtNumber(c.value) : c.node.text ? `“${c.node.text}”` : tr('（空）', '(empty)');
    parts.push(`**${cellName(t, spot.ref)}** = ${shown}`);
    parts.push(
      tr(
        `${tableName(t)}：行“${spot.row.def!.label}”，列“${t.columns[spot.index].def!.label}”`,
        `${tableName(t)}: row “${spot.row.def!.label}”, column “${t.columns[spot.index].def!.label}”`,
      ),
    );
    const sums = sumLines(t, spot.ref, tr);
    if (sums.length) parts.push(sums.join('\n'));
    range = lines.range(c.node.span.end > c.node.span.start ? c.node.span : { start: offset, end: offset });
  }
  // diagnostics here: a link to each rule's page
  const here = diagnostics.filter((d) => offset >= d.span.start && offset <= Math.max(d.span.end, d.span.start + 1));
  const seen = new Set<string>();
  const links: string[] = [];
  for (const d of here) {
    if (seen.has(d.rule)) continue;
    seen.add(d.rule);
    const desc = ruleById(d.rule)?.description;
    links.push(
      `[${tr('规则', 'Rule')} ${d.rule}](${state.ruleDocUri(d.rule)})${desc ? `：${tr(desc.zh, desc.en)}` : ''}`,
    );
  }
  if (links.length) parts.push(links.join('  \n'));
  if (parts.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n') }, range };
}

export const hoverFeature: Feature = {
  capabilities: () => ({ hoverProvider: true }),
  register({ connection, state, withDoc }) {
    connection.onHover((p) => withDoc(p.textDocument.uri, null as Hover | null, (doc) => hoverAt(state, doc, p)));
  },
};
