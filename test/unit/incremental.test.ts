/**
 * The incremental checker must give exactly what a full check gives: random edit sequences (a
 * fixed seed) on several reports, each version checked incrementally and compared, deeply, with
 * `checkText(text, { incremental: false })` — report model and diagnostics alike.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText } from '../../server/src/engine/check';
import { IncrementalChecker, type TextChange } from '../../server/src/engine/incremental';
import { DocumentParser, cutPoints, parseCacheSize, parseDocument } from '../../server/src/engine/parse';
import { EXAMPLE, fixture, NOW } from '../helpers/fixtures';
import { realisticReport, rng } from '../../bench/gen';

const STEPS = Number(process.env.INCREMENTAL_STEPS ?? 80);

/** Structural snippets that move block boundaries, inserted at line starts. */
const SNIPPETS = [
  '## 七、其他事项\n',
  '# 另一个标题\n',
  '### （六）小节\n',
  '```\n',
  '~~~~\n',
  '    缩进代码\n',
  '<!--\n',
  '-->\n',
  '<!-- xxgk-disable-next-line cell-empty -->\n',
  '<!-- xxgk-disable sum-row -->\n',
  '<div>\n',
  '</div>\n',
  '<pre>\n',
  '</pre>\n',
  '[ref]: http://example.com\n',
  '[^1]: 脚注\n',
  '---\n',
  '> 引用 ## 不是标题\n',
  '- 列表项\n',
  '1. 编号\n',
  '\n',
  '\n\n',
  '| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n',
  '收到政府信息公开申请3件，其中予以公开2件。\n',
  '本年度收取信息处理费0万元。\n',
  '统计期限自2021年1月1日起至2021年12月31日止。\n',
  '依据国办公开办函〔2019〕60号。\n',
];
const CELL_VALUES = [
  '0',
  '1',
  '7',
  '12',
  '3984',
  '',
  '—',
  '无',
  '1,756',
  '１２',
  '-3',
  '2.5',
  'abc',
  ' 5 ',
  '**4**',
  '6件',
];
const PROSE = [
  '收到申请',
  '5',
  '件',
  '，',
  '。',
  '行政复议',
  '2',
  '予以公开',
  '\\',
  '*',
  '`',
  '|',
  '[',
  ']',
  '<',
  '&amp;',
  ' ',
  '　',
  '１',
];

interface Editor {
  text: string;
  apply(c: TextChange): void;
}

function editor(text: string): Editor {
  return {
    text,
    apply(c) {
      this.text = this.text.slice(0, c.start) + c.text + this.text.slice(c.end);
    },
  };
}

/** Offsets [start, end) of every cell of every table, from a full parse. */
function cellsOf(text: string): { start: number; end: number; label: boolean }[] {
  const doc = parseDocument(text, { incremental: false });
  const out: { start: number; end: number; label: boolean }[] = [];
  for (const t of doc.tables) {
    for (const r of [t.header, ...t.rows])
      r.cells.forEach((c, j) => out.push({ start: c.span.start, end: c.span.end, label: j === 0 }));
  }
  return out;
}

function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') out.push(i + 1);
  return out;
}

/** One random edit: mostly table cells (the common case), also prose, structure, deletions. */
function randomEdit(text: string, r: () => number, cellsOnly: boolean): TextChange {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const cells = cellsOf(text);
  const kind = cellsOnly ? 0 : r();
  if (cells.length && kind < 0.55) {
    const c = pick(cells);
    if (c.label && r() < 0.5) {
      // a typo in a label: one character replaced or dropped
      const at = c.start + Math.floor(r() * Math.max(1, c.end - c.start));
      return { start: at, end: Math.min(c.end, at + 1), text: r() < 0.5 ? '' : pick(['公', '开', '（', '1', ' ']) };
    }
    return { start: c.start, end: c.end, text: pick(CELL_VALUES) };
  }
  if (kind < 0.62) {
    // a pipe added or removed, or a backslash before a pipe
    const pipes: number[] = [];
    for (let i = 0; i < text.length; i++) if (text[i] === '|') pipes.push(i);
    if (pipes.length) {
      const p = pick(pipes);
      const x = r();
      if (x < 0.4) return { start: p, end: p + 1, text: '' };
      if (x < 0.7) return { start: p, end: p, text: '\\' };
      return { start: p + 1, end: p + 1, text: ' | 9 ' };
    }
  }
  if (kind < 0.8) {
    const at = Math.floor(r() * (text.length + 1));
    return { start: at, end: at, text: pick(PROSE) };
  }
  if (kind < 0.92) {
    const at = pick(lineStarts(text));
    return { start: at, end: at, text: pick(SNIPPETS) };
  }
  const a = Math.floor(r() * text.length);
  const b = Math.min(text.length, a + 1 + Math.floor(r() * 40));
  return { start: a, end: b, text: '' };
}

