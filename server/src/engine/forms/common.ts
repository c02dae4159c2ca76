/**
 * Pieces shared by the 2019 and 2021 forms: the six sections, the applicant columns and rows of
 * table 三, and table 四. Plain data, validated with the rest of each form in `index.ts`.
 */
import type { z } from 'zod';
import type { ColumnDef, RowDef, SectionDef, TableDef } from './schema';

type In<T extends z.ZodTypeAny> = z.input<T>;

export const SECTIONS: In<typeof SectionDef>[] = [
  {
    numeral: '一',
    title: '总体情况',
    substance: true,
    help: '综述本机关贯彻落实《条例》的总体情况：主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障（人民政府还应报告工作考核、社会评议和责任追究结果，条例第五十条第（四）项）。',
  },
  {
    numeral: '二',
    title: '主动公开政府信息情况',
    help: '按《条例》第二十条第（一）（五）（六）（八）项填报主动公开的统计表（2019 年格式另有第（九）项政府集中采购）。',
  },
  {
    numeral: '三',
    title: '收到和处理政府信息公开申请情况',
    help: '依申请公开统计表：按申请人类别分列本年新收、上年结转、办理结果和结转下年度的件数。本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和。',
  },
  {
    numeral: '四',
    title: '政府信息公开行政复议、行政诉讼情况',
    aliases: [
      '因政府信息公开工作被申请行政复议、提起行政诉讼情况',
      '因政府信息公开工作被申请行政复议、提起行政诉讼的情况',
    ],
    help: '因政府信息公开工作被申请行政复议、提起行政诉讼的情况（条例第五十条第（三）项），按结果维持、结果纠正、其他结果、尚未审结分列。',
  },
  {
    numeral: '五',
    title: '存在的主要问题及改进情况',
    aliases: ['政府信息公开工作存在的主要问题及改进情况', '存在的问题及改进情况', '存在的主要问题及明年工作计划'],
    substance: true,
    help: '报告政府信息公开工作存在的主要问题及改进情况（条例第五十条第（四）项），宜具体，不宜泛化。',
  },
  {
    numeral: '六',
    title: '其他需要报告的事项',
    aliases: ['其他事项'],
    help: '其他需要报告的事项（条例第五十条第（五）项）。2021 年格式下应说明按《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费的情况。',
  },
];

/**
 * The five topics of 一、总体情况 (30号). A topic is present when a sub-heading, or the lead of a
 * paragraph or of an enumerated item (一是…, 1.…, **（三）…。**, 在…方面), names it with one of its
 * keywords — never when a keyword merely occurs somewhere in the prose (管理, 网站 and 考核 occur
 * in nearly every report). See rules/overview-topic.ts.
 */
export const TOPICS_2021 = [
  { heading: '（一）主动公开', keywords: ['主动公开'] },
  { heading: '（二）依申请公开', keywords: ['依申请', '公开申请', '申请公开'] },
  {
    heading: '（三）政府信息管理',
    keywords: [
      '信息管理',
      '管理政府信息',
      '信息资源',
      '保密审查',
      '公开属性',
      '发布审核',
      '信息审核',
      '审核制度',
      '文件清理',
      '规范性文件清理',
      '公开目录',
      '基本目录',
    ],
  },
  { heading: '（四）政府信息公开平台建设', keywords: ['平台', '网站', '载体', '新媒体', '公众号', '公开专栏'] },
  {
    heading: '（五）监督保障',
    // 保障 alone is also a verb (“为保障群众知情权，…”): only as one of these phrases
    keywords: [
      '监督',
      '监督保障',
      '组织保障',
      '制度保障',
      '工作保障',
      '保障措施',
      '保障机制',
      '考核',
      '考评',
      '评议',
      '责任追究',
      '培训',
      '督查',
    ],
  },
];

export const APPLICANT_COLUMNS: In<typeof ColumnDef>[] = [
  { id: 'natural', label: '自然人' },
  { id: 'business', label: '商业企业', aliases: ['商业 企业'] },
  { id: 'research', label: '科研机构' },
  { id: 'ngo', label: '社会公益组织' },
  { id: 'legal', label: '法律服务机构' },
  { id: 'other', label: '其他', aliases: ['其它'] },
  { id: 'total', label: '总计', aliases: ['合计'] },
];

const APPLICANT_ADDENDS = ['natural', 'business', 'research', 'ngo', 'legal', 'other'];

