/**
 * narrative-number: a number stated in the prose contradicts the table figure it describes
 * (“制发规范性文件26件” while 第二十条第（一）项 says 27). The phrases are read by
 * `findClaims` (prose.ts); a figure whose table, row or cell is missing or unreadable is not
 * compared (those have their own diagnostics).
 */
import { defineRule, type Related } from '../rule';
import { findings } from '../arith';
import { cellAt, cellValue, tableById, type Report, type ReportTable, type Section } from '../model';
import { findClaims, foldWidth, sentencesOf, sourceSpanOf, type Claim, type Topic } from '../prose';
import type { ProseNode } from '../parse';
import type { Span } from '../text';
import { fmtNumber } from './util';

interface Figure {
  value: number;
  /** another value the statement may mean (收到 = 新收 + 上年结转) */
  alt?: number;
  zh: string;
  en: string;
  cells: Span[];
}

const SAID: Record<Topic, { zh: string; en: string }> = {
  new: { zh: '收到申请', en: 'applications received' },
  carried: { zh: '上年结转', en: 'carried over from last year' },
  carryNext: { zh: '结转下年度', en: 'carried over to next year' },
  open: { zh: '予以公开', en: 'disclosed' },
  partial: { zh: '部分公开', en: 'partly disclosed' },
  notOpen: { zh: '不予公开', en: 'not disclosed' },
  cannot: { zh: '无法提供', en: 'could not be provided' },
  notHandled: { zh: '不予处理', en: 'not processed' },
  otherHandling: { zh: '其他处理', en: 'otherwise handled' },
  handled: { zh: '办结', en: 'concluded' },
  review: { zh: '行政复议', en: 'administrative reconsiderations' },
  suits: { zh: '行政诉讼', en: 'administrative lawsuits' },
  suitDirect: { zh: '未经复议直接起诉', en: 'lawsuits filed directly' },
  suitAfter: { zh: '复议后起诉', en: 'lawsuits after reconsideration' },
  made: { zh: '制发', en: 'issued' },
  repealed: { zh: '废止', en: 'repealed' },
  valid: { zh: '现行有效', en: 'in force' },
  license: { zh: '行政许可', en: 'administrative licensing decisions' },
  penalty: { zh: '行政处罚', en: 'administrative penalty decisions' },
  coercion: { zh: '行政强制', en: 'administrative coercion decisions' },
  fees: { zh: '行政事业性收费', en: 'administrative fees' },
};

const APPLICATION_ROWS: Partial<Record<Topic, string>> = {
  carried: 'carried',
  carryNext: 'carryNext',
  open: 'open',
  partial: 'partial',
  handled: 'total',
};
const GROUPS: Partial<Record<Topic, string>> = {
  notOpen: 'notOpen',
  cannot: 'cannot',
  notHandled: 'notHandled',
  otherHandling: 'otherHandling',
};

function label(t: ReportTable, rowId: string): string {
  const d = t.def?.rows.find((r) => r.id === rowId);
  return (d?.label ?? rowId).replace(/（区分处理的，只计这一情形，不计其他情形）/, '');
}

/**
 * A table figure the prose can be held against: readable, and not itself blamed by an arithmetic
 * rule (then that rule speaks, and the prose is not also reported for the same mistake).
 */
function trustedValue(t: ReportTable | undefined, rowId: string, colId: string): number | undefined {
  if (!t || findings(t).some((f) => f.cell.row === rowId && f.cell.col === colId)) return undefined;
  return cellValue(t, rowId, colId);
}

function span(t: ReportTable, rowId: string, colId: string): Span | undefined {
  return cellAt(t, rowId, colId)?.node.span;
}

