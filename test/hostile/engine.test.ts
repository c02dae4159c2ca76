/**
 * Hostile inputs to the engine: each is answered (a hang fails the test by its timeout), without
 * a failed rule, with ranges inside the text, and — beyond the limits of engine/parse/limits.ts — with
 * one `limits` diagnostic that says what was skipped and why. Memory comes back after each.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { checkText, type Diagnostic } from '../../server/src/engine/check';
import { fixAll } from '../../server/src/engine/fixes';
import { IncrementalChecker } from '../../server/src/engine/incremental';
import { LIMITS, STRUCTURAL_RULES } from '../../server/src/engine/parse/limits';
import { NOW } from '../helpers/fixtures';
import { assertNoFailure, assertRangesInside } from '../property/checks';
import {
  MB,
  bigReport,
  longProseReport,
  nestedList,
  nestedListIndented,
  nestedQuoteLines,
  nestedQuotes,
  randomCodeUnits,
  singleLine,
  wideTable,
} from './inputs';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMB = (): number => {
  gc();
  return process.memoryUsage().heapUsed / MB;
};

const TIMEOUT = { timeout: 60_000 };

function limitsOf(ds: Diagnostic[]): Diagnostic[] {
  return ds.filter((d) => d.rule === 'limits');
}

/** Checked (plainly and incrementally, alike), no rule failed, ranges inside; the diagnostics. */
function checked(text: string, locale: 'zh' | 'en' = 'zh'): Diagnostic[] {
  const { diagnostics } = checkText(text, { now: NOW, locale });
  assertNoFailure(text, diagnostics);
  assertRangesInside(text, diagnostics);
  assert.deepStrictEqual(
    new IncrementalChecker().check(text, { now: NOW, locale }).diagnostics,
    diagnostics,
    'the incremental checker agrees',
  );
  return diagnostics;
}

/** Only the structural rules ran, and one `limits` error (skipped checks are not a pass) names `why`. */
function assertStructural(ds: Diagnostic[], why: RegExp): void {
  const lim = limitsOf(ds);
  assert.equal(lim.length, 1, 'one limits diagnostic');
  assert.equal(lim[0].severity, 'error');
  assert.match(lim[0].message, why);
  assert.match(lim[0].message, /已跳过/);
  const others = ds.filter((d) => d.rule !== 'limits').map((d) => d.rule);
  assert.deepEqual(
    others.filter((r) => !STRUCTURAL_RULES.includes(r)),
    [],
    'only structural rules ran',
  );
}

test('a 5 MB report: structural checks only, one diagnostic saying so', TIMEOUT, () => {
  const text = bigReport(5 * MB);
  assert.ok(Buffer.byteLength(text) >= 5 * MB);
  const ds = checked(text);
  assertStructural(ds, /个字符，超过 200,000 个字符的上限/);
  // the structure was read: the sections repeat, past the 1,000 headings the skeleton keeps
  assert.ok(
    ds.some((d) => d.rule === 'section-order'),
    'repeated sections reported',
  );
  assert.match(limitsOf(ds)[0].message, /只读取了前 1,000 个标题/);
  // English too
  assert.match(
    limitsOf(checked(text, 'en'))[0].message,
    /Only the structure was checked: the document has [\d,]+ characters/,
  );
  // fix-all has nothing unsafe to do there and returns
  assert.equal(typeof fixAll(text, { now: NOW }), 'string');
});

test('a report of long prose just under the limit is checked in full; just over, structurally', TIMEOUT, () => {
  const under = longProseReport(LIMITS.fullCheckChars * 0.9 * 3 /* CJK: three bytes a character */ * 0.95);
  assert.ok(under.length <= LIMITS.fullCheckChars, `${under.length} characters`);
  assert.deepEqual(limitsOf(checked(under)), []);
  const over = longProseReport(LIMITS.fullCheckChars * 3.3);
  assert.ok(over.length > LIMITS.fullCheckChars);
  assertStructural(checked(over), /超过 200,000 个字符的上限/);
});

test('a 50 MB report: not parsed, one error saying so; memory comes back', TIMEOUT, () => {
  const before = heapMB();
  let text: string | undefined = bigReport(50 * MB);
  const { diagnostics } = checkText(text, { now: NOW });
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].rule, 'limits');
  assert.equal(diagnostics[0].severity, 'error');
  assert.match(diagnostics[0].message, /^未检查本文件：文档有 [\d,]+ 个字符，超过 10,000,000 个字符的上限/);
  assert.deepStrictEqual(new IncrementalChecker().check(text, { now: NOW }).diagnostics, diagnostics);
  text = undefined;
  assert.ok(heapMB() - before < 64, 'the heap returns to where it was');
});