/** Rows of table 三 up to （五）不予处理 (identical in both forms). */
export const APPLICATION_ROWS_HEAD: In<typeof RowDef>[] = [
  {
    id: 'new',
    label: '一、本年新收政府信息公开申请数量',
    short: '一',
    help: '本年度新收到的政府信息公开申请件数。',
    basis: '条例第二十七条',
  },
  {
    id: 'carried',
    label: '二、上年结转政府信息公开申请数量',
    short: '二',
    help: '上一年度收到、未在上一年度办结而转入本年度办理的申请件数；应等于上年报告的“四、结转下年度继续办理”。',
    basis: '条例第三十三条',
  },
  { id: 'results', label: '三、本年度办理结果', group: true, short: '三' },
  {
    id: 'open',
    label: '（一）予以公开',
    parent: 'results',
    short: '（一）',
    help: '所申请信息已公开或予以公开的。',
    basis: '条例第三十六条第（一）（二）项',
  },
  {
    id: 'partial',
    label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    aliases: ['（二）部分公开'],
    parent: 'results',
    short: '（二）',
    help: '含有不应公开内容但能够作区分处理的，公开其余部分；区分处理的只计这一情形，不计其他情形。',
    basis: '条例第三十七条',
  },
  { id: 'notOpen', label: '（三）不予公开', group: true, parent: 'results', short: '（三）' },
  {
    id: 'secret',
    label: '1.属于国家秘密',
    parent: 'notOpen',
    short: '（三）1',
    help: '依法确定为国家秘密的政府信息。',
    basis: '条例第十四条',
  },
  {
    id: 'lawForbids',
    label: '2.其他法律行政法规禁止公开',
    parent: 'notOpen',
    short: '（三）2',
    help: '法律、行政法规禁止公开的政府信息。',
    basis: '条例第十四条',
  },
  {
    id: 'security',
    label: '3.危及“三安全一稳定”',
    parent: 'notOpen',
    short: '（三）3',
    help: '公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息。',
    basis: '条例第十四条',
  },
  {
    id: 'thirdParty',
    label: '4.保护第三方合法权益',
    parent: 'notOpen',
    short: '（三）4',
    help: '涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害的。',
    basis: '条例第十五条',
  },
  {
    id: 'internal',
    label: '5.属于三类内部事务信息',
    parent: 'notOpen',
    short: '（三）5',
    help: '人事管理、后勤管理、内部工作流程等内部事务信息。',
    basis: '条例第十六条第一款',
  },
  {
    id: 'process',
    label: '6.属于四类过程性信息',
    parent: 'notOpen',
    short: '（三）6',
    help: '讨论记录、过程稿、磋商信函、请示报告等过程性信息。',
    basis: '条例第十六条第二款',
  },
  {
    id: 'enforcement',
    label: '7.属于行政执法案卷',
    parent: 'notOpen',
    short: '（三）7',
    help: '行政执法案卷信息。',
    basis: '条例第十六条第二款',
  },
  {
    id: 'query',
    label: '8.属于行政查询事项',
    parent: 'notOpen',
    short: '（三）8',
    help: '法律、行政法规对信息获取有特别规定，应依查询程序办理的事项（如工商、不动产登记资料）。',
    basis: '条例第三十六条第（七）项',
  },
  { id: 'cannot', label: '（四）无法提供', group: true, parent: 'results', short: '（四）' },
  {
    id: 'notHeld',
    label: '1.本机关不掌握相关政府信息',
    parent: 'cannot',
    short: '（四）1',
    help: '经检索没有所申请信息，或信息不属于本机关负责公开。',
    basis: '条例第三十六条第（四）（五）项',
  },
  {
    id: 'mustCreate',
    label: '2.没有现成信息需要另行制作',
    parent: 'cannot',
    short: '（四）2',
    help: '需要行政机关对现有信息进行加工、分析的，可以不予提供。',
    basis: '条例第三十八条',
  },
  {
    id: 'unclear',
    label: '3.补正后申请内容仍不明确',
    parent: 'cannot',
    short: '（四）3',
    help: '申请内容不明确，经补正后仍不明确的。',
    basis: '条例第三十条',
  },
  { id: 'notHandled', label: '（五）不予处理', group: true, parent: 'results', short: '（五）' },
  {
    id: 'petition',
    label: '1.信访举报投诉类申请',
    parent: 'notHandled',
    short: '（五）1',
    help: '以政府信息公开申请形式进行信访、投诉、举报的。',
    basis: '条例第三十九条第一款',
  },
  {
    id: 'repeat',
    label: '2.重复申请',
    parent: 'notHandled',
    short: '（五）2',
    help: '申请人重复申请公开相同政府信息的。',
    basis: '条例第三十六条第（六）项',
  },
  {
    id: 'publication',
    label: '3.要求提供公开出版物',
    parent: 'notHandled',
    short: '（五）3',
    help: '要求提供政府公报、报刊、书籍等公开出版物的。',
    basis: '条例第三十九条第二款',
  },
  {
    id: 'massive',
    label: '4.无正当理由大量反复申请',
    parent: 'notHandled',
    short: '（五）4',
    help: '申请公开政府信息的数量、频次明显超过合理范围。',
    basis: '条例第三十五条',
  },
  {
    id: 'confirm',
    label: '5.要求行政机关确认或重新出具已获取信息',
    parent: 'notHandled',
    short: '（五）5',
    help: '要求行政机关确认或者重新出具已获取信息的。',
    basis: '条例第三十九条第二款',
  },
];

