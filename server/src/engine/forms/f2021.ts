/** 国办公开办函〔2021〕30号: the format in force from report year 2021. */
import type { z } from 'zod';
import type { FormDef } from './schema';
import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS_HEAD,
  APPLICATION_ROWS_TAIL,
  REVIEW_TABLE,
  SECTIONS,
  TOPICS_2021,
  applicationEquations,
} from './common';

export const FORM_2021: z.input<typeof FormDef> = {
  id: '2021',
  name: '中华人民共和国政府信息公开工作年度报告格式',
  notice: '国办公开办函〔2021〕30号',
  noticePattern: '国办公开办函\\s*[〔\\[【(（]?\\s*2021\\s*[〕\\]】)）]?\\s*30\\s*号',
  years: { from: 2021 },
  feeStatement: true,
  sections: SECTIONS.map((s) => (s.numeral === '一' ? { ...s, topics: TOPICS_2021 } : s)),
  tables: [
    {
      id: 'art20-1',
      section: '二',
      key: '第二十条第（一）项',
      keyGeneric: ['信息内容'],
      title: '规章和行政规范性文件',
      columns: [
        { id: 'made', label: '本年制发件数', aliases: ['本年制发数量'] },
        { id: 'repealed', label: '本年废止件数', aliases: ['本年废止数量'] },
        { id: 'valid', label: '现行有效件数', aliases: ['现行有效件', '现行有效数量'] },
      ],
      rows: [
        {
          id: 'rules',
          label: '规章',
          help: '本机关制定的规章。只有省、自治区、直辖市和设区的市、自治州人民政府（及国务院部门）可以制定规章。',
          basis: '条例第二十条第（一）项',
        },
        {
          id: 'normative',
          label: '行政规范性文件',
          aliases: ['规范性文件'],
          help: '本机关制发的行政规范性文件。',
          basis: '条例第二十条第（一）项',
        },
      ],
    },
    {
      id: 'art20-5',
      section: '二',
      key: '第二十条第（五）项',
      keyGeneric: ['信息内容'],
      title: '行政许可',
      columns: [{ id: 'decisions', label: '本年处理决定数量', aliases: ['处理决定数量'] }],
      rows: [
        { id: 'license', label: '行政许可', help: '本年作出的行政许可处理决定数量。', basis: '条例第二十条第（五）项' },
      ],
    },
    {
      id: 'art20-6',
      section: '二',
      key: '第二十条第（六）项',
      keyGeneric: ['信息内容'],
      title: '行政处罚和行政强制',
      columns: [{ id: 'decisions', label: '本年处理决定数量', aliases: ['处理决定数量'] }],
      rows: [
        { id: 'penalty', label: '行政处罚', help: '本年作出的行政处罚决定数量。', basis: '条例第二十条第（六）项' },
        { id: 'coercion', label: '行政强制', help: '本年作出的行政强制决定数量。', basis: '条例第二十条第（六）项' },
      ],
    },
    {
      id: 'art20-8',
      section: '二',
      key: '第二十条第（八）项',
      keyGeneric: ['信息内容'],
      title: '行政事业性收费',
      columns: [
        {
          id: 'amount',
          label: '本年收费金额（单位：万元）',
          aliases: ['本年收费金额', '本年收费金额（万元）'],
          kind: 'money',
          units: ['万元'],
        },
      ],
      rows: [
        {
          id: 'fees',
          label: '行政事业性收费',
          help: '本年收取的行政事业性收费金额，单位万元。',
          basis: '条例第二十条第（八）项',
        },
      ],
    },
    {
      id: 'applications',
      section: '三',
      key: '申请人情况',
      keyAliases: ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '项目'],
      title: '收到和处理政府信息公开申请情况',
      layout: 'applications',
      columns: APPLICANT_COLUMNS,
      rows: [
        ...APPLICATION_ROWS_HEAD,
        { id: 'otherHandling', label: '（六）其他处理', group: true, parent: 'results', short: '（六）' },
        {
          id: 'noCorrection',
          label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
          parent: 'otherHandling',
          short: '（六）1',
          help: '申请人无正当理由逾期不补正，视为放弃申请，行政机关不再处理。',
          basis: '条例第三十条',
        },
        {
          id: 'noFee',
          label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
          parent: 'otherHandling',
          short: '（六）2',
          help: '申请人逾期未按收费通知缴纳信息处理费，行政机关不再处理。',
          basis: '条例第四十二条；国办函〔2020〕109号',
        },
        { id: 'otherOther', label: '3.其他', parent: 'otherHandling', short: '（六）3', help: '其他处理情形。' },
        ...APPLICATION_ROWS_TAIL,
      ],
      equations: applicationEquations(['noCorrection', 'noFee', 'otherOther']),
    },
    REVIEW_TABLE,
  ],
};