/** The table figure a statement describes, when the table has it readable. */
function figureOf(report: Report, c: Claim): Figure | undefined {
  const apps = tableById(report, 'applications');
  if (c.topic === 'new') {
    if (!apps) return undefined;
    const v1 = trustedValue(apps, 'new', 'total');
    if (v1 === undefined) return undefined;
    const v2 = c.loose ? trustedValue(apps, 'carried', 'total') : undefined;
    const alt = v2 !== undefined && v2 > 0 ? v1 + v2 : undefined;
    const l = label(apps, 'new');
    return {
      value: v1,
      alt,
      zh: `表三“${l}”总计为 ${v1}${alt !== undefined ? `（加上年结转 ${v2} 件为 ${alt}）` : ''}`,
      en: `table 三 “${l}” totals ${v1}${alt !== undefined ? ` (${alt} with the ${v2} carried over)` : ''}`,
      cells: [span(apps, 'new', 'total'), ...(alt !== undefined ? [span(apps, 'carried', 'total')] : [])].filter(
        (x): x is Span => !!x,
      ),
    };
  }
  const row = APPLICATION_ROWS[c.topic];
  if (row) {
    if (!apps) return undefined;
    const v = trustedValue(apps, row, 'total');
    if (v === undefined) return undefined;
    const l = label(apps, row);
    // “（七）总计”总计为 reads twice: the row that is itself the total is just “为”
    return row === 'total'
      ? { value: v, zh: `表三“${l}”为 ${v}`, en: `table 三 “${l}” is ${v}`, cells: [span(apps, row, 'total')!] }
      : {
          value: v,
          zh: `表三“${l}”总计为 ${v}`,
          en: `table 三 “${l}” totals ${v}`,
          cells: [span(apps, row, 'total')!],
        };
  }
  const group = GROUPS[c.topic];
  if (group) {
    if (!apps?.def) return undefined;
    const def = apps.def.rows.find((r) => r.id === group);
    if (!def) return undefined;
    const parts = def.group ? apps.def.rows.filter((r) => r.parent === group && !r.group).map((r) => r.id) : [group];
    let sum = 0;
    for (const id of parts) {
      const v = trustedValue(apps, id, 'total');
      if (v === undefined) return undefined;
      sum += v;
    }
    const l = label(apps, group);
    const cells = parts.map((id) => span(apps, id, 'total')).filter((x): x is Span => !!x);
    return parts.length > 1
      ? { value: sum, zh: `表三“${l}”各项总计之和为 ${sum}`, en: `the items of table 三 “${l}” total ${sum}`, cells }
      : { value: sum, zh: `表三“${l}”总计为 ${sum}`, en: `table 三 “${l}” totals ${sum}`, cells };
  }
  if (c.topic === 'review' || c.topic === 'suitDirect' || c.topic === 'suitAfter') {
    const t = tableById(report, 'review');
    const rowId = c.topic === 'review' ? 'review' : c.topic;
    const v = trustedValue(t, rowId, 'total');
    if (!t || v === undefined) return undefined;
    const l = label(t, rowId);
    return {
      value: v,
      zh: `表四“${l}”总计为 ${v}`,
      en: `table 四 “${l}” totals ${v}`,
      cells: [span(t, rowId, 'total')!],
    };
  }
  if (c.topic === 'suits') {
    const t = tableById(report, 'review');
    const a = trustedValue(t, 'suitDirect', 'total');
    const b = trustedValue(t, 'suitAfter', 'total');
    if (!t || a === undefined || b === undefined) return undefined;
    return {
      value: a + b,
      zh: `表四行政诉讼总计为 ${a + b}（未经复议直接起诉 ${a} + 复议后起诉 ${b}）`,
      en: `table 四 counts ${a + b} lawsuits (${a} filed directly + ${b} after reconsideration)`,
      cells: [span(t, 'suitDirect', 'total')!, span(t, 'suitAfter', 'total')!],
    };
  }
  if (c.topic === 'made' || c.topic === 'repealed' || c.topic === 'valid') {
    const t = tableById(report, 'art20-1');
    if (!t || !c.doc) return undefined;
    // 2021: 本年制发件数 / 本年废止件数 / 现行有效件数. 2019: 本年新制作数量, and 本年新公开数量
    // for what was published (发布) — 废止 and 现行有效 have no column there
    const colId = c.topic === 'made' && /发布/.test(c.keyword) && t.colById.has('published') ? 'published' : c.topic;
    const v = trustedValue(t, c.doc, colId);
    if (v === undefined) return undefined;
    const row = label(t, c.doc);
    const col = t.def?.columns.find((x) => x.id === colId)?.label ?? colId;
    return {
      value: v,
      zh: `${t.def!.key}“${row}”的“${col}”为 ${v}`,
      en: `${t.def!.key} gives ${v} for “${row}” / “${col}”`,
      cells: [span(t, c.doc, colId)!],
    };
  }
  if (c.topic === 'license' || c.topic === 'penalty' || c.topic === 'coercion') {
    const t = tableById(report, c.topic === 'license' ? 'art20-5' : 'art20-6');
    const v = trustedValue(t, c.topic, 'decisions');
    if (!t || v === undefined) return undefined;
    const row = label(t, c.topic);
    const col = t.def?.columns.find((x) => x.id === 'decisions')?.label ?? '处理决定数量';
    return {
      value: v,
      zh: `${t.def!.key}“${row}”的“${col}”为 ${v}`,
      en: `${t.def!.key} gives ${v} for “${row}” / “${col}”`,
      cells: [span(t, c.topic, 'decisions')!],
    };
  }
  if (c.topic === 'fees') {
    const t = tableById(report, 'art20-8');
    const v = trustedValue(t, 'fees', 'amount');
    if (!t || v === undefined) return undefined;
    return {
      value: v,
      zh: `${t.def!.key}“行政事业性收费”的本年收费金额为 ${fmtNumber(v)} 万元`,
      en: `${t.def!.key} gives ${fmtNumber(v)} 万元 of administrative fees`,
      cells: [span(t, 'fees', 'amount')!],
    };
  }
  return undefined;
}

