/**
 * Hover: on a number cell, its row and column and every sum it takes part in, computed live from
 * the table as written (一 + 二 = 2 + 1 = 3；（七）总计 + 四 = 3 + 0 = 3 ✓); on a row label, what
 * the category means and its basis in the 条例; on a section heading, what the official format
 * asks for there; on a diagnostic, a link to its rule page.
 */
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { cellOf, instancesOf, solveFor, type CellRef, type Instance } from '../engine/arith/equations';
import { formatFigure, readable, roundFigure } from '../engine/model/figures';
import type { ReportTable } from '../engine/model';
import { ruleById } from '../engine/rules';
import { cellName, colLabel, rowShort, tableName } from '../engine/model/names';
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
      return tr('hover.row-total', { along });
    case 'sum-results':
      return tr('hover.results-total', { along });
    case 'balance':
      return tr('hover.column-balance', { along });
    case 'sum-review':
      return tr('hover.total', { along });
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
  const sum = complete ? roundFigure(vals.reduce((a, b) => a + b, 0)) : undefined;
  const shown = (v: number | undefined): string => (v === undefined ? '?' : formatFigure(v));
  if (refs.length === 1) return { text: `${name(refs[0])} = ${shown(vals[0])}`, sum };
  if (refs.length <= 6) {
    return {
      text: `${refs.map(name).join(' + ')} = ${vals.map(shown).join(' + ')}${complete ? ` = ${formatFigure(sum!)}` : ''}`,
      sum,
    };
  }
  const keep = refs.map((r, k) => ({ r, v: vals[k] })).filter((x) => x.v !== 0 || same(x.r, at));
  const zeros = refs.length - keep.length;
  const terms = keep.map((x) => `${name(x.r)} ${shown(x.v)}`).join(' + ') || '0';
  const rest = zeros ? tr('hover.other-0', { zeros }) : '';
  return { text: `${terms}${rest}${complete ? ` = ${formatFigure(sum!)}` : ''}`, sum };
}

/** Every sum a cell takes part in, evaluated on the table as written. */
export function sumLines(t: ReportTable, at: CellRef, tr: Translate): string[] {
  const out: string[] = [];
  const values = new Map<string, number>();
  for (const i of instancesOf(t))
    for (const r of i.cells) {
      const c = cellOf(t, r);
      if (readable(c)) values.set(`${r.row}\u0000${r.col}`, c.value);
    }
  for (const i of instancesOf(t)) {
    if (!i.cells.some((r) => same(r, at))) continue;
    const l = side(t, i, i.lhs, at, tr);
    const r = side(t, i, i.rhs, at, tr);
    let status: string;
    if (l.sum === undefined || r.sum === undefined) status = tr('hover.not-checked');
    else if (Math.abs(l.sum - r.sum) < 1e-6) status = '✓';
    else {
      const expect = solveFor(i, i.target, values);
      const value = expect !== undefined ? formatFigure(expect) : undefined;
      status = `✗ ${
        value === undefined
          ? ''
          : same(i.target, at)
            ? tr('hover.should-be-here', { value })
            : tr('hover.should-be', { cell: cellName(t, i.target), value })
      }`.trimEnd();
    }
    out.push(`- ${tr('hover.equation', { name: equationName(t, i, tr), lhs: l.text, rhs: r.text, status })}`);
  }
  return out;
}

export function hoverAt(state: ServerState, doc: TextDocument, params: HoverParams): Hover | null {
  const { report, diagnostics } = state.analyze(doc);
  const tr = translator(state.locale(doc.uri));
  const offset = report.doc.lines.offsetAt(params.position);
  const parts: string[] = [];
  let range: Hover['range'];
  const spot = spotAt(report, offset);
  const lines = report.doc.lines;
  if (spot?.kind === 'heading') {
    const s = spot.section;
    const official = `${s.def.numeral}、${s.def.title}`;
    parts.push(`**${official}**`);
    if (s.headingMatch !== 'exact') parts.push(tr('hover.official-heading', { official }));
    if (s.def.help) parts.push(s.def.help);
    if (s.def.topics.length)
      parts.push(
        tr('hover.topics', { notice: report.meta.form.notice, topics: s.def.topics.map((x) => x.heading).join(' ') }),
      );
    const tables = report.meta.form.tables.filter((d) => d.section === s.def.numeral);
    if (tables.length)
      parts.push(
        tr('hover.tables', {
          tables: tables
            .map((d) => (d.section === '二' ? d.key : (d.title ?? d.key)))
            .join(tr('common.list-separator')),
        }),
      );
    range = lines.range(s.heading.span);
  } else if (spot?.kind === 'key' && spot.table.def) {
    const d = spot.table.def;
    parts.push(`**${d.key}**${d.title && d.title !== d.key ? `：${d.title}` : ''}`);
    parts.push(
      tr('hover.table', {
        notice: spot.table.form?.notice ?? report.meta.form.notice,
        columns: d.columns.length,
        rows: d.rows.length,
      }),
    );
    range = lines.range(spot.table.node.header.cells[0]?.span ?? spot.table.node.header.span);
  } else if (spot?.kind === 'column') {
    const c = spot.table.columns[spot.index];
    if (c.def) {
      parts.push(`**${c.def.label}**`);
      if (c.match === 'variant') parts.push(tr('hover.official-header', { label: c.def.label }));
      if (c.def.kind === 'money')
        parts.push(
          c.def.units.length
            ? tr('hover.money-units', { units: c.def.units.join(tr('common.or')) })
            : tr('hover.money'),
        );
      else if (c.def.kind === 'delta') parts.push(tr('hover.delta'));
      else parts.push(tr('hover.count'));
      range = lines.range(c.node.span);
    }
  } else if (spot?.kind === 'label' && spot.row.def) {
    const r = spot.row.def;
    parts.push(`**${r.label}**`);
    if (spot.row.match === 'variant') parts.push(tr('hover.official-label', { label: r.label }));
    if (r.group) {
      const kids = spot.table.def!.rows.filter((x) => x.parent === r.id).map((x) => x.label);
      parts.push(
        kids.length
          ? tr('hover.group-row-of', { rows: kids.join(tr('common.list-separator')) })
          : tr('hover.group-row'),
      );
    }
    if (r.help) parts.push(r.help);
    if (r.basis) parts.push(tr('hover.basis', { basis: r.basis }));
    range = lines.range(spot.row.label.span);
  } else if (spot?.kind === 'cell' && spot.ref) {
    const t = spot.table;
    const c = spot.row.cells[spot.index];
    const shown = readable(c) ? formatFigure(c.value) : c.node.text ? `“${c.node.text}”` : tr('hover.empty');
    parts.push(`**${cellName(t, spot.ref)}** = ${shown}`);
    parts.push(
      tr('hover.row-column', {
        table: tableName(t),
        row: spot.row.def!.label,
        column: t.columns[spot.index].def!.label,
      }),
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
      desc
        ? tr('hover.rule-link', { rule: d.rule, uri: state.ruleDocUri(d.rule), description: tr(desc) })
        : tr('hover.rule-link-bare', { rule: d.rule, uri: state.ruleDocUri(d.rule) }),
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
