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
  description: {
    zh: '不能制定规章的机关（乡、镇、街道；县级机关和部门为提示）填报了非零的规章数字',
    en: 'Non-zero 规章 figures for a body that cannot make 规章 (乡、镇、街道; a hint for county-level bodies and departments)',
  },
  fixable: false,
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
    const basis = t(
      '规章只能由省、自治区、直辖市和设区的市、自治州人民政府及国务院部门制定（《中华人民共和国立法法》）',
      "only the people's governments of provinces, autonomous regions, municipalities, cities divided into districts and autonomous prefectures, and the State Council's ministries make 规章 (立法法)",
    );
    const message =
      a === 'township'
        ? t(
            `“${agency}”是乡镇（街道）机关，不能制定规章，但“规章”一行填有 ${cell.node.text}：${basis}。本机关制发的文件应计入“行政规范性文件”`,
            `“${agency}” is a township-level body (乡、镇、街道) and cannot make 规章, yet the 规章 row holds ${cell.node.text}: ${basis}. Documents it issues belong in the 行政规范性文件 row`,
          )
        : a === 'county'
          ? t(
              `“${agency}”是县级机关，一般不能制定规章，请核对“规章”一行的 ${cell.node.text}：${basis}`,
              `“${agency}” is a county-level body, which normally cannot make 规章; check the ${cell.node.text} in the 规章 row: ${basis}`,
            )
          : t(
              `“${agency}”是地方政府部门，不能制定规章，请核对“规章”一行的 ${cell.node.text}（是否应计入“行政规范性文件”）：${basis}`,
              `“${agency}” is a local government department, which cannot make 规章; check the ${cell.node.text} in the 规章 row (should it be under 行政规范性文件?): ${basis}`,
            );
    emit({
      span: cell.node.span,
      message,
      severity: a === 'township' ? 'warning' : 'info',
      anchor: `二/art20-1/rules/authority`,
    });
  },
});
