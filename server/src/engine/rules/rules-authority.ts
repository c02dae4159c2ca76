/**
 * rules-authority: only the people's governments of provinces, autonomous regions, municipalities,
 * cities divided into districts and autonomous prefectures (and the State Council's ministries) make
 * 规章 (立法法). Non-zero 规章 figures from a 乡、镇、街道 body are a warning; from a
 * county-level body or a local department, a hint to check.
 */
import { defineRule } from '../rule';
import { tableById } from '../model';

export type Authority = 'township' | 'county' | 'department' | 'unknown';

const TOWNSHIP = /(?:镇|乡|苏木)(?:人民)?政府|街道办事处|街道(?:党工委|办|工委)|(?:镇|乡|街道|苏木)$/;
const NATIONAL = /^(?:中华人民共和国|国务院|国家|中国)|^[^省市县区州旗盟乡镇村]{1,12}(?:部|总署|总局|委员会|银行|署)$/;
const LOCAL = /[省市县区州旗盟乡镇]|街道/;

/** What kind of body a 机关 name denotes, as far as making 规章 is concerned. */
export function authorityOf(agency: string, kind: '部门' | '政府'): Authority {
  const name = agency.normalize('NFKC').replace(/\s+/g, '');
  if (TOWNSHIP.test(name)) return 'township';
  const noRegion = name.replace(/自治区/g, '');
  if (/[县旗]|区/.test(noRegion)) return 'county';
  if (kind === '部门' && LOCAL.test(noRegion) && !NATIONAL.test(name)) return 'department';
  return 'unknown';
}

export default defineRule({
  id: 'rules-authority',
  severity: 'warning',
  description: 'rules-authority.description',
  fixable: false,
  tables: 'figures',
  check({ report, t, emit }) {
    const agency = report.meta.agency;
    if (!agency) return;
    const table = tableById(report, 'art20-1');
    const row = table?.rowById.get('rules');
    if (!table || !row) return;
    const cell = row.cells.find(
      (c, j) => table.columns[j]?.def && (c.state === 'ok' || c.state === 'normalizable') && c.value !== 0,
    );
    if (!cell) return;
    const a = authorityOf(agency, report.meta.kind);
    if (a === 'unknown') return;
    const basis = t('rules-authority.basis');
    const message =
      a === 'township'
        ? t('rules-authority.township', { agency, text: cell.node.text, basis })
        : a === 'county'
          ? t('rules-authority.county', { agency, text: cell.node.text, basis })
          : t('rules-authority.department', { agency, text: cell.node.text, basis });
    emit({
      span: cell.node.span,
      message,
      severity: a === 'township' ? 'warning' : 'info',
      anchor: `二/art20-1/rules/authority`,
    });
  },
});