/** A stated amount agrees with the table when it is the table's value rounded as written. */
function agrees(c: Claim, stated: string, f: Figure): boolean {
  if (c.topic === 'fees') {
    const decimals = /\.(\d+)/.exec(stated)?.[1]?.length ?? 0;
    const k = 10 ** decimals;
    return Math.abs(Math.round(f.value * k) / k - c.value) < 1e-9 || Math.abs(f.value - c.value) < 1e-9;
  }
  return c.value === f.value || (f.alt !== undefined && c.value === f.alt);
}

/** What the text says, in the words it used (收到申请 / 受理申请, 印发规范性文件 / 制发规章). */
function describe(c: Claim): { zh: string; en: string } {
  const said = SAID[c.topic];
  if (c.topic === 'new') return { zh: `${c.keyword}申请`, en: said.en };
  if (!c.doc) return said;
  const noun = c.doc === 'rules' ? { zh: '规章', en: 'rules' } : { zh: '规范性文件', en: 'normative documents' };
  return { zh: `${c.topic === 'made' ? c.keyword : said.zh}${noun.zh}`, en: `${noun.en} ${said.en}` };
}

const REVIEW_TOPICS: ReadonlySet<Topic> = new Set(['review', 'suits', 'suitDirect', 'suitAfter']);

const ABOUT_DISCLOSURE = /信息公开|依申请|申请公开/;

/**
 * Whether a 行政复议/行政诉讼 figure is about 政府信息公开 (table 四): in section 四, under a heading
 * on 依申请公开, or in a sentence that says so — not a 复议机关's or a 司法局's caseload at large.
 */
function aboutReview(p: ProseNode, c: Claim, section: Section | undefined, lastHeading: string): boolean {
  if (section?.index === 3 || ABOUT_DISCLOSURE.test(lastHeading)) return true;
  const folded = foldWidth(p.text);
  const [s0, s1] = sentencesOf(folded).find(([a, b]) => c.start >= a && c.start < b) ?? [0, folded.length];
  return ABOUT_DISCLOSURE.test(folded.slice(s0, s1));
}

