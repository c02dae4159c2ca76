/**
 * deadline: 条例第四十九条 — a department publishes its report by 31 January of the next year, a
 * people's government by 31 March. The front matter's 发布日期 after that is late.
 */
import { defineRule } from '../rule';

const DAY = 86_400_000;

export default defineRule({
  id: 'deadline',
  severity: 'warning',
  description: {
    zh: '发布日期晚于法定期限（部门为次年1月31日，政府为次年3月31日，条例第四十九条）',
    en: '发布日期 is after the statutory deadline (31 January of the next year for a department, 31 March for a government; 条例 art. 49)',
  },
  fixable: false,
  check({ report, t, emit }) {
    const { published, year, kind } = report.meta;
    if (!published || year === undefined) return;
    const month = kind === '政府' ? 3 : 1;
    const day = 31;
    const due = Date.UTC(year + 1, month - 1, day);
    const at = Date.UTC(published.y, published.m - 1, published.d);
    if (at <= due) return;
    const late = Math.round((at - due) / DAY);
    const dueText = `${year + 1}年${month}月${day}日`;
    const pubText = `${published.y}年${published.m}月${published.d}日`;
    const who = kind === '政府' ? t('人民政府', "a people's government") : t('政府部门', 'a department');
    emit({
      span: published.span,
      message: t(
        `发布日期 ${pubText} 晚于法定期限 ${dueText}，逾期 ${late} 天（条例第四十九条：${who}应在每年${month}月${day}日前公布上一年度的年度报告）`,
        `Published ${published.y}-${String(published.m).padStart(2, '0')}-${String(published.d).padStart(2, '0')}, ${late} day${late === 1 ? '' : 's'} after the statutory deadline of ${year + 1}-${String(month).padStart(2, '0')}-${day} (条例 art. 49: ${who} publishes the previous year's report by ${month === 1 ? '31 January' : '31 March'})`,
      ),
      anchor: 'front-matter/发布日期/deadline',
    });
  },
});