test('a 10,000-column table: structural checks only (too many pipes)', TIMEOUT, () => {
  assertStructural(checked(wideTable(10_000)), /表格竖线“\|”共 [\d,]+ 个，超过 10,000 个的上限/);
});

test('a 1,000-column table is checked in full: unknown columns, not a hang', TIMEOUT, () => {
  const ds = checked(wideTable(1_000));
  assert.deepEqual(limitsOf(ds), []);
  assert.ok(ds.some((d) => d.rule === 'column-unknown'));
});

test('10,000 nested block quotes, on one line and line by line', TIMEOUT, () => {
  assertStructural(checked(nestedQuotes(10_000)), /第 1 行嵌套了约 10,000 层引用或列表，超过 32 层的上限/);
  assertStructural(checked(nestedQuoteLines(10_000)), /嵌套了约 [\d,]+ 层引用或列表/);
});

test('10,000 nested list levels, by markers and by indentation', TIMEOUT, () => {
  assertStructural(checked(nestedList(10_000)), /第 1 行嵌套了约 [\d,]+ 层引用或列表/);
  assertStructural(checked(nestedListIndented(1_000)), /嵌套了约 [\d,]+ 层引用或列表/);
  // within the limit, nesting is checked in full
  assert.deepEqual(limitsOf(checked(nestedListIndented(LIMITS.nestingDepth))), []);
});

test('a 1 MB single line, CJK and ASCII', TIMEOUT, () => {
  assertStructural(checked(singleLine(MB, true)), /超过 200,000 个字符的上限/);
  assertStructural(checked(singleLine(MB, false)), /超过 200,000 个字符的上限/);
  // a long line within the limit is checked in full
  assert.deepEqual(limitsOf(checked(singleLine(150_000, false))), []);
});

test('text from any code units (binary read as text): checked without failure', TIMEOUT, () => {
  for (const seed of [1, 2, 3]) checked(randomCodeUnits(100_000, seed));
  checked('\u0000'.repeat(10_000));
  checked('\ufffd'.repeat(50_000));
  checked('\ud800\udc00\ud800'.repeat(10_000));
});

test('what makes the parser slow is caught before parsing: setext underlines, brackets, lines', TIMEOUT, () => {
  assertStructural(checked('标题\n===\n'.repeat(LIMITS.setextUnderlines + 1)), /“===”或“---”紧接在文字下方/);
  assertStructural(checked(`${'['.repeat(6_000)}x${']'.repeat(6_000)}`), /方括号“\[”共 6,000 个/);
  assertStructural(checked('- x\n'.repeat(LIMITS.fullCheckLines + 1)), /行，超过 10,000 行的上限/);
});

test('checking the same huge text again and again does not grow the heap', TIMEOUT, () => {
  const text = bigReport(2 * MB);
  checkText(text, { now: NOW });
  const before = heapMB();
  const inc = new IncrementalChecker();
  for (let i = 0; i < 3; i++) {
    checkText(text + `\n${i}`, { now: NOW });
    inc.check(text + `\n${i}`, { now: NOW });
  }
  assert.ok(heapMB() - before < 100, 'no growth across checks');
});

test('the structural skeleton reads headings as the parser does, at their own offsets', TIMEOUT, () => {
  const pad = `${'正文。'.repeat(80)}\n\n`.repeat(1_000);
  const text = [
    '---',
    '机关: 某局',
    '年度: 2022',
    '---',
    '',
    '# 某局2022年政府信息公开工作年度报告',
    '',
    '## 一、总体情况',
    '',
    pad,
    '```',
    '## 三、收到和处理政府信息公开申请情况',
    '```',
    '',
    '<!--',
    '## 四、政府信息公开行政复议、行政诉讼情况',
    '-->',
    '',
    '## 二、主动公开政府信息情况',
    '',
    pad,
    '## 五、存在的问题',
    '',
    '## 六、其他需要报告的事项',
    '',
  ].join('\r\n');
  assert.ok(text.length > LIMITS.fullCheckChars);
  const ds = checked(text);
  assertStructural(ds, /超过 200,000 个字符的上限/);
  const missing = ds.filter((d) => d.rule === 'section-missing').map((d) => d.fingerprint);
  assert.deepEqual(missing, ['section-missing/section/三', 'section-missing/section/四']);
  const heading = ds.find((d) => d.rule === 'section-heading');
  assert.ok(heading, 'the variant heading of 五 is read');
  assert.match(text.slice(heading.span.start, heading.span.end), /存在的问题/);
  assert.deepEqual(
    ds.filter((d) => d.rule === 'section-order'),
    [],
    'the sections read are in order',
  );
  const { report } = checkText(text, { now: NOW });
  assert.deepEqual(
    report.sections.map((s) => s.def.numeral),
    ['一', '二', '五', '六'],
  );
  assert.equal(report.meta.agency, '某局');
});
