/**
 * fee-statement: in the 2021 format, 六、其他需要报告的事项 states the 信息处理费 collected under
 * 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号), or that none was collected.
 */
import { defineRule } from '../rule';
import { eol } from '../text/report-edits';
import { headingSpan, writtenForm } from './util';
import { sectionName } from '../model/names';
import { substanceOf } from './section-empty';

export const FEE_SENTENCE =
  '按照《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》（国办函〔2020〕109号）规定的按件、按量收费标准，本年度没有产生信息处理费。';

/** 信息处理费, 处理费, the citation of 109号 itself, or that no fee was charged (不收取任何费用). */
const MENTION =
  /处理费|国办函\s*[〔[【(（]?\s*2020\s*[〕\]】)）]?\s*109\s*号|(?:未|不|没有|无)(?:向申请人)?(?:收取|产生|收)(?:任何)?费用/;

export default defineRule({
  id: 'fee-statement',
  severity: 'warning',
  description: 'fee-statement.description',
  fixable: true,
  tables: 'labels',
  check({ report, t, emit }) {
    if (!writtenForm(report).feeStatement) return;
    const s = report.sectionByIndex[5];
    if (!s) return;
    const headings = s.blocks.filter((b) => b.type === 'heading');
    // an empty 六 is section-empty's finding
    if (substanceOf(s.blocks).length === 0 && headings.length === 0) return;
    const text = s.blocks
      .filter((b) => b.type !== 'html')
      .map((b) => b.text)
      .join('\n')
      .normalize('NFKC');
    if (MENTION.test(text)) return;
    const last = s.blocks.filter((b) => b.type !== 'html').at(-1);
    const at = last ? last.span.end : s.heading.span.end;
    const nl = eol(report);
    emit({
      span: headingSpan(s),
      message: t('fee-statement.missing', { section: sectionName(s) }),
      fixes: [
        {
          title: t('fee-statement.insert'),
          safe: false,
          edits: [{ span: { start: at, end: at }, newText: `${nl}${nl}${FEE_SENTENCE}` }],
        },
      ],
      anchor: 'section/六/fee-statement',
    });
  },
});
