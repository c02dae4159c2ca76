/** Matching of labels and headings as the dialect defines it. */

const QUOTES = /[“”„‟"'‘’‚‛「」『』〝〞＂＇]/g;
const SPACE = /[\s\u200b-\u200d\u2060\ufeff]+/g;
const CN_NUM = '一二三四五六七八九十';
/** `<br>`, emphasis markers and Markdown backslash escapes (the escaped character is kept). */
const MARKUP = /<br\s*\/?>|\*+|_{2,}|\\[!-/:-@[-`{-~]/gi;

/** Recent results of normalizeLabel (a pure function called with the same labels over and over). */
const NORMALIZED = new Map<string, string>();

/** NFKC, no whitespace, quotes unified, separators after a leading numeral dropped. */
export function normalizeLabel(s: string): string {
  if (s.length > 200) return normalize(s);
  let t = NORMALIZED.get(s);
  if (t === undefined) {
    if (NORMALIZED.size >= 20_000) NORMALIZED.clear();
    NORMALIZED.set(s, (t = normalize(s)));
  }
  return t;
}

function normalize(s: string): string {
  // what only changes how a cell's source looks, not what it says: a line break (`商业<br>企业`,
  // the printed form's broken labels), emphasis (`**（七）总计**`), backslash escapes (`3\.`)
  let t = s.replace(MARKUP, (m) => (m[0] === '\\' ? m.slice(1) : ''));
  t = t.normalize('NFKC').replace(SPACE, '').replace(QUOTES, '"');
  t = t
    .replace(/[：]/g, ':')
    .replace(/[，]/g, ',')
    .replace(/[－—–]/g, '-');
  // a leading numeral: 一、 / (一) / 1. / 1、 / 1．
  const m = /^(\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十]+|\d+)[、.,．:]?/.exec(t);
  if (m) t = m[1] + t.slice(m[0].length);
  return t;
}

/**
 * A written heading or label as compared with the official text: normalised, and without a full
 * stop, comma, colon or semicolon closing it (“一、总体情况。”, “1.属于国家秘密；”). Not used for
 * text that is joined piece by piece (the closing mark of one piece is inside the label).
 */
export function labelKey(s: string): string {
  return normalizeLabel(s).replace(/[。.,:;、]+$/, '');
}

/** Strip the leading numeral entirely (for loose comparisons). */
export function stripNumeral(s: string): string {
  return normalizeLabel(s).replace(/^(\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十]+|\d+)/, '');
}

/** Levenshtein distance by code points, bounded: returns > max as soon as it is exceeded. */
export function editDistance(a: string, b: string, max = Infinity): number {
  return boundedDistance(Array.from(a), Array.from(b), max);
}

function boundedDistance(A: readonly string[], B: readonly string[], max: number): number {
  if (Math.abs(A.length - B.length) > max) return max + 1;
  let prev = Array.from({ length: B.length + 1 }, (_, i) => i);
  for (let i = 1; i <= A.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= B.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (A[i - 1] === B[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[B.length];
}

export type MatchKind = 'exact' | 'variant';
export interface Candidate<T> {
  item: T;
  labels: readonly string[];
  aliases: readonly string[];
}

/**
 * A candidate list made ready for matching: every label and alias normalised, without its
 * numeral, and as code points with its edit-distance limit. Made once per list (the lists of the
 * forms are immutable data, matched against every row of every report).
 */
interface Prepared<T> {
  exact: Map<string, T>;
  alias: Map<string, T>;
  /** the words without the numeral → the distinct items they belong to */
  bare: Map<string, T[]>;
  fuzzy: { item: T; points: string[]; limit: number }[];
}
const PREPARED = new WeakMap<readonly Candidate<unknown>[], Prepared<unknown>>();

function prepare<T>(candidates: readonly Candidate<T>[]): Prepared<T> {
  const hit = PREPARED.get(candidates) as Prepared<T> | undefined;
  if (hit) return hit;
  const p: Prepared<T> = { exact: new Map(), alias: new Map(), bare: new Map(), fuzzy: [] };
  for (const c of candidates) {
    for (const l of c.labels) {
      const n = normalizeLabel(l);
      if (!p.exact.has(n)) p.exact.set(n, c.item);
      const b = stripNumeral(l);
      const items = p.bare.get(b);
      if (!items) p.bare.set(b, [c.item]);
      else if (!items.includes(c.item)) items.push(c.item);
    }
    for (const l of c.aliases) {
      const n = normalizeLabel(l);
      if (!p.alias.has(n)) p.alias.set(n, c.item);
    }
    for (const l of [...c.labels, ...c.aliases]) {
      const points = Array.from(normalizeLabel(l));
      p.fuzzy.push({ item: c.item, points, limit: Math.max(1, Math.floor(points.length * 0.3)) });
    }
  }
  PREPARED.set(candidates, p);
  return p;
}

/**
 * Find the official entry a written label stands for: exact after normalisation, or a variant
 * (a listed alias, or within a small edit distance of exactly one candidate). A list passed again
 * (the same array) is prepared once.
 */
export function matchLabel<T>(
  written: string,
  candidates: readonly Candidate<T>[],
): { item: T; kind: MatchKind } | undefined {
  const w = labelKey(written);
  if (!w) return undefined;
  const p = prepare(candidates);
  const exact = p.exact.get(w);
  if (exact !== undefined) return { item: exact, kind: 'exact' };
  const alias = p.alias.get(w);
  if (alias !== undefined) return { item: alias, kind: 'variant' };
  // the numeral left out, or written in another style: the words alone are unique
  const bare = stripNumeral(w);
  if (bare) {
    const hits = p.bare.get(bare);
    if (hits?.length === 1) return { item: hits[0], kind: 'variant' };
  }
  let best: T | undefined,
    bestD = Infinity,
    tie = false;
  const points = Array.from(w);
  for (const f of p.fuzzy) {
    if (Math.abs(points.length - f.points.length) > f.limit) continue;
    const d = boundedDistance(points, f.points, f.limit);
    if (d <= f.limit) {
      if (d < bestD) {
        best = f.item;
        bestD = d;
        tie = false;
      } else if (d === bestD && best !== f.item) tie = true;
    }
  }
  if (best !== undefined && !tie) return { item: best, kind: 'variant' };
  return undefined;
}

export function isChineseNumeral(ch: string): boolean {
  return CN_NUM.includes(ch);
}
export const SECTION_NUMERALS = ['一', '二', '三', '四', '五', '六'] as const;
