/**
 * Size limits: what the engine does with inputs far beyond any real report, so that no input can
 * hang the editor or the command line. A real report is 3,000–50,000 characters, with tables of
 * at most 8 columns and lists nested two or three deep; the limits sit far above that.
 *
 * Three tiers, decided by one linear scan of the text (`assessText`):
 * - `full`: every rule runs.
 * - `structural`: the text is longer than `fullCheckChars`, or it nests block quotes or lists
 *   deeper than `nestingDepth`, or it holds more than `tableCells` pipes. The Markdown parser's
 *   cost grows faster than the text for deep nesting and for large tables, so only the skeleton
 *   is parsed — front matter, ATX headings and one-line comments; every other line is blanked to
 *   spaces of the same length, so offsets stay those of the real text — and only the rules that
 *   read nothing but that skeleton run (STRUCTURAL_RULES). One `limits` error says so (skipped
 *   checks are not a pass: `xxgk check` exits 1).
 * - `none`: the text is longer than `structuralChars`. Nothing is parsed; one `limits` error
 *   says that the file was not checked.
 *
 * docs/robustness.md states these limits and how they are tested (test/hostile/).
 */
import type { Locale } from '../rule';
import type { Span } from '../text';
import { translator } from '../../messages';
import { closesFence, FENCE } from './blocks';

export const LIMITS = {
  /** above this many UTF-16 code units, only the structural checks run */
  fullCheckChars: 200_000,
  /** above this many lines, only the structural checks run (the parser's cost grows with blocks) */
  fullCheckLines: 10_000,
  /** above this many, nothing is parsed */
  structuralChars: 10_000_000,
  /** block quotes and list items open on one line (by markers or indentation) */
  nestingDepth: 32,
  /** `|` characters in the whole text (a report has about 600) */
  tableCells: 10_000,
  /** `[` characters (links, footnotes): unclosed ones cost the parser quadratic time */
  brackets: 5_000,
  /** setext heading underlines (`===`/`---` under a line): each costs time in the size of the text */
  setextUnderlines: 100,
  /** headings kept by the structural skeleton (a report has about 20) */
  skeletonHeadings: 1_000,
  /** front matter kept by the structural skeleton (lines) */
  frontMatterLines: 1_000,
} as const;

/** The rules that read only front matter and headings: all that runs in the structural tier. */
export const STRUCTURAL_RULES: readonly string[] = [
  'front-matter',
  'title',
  'section-missing',
  'section-order',
  'section-heading',
];

/** The rule id of the diagnostic that reports a limit. */
export const LIMITS_RULE = 'limits';

export type Tier = 'full' | 'structural' | 'none';

export type Exceeded =
  | { kind: 'chars' | 'lines' | 'cells' | 'brackets' | 'setext'; value: number; limit: number }
  | { kind: 'nesting'; value: number; limit: number; line: number };

export interface Assessment {
  tier: Tier;
  exceeded: Exceeded[];
}

/**
 * Depth of block-quote and list containers opened at the start of the line beginning at `i`:
 * one per `>` and per list marker, and for a list marker after indentation, one per two columns
 * of that indentation (nested lists are written by indenting). Errs towards deeper.
 */
function prefixDepth(text: string, i: number): number {
  let markers = 0;
  let indent = 0;
  let deepest = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      indent++;
      i++;
      continue;
    }
    if (c === 9) {
      indent += 4 - (indent % 4);
      i++;
      continue;
    }
    if (c === 62 /* > */) {
      markers++;
      i++;
      continue;
    }
    let j = i;
    if (c === 45 || c === 43 || c === 42 /* - + * */) j = i + 1;
    else {
      while (j < n && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      if (j === i || (text.charCodeAt(j) !== 46 && text.charCodeAt(j) !== 41) /* . ) */) break;
      j++;
    }
    const after = j < n ? text.charCodeAt(j) : 10;
    if (after !== 32 && after !== 9 && after !== 10 && after !== 13) break;
    markers++;
    deepest = Math.max(deepest, markers + (indent >> 1));
    i = j;
  }
  return Math.max(markers, deepest);
}

