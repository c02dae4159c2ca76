/**
 * deadline: 条例第四十九条 — a department publishes its report by 31 January of the next year, a
 * people's government by 31 March. The front matter's 发布日期 after that is late.
 */
import { defineRule } from '../rule';
import { formatDate } from '../../messages';

const DAY = 86_400_000;

export default defineRule({
  id: 'deadline',
  severity: 'warning',
  description: 'deadline.description',
  fixable: false,
  tables: 'none',
  check({ report, locale, t, emit }) {
    const { published, year, kind } = report.meta;
    if (!published || year === undefined) return;
    const month = kind === '政府' ? 3 : 1;
    const day = 31;
    const due = Date.UTC(year + 1, month - 1, day);
    const at = Date.UTC(published.y, published.m - 1, published.d);
    if (at <= due) return;
    const late = Math.round((at - due) / DAY);
    emit({
      span: published.span,
      message: t(kind === '政府' ? 'deadline.late-government' : 'deadline.late-department', {
        published: formatDate(locale, published.y, published.m, published.d),
        due: formatDate(locale, year + 1, month, day),
        days: late === 1 ? t('common.one-day') : t('common.days', { count: late }),
      }),
      anchor: 'front-matter/发布日期/deadline',
    });
  },
});