function same(text: string, inc: IncrementalChecker, change: TextChange | undefined, what: string): void {
  const got = inc.check(text, { now: NOW }, change);
  const want = checkText(text, { now: NOW, incremental: false });
  assert.deepStrictEqual(got.diagnostics, want.diagnostics, `${what}: diagnostics differ from a full check`);
  assert.deepStrictEqual(got.report, want.report, `${what}: report model differs from a full check`);
}

function run(
  name: string,
  start: string,
  seed: number,
  steps: number,
  cellsOnly = false,
): { row: number; reused: number } {
  const r = rng(seed);
  const inc = new IncrementalChecker();
  const ed = editor(start);
  same(ed.text, inc, undefined, `${name}: first check`);
  const history: string[] = [ed.text];
  let row = 0,
    reused = 0;
  for (let i = 0; i < steps; i++) {
    let change: TextChange | undefined;
    if (!cellsOnly && r() < 0.05 && history.length > 1) {
      // undo to an earlier version (the checker is told nothing)
      ed.text = history[Math.floor(r() * history.length)]!;
    } else {
      change = randomEdit(ed.text, r, cellsOnly);
      ed.apply(change);
      if (r() < 0.3) change = undefined; // sometimes the editor sends the whole text
    }
    history.push(ed.text);
    same(ed.text, inc, change, `${name}: step ${i + 1}`);
    if (inc.stats.parse === 'row') row++;
    reused += inc.stats.rulesReused;
  }
  return { row, reused };
}

test('random edits of the example: incremental equals a full check', () => {
  run('example', EXAMPLE(), 1, STEPS);
});

test('random edits of the 2019-format seed report: incremental equals a full check', () => {
  run('seed001', fixture('seed001-2020.xxgk.md'), 2, Math.ceil(STEPS / 2));
});

test('random edits of a long report with prose around the tables: incremental equals a full check', () => {
  run('realistic', realisticReport(EXAMPLE(), 12_000, 3), 3, Math.ceil(STEPS / 2));
});

test('cell edits take the table-row path and reuse the rules that read no table', () => {
  const { row, reused } = run('cells', realisticReport(EXAMPLE(), 12_000, 4), 4, Math.ceil(STEPS / 2), true);
  assert.ok(row > STEPS / 8, `row path taken ${row} times`);
  assert.ok(reused > 0, 'rules reused');
});

test('typing into the cells of a report keeps the parse cache the size it was (memory stays flat)', () => {
  const text = realisticReport(EXAMPLE(), 12_000, 6);
  const checker = new IncrementalChecker();
  checker.check(text, { now: NOW });
  const before = parseCacheSize();
  const at = text.indexOf('| 0 |') + 2;
  assert.ok(at > 2, 'the report has a zero cell');
  for (let i = 1; i <= 300; i++) {
    checker.check(text.slice(0, at) + String(i) + text.slice(at + 1), { now: NOW });
    assert.equal(checker.stats.parse, 'row');
  }
  assert.deepEqual(parseCacheSize(), before);
  // the edited report parses as before, and the piece it reuses gives the same result
  const edited = text.slice(0, at) + '7' + text.slice(at + 1);
  assert.deepEqual(
    checker.check(edited + '\n附记。\n', { now: NOW }).diagnostics,
    checkText(edited + '\n附记。\n', { now: NOW }).diagnostics,
  );
});

test('random edits of a report with CRLF line breaks: incremental equals a full check', () => {
  run('crlf', EXAMPLE().replace(/\n/g, '\r\n'), 5, Math.ceil(STEPS / 2));
});