/** Whether the line [i, e) is a setext underline (`===` or `---`, nothing else but spaces). */
function underline(text: string, i: number, e: number): boolean {
  let k = i;
  while (k < e && k - i < 3 && text.charCodeAt(k) === 32) k++;
  const c = text.charCodeAt(k);
  if (k >= e || (c !== 61 && c !== 45)) return false;
  while (k < e && text.charCodeAt(k) === c) k++;
  while (k < e && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
  return k === e;
}

/** What the limits are judged on: linear in the text to measure, no parse. */
export interface Measures {
  chars: number;
  lines: number;
  /** the deepest nesting of a line, and the first line (0-based) that deep */
  deepest: number;
  deepestLine: number;
  setext: number;
  pipes: number;
  brackets: number;
}

function count(text: string, ch: string, from = 0, to = text.length): number {
  let n = 0;
  for (let p = text.indexOf(ch, from); p >= 0 && p < to; p = text.indexOf(ch, p + 1)) n++;
  return n;
}

const isBreak = (c: number): boolean => c === 10 || c === 13;

/** The end of the line that `i` is on (before its line break). */
function lineEndAt(text: string, i: number): number {
  while (i < text.length && !isBreak(text.charCodeAt(i))) i++;
  return i;
}
/** The start of the line that `i` is on. */
function lineStartAt(text: string, i: number): number {
  while (i > 0 && !isBreak(text.charCodeAt(i - 1))) i--;
  return i;
}
function isBlankLine(text: string, i: number, e: number): boolean {
  for (; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

export function measureText(text: string): Measures {
  let deepest = 0;
  let deepestLine = 0;
  let setext = 0;
  let line = 0;
  let prevBlank = true;
  for (let i = 0; i <= text.length;) {
    const d = prefixDepth(text, i);
    if (d > deepest) {
      deepest = d;
      deepestLine = line;
    }
    let e = i;
    let blank = true;
    for (; e < text.length; e++) {
      const c = text.charCodeAt(e);
      if (c === 10 || c === 13) break;
      if (blank && c !== 32 && c !== 9) blank = false;
    }
    if (!prevBlank && !blank && underline(text, i, e)) setext++;
    prevBlank = blank;
    if (e >= text.length) break;
    i = text.charCodeAt(e) === 13 && text.charCodeAt(e + 1) === 10 ? e + 2 : e + 1;
    line++;
  }
  return {
    chars: text.length,
    lines: line + 1,
    deepest,
    deepestLine,
    setext,
    pipes: count(text, '|'),
    brackets: count(text, '['),
  };
}

/**
 * The measures of `text`, made from those of `prev` (measured as `m`) when `text` is `prev` with
 * [start, end) replaced by `insert` on one line — what typing does: only that line and the next
 * are looked at. Any other edit is measured afresh. Equals `measureText(text)`.
 */
export function remeasure(
  prev: string,
  m: Measures,
  text: string,
  start: number,
  end: number,
  insert: string,
): Measures {
  const hasBreak = (t: string, from: number, to: number): boolean => {
    for (let i = from; i < to; i++) if (isBreak(t.charCodeAt(i))) return true;
    return false;
  };
  // (after a CR, the edit may join it to a LF or part it from one: measured afresh)
  if (hasBreak(insert, 0, insert.length) || hasBreak(prev, start, end) || prev.charCodeAt(start - 1) === 13)
    return measureText(text);
  const delta = insert.length - (end - start);
  const ls = lineStartAt(prev, start);
  const oldEnd = lineEndAt(prev, end);
  const newEnd = oldEnd + delta;
  const oldDepth = prefixDepth(prev, ls);
  const newDepth = prefixDepth(text, ls);
  let { deepest, deepestLine } = m;
  if (newDepth !== oldDepth) {
    const lineNo = (): number => count(prev, '\n', 0, ls) + count(prev, '\r', 0, ls) - count(prev, '\r\n', 0, ls);
    if (newDepth > deepest) {
      deepest = newDepth;
      deepestLine = lineNo();
    } else if (oldDepth === deepest)
      return measureText(text); // the deepest line may be another now
    else if (newDepth === deepest) deepestLine = Math.min(deepestLine, lineNo());
  }
  // setext underlines: this line's (it follows the line before) and the next line's (it follows this)
  const underlines = (t: string, e: number): number => {
    const blank = isBlankLine(t, ls, e);
    let n = 0;
    if (ls > 0 && !blank && underline(t, ls, e)) {
      const pe = ls - (t.charCodeAt(ls - 1) === 10 && t.charCodeAt(ls - 2) === 13 ? 2 : 1);
      if (!isBlankLine(t, lineStartAt(t, pe), pe)) n++;
    }
    if (e < t.length && !blank) {
      const ns = t.charCodeAt(e) === 13 && t.charCodeAt(e + 1) === 10 ? e + 2 : e + 1;
      const ne = lineEndAt(t, ns);
      if (!isBlankLine(t, ns, ne) && underline(t, ns, ne)) n++;
    }
    return n;
  };
  return {
    chars: text.length,
    lines: m.lines,
    deepest,
    deepestLine,
    setext: m.setext - underlines(prev, oldEnd) + underlines(text, newEnd),
    pipes: m.pipes - count(prev, '|', start, end) + count(insert, '|'),
    brackets: m.brackets - count(prev, '[', start, end) + count(insert, '['),
  };
}

/** Which tier a text of these measures falls in, and every limit it exceeds. */
export function assessMeasures(m: Measures): Assessment {
  const exceeded: Exceeded[] = [];
  if (m.chars > LIMITS.structuralChars) {
    return { tier: 'none', exceeded: [{ kind: 'chars', value: m.chars, limit: LIMITS.structuralChars }] };
  }
  if (m.chars > LIMITS.fullCheckChars) exceeded.push({ kind: 'chars', value: m.chars, limit: LIMITS.fullCheckChars });
  if (m.lines > LIMITS.fullCheckLines) exceeded.push({ kind: 'lines', value: m.lines, limit: LIMITS.fullCheckLines });
  if (m.deepest > LIMITS.nestingDepth)
    exceeded.push({ kind: 'nesting', value: m.deepest, limit: LIMITS.nestingDepth, line: m.deepestLine });
  if (m.pipes > LIMITS.tableCells) exceeded.push({ kind: 'cells', value: m.pipes, limit: LIMITS.tableCells });
  if (m.brackets > LIMITS.brackets) exceeded.push({ kind: 'brackets', value: m.brackets, limit: LIMITS.brackets });
  if (m.setext > LIMITS.setextUnderlines)
    exceeded.push({ kind: 'setext', value: m.setext, limit: LIMITS.setextUnderlines });
  return { tier: exceeded.length ? 'structural' : 'full', exceeded };
}

/** Which tier a text falls in, and every limit it exceeds. Linear in the text; no parse. */
export function assessText(text: string): Assessment {
  // beyond the structural limit the text is not even measured
  if (text.length > LIMITS.structuralChars) return assessMeasures({ ...EMPTY_MEASURES, chars: text.length });
  return assessMeasures(measureText(text));
}
const EMPTY_MEASURES: Measures = { chars: 0, lines: 0, deepest: 0, deepestLine: 0, setext: 0, pipes: 0, brackets: 0 };

const ATX = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const ONE_LINE_COMMENT = /^ {0,3}<!--.*-->[ \t]*$/;

/**
 * The skeleton of a text, of the same length: the front matter, ATX headings outside fenced code
 * and multi-line comments, and one-line HTML comments (suppressions), the first `skeletonHeadings` of them, are kept where they are; each run of other lines
 * becomes one blank line of spaces (its first and last characters line breaks), so that parsing
 * the skeleton costs little whatever the text held and every offset is that of the text.
 */
export function skeletonOf(text: string): { text: string; droppedHeadings: number } {
  const kept: Span[] = [];
  let headings = 0;
  let droppedHeadings = 0;
  let fence: string | null = null;
  let inComment = false;
  let inFrontMatter = /^\ufeff?---[ \t]*(?:\r\n?|\n)/.test(text);
  let lineNo = 0;
  let pos = 0;
  while (pos <= text.length) {
    let end = pos;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    // only short lines can be kept: a heading of 10,000 characters is not a report's
    const short = end - pos <= 2_000;
    const line = short ? text.slice(pos, end) : '';
    let keep = false;
    if (inFrontMatter) {
      keep = short && lineNo < LIMITS.frontMatterLines;
      if (!keep || (lineNo > 0 && /^(---|\.\.\.)\s*$/.test(line))) inFrontMatter = false;
    } else if (fence) {
      if (closesFence(line, fence)) fence = null;
    } else if (inComment) {
      if (text.slice(pos, end).includes('-->')) inComment = false;
    } else if (short) {
      const f = FENCE.exec(line);
      if (f) fence = f[1]!;
      else if (/^ {0,3}<!--/.test(line) && !line.includes('-->', line.indexOf('<!--') + 4)) inComment = true;
      else if (ATX.test(line) || ONE_LINE_COMMENT.test(line)) {
        keep = headings < LIMITS.skeletonHeadings;
        if (keep) headings++;
        else droppedHeadings++;
      }
    }
    if (keep) kept.push({ start: pos, end });
    if (end >= text.length) break;
    pos = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
    lineNo++;
  }
  const parts: string[] = [];
  let at = 0;
  const gap = (to: number): void => {
    if (to <= at) return;
    const g = text.slice(at, Math.min(to, at + 4));
    if (to - at <= 2 && /^[\r\n]+$/.test(g)) {
      parts.push(g);
      return;
    } // adjacent kept lines
    const open = at > 0 ? 1 : 0; // the line break that ends the kept line before
    const close = to < text.length ? 1 : 0; // the one before the kept line after
    parts.push((open ? '\n' : '') + ' '.repeat(to - at - open - close) + (close ? '\n' : ''));
  };
  for (const k of kept) {
    gap(k.start);
    parts.push(text.slice(k.start, k.end));
    at = k.end;
  }
  gap(text.length);
  return { text: parts.join(''), droppedHeadings };
}

const fmt = (n: number): string => n.toLocaleString('en-US');

/** Why the checks were limited, in the user's language. */
export function limitsMessage(a: Assessment, ruleCount: number, locale: Locale, droppedHeadings = 0): string {
  const t = translator(locale);
  const why = a.exceeded.map((x) => {
    const value = fmt(x.value);
    const limit = fmt(x.limit);
    switch (x.kind) {
      case 'chars':
        return t('limits.chars', { value, limit });
      case 'lines':
        return t('limits.lines', { value, limit });
      case 'nesting':
        return t('limits.nesting', { line: x.line + 1, value, limit });
      case 'cells':
        return t('limits.cells', { value, limit });
      case 'brackets':
        return t('limits.brackets', { value, limit });
      case 'setext':
        return t('limits.setext', { value, limit });
    }
  });
  const reasons = why.join(t('common.clause-separator'));
  if (a.tier === 'none') return t('limits.none', { reasons });
  const dropped =
    droppedHeadings > 0
      ? t('limits.dropped', { read: fmt(LIMITS.skeletonHeadings), dropped: fmt(droppedHeadings) })
      : '';
  return t('limits.structural', {
    reasons,
    dropped,
    kept: STRUCTURAL_RULES.join(t('common.list-separator')),
    skipped: Math.max(0, ruleCount - STRUCTURAL_RULES.length),
  });
}
