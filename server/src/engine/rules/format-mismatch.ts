import { defineRule } from '../rule';
import { inContainer } from '../text/container';
import { formForYear } from '../forms';
import { eol } from '../text/report-edits';
import { sameShape, writtenForm } from './util';
import { tableAnchor, tableName } from '../model/names';
import type { ReportTable } from '../model';
import type { SpanEdit } from '../text';
import { pipeRow } from '../text/official-table';

/** 2019 ↔ 2021 conversion of table 三: （六）其他处理 as one row ↔ three sub-rows. */
function convertApplications(x: ReportTable, toForm: string, nl: string, text: string): SpanEdit[] | undefined {
  const width = x.columns.length;
  const cellsOf = (rowId: string): string[] => {
    const r = x.rowById.get(rowId);
    return r ? r.cells.map((c) => c.node.text) : Array<string>(width).fill('');
  };
  const line = (label: string, cells: string[]): string => pipeRow(label, cells);
  if (toForm === '2021') {
    const r = x.rowById.get('otherHandling');
    if (!r) return undefined;
    const lines = [
      line('（六）其他处理', Array<string>(width).fill('')),
      line('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', Array<string>(width).fill('0')),
      line('2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', Array<string>(width).fill('0')),
      line('3.其他', cellsOf('otherHandling')),
    ];
    return [inContainer(text, { span: r.node.span, newText: lines.join(nl) })];
  }
  const subs = ['noCorrection', 'noFee', 'otherOther'].map((id) => x.rowById.get(id)).filter((r) => r !== undefined);
  if (subs.length === 0) return undefined;
  const sums = x.columns.map((_, j) => {
    let s = 0;
    for (const r of subs) {
      const c = r.cells[j];
      if (!c || (c.state !== 'ok' && c.state !== 'normalizable')) return '';
      s += c.value!;
    }
    return String(s);
  });
  const group = x.rowById.get('otherHandling');
  const rows = [group, ...subs].filter((r) => r !== undefined).sort((a, b) => a.node.span.start - b.node.span.start);
  const start = rows[0].node.span.start;
  const end = rows[rows.length - 1].node.span.end;
  return [{ span: { start, end }, newText: line('（六）其他处理', sums) }];
}

export default defineRule({
  id: 'format-mismatch',
  severity: 'warning',
  description: 'format-mismatch.description',
  fixable: true,
  tables: 'figures',
  check({ report, t, emit }) {
    const { formDeclared, year } = report.meta;
    const declared = report.meta.form;
    // the tables are judged by the form they are written in, when only the declaration is wrong
    const form = writtenForm(report);
    const fmt = report.frontMatter.fields.get('格式');
    if (formDeclared && year !== undefined && fmt) {
      const due = formForYear(year);
      if (due.id !== declared.id) {
        const tablesToo = form.id === due.id ? t('format-mismatch.tables-already', { id: due.id }) : '';
        emit({
          span: fmt.span,
          message: t('format-mismatch.report', {
            year,
            id: due.id,
            notice: due.notice,
            id2: declared.id,
            notice2: declared.notice,
            tablesToo,
          }),
          fixes: [
            {
              title: t('format-mismatch.change', { id: due.id }),
              safe: false,
              edits: [{ span: fmt.span, newText: due.id }],
            },
          ],
          anchor: 'front-matter/格式/year',
        });
      }
    }
    const nl = eol(report);
    for (const x of report.tables) {
      // table 四 is the same in both forms
      if (
        !x.def ||
        !x.form ||
        x.form.id === form.id ||
        sameShape(
          x.def,
          form.tables.find((d) => d.id === x.def!.id),
        )
      )
        continue;
      const edits = x.def.id === 'applications' ? convertApplications(x, form.id, nl, report.doc.text) : undefined;
      const first = x.node.header.cells[0];
      const span =
        x.def.id === 'applications'
          ? ((x.rowById.get('otherHandling') ?? x.rowById.get('noCorrection') ?? x.rowById.get('otherOther'))?.label
              .span ?? x.node.header.span)
          : first && first.span.end > first.span.start
            ? first.span
            : x.node.header.span;
      emit({
        span,
        message: t('format-mismatch.table', {
          table: tableName(x),
          id: x.form.id,
          notice: x.form.notice,
          id2: form.id,
          notice2: form.notice,
        }),
        fixes: edits ? [{ title: t('format-mismatch.convert', { id: form.id }), safe: false, edits }] : [],
        anchor: `${tableAnchor(x)}/format`,
      });
    }
  },
});
