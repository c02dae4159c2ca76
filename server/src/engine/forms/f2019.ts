/** 国办公开办函〔2019〕60号: the format for report years 2019 and 2020. */
import type { z } from 'zod';
import type { FormDef } from './schema';
import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS_HEAD,
  APPLICATION_ROWS_TAIL,
  REVIEW_TABLE,
  SECTIONS,
  applicationEquations,
} from './common';

const PROJECT_COLUMNS = [
  { id: 'lastYear', label: '上一年项目数量' },
  { id: 'delta', label: '本年增/减', aliases: ['本年增减', '本年增（减）'], kind: 'delta' as const },
];

export const FORM_2019: z.input<typeof FormDef> = {
  id: '2019',
  name: '中华人民共和国政府信息公开工作年度报告格式（试行）',
  notice: '国办公开办函〔2019〕60号',
  noticePattern: '国办公开办函\\s*[〔\\[【(（]?\\s*2019\\s*[〕\\]】)）]?\\s*60\\s*号',
  years: { from: 2019, to: 2020 },
  sections: SECTIONS,
  tables: [
    {
      id: 'art20-1',
      section: '二',
      key: '第二十条第（一）项',
      keyGeneric: ['信息内容'],
      title: '规章和规范性文件',
      columns: [
        { id: 'made', label: '本年新制作数量' },
        { id: 'published', label: '本年新公开数量' },
        { id: 'totalPublished', label: '对外公开总数量' },
      ],
      rows: [
        { id: 'rules', label: '规章', basis: '条例第二十条第（一）项' },
        { id: 'normative', label: '规范性文件', aliases: ['行政规范性文件'], basis: '条例第二十条第（一）项' },
      ],
    },
    {
      id: 'art20-5',
      section: '二',
      key: '第二十条第（五）项',
      keyGeneric: ['信息内容'],
      title: '行政许可和其他对外管理服务事项',
      columns: [...PROJECT_COLUMNS, { id: 'decisions', label: '处理决定数量' }],
      rows: [
        { id: 'license', label: '行政许可', basis: '条例第二十条第（五）项' },
        { id: 'services', label: '其他对外管理服务事项', basis: '条例第二十条第（五）项' },
      ],
    },
    {
      id: 'art20-6',
      section: '二',
      key: '第二十条第（六）项',
      keyGeneric: ['信息内容'],
      title: '行政处罚和行政强制',
      columns: [...PROJECT_COLUMNS, { id: 'decisions', label: '处理决定数量' }],
      rows: [
        { id: 'penalty', label: '行政处罚', basis: '条例第二十条第（六）项' },
        { id: 'coercion', label: '行政强制', basis: '条例第二十条第（六）项' },
      ],
    },
    {
      id: 'art20-8',
      section: '二',
      key: '第二十条第（八）项',
      keyGeneric: ['信息内容'],
      title: '行政事业性收费',
      columns: PROJECT_COLUMNS,
      rows: [{ id: 'fees', label: '行政事业性收费', basis: '条例第二十条第（八）项' }],
    },
    {
      id: 'art20-9',
      section: '二',
      key: '第二十条第（九）项',
      keyGeneric: ['信息内容'],
      title: '政府集中采购',
      columns: [
        { id: 'projects', label: '采购项目数量' },
        { id: 'amount', label: '采购总金额', kind: 'money', units: ['万元', '元'] },
      ],
      rows: [{ id: 'procurement', label: '政府集中采购', basis: '条例第二十条第（九）项' }],
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
        {
          id: 'otherHandling',
          label: '（六）其他处理',
          parent: 'results',
          short: '（六）',
          help: '其他处理情形（2019 年格式不再细分）。',
        },
        ...APPLICATION_ROWS_TAIL,
      ],
      equations: applicationEquations(['otherHandling']),
    },
    REVIEW_TABLE,
  ],
};
