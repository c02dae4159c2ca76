/**
 * narrative-number: a number stated in the prose contradicts the table figure it describes
 * (“制发规范性文件26件” while 第二十条第（一）项 says 27). The phrases are read by
 * `findClaims` (prose.ts); a figure whose table, row or cell is missing or unreadable is not
 * compared (those have their own diagnostics).
 */
import { defineRule, type Related } from '../rule';
import { findings } from '../arith/equations';
import { cellAt, cellValue, tableById, type Report, type ReportTable, type Section } from '../model';
import { findClaims, foldWidth, sentencesOf, sourceSpanOf, type Claim, type Topic } from '../prose/numbers';
import type { ProseNode } from '../parse';
import type { Span } from '../text';
import { formatFigure } from '../model/figures';
import { messageOf, type PlainMessageId, type MessageRef, type Translate } from '../../messages';

interface Figure {
  value: number;
  /** another value the statement may mean (收到 = 新收 + 上年结转) */
  alt?: number;
  /** what the table says, put into words when reported */
  said: MessageRef;
  cells: Span[];
}

const SAID: Record<Topic, PlainMessageId> = {
  new: 'narrative-number.said.new',
  carried: 'narrative-number.said.carried',
  carryNext: 'narrative-number.said.carryNext',
  open: 'narrative-number.said.open',
  partial: 'narrative-number.said.partial',
  notOpen: 'narrative-number.said.notOpen',
  cannot: 'narrative-number.said.cannot',
  notHandled: 'narrative-number.said.notHandled',
  otherHandling: 'narrative-number.said.otherHandling',
  handled: 'narrative-number.said.handled',
  review: 'narrative-number.said.review',
  suits: 'narrative-number.said.suits',
  suitDirect: 'narrative-number.said.suitDirect',
  suitAfter: 'narrative-number.said.suitAfter',
  made: 'narrative-number.said.made',
  repealed: 'narrative-number.said.repealed',
  valid: 'narrative-number.said.valid',
  license: 'narrative-number.said.license',
  penalty: 'narrative-number.said.penalty',
  coercion: 'narrative-number.said.coercion',
  fees: 'narrative-number.said.fees',
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
      said:
        alt !== undefined
          ? { id: 'narrative-number.table3-total-with-carried', params: { row: l, value: v1, carried: v2!, alt } }
          : { id: 'narrative-number.table3-total', params: { row: l, value: v1 } },
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
      ? {
          value: v,
          said: { id: 'narrative-number.table3-is', params: { row: l, value: v } },
          cells: [span(apps, row, 'total')!],
        }
      : {
          value: v,
          said: { id: 'narrative-number.table3-total', params: { row: l, value: v } },
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
      ? { value: sum, said: { id: 'narrative-number.table3-items-total', params: { row: l, value: sum } }, cells }
      : { value: sum, said: { id: 'narrative-number.table3-total', params: { row: l, value: sum } }, cells };
  }
  if (c.topic === 'review' || c.topic === 'suitDirect' || c.topic === 'suitAfter') {
    const t = tableById(report, 'review');
    const rowId = c.topic === 'review' ? 'review' : c.topic;
    const v = trustedValue(t, rowId, 'total');
    if (!t || v === undefined) return undefined;
    const l = label(t, rowId);
    return {
      value: v,
      said: { id: 'narrative-number.table4-total', params: { row: l, value: v } },
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
      said: { id: 'narrative-number.table4-suits', params: { value: a + b, direct: a, after: b } },
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
      said: { id: 'narrative-number.table-cell', params: { table: t.def!.key, row, column: col, value: v } },
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
      said: { id: 'narrative-number.table-cell', params: { table: t.def!.key, row, column: col, value: v } },
      cells: [span(t, c.topic, 'decisions')!],
    };
  }
  if (c.topic === 'fees') {
    const t = tableById(report, 'art20-8');
    const v = trustedValue(t, 'fees', 'amount');
    if (!t || v === undefined) return undefined;
    return {
      value: v,
      said: { id: 'narrative-number.table-fees', params: { table: t.def!.key, value: formatFigure(v) } },
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
function describe(c: Claim, t: Translate): string {
  const said = SAID[c.topic];
  if (c.topic === 'new') return t('narrative-number.said-new', { keyword: c.keyword });
  if (!c.doc) return t(said);
  // 制发 as written (印发, 出台…)
  const verb = c.topic === 'made' ? t('narrative-number.said-made', { keyword: c.keyword }) : t(said);
  return t(c.doc === 'rules' ? 'narrative-number.said-rules' : 'narrative-number.said-normative', { said: verb });
}

const REVIEW_TOPICS: ReadonlySet<Topic> = new Set(['review', 'suits', 'suitDirect', 'suitAfter']);

const ABOUT_DISCLOSURE = /信息公开|依申请|申请公开/;

/**
 * Whether a 行政复议/行政诉讼 figure is about 政府信息公开 (table 四): in section 四 or under a
 * heading on 依申请公开 (`reviewContext`), or in a sentence that says so — not a 复议机关's or a
 * 司法局's caseload at large.
 */
function aboutReview(text: string, c: Claim, reviewContext: boolean): boolean {
  if (reviewContext) return true;
  const folded = foldWidth(text);
  const [s0, s1] = sentencesOf(folded).find(([a, b]) => c.start >= a && c.start < b) ?? [0, folded.length];
  return ABOUT_DISCLOSURE.test(folded.slice(s0, s1));
}

/**
 * The claims of one paragraph, remembered by its text and context: a pure function of them,
 * asked again at every check (the arithmetic rules and this one read the prose whenever a table
 * changes, and the prose has not). Kept by the text itself (a string the parse keeps from version
 * to version, its hash computed once) — with whether it speaks of applications — then by the
 * context as one number: nothing is built from the text, nor is it searched, at every check.
 */
interface Paragraph {
  applications: boolean;
  byContext: Map<number, readonly Claim[]>;
}
const PARAGRAPHS = new Map<string, Paragraph>();
function paragraph(text: string): Paragraph {
  let x = PARAGRAPHS.get(text);
  if (!x) {
    if (PARAGRAPHS.size >= 4096) PARAGRAPHS.clear();
    PARAGRAPHS.set(text, (x = { applications: ABOUT_APPLICATIONS.test(text), byContext: new Map() }));
  }
  return x;
}
function claimsOf(
  text: string,
  x: Paragraph,
  o: { year?: number; applicationContext: boolean; parts?: boolean; reviewContext: boolean },
): readonly Claim[] {
  const context = (o.year ?? 0) * 8 + (o.applicationContext ? 4 : 0) + (o.parts ? 2 : 0) + (o.reviewContext ? 1 : 0);
  let claims = x.byContext.get(context);
  if (claims === undefined) {
    claims = findClaims(text, o).filter((c) => !REVIEW_TOPICS.has(c.topic) || aboutReview(text, c, o.reviewContext));
    x.byContext.set(context, claims);
  }
  return claims;
}

// 政府信息公开 applications, not 行政许可申请 and the like
const ABOUT_APPLICATIONS = /信息公开申请|依申请|申请公开|公开申请/;

/**
 * The statements the report's prose makes about its tables, paragraph by paragraph; with `parts`,
 * also the parts of application figures (marked `part`), which only bound the figure from below.
 */
export function proseClaims(
  report: Report,
  options: { parts?: boolean } = {},
): { p: ProseNode; section?: Section; claims: readonly Claim[] }[] {
  const sectionOf = (p: ProseNode): Section | undefined =>
    report.sections.find((s) => p.span.start >= s.bodySpan.start && p.span.start < s.bodySpan.end);
  const out: { p: ProseNode; section?: Section; claims: readonly Claim[] }[] = [];
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
    const x = paragraph(p.text);
    const claims = claimsOf(p.text, x, {
      year: report.meta.year,
      // whether the paragraph speaks of applications (依申请公开), so 予以公开 … refer to table 三
      applicationContext: x.applications || ABOUT_APPLICATIONS.test(lastHeading) || section?.index === 2,
      parts: options.parts,
      reviewContext: section?.index === 3 || ABOUT_DISCLOSURE.test(lastHeading),
    });
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
  description: 'narrative-number.description',
  fixable: false,
  tables: 'figures',
  check({ report, locale, t, emit }) {
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
        message: t('narrative-number.part-exceeds', {
          said,
          figure: messageOf(locale, f.said),
        }),
        related: f.cells.map((s) => ({ span: s, message: t('narrative-number.total-table') })),
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
        const shown = /^\d+(\.\d+)?$/.test(stated) ? stated : `${stated}（${formatFigure(c.value)}）`;
        const what = describe(c, t);
        const related: Related[] = f.cells.map((s) => ({
          span: s,
          message: t('narrative-number.figure-table'),
        }));
        emit({
          span: at,
          message: t('narrative-number.contradicts', {
            what,
            stated: shown,
            unit: c.unit,
            figure: messageOf(locale, f.said),
          }),
          related,
          anchor: `section/${section?.def.numeral ?? '-'}/prose/${c.topic}/${occurrence}`,
        });
      }
    }
  },
});
