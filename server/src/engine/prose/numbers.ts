/**
 * Reading prose: numbers (Arabic, full-width, Chinese numerals), source spans of prose text, and
 * the statements of fact a report makes about its own tables (“收到政府信息公开申请7件”).
 *
 * Everything here works on a width-folded copy of the prose text that has exactly the same
 * length, so an offset found in it is an offset into `ProseNode.text` and, through its map,
 * into the source.
 */
import type { ProseNode } from '../parse';
import type { Span } from '../text';

// ---------------------------------------------------------------------------------------------
// Text helpers

const WIDE = /[\uff05\uff0e\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000]/;

/**
 * Full-width digits, letters, `％`, `．` and the ideographic space to their ASCII forms, one
 * code unit for one, so offsets are kept. Chinese punctuation (，：；（）) is left alone.
 */
export function foldWidth(s: string): string {
  if (!WIDE.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (
      (c >= 0xff10 && c <= 0xff19) ||
      (c >= 0xff21 && c <= 0xff3a) ||
      (c >= 0xff41 && c <= 0xff5a) ||
      c === 0xff05 ||
      c === 0xff0e
    ) {
      out += String.fromCharCode(c - 0xfee0);
    } else if (c === 0x3000) out += ' ';
    else out += s[i];
  }
  return out;
}

/**
 * The source span of `text.slice(i, j)` of a prose node. `exact` tells whether the source there
 * reads the same characters one for one (no escapes or entities in between), i.e. whether the
 * span may be rewritten by a fix.
 */
export function proseSpan(p: ProseNode, i: number, j: number, source?: string): { span: Span; exact: boolean } {
  const base = p.span.start;
  const first = p.map[i];
  const start = first === undefined ? base : base + first;
  const lastAt = p.map[Math.max(i, j - 1)];
  const last = lastAt === undefined ? start : base + lastAt;
  const span = { start, end: Math.max(start, last + 1) };
  let exact = true;
  for (let k = i; k < j; k++)
    if (base + p.map[k] !== start + (k - i)) {
      exact = false;
      break;
    }
  if (exact && source !== undefined) exact = source.slice(span.start, span.end) === p.text.slice(i, j);
  return { span, exact };
}

/**
 * The source span of `text.slice(i, j)`: exact where the map is, otherwise the same occurrence
 * of those characters found again in the source of the node (a text node with an escape or an
 * entity maps all its characters to its start). Undefined when it cannot be found.
 */
export function sourceSpanOf(p: ProseNode, i: number, j: number, source: string): Span | undefined {
  const r = proseSpan(p, i, j, source);
  if (r.exact) return r.span;
  const needle = p.text.slice(i, j);
  if (!needle) return undefined;
  let k = 0;
  for (let at = p.text.indexOf(needle); at >= 0 && at < i; at = p.text.indexOf(needle, at + 1)) k++;
  let pos = p.span.start - 1;
  for (let n = 0; n <= k; n++) {
    pos = source.indexOf(needle, pos + 1);
    if (pos < 0 || pos >= p.span.end) {
      // inline markup inside the phrase (国办公开办函〔**2019**〕60号): the mapped span still covers it
      return r.span.end - r.span.start >= needle.length ? r.span : undefined;
    }
  }
  return { start: pos, end: pos + needle.length };
}

/** Replace every match of `re` by placeholder characters of the same length. */
export function mask(s: string, re: RegExp, ch = '\u25a1'): string {
  return s.replace(re, (m) => ch.repeat(m.length));
}

// ---------------------------------------------------------------------------------------------
// Numbers

const CN_DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
/** Characters that can make up a Chinese numeral. */
export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万';

/**
 * A Chinese numeral as a number: 两 → 2, 十二 → 12, 二十六 → 26, 一百零五 → 105, 一百五 → 150,
 * 三千二百 → 3200, 一万零五 → 10005. Undefined when the characters do not form a numeral
 * (一二, 十百, 百 alone).
 */