export const APPLICATION_ROWS_TAIL: In<typeof RowDef>[] = [
  {
    id: 'total',
    label: '（七）总计',
    aliases: ['（七）合计', '（七）办结总计'],
    parent: 'results',
    short: '（七）',
    help: '本年度办理结果的总数，等于（一）至（六）各项之和。',
  },
  {
    id: 'carryNext',
    label: '四、结转下年度继续办理',
    short: '四',
    help: '本年度收到但在统计截止时尚未办结、转入下年度继续办理的件数。',
    basis: '条例第三十三条',
  },
];

export const RESULT_ITEMS_HEAD = [
  'open',
  'partial',
  'secret',
  'lawForbids',
  'security',
  'thirdParty',
  'internal',
  'process',
  'enforcement',
  'query',
  'notHeld',
  'mustCreate',
  'unclear',
  'petition',
  'repeat',
  'publication',
  'massive',
  'confirm',
];

/** Subtotal rows some writers fill in for the groups of table 三 (checked only when filled). */
const SUBTOTALS: [string, string[]][] = [
  ['notOpen', ['secret', 'lawForbids', 'security', 'thirdParty', 'internal', 'process', 'enforcement', 'query']],
  ['cannot', ['notHeld', 'mustCreate', 'unclear']],
  ['notHandled', ['petition', 'repeat', 'publication', 'massive', 'confirm']],
];

export function applicationEquations(otherItems: string[]): In<typeof TableDef>['equations'] {
  const subtotals =
    otherItems.length > 1 ? [...SUBTOTALS, ['otherHandling', otherItems] as [string, string[]]] : SUBTOTALS;
  return [
    { rule: 'sum-row', per: 'row', lhs: ['total'], rhs: APPLICANT_ADDENDS, target: 'total' },
    { rule: 'sum-results', per: 'column', lhs: ['total'], rhs: [...RESULT_ITEMS_HEAD, ...otherItems], target: 'total' },
    ...subtotals.map(([group, items]) => ({
      rule: 'sum-results',
      per: 'column' as const,
      lhs: [group],
      rhs: items,
      target: group,
    })),
    {
      rule: 'balance',
      per: 'column',
      lhs: ['new', 'carried'],
      rhs: ['total', 'carryNext'],
      target: 'carryNext',
      safe: false,
    },
  ];
}

const REVIEW_COLUMNS: In<typeof ColumnDef>[] = [
  { id: 'upheld', label: '结果维持', aliases: ['维持'] },
  { id: 'corrected', label: '结果纠正', aliases: ['纠正'] },
  { id: 'otherResult', label: '其他结果' },
  { id: 'pending', label: '尚未审结', aliases: ['未审结'] },
  { id: 'total', label: '总计', aliases: ['合计'] },
];

export const REVIEW_TABLE: In<typeof TableDef> = {
  id: 'review',
  section: '四',
  key: '类别',
  keyAliases: ['类型', '项目', '情况', '', '行政复议、行政诉讼'],
  title: '政府信息公开行政复议、行政诉讼情况',
  layout: 'review',
  columns: REVIEW_COLUMNS,
  rows: [
    {
      id: 'review',
      label: '行政复议',
      help: '因政府信息公开工作被申请行政复议的件数，按复议结果分列。',
      basis: '条例第五十一条',
    },
    {
      id: 'suitDirect',
      label: '行政诉讼（未经复议直接起诉）',
      aliases: ['未经复议直接起诉', '行政诉讼未经复议直接起诉'],
      help: '未经行政复议直接提起行政诉讼的件数。',
      basis: '条例第五十一条',
    },
    {
      id: 'suitAfter',
      label: '行政诉讼（复议后起诉）',
      aliases: ['复议后起诉', '行政诉讼复议后起诉'],
      help: '经行政复议后提起行政诉讼的件数。复议后起诉可针对其他机关或往年的复议决定，不要求与本年行政复议数对应。',
      basis: '条例第五十一条',
    },
  ],
  equations: [
    {
      rule: 'sum-review',
      per: 'row',
      lhs: ['total'],
      rhs: ['upheld', 'corrected', 'otherResult', 'pending'],
      target: 'total',
    },
  ],
};
