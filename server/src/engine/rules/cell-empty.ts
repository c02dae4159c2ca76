import { defineRule } from '../rule';
import { impliedValues } from '../arith/equations';
import type { Cell, ReportRow } from '../model';
import type { Span } from '../text';
import { labelSpan } from './util';
import { cellName, tableAnchor, tableName } from '../model/names';
import { formatFigure } from '../model/figures';

const isBlank = (c: Cell): boolean => c.state === 'empty' || c.state === 'blank';

/**
 * One unfilled stretch of a table is one mistake: a table with no figure at all draws one finding,
 * a run of adjacent columns left blank in every row one finding, a row left blank one finding, and
 * only what remains is reported cell by cell.
 */
export default defineRule({
  id: 'cell-empty',
  severity: 'warning',
  description: 'cell-empty.description',
  fixable: true,
  tables: 'figures',
  check({ report, t, emit }) {
    for (const x of report.tables) {
      if (!x.def) continue;
      const rows = x.rows.filter((r) => r.def && !r.def.group && !r.duplicate);
      const cols = x.columns.map((c, j) => (c.def ? j : -1)).filter((j) => j >= 0);
      if (rows.length === 0 || cols.length === 0) continue;
      /** the value a blank cell should get: the one the sums imply, else 0 */
      const fill = (r: ReportRow, j: number): string => {
        const implied = impliedValues(x, { row: r.def!.id, col: x.columns[j].def!.id }).filter(
          (v) => v >= 0 && Number.isInteger(v),
        );
        return implied.length === 1 ? formatFigure(implied[0]) : '0';
      };
      // an empty cell's span is the blank between its pipes: the value goes in padded (`| 0 |`, not `|0|`)
      const edit = (c: Cell, v: string): { span: Span; newText: string } => ({
        span: c.node.span,
        newText: c.state === 'blank' ? v : ` ${v} `,
      });
      /**
       * Edits writing each value into its cell. The cells a short row lacks all sit at its end:
       * they are written there in one insertion, with empty cells for the gaps, so that each value
       * lands in its own column.
       */
      const write = (xs: { r: ReportRow; j: number; v: string }[]): { span: Span; newText: string }[] => {
        const out: { span: Span; newText: string }[] = [];
        const lacking = new Map<ReportRow, Map<number, string>>();
        for (const { r, j, v } of xs) {
          if (j + 1 < r.node.cells.length) out.push(edit(r.cells[j], v));
          else {
            let m = lacking.get(r);
            if (!m) lacking.set(r, (m = new Map<number, string>()));
            m.set(j + 1, v);
          }
        }
        for (const [r, m] of lacking) {
          const closed = /\|[ \t]*$/.test(report.doc.text.slice(r.node.span.start, r.node.span.end));
          let s = closed ? '' : ' |';
          for (let k = r.node.cells.length; k <= Math.max(...m.keys()); k++) s += ` ${m.get(k) ?? ''} |`;
          out.push({ span: { start: r.node.span.end, end: r.node.span.end }, newText: s });
        }
        return out;
      };
      const done = new Set<Cell>();

      // the whole table unfilled (a table of several rows): one finding for the table
      if (rows.length > 1 && rows.every((r) => cols.every((j) => isBlank(r.cells[j])))) {
        const first = x.node.header.cells[0];
        emit({
          span: first && first.span.end > first.span.start ? first.span : x.node.header.span,
          message: t('cell-empty.table', { table: tableName(x) }),
          fixes: [
            {
              title: t('cell-empty.fill-table'),
              safe: false,
              edits: write(rows.flatMap((r) => cols.map((j) => ({ r, j, v: '0' })))),
            },
          ],
          anchor: `${tableAnchor(x)}/empty`,
        });
        continue;
      }

      // adjacent columns blank in every row: one finding for the run, on their header cells
      if (rows.length > 1) {
        const blankCol = cols.filter((j) => rows.every((r) => isBlank(r.cells[j])));
        const runs: number[][] = [];
        for (const j of blankCol) {
          const last = runs.at(-1);
          if (last && cols.indexOf(last.at(-1)!) + 1 === cols.indexOf(j)) last.push(j);
          else runs.push([j]);
        }
        for (const run of runs) {
          const heads = run.map((j) => x.columns[j]);
          const names = heads.map((c) => `“${c.def!.label}”`).join(t('common.list-separator'));
          const cells = rows.flatMap((r) => run.map((j) => ({ r, j, c: r.cells[j] })));
          for (const { c } of cells) done.add(c);
          emit({
            span: { start: heads[0].node.span.start, end: heads.at(-1)!.node.span.end },
            message: t(run.length > 1 ? 'cell-empty.columns' : 'cell-empty.column', { table: tableName(x), names }),
            fixes: [
              {
                title: t('cell-empty.fill-columns', { names }),
                safe: false,
                edits: write(cells.map(({ r, j }) => ({ r, j, v: fill(r, j) }))),
              },
            ],
            anchor: `${tableAnchor(x)}/columns/${heads.map((c) => c.def!.id).join('+')}/empty`,
          });
        }
      }

      const blanksOf = (r: ReportRow) =>
        cols.map((j) => ({ j, c: r.cells[j], col: x.columns[j] })).filter(({ c }) => isBlank(c) && !done.has(c));
      // (asked of every row at every check: by loops that build nothing)
      const blank = (r: ReportRow, j: number): boolean => isBlank(r.cells[j]) && !done.has(r.cells[j]);
      const unfilled = (r: ReportRow): boolean => {
        if (cols.length < 2) return false;
        for (const j of cols) if (!blank(r, j)) return false;
        return true;
      };
      const anyBlank = (r: ReportRow): boolean => {
        for (const j of cols) if (blank(r, j)) return true;
        return false;
      };
      // rows left wholly unfilled, one after another (group rows between them do not count): one
      // finding for the stretch
      const stretches: ReportRow[][] = [];
      rows.forEach((r, i) => {
        if (!unfilled(r)) return;
        const last = stretches.at(-1);
        if (last && rows[i - 1] === last.at(-1)) last.push(r);
        else stretches.push([r]);
      });
      for (const run of stretches) {
        const [first, last] = [run[0], run.at(-1)!];
        const allEmpty = run.every((r) => blanksOf(r).every(({ c }) => c.state === 'empty'));
        const edits = write(run.flatMap((r) => blanksOf(r).map(({ j }) => ({ r, j, v: '0' }))));
        if (run.length === 1) {
          emit({
            span: labelSpan(first),
            message: t('cell-empty.row', {
              row: first.def!.label,
              markers: allEmpty ? '' : t('cell-empty.only-markers'),
            }),
            fixes: [{ title: t('cell-empty.fill-row'), safe: false, edits }],
            anchor: `${tableAnchor(x)}/${first.def!.id}/empty`,
          });
        } else {
          emit({
            span: { start: labelSpan(first).start, end: labelSpan(last).end },
            message: t('cell-empty.rows', {
              first: first.def!.label,
              last: last.def!.label,
              count: run.length,
              markers: allEmpty ? '' : t('cell-empty.only-markers'),
            }),
            fixes: [{ title: t('cell-empty.fill-rows', { count: run.length }), safe: false, edits }],
            anchor: `${tableAnchor(x)}/${first.def!.id}-${last.def!.id}/empty`,
          });
        }
      }
      const inStretch = new Set(stretches.flat());

      for (const r of rows) {
        if (inStretch.has(r) || !anyBlank(r)) continue;
        const blanks = blanksOf(r);
        for (const { j, c, col } of blanks) {
          const ref = { row: r.def!.id, col: col.def!.id };
          const implied = impliedValues(x, ref).filter((v) => v >= 0 && Number.isInteger(v));
          const value = implied.length === 1 ? implied[0] : undefined;
          const written = c.node.text;
          emit({
            span:
              c.node.span.end > c.node.span.start ? c.node.span : { start: c.node.span.start, end: c.node.span.start },
            message: t(value !== undefined ? 'cell-empty.cell-implied' : 'cell-empty.cell', {
              cell: cellName(x, ref),
              state: written ? t('cell-empty.state-marker', { written }) : t('cell-empty.state-empty'),
              value: value !== undefined ? formatFigure(value) : '',
            }),
            fixes:
              value !== undefined
                ? [
                    {
                      title: t('cell-empty.write-implied', { value: formatFigure(value) }),
                      safe: false,
                      edits: write([{ r, j, v: formatFigure(value) }]),
                    },
                  ]
                : [{ title: t('cell-empty.write-zero'), safe: false, edits: write([{ r, j, v: '0' }]) }],
            anchor: `${tableAnchor(x)}/${ref.row}/${ref.col}/empty`,
          });
        }
      }
    }
  },
});