export function parseChineseNumber(s: string): number | undefined {
  if (!s) return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let lastUnit = Infinity;
  let prevUnit = 0; // the unit just before the pending digit (for 一百五 = 150)
  let afterZero = false;
  let sawWan = false;
  let any = false;
  for (const ch of s) {
    if (ch in CN_DIGIT) {
      const d = CN_DIGIT[ch];
      if (digit !== undefined && digit !== 0) return undefined; // 一二
      if (digit === 0 && d === 0) return undefined;
      if (digit === 0) afterZero = true;
      digit = d;
      any = true;
    } else if (ch in CN_UNIT) {
      const u = CN_UNIT[ch];
      if (u >= lastUnit) return undefined; // 十百, 百百
      if (digit === undefined && !(u === 10 && section === 0 && total === 0 && !any)) {
        // 十 may stand alone at the start (十二); 百/千 need a digit
        if (u !== 10 || any) return undefined;
      }
      if (digit === 0) return undefined; // 零十
      section += (digit ?? 1) * u;
      lastUnit = u;
      prevUnit = u;
      digit = undefined;
      afterZero = false;
      any = true;
    } else if (ch === '万') {
      if (sawWan || !any) return undefined;
      total += (section + (digit ?? 0)) * 10000;
      section = 0;
      digit = undefined;
      lastUnit = Infinity;
      prevUnit = 10000;
      afterZero = false;
      sawWan = true;
    } else return undefined;
  }
  if (!any) return undefined;
  let tail = digit ?? 0;
  // 一百五 = 150, 三千二 = 3200, 两万五 = 25000: a digit right after a unit ≥ 100, with no 零
  if (
    digit !== undefined &&
    digit !== 0 &&
    !afterZero &&
    prevUnit >= 100 &&
    s.length >= 2 &&
    !(s[s.length - 2] in CN_DIGIT)
  ) {
    tail = digit * (prevUnit / 10);
  }
  return total + section + tail;
}

export interface NumberToken {
  /** offsets in the (folded) text */
  start: number;
  end: number;
  value: number;
  /** written with Chinese numerals */
  chinese: boolean;
  /** count or measure word right after it (件, 起, 万元, %…), '' when none */
  unit: string;
  /** the end of the unit */
  unitEnd: number;
}

const UNITS = [
  '万元',
  '件次',
  '人次',
  '个百分点',
  '件',
  '起',
  '次',
  '条',
  '个',
  '项',
  '宗',
  '人',
  '元',
  '%',
  '份',
  '篇',
  '期',
  '户',
  '家',
  '年',
  '月',
  '日',
  '天',
  '号',
  '余',
  '多',
  '部',
  '类',
  '批',
  '场',
  '万',
];
const NUMBER = new RegExp(`(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?|[${CN_NUMERAL_CHARS}]+`, 'g');

