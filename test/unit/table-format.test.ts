import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  displayWidth,
  formatTables,
  formatText,
  isNumberCell,
  layoutTable,
  splitCells,
} from '../../server/src/engine/text/table-format';
import { parseDocument } from '../../server/src/engine/parse';
import { checkText } from '../../server/src/engine/check';

const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

/** Display columns at which the unescaped pipes of a line stand. */
function pipeColumns(line: string): number[] {
  const cols: number[] = [];
  let w = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\\') {
      w += displayWidth(line.slice(i, i + 2));
      i++;
      continue;
    }
    if (ch === '|') cols.push(w);
    w += displayWidth(ch);
  }
  return cols;
}

function tableCells(text: string): string[][][] {
  return parseDocument(text, { incremental: false }).tables.map((t) =>
    [t.header, ...t.rows].map((r) => r.cells.map((c) => c.text)),
  );
}

/** Text outside the tables, line by line (tables replaced by a marker). */
function outsideTables(text: string): string {
  const doc = parseDocument(text, { incremental: false });
  let out = '';
  let pos = 0;
  for (const t of doc.tables) {
    out += text.slice(pos, t.span.start) + '<table>';
    pos = t.span.end;
  }
  return out + text.slice(pos);
}

test('display width counts CJK and full-width characters as two columns', () => {
  assert.equal(displayWidth('abc'), 3);
  assert.equal(displayWidth('规章'), 4);
  assert.equal(displayWidth('（一）'), 6);
  assert.equal(displayWidth('１２'), 4);
  assert.equal(displayWidth('3.危及“三安全一稳定”'), 2 + 4 + 1 + 12 + 1); // curly quotes are narrow in editor fonts
  assert.equal(displayWidth('e\u0301'), 1);
});

test('numbers are recognised with signs, separators, full-width digits and units', () => {
  for (const s of ['0', '3984', '-2', '1,234', '１２', '1756.58', '1756.58万元', '29件']) assert.ok(isNumberCell(s), s);
  for (const s of ['', '—', '无', '规章', '1756. 58 万元 说明']) assert.ok(!isNumberCell(s), s);
});

test('splitCells keeps escaped pipes and optional outer pipes', () => {
  assert.deepEqual(splitCells('| a | b\\|c | d |'), ['a', 'b\\|c', 'd']);
  assert.deepEqual(splitCells('a | b'), ['a', 'b']);
  assert.deepEqual(splitCells('|  | x |'), ['', 'x']);
});

test('a seed-shaped report: every table aligned by display width, right-aligned numbers, normalised delimiters', () => {
  const src = fixture('format-seed-tables.xxgk.md');
  const out = formatText(src);
  const doc = parseDocument(out, { incremental: false });
  const lines = doc.lines;
  let checked = 0;
  for (const t of doc.tables) {
    const first = lines.positionAt(t.span.start).line;
    const last = lines.positionAt(t.span.end).line;
    if (lines.lineText(first).trimStart().startsWith('>')) continue;
    const header = pipeColumns(lines.lineText(first));
    for (let l = first; l <= last; l++) {
      const cols = pipeColumns(lines.lineText(l));
      assert.deepEqual(cols.slice(0, header.length), header, `line ${l + 1}: ${lines.lineText(l)}`);
    }
    // the delimiter row is only dashes and colons, as wide as its column
    const delim = splitCells(lines.lineText(first + 1));
    for (const d of delim) assert.match(d, /^:?-+:?$/);
    checked++;
  }
  assert.ok(checked >= 7, `checked ${checked} tables`);
  // a number in a column without alignment is right-aligned: it ends at the pipe
  const line = out.split('\n').find((l) => l.includes('| 规范性文件'))!;
  assert.match(line, / 4 \|$/);
  assert.match(
    out,
    /\| 第二十条第 \(一\) 项 \| 本年新制作数量 \| 本年新公开数量 \| 对外公开总数量 \|\n\| -+ \| -+ \| -+ \| -+ \|/,
  );
  // explicit alignments kept: :-: stays centred, :- left, -: right
  assert.match(out, /\| :-+: \|/);
  assert.match(out, /\| :-+ \| -+: \|/);
});