/** Whether a prose node speaks of applications (依申请公开), so 予以公开 … refer to table 三. */
function applicationContext(p: ProseNode, section: Section | undefined, lastHeading: string): boolean {
  // 政府信息公开 applications, not 行政许可申请 and the like
  const about = /信息公开申请|依申请|申请公开|公开申请/;
  return about.test(p.text) || about.test(lastHeading) || section?.index === 2;
}

/**
 * The statements the report's prose makes about its tables, paragraph by paragraph; with `parts`,
 * also the parts of application figures (marked `part`), which only bound the figure from below.
 */
export function proseClaims(
  report: Report,
  options: { parts?: boolean } = {},
): { p: ProseNode; section?: Section; claims: Claim[] }[] {
  const sectionOf = (p: ProseNode): Section | undefined =>
    report.sections.find((s) => p.span.start >= s.bodySpan.start && p.span.start < s.bodySpan.end);
  const out: { p: ProseNode; section?: Section; claims: Claim[] }[] = [];
  let lastHeading = '';
  let lastSection: Section | undefined;
  for (const p of report.doc.prose) {
    const section = sectionOf(p);
    if (section !== lastSection) {
      lastHeading = '';
      lastSection = section;
    }
    if (p.kind === 'heading') {
      lastHeading = p.text;
      continue;
    }
    const claims = findClaims(p.text, {
      year: report.meta.year,
      applicationContext: applicationContext(p, section, lastHeading),
      parts: options.parts,
    }).filter((c) => !REVIEW_TOPICS.has(c.topic) || aboutReview(p, c, section, lastHeading));
    if (claims.length > 0) out.push({ p, section, claims });
  }
  return out;
}

const ONE_CELL: Partial<Record<Topic, [table: string, row: string, col: string]>> = {
  carried: ['applications', 'carried', 'total'],
  carryNext: ['applications', 'carryNext', 'total'],
  open: ['applications', 'open', 'total'],
  partial: ['applications', 'partial', 'total'],
  handled: ['applications', 'total', 'total'],
  review: ['review', 'review', 'total'],
  suitDirect: ['review', 'suitDirect', 'total'],
  suitAfter: ['review', 'suitAfter', 'total'],
  license: ['art20-5', 'license', 'decisions'],
  penalty: ['art20-6', 'penalty', 'decisions'],
  coercion: ['art20-6', 'coercion', 'decisions'],
  fees: ['art20-8', 'fees', 'amount'],
};

/** The one table cell a statement gives, when it gives one cell (not a sum, not 一 + 二). */
export function statedCell(report: Report, c: Claim): { table: ReportTable; row: string; col: string } | undefined {
  let at = ONE_CELL[c.topic];
  if (c.topic === 'new' && !c.loose) at = ['applications', 'new', 'total'];
  if ((c.topic === 'made' || c.topic === 'repealed' || c.topic === 'valid') && c.doc) {
    const t = tableById(report, 'art20-1');
    at = [
      'art20-1',
      c.doc,
      c.topic === 'made' && /发布/.test(c.keyword) && t?.colById.has('published') ? 'published' : c.topic,
    ];
  }
  if (!at) return undefined;
  const table = tableById(report, at[0]);
  return table ? { table, row: at[1], col: at[2] } : undefined;
}