/** Every number of a (folded) text with the unit that follows it. */
export function numbersIn(s: string): NumberToken[] {
  const out: NumberToken[] = [];
  NUMBER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER.exec(s))) {
    const raw = m[0];
    const start = m.index;
    const chinese = !/\d/.test(raw);
    let value: number | undefined;
    if (chinese) value = parseChineseNumber(raw);
    else value = Number(raw.replace(/,/g, ''));
    if (value === undefined || Number.isNaN(value)) continue;
    // a digit string glued to letters or other digits is not a count (A3, 2022-01)
    if (!chinese && start > 0 && /[A-Za-z.]/.test(s[start - 1])) continue;
    let k = start + raw.length;
    while (k < s.length && (s[k] === ' ' || s[k] === '\t')) k++;
    let unit = '';
    for (const u of UNITS)
      if (s.startsWith(u, k)) {
        unit = u;
        break;
      }
    out.push({
      start,
      end: start + raw.length,
      value,
      chinese,
      unit,
      unitEnd: unit ? k + unit.length : start + raw.length,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Statements about the tables

export type Topic =
  | 'new'
  | 'carried'
  | 'carryNext'
  | 'open'
  | 'partial'
  | 'notOpen'
  | 'cannot'
  | 'notHandled'
  | 'otherHandling'
  | 'handled'
  | 'review'
  | 'suits'
  | 'suitDirect'
  | 'suitAfter'
  | 'made'
  | 'repealed'
  | 'valid'
  | 'license'
  | 'penalty'
  | 'coercion'
  | 'fees';

export interface Claim {
  topic: Topic;
  value: number;
  /** the number, as offsets in the prose text */
  start: number;
  end: number;
  unit: string;
  keyword: string;
  /** for made/repealed/valid: which row of 第二十条第（一）项 */
  doc?: 'rules' | 'normative';
  /** 收到/受理 … may count 上年结转 too; 新收 may not */
  loose?: boolean;
  /**
   * a part of the figure (the applications of one channel or one kind of applicant: “通过电子邮箱
   * 收到申请8件”): it says nothing of the whole, except that the whole is not smaller
   */
  part?: boolean;
}

interface KeywordDef {
  topic: Topic;
  re: string;
}
/** In order of precedence where two could start at the same place. */
const KEYWORDS: KeywordDef[] = [
  { topic: 'suitDirect', re: '未经复议直接(?:提起)?(?:起诉|行政诉讼)|直接起诉' },
  { topic: 'suitAfter', re: '经?复议后(?:提起)?(?:行政)?(?:起诉|诉讼)' },
  { topic: 'carryNext', re: '结转(?:至|到|入)?(?:下一?年度?|次年|明年|(?:19|20)\\d\\d\\s*年度?)(?:继续办理)?' },
  { topic: 'carried', re: '(?:上一?年度?|往年)结转|结转(?:自)?上一?年度?' },
  { topic: 'notOpen', re: '不予以?公开' },
  { topic: 'notHandled', re: '不予处理' },
  { topic: 'partial', re: '部分公开|区分处理(?:后公开)?' },
  { topic: 'open', re: '予以公开|同意公开' },
  { topic: 'cannot', re: '无法提供' },
  { topic: 'otherHandling', re: '其他处理' },
  { topic: 'handled', re: '办结|办理完结|办理完毕' },
  { topic: 'review', re: '行政复议' },
  { topic: 'suits', re: '行政诉讼|提起诉讼|被起诉' },
  { topic: 'new', re: '新收|收到|受理|接收|接到' },
  { topic: 'made', re: '新制作|制发|印发|出台|制定|制作|发布' },
  { topic: 'repealed', re: '废止|废除' },
  { topic: 'valid', re: '现行有效' },
  { topic: 'license', re: '行政许可' },
  { topic: 'penalty', re: '行政处罚' },
  { topic: 'coercion', re: '行政强制' },
  { topic: 'fees', re: '行政事业性收费|收费金额|收费' },
];
const KEYWORD_RE = new RegExp(KEYWORDS.map((k) => `(${k.re})`).join('|'), 'g');
/** A quick test that a text may hold a statement at all. */
const ANY_KEYWORD = new RegExp(KEYWORDS.map((k) => k.re).join('|'));

const APPLICATION_TOPICS: ReadonlySet<Topic> = new Set([
  'new',
  'carried',
  'carryNext',
  'open',
  'partial',
  'notOpen',
  'cannot',
  'notHandled',
  'otherHandling',
  'handled',
]);
const RESULT_TOPICS: ReadonlySet<Topic> = new Set([
  'open',
  'partial',
  'notOpen',
  'cannot',
  'notHandled',
  'otherHandling',
  'handled',
]);
const DOC_TOPICS: ReadonlySet<Topic> = new Set(['made', 'repealed', 'valid']);

function unitsFor(topic: Topic): readonly string[] {
  if (topic === 'new') return ['件', '份'];
  if (APPLICATION_TOPICS.has(topic)) return ['件'];
  if (topic === 'review' || topic === 'suits' || topic === 'suitDirect' || topic === 'suitAfter')
    return ['件', '起', '次', '宗', '个'];
  if (topic === 'valid') return ['件', '份', '个', '条'];
  if (DOC_TOPICS.has(topic)) return ['件', '份', '个'];
  if (topic === 'fees') return ['万元'];
  return ['件', '起', '宗', '个'];
}

/** Words that may stand between a keyword and its number (“受理政府信息公开申请共计7件”). */
const GAP_WORDS = [
  '政府信息公开申请',
  '依申请公开申请',
  '信息公开申请',
  '政府信息公开',
  '依申请公开',
  '信息公开',
  '公开信息',
  '政府信息',
  '申请书',
  '申请件',
  '申请',
  '各类',
  '群众',
  '社会公众',
  '公众',
  '案件',
  '处理决定',
  '决定书',
  '决定',
  '措施',
  '信息',
  '继续办理',
  '办理',
  '答复',
  '件数',
  '数量',
  '总数',
  '总量',
  '共计',
  '合计',
  '总计',
  '共',
  '计',
  '为',
  '达',
  '有',
  '是',
  '了',
  '的',
];
const DOC_GAP_WORDS = ['行政规范性文件', '规范性文件', '规章', '区级', '市级', '县级', '镇级', '本级', '部门'];
const FEE_GAP_WORDS = ['金额', '总额', '收入', '资金'];

/** Consume `s` with the words; true when nothing is left. */
function madeOf(s: string, words: readonly string[]): boolean {
  let i = 0;
  outer: while (i < s.length) {
    for (const w of words)
      if (s.startsWith(w, i)) {
        i += w.length;
        continue outer;
      }
    return false;
  }
  return true;
}

const CLAUSE_BREAK = /[，,：:；;。！？!?（）()【】[\]「」]/;
/** Marks a number that is not the year's own total (a change, an estimate, a share). */
const QUALIFIER =
  /增加|减少|增长|下降|上升|降低|提高|同比|环比|较|比上|比去|超过|不足|约|近|逾|以上|以下|左右|平均|占|人均/;
/** A clause about a part of the applications (by channel or applicant), not about all of them. */
const PARTIAL =
  /通过|网上|网络|在线|当面|现场|信函|邮件|邮箱|传真|电话|线上|线下|平台|窗口|自然人|法人|企业|组织|机构|律师|个人/;
/** A clause that distributes one number over several things. */
const SPREAD = /[各均]\s*(?:为|有|是)?\s*[\d零〇一二两三四五六七八九十]|分别|共同/;
/** Another year, or a comparison with one, in the clause of the number. */
const OTHER_TIME = /(?<!结转[自至]?)(?:去|上一?)年(?!度?\s*结转)|往年|历年|累计|同期/;
/** A part of the year: it sets the time of the whole sentence (“上半年，共受理申请267件”). */
const PART_OF_YEAR = /上半年|下半年|季度|月份|(?<![\d.])\d{1,2}\s*月|截至目前|目前/;
/** Plans and intentions: the numbers are not the year's facts. */
const PLANS = /明年|下一年|下一步|今后|计划|拟|预计|力争|将于|争取|目标/;
const DOC_NOUN = /行政规范性文件|规范性文件|规章(?!制度)/g;
/** Other business a sentence may count applications, cases or results of (行政许可申请, 信访件). */
const OTHER_BUSINESS = /行政许可|行政处罚|行政强制|信访|投诉|举报|建议|提案|留言|来信|来访|热线|咨询/;
const DISCLOSURE = /信息公开|依申请|申请公开|公开申请/;
/** What follows a number narrows it down to 政府信息公开 (“…，其中涉及政府信息公开的1件”). */
const NARROWED = /^[^。；;！？!?]*?其中[，,：:]?[^，,。；;！？!?]*?(?:信息公开|政务公开)/;

export interface ClaimOptions {
  /** the report year: sentences about another year are not read */
  year?: number;
  /** the prose is about applications (依申请公开), so that 予以公开 … refer to table 三 */
  applicationContext?: boolean;
  /** also read the parts (by channel or applicant) of application figures, marked `part` */
  parts?: boolean;
}

/** Cut a (folded) text into sentences: [start, end) pairs. */
export function sentencesOf(s: string): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if ('。！？!?；;'.includes(s[i])) {
      out.push([from, i + 1]);
      from = i + 1;
    }
  }
  if (from < s.length) out.push([from, s.length]);
  return out;
}

/**
 * The statements of a prose text that give a table figure: each a topic, a number and where the
 * number stands. A number is read only when it is tightly bound to its keyword, carries the unit
 * the figure is counted in, and its sentence speaks of the report year as a whole.
 */
export function findClaims(text: string, options: ClaimOptions = {}): Claim[] {
  const out: Claim[] = [];
  if (!ANY_KEYWORD.test(text)) return out;
  const folded = foldWidth(text);
  for (const [s0, s1] of sentencesOf(folded)) {
    // titles and document numbers are not statements: 《2021年…要点》, 〔2019〕60号
    let sent = folded.slice(s0, s1);
    sent = mask(sent, /《[^》]*》|〔[^〕]*〕|“[^”]*”/g);
    // the statistics period (1月1日至12月31日) and “截至12月31日” do not make a sentence partial
    sent = mask(
      sent,
      /(?:(?:19|20)\d\d\s*年\s*)?1\s*月\s*1\s*日[^，。；]{0,14}?(?:(?:19|20)\d\d\s*年\s*)?12\s*月\s*31\s*日|截至\s*(?:(?:19|20)\d\d\s*年\s*)?12\s*月\s*31\s*日/g,
      '\u25a0',
    );
    // keywords
    const kws: { topic: Topic; start: number; end: number; text: string }[] = [];
    KEYWORD_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = KEYWORD_RE.exec(sent))) {
      const idx = m.slice(1).findIndex((g) => g !== undefined);
      kws.push({ topic: KEYWORDS[idx].topic, start: m.index, end: m.index + m[0].length, text: m[0] });
    }
    if (kws.length === 0) continue;
    let bare = '';
    let from = 0;
    for (const k of kws) {
      bare += sent.slice(from, k.start) + '\u25a1'.repeat(k.end - k.start);
      from = k.end;
    }
    bare += sent.slice(from);
    // a sentence about another year or about plans is not read
    if (options.year !== undefined) {
      const years = [...bare.matchAll(/(?<!\d)((?:19|20)\d\d)\s*年/g)].map((y) => Number(y[1]));
      if (years.some((y) => y !== options.year)) continue;
    }
    if (PLANS.test(bare) || PART_OF_YEAR.test(bare)) continue;
    const nums = numbersIn(bare);
    // clause boundaries
    const clauseOf = (pos: number): [number, number] => {
      let a = pos,
        b = pos;
      while (a > 0 && !CLAUSE_BREAK.test(sent[a - 1])) a--;
      while (b < sent.length && !CLAUSE_BREAK.test(sent[b])) b++;
      return [a, b];
    };
    const clauseOk = new Map<number, boolean>();
    for (const n of nums) {
      if (!n.unit) continue;
      const [c0, c1] = clauseOf(n.start);
      const clauseBare = bare.slice(c0, c1);
      let ok = clauseOk.get(c0);
      if (ok === undefined) {
        ok = !OTHER_TIME.test(clauseBare) && !SPREAD.test(clauseBare);
        clauseOk.set(c0, ok);
      }
      if (!ok) continue;
      // an ordinal, a range or an estimate
      const before = sent.slice(Math.max(c0, n.start - 2), n.start);
      if (/第$/.test(before) || /\d\s*[-~～—至到]$/.test(before)) continue;
      const after = sent.slice(n.unitEnd, c1);
      if (/^\s*(?:次|余|多|以上|以下|左右)/.test(after)) continue;
      const claim = bindForward(n, kws, nums, sent, bare, c0, after) ?? bindBackward(n, kws, sent, c1);
      if (!claim) continue;
      if (!unitsFor(claim.topic).includes(n.unit)) continue;
      let part = false;
      if (APPLICATION_TOPICS.has(claim.topic) && PARTIAL.test(clauseBare.replace(/依申请/g, ''))) {
        // a part is read only when asked for, and only when its clause says it is about 政府信息公开
        if (!options.parts || !DISCLOSURE.test(sent.slice(c0, c1))) continue;
        part = true;
      }
      // “受理行政许可申请3986件，办结3984件”: the applications of other business
      if (APPLICATION_TOPICS.has(claim.topic) && OTHER_BUSINESS.test(sent.slice(0, n.start)) && !DISCLOSURE.test(sent))
        continue;
      // “共收到各类行政复议申请56件，其中涉及政府信息公开的1件”: the number counts a wider set
      if (NARROWED.test(sent.slice(n.unitEnd)) && !/信息公开|政务公开/.test(sent.slice(c0, c1))) continue;
      if (RESULT_TOPICS.has(claim.topic) && !options.applicationContext) continue;
      out.push({ ...claim, start: s0 + n.start, end: s0 + n.end, ...(part ? { part } : {}) });
    }
  }
  return out;
}