test('formatting never changes a cell, nor anything outside the tables', () => {
  const src = fixture('format-seed-tables.xxgk.md');
  const out = formatText(src);
  assert.notEqual(out, src);
  const before = tableCells(src);
  const after = tableCells(out);
  assert.equal(after.length, before.length);
  before.forEach((t, i) =>
    t.forEach((row, r) => {
      // short rows gain empty cells (as GFM reads them); the written cells are the same
      assert.deepEqual(after[i][r].slice(0, row.length), row, `table ${i} row ${r}`);
      assert.ok(after[i][r].slice(row.length).every((c) => c === ''));
    }),
  );
  assert.equal(outsideTables(out), outsideTables(src));
  assert.ok(out.includes('```\n| 不要 | 动我 |\n|---|---|\n| 1 | 2 |\n```'), 'code fence untouched');
  assert.ok(out.includes('> | 引用中的 | 表格 |\n> |---|---|'), 'quoted table untouched');
  assert.ok(out.includes('  | 第二十条第(九)项 |'), 'indentation kept');
  assert.ok(out.includes('| 多出的单元格 |'), 'extra cells kept');
});

test('formatting is idempotent', () => {
  const src = fixture('format-seed-tables.xxgk.md');
  const once = formatText(src);
  assert.equal(formatText(once), once);
  assert.deepEqual(formatTables(once), []);
  const example = fixture('example-2022.xxgk.md');
  const ex1 = formatText(example);
  assert.equal(formatText(ex1), ex1);
});

test('CRLF documents keep CRLF', () => {
  const src = fixture('format-seed-tables.xxgk.md').replace(/\n/g, '\r\n');
  const out = formatText(src);
  assert.ok(!/[^\r]\n/.test(out));
  assert.equal(formatText(out), out);
});

test('range formatting touches only the tables in the range', () => {
  const src = fixture('format-seed-tables.xxgk.md');
  const at = src.indexOf('|行政处罚|');
  const edits = formatTables(src, { start: at, end: at + 3 });
  assert.equal(edits.length, 1);
  assert.ok(src.slice(edits[0].span.start, edits[0].span.end).startsWith('|第二十条第（六）项|'));
});

test('layoutTable pads to the widest cell and keeps delimiter widths', () => {
  const lines = layoutTable(
    ['类别', '总计'],
    [
      ['行政复议', '1'],
      ['行政诉讼（复议后起诉）', '12'],
    ],
    [null, 'right'],
  );
  assert.deepEqual(lines, [
    '| 类别                   | 总计 |',
    '| ---------------------- | ---: |',
    '| 行政复议               |    1 |',
    '| 行政诉讼（复议后起诉） |   12 |',
  ]);
});

test('property: random CJK / ASCII tables format idempotently and keep every cell', () => {
  const char = fc.constantFrom(
    'a',
    'Z',
    '1',
    '9',
    ' ',
    '规',
    '章',
    '（',
    '）',
    '、',
    '１',
    '“',
    '”',
    '-',
    '.',
    'é',
    '\\|',
    '`',
  );
  const cell = fc.array(char, { maxLength: 8 }).map((cs) => cs.join('').trim());
  fc.assert(
    fc.property(
      fc
        .integer({ min: 1, max: 5 })
        .chain((n) =>
          fc.tuple(
            fc.array(cell, { minLength: n, maxLength: n }),
            fc.array(fc.constantFrom('---', ':--', '--:', ':-:'), { minLength: n, maxLength: n }),
            fc.array(fc.array(cell, { minLength: 1, maxLength: n }), { maxLength: 4 }),
          ),
        ),
      ([header, delims, rows]) => {
        if (header.join('') === '') header[0] = 'x';
        const src = [
          '# t',
          '',
          `|${header.join('|')}|`,
          `|${delims.join('|')}|`,
          ...rows.map((r) => `|${r.join('|')}|`),
          '',
          'end',
          '',
        ].join('\n');
        const before = tableCells(src);
        const out = formatText(src);
        assert.equal(formatText(out), out);
        const after = tableCells(out);
        assert.equal(after.length, before.length);
        before.forEach((t, i) => t.forEach((row, r) => assert.deepEqual(after[i][r].slice(0, row.length), row)));
      },
    ),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 200) },
  );
});

test('formatting changes nothing the checker says', () => {
  for (const name of [
    'example-2022.xxgk.md',
    'seed001-2020.xxgk.md',
    'fixall-mixed-2022.xxgk.md',
    'format-seed-tables.xxgk.md',
  ]) {
    const src = fixture(name);
    const says = (t: string): string[] => checkText(t).diagnostics.map((d) => `${d.rule}: ${d.message}`);
    assert.deepEqual(says(formatText(src)), says(src), name);
  }
});