export default defineRule({
  id: 'narrative-number',
  severity: 'warning',
  description: {
    zh: '正文中的数字与其所述的表格数字不一致',
    en: 'A number in the prose contradicts the table figure it describes',
  },
  fixable: false,
  check({ report, t, emit }) {
    const source = report.doc.text;
    const partsSeen = new Map<string, number>();
    /**
     * A part (the applications received by e-mail) larger than the table's whole (all applications
     * received, with those carried over when the wording may include them) is a contradiction.
     */
    const partExceedsWhole = (c: Claim, p: ProseNode, section: Section | undefined): void => {
      const f = figure(c);
      if (!f) return;
      const whole = Math.max(f.value, f.alt ?? f.value);
      if (c.value <= whole) return;
      const at = sourceSpanOf(p, c.start, c.end, source);
      if (!at) return;
      const key = `${section?.def.numeral ?? '-'}/${c.topic}`;
      const occurrence = partsSeen.get(key) ?? 0;
      partsSeen.set(key, occurrence + 1);
      // the clause that states the part, as written (通过电子邮箱收到群众申请公开信息8件)
      const folded = foldWidth(p.text);
      let a = c.start;
      while (a > 0 && !/[，,：:；;。！？!?]/.test(folded[a - 1])) a--;
      const said = `${p.text.slice(a, c.end).trim()}${c.unit}`;
      emit({
        span: at,
        message: t(
          `正文称“${said}”，只是其中一部分，但${f.zh}，部分多于总数`,
          `The text says “${said}” (${SAID[c.topic].en}: ${fmtNumber(c.value)}), only a part of them, but ${f.en}: the part exceeds the whole`,
        ),
        related: f.cells.map((s) => ({ span: s, message: t('表中的总数', 'the total in the table') })),
        anchor: `section/${section?.def.numeral ?? '-'}/prose/${c.topic}/part/${occurrence}`,
      });
    };
    const seen = new Map<string, number>();
    // the figure a kind of statement refers to is the same wherever it stands
    const figures = new Map<string, Figure | undefined>();
    const figure = (c: Claim): Figure | undefined => {
      const key = `${c.topic}/${c.loose ? 1 : 0}/${c.doc ?? ''}/${/发布/.test(c.keyword) ? 1 : 0}`;
      if (!figures.has(key)) figures.set(key, figureOf(report, c));
      return figures.get(key);
    };
    for (const { p, section, claims } of proseClaims(report, { parts: true })) {
      // one sentence that gives the same figure twice speaks of two scopes (“全区各部门制发25件，
      // 其中区政府制发7件”, “作出行政处罚决定8032件，其中简易程序7000件”): either may be the
      // table's; when neither is, the first speaks for both
      const sentences = sentencesOf(foldWidth(p.text));
      const groupOf = (c: Claim): string =>
        `${sentences.findIndex(([a, b]) => c.start >= a && c.start < b)}/${c.topic}/${c.doc ?? ''}`;
      const settled = new Set<string>();
      for (const c of claims) {
        if (c.part) continue;
        const f = figure(c);
        if (f && agrees(c, p.text.slice(c.start, c.end), f)) settled.add(groupOf(c));
      }
      for (const c of claims) {
        if (c.part) {
          partExceedsWhole(c, p, section);
          continue;
        }
        const key = `${section?.def.numeral ?? '-'}/${c.topic}`;
        const occurrence = seen.get(key) ?? 0;
        seen.set(key, occurrence + 1);
        const f = figure(c);
        if (!f) continue;
        const stated = p.text.slice(c.start, c.end);
        if (settled.has(groupOf(c))) continue;
        settled.add(groupOf(c));
        const at = sourceSpanOf(p, c.start, c.end, source);
        if (!at) continue;
        const shown = /^\d+(\.\d+)?$/.test(stated) ? stated : `${stated}（${fmtNumber(c.value)}）`;
        const what = describe(c);
        const related: Related[] = f.cells.map((s) => ({
          span: s,
          message: t('表中的数字', 'the figure in the table'),
        }));
        emit({
          span: at,
          message: t(
            `正文称${what.zh} ${shown} ${c.unit}，但${f.zh}`,
            `The text says ${shown} ${c.unit} (${what.en}), but ${f.en}`,
          ),
          related,
          anchor: `section/${section?.def.numeral ?? '-'}/prose/${c.topic}/${occurrence}`,
        });
      }
    }
  },
});