type Bound = Omit<Claim, 'start' | 'end'>;

/** “收到政府信息公开申请7件”: the nearest keyword before the number, in its clause. */
function bindForward(
  n: NumberToken,
  kws: { topic: Topic; start: number; end: number; text: string }[],
  nums: NumberToken[],
  sent: string,
  bare: string,
  c0: number,
  after: string,
): Bound | undefined {
  const k = [...kws].reverse().find((x) => x.end <= n.start && x.start >= c0);
  if (!k) return undefined;
  // no other count between the keyword and the number (5人6次)
  if (nums.some((o) => o !== n && o.unit && o.start >= k.end && o.end <= n.start)) return undefined;
  const gap = sent.slice(k.end, n.start).replace(/\s+/g, '');
  if (gap.length > 24 || /[\u25a1\u25a0]/.test(bare.slice(k.end, n.start)) || QUALIFIER.test(gap)) return undefined;
  const afterWords = after.replace(/\s+/g, '');
  const base: Bound = { topic: k.topic, value: n.value, unit: n.unit, keyword: k.text };
  if (DOC_TOPICS.has(k.topic)) {
    if (!madeOf(gap, [...DOC_GAP_WORDS, ...GAP_WORDS])) return undefined;
    const doc = docOf(gap) ?? docOf(/^(?:行政规范性文件|规范性文件|规章(?!制度))/.exec(afterWords)?.[0] ?? '');
    if (doc) return { ...base, doc };
    // made needs its noun right there, or a 其中 that takes up the documents just named
    // (“制发规范性文件25件，其中区政府制发7件”); 废止/现行有效 may lean on the sentence (“制发…7件、废止4件”)
    if (k.topic === 'made' && !/^\s*其中/.test(sent.slice(c0, k.start))) return undefined;
    const earlier = [...sent.slice(0, k.start).matchAll(DOC_NOUN)].pop();
    return earlier ? { ...base, doc: docOf(earlier[0])! } : undefined;
  }
  if (k.topic === 'fees') return madeOf(gap, [...FEE_GAP_WORDS, ...GAP_WORDS]) ? base : undefined;
  // the figure is the decisions made: not the applications received (受理行政许可申请) or cases opened (立案)
  if (
    (k.topic === 'license' || k.topic === 'penalty' || k.topic === 'coercion') &&
    (/申请/.test(gap) || /受理|立案|申请/.test(sent.slice(c0, k.start)))
  )
    return undefined;
  if (!madeOf(gap, GAP_WORDS)) return undefined;
  if (k.topic === 'new') {
    const asks = /申请/.test(gap) || /^(?:的)?(?:政府信息公开|依申请公开|信息公开)?申请/.test(afterWords);
    if (!asks) return undefined;
    return { ...base, loose: k.text !== '新收' };
  }
  return base;
}

/** “其中4件予以公开”: a keyword right after the unit. */
function bindBackward(
  n: NumberToken,
  kws: { topic: Topic; start: number; end: number; text: string }[],
  sent: string,
  c1: number,
): Bound | undefined {
  const k = kws.find((x) => x.start >= n.unitEnd && x.start < c1);
  if (!k) return undefined;
  const gap = sent.slice(n.unitEnd, k.start).replace(/\s+/g, '');
  if (!/^(?:为|被|已|予|均为)?$/.test(gap)) return undefined;
  if (!RESULT_TOPICS.has(k.topic) && k.topic !== 'carryNext') return undefined;
  return { topic: k.topic, value: n.value, unit: n.unit, keyword: k.text };
}

function docOf(s: string): 'rules' | 'normative' | undefined {
  if (/规范性文件/.test(s)) return 'normative';
  if (/规章(?!制度)/.test(s)) return 'rules';
  return undefined;
}