test('tables read by the line scan are the tables remark reads', () => {
  const docs = [
    '| a | b |\n| --- | :-: |\n| 1 | 2 |\n',
    '| a | b |  \n|:--|--:|\t\n| 1 | 2  \n| 3 |\n|\n\n正文\n',
    '| a | b |\r\n| --- | --- |\r\n| 1 | 2 |\r\n\r\n正文\r\n',
    '正文\n| a | b |\n| --- | --- |\n| 1 | 2 |\n',
    '| a | b |\n| --- | --- |\n| 1 | 2 |\n正文紧跟表格\n',
    '| a | b |\n| --- |\n| 1 | 2 |\n',
    '| a \\| b |\n| --- |\n| 1 |\n',
    '| a | `b|c` |\n| --- | --- | --- |\n| 1 | 2 | 3 |\n',
    '```\n| a | b |\n| --- | --- |\n```\n',
    '<div>\n| a | b |\n| --- | --- |\n\n</div>\n',
    '- 列表\n| a | b |\n| --- | --- |\n',
    '> 引用\n| a | b |\n| --- | --- |\n',
    '    代码\n| a | b |\n| --- | --- |\n| 1 | 2 |\n',
    '| a | b |\n| --- | --- |\n| 1 | 2 |\n| c | d |\n| --- | --- |\n\n| e |\n| - |\n',
    '| a |\n| - |\n---\n',
    '| a |\n|-|\n|1|',
    '# 标题\n| 表 | 列 |\n| --- | --: |\n| 行 | 1 |\n## 二\n| 表 | 列 |\n| --- | --: |\n',
  ];
  for (const d of docs)
    assert.deepStrictEqual(parseDocument(d), parseDocument(d, { incremental: false }), JSON.stringify(d));
});

test('a long report parsed in pieces (no previous version) equals one parse of it', () => {
  const long = realisticReport(EXAMPLE(), 60_000, 9);
  assert.deepStrictEqual(parseDocument(long), parseDocument(long, { incremental: false }));
  const tricky = `${long}\n\n\`\`\`\n## 代码里\n\`\`\`\n\n<!--\n## 注释里\n-->\n## 七、附表\n\n| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n`;
  assert.deepStrictEqual(parseDocument(tricky), parseDocument(tricky, { incremental: false }));
});

test('a document with blocks that cross headings is parsed as one whole would be', () => {
  const docs = [
    '# 标题\n\n```\n## 代码里的标题\n```\n## 二、主动公开政府信息情况\n正文\n',
    '# 标题\n\n```\n## 代码没有结束\n',
    '- 列表\n\n  ```\n  代码\n```\n## 不是标题\n```\n## 是标题\n',
    '# 标题\n<div>\n## 在 HTML 块里\n\n## 在外面\n',
    '# 标题\n<pre>\n\n## 在 pre 里\n</pre>\n## 在外面\n',
    '# 标题\n<!--\n## 在注释里\n-->\n## 在外面\n',
    '---\n机关: 甲\n...\n## 仍在前置元数据里？\n---\n# 标题\n',
    '# 标题\n\n[甲]\n\n## 二\n\n[甲]: http://example.com\n',
    '# 标题\n\n脚注[^1]\n\n## 二\n\n[^1]: 说明\n',
    '| 表 | 列 |\n| --- | --- |\n| 行 | 1 |\n## 二\n| 表 | 列 |\n',
  ];
  for (const d of docs) {
    assert.deepStrictEqual(parseDocument(d), parseDocument(d, { incremental: false }), d);
    const p = new DocumentParser();
    assert.deepStrictEqual(p.parse(d), parseDocument(d, { incremental: false }), d);
  }
  // the cut finder itself does not cut inside a fence or a comment
  assert.deepStrictEqual(cutPoints('# a\n```\n## b\n```\n## c\n'), [0, 17]);
  assert.deepStrictEqual(cutPoints('# a\n<!--\n## b\n-->\n## c\n'), [0, 18]);
});

test('a report with a link definition is parsed whole, and a cell edit still patches it', () => {
  const text = `${EXAMPLE()}\n见[条例][tl]。\n\n[tl]: http://www.gov.cn/zhengce/content/2019-04/15/content_5382991.htm\n`;
  const { row } = run('definitions', text, 6, 20, true);
  assert.ok(row > 0, 'row path taken on the whole-text piece');
});

test('the editor’s change and a compared text give the same result', () => {
  const text = EXAMPLE();
  const at = text.indexOf('| 行政许可 | 3984 |') + '| 行政许可 | '.length;
  const change = { start: at, end: at + 4, text: '3985' };
  const next = text.slice(0, at) + '3985' + text.slice(at + 4);
  const a = new IncrementalChecker();
  a.check(text, { now: NOW });
  const withChange = a.check(next, { now: NOW }, change);
  assert.equal(a.stats.parse, 'row');
  const b = new IncrementalChecker();
  b.check(text, { now: NOW });
  const compared = b.check(next, { now: NOW });
  assert.equal(b.stats.parse, 'row');
  assert.deepStrictEqual(withChange.diagnostics, compared.diagnostics);
  // a change that does not fit the texts is not trusted
  const c = new IncrementalChecker();
  c.check(text, { now: NOW });
  const wrong = c.check(next, { now: NOW }, { start: 0, end: 3, text: 'xyz' });
  assert.deepStrictEqual(wrong.diagnostics, checkText(next, { now: NOW, incremental: false }).diagnostics);
});
