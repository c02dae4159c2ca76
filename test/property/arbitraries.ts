/**
 * fast-check arbitraries for the property tests: reports generated from the official forms, and
 * mutations of real-shaped reports (test/fixtures/example-2022 and seed001-2020) of the kinds
 * writers produce by pasting from Word, PDFs and web pages.
 *
 * Mutations are data (an operation and numbers), applied to whatever text the previous ones
 * left, so that fast-check can shrink a failure to the fewest, simplest edits.
 */
import fc from 'fast-check';
import { FORMS, type FormDef } from '../../server/src/engine/forms';
import { fixture } from '../helpers/fixtures';

/** Runs per property: small in `npm test`, `FUZZ_RUNS` (5000 under `npm run fuzz`) otherwise. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
/** A fixed seed, so that `npm test` is deterministic; `FUZZ_SEED` explores others. */
export const SEED = Number(process.env.FUZZ_SEED ?? 20221231);
export const params = (runs = RUNS): { seed: number; numRuns: number } => ({ seed: SEED, numRuns: runs });

export const BASES = ['example-2022.xxgk.md', 'seed001-2020.xxgk.md'] as const;
const baseTexts = new Map<string, string>();
export function base(name: string): string {
  let t = baseTexts.get(name);
  if (t === undefined) baseTexts.set(name, (t = fixture(name)));
  return t;
}

// ---------------------------------------------------------------------------------------------
// Text helpers

interface LineAt {
  start: number;
  end: number;
  next: number;
}

/** Every line: content [start, end) and the offset after its line break. */
export function linesOf(text: string): LineAt[] {
  const out: LineAt[] = [];
  let pos = 0;
  for (;;) {
    let e = pos;
    while (e < text.length && text[e] !== '\n' && text[e] !== '\r') e++;
    const next = e >= text.length ? e : text[e] === '\r' && text[e + 1] === '\n' ? e + 2 : e + 1;
    out.push({ start: pos, end: e, next });
    if (e >= text.length) return out;
    pos = next;
  }
}

const pick = <T>(xs: readonly T[], i: number): T | undefined => (xs.length ? xs[i % xs.length] : undefined);

const rowLines = (text: string): LineAt[] => linesOf(text).filter((l) => /^\s*\|/.test(text.slice(l.start, l.end)));
const headingLines = (text: string): LineAt[] =>
  linesOf(text).filter((l) => /^ {0,3}#{1,6}(\s|$)/.test(text.slice(l.start, l.end)));

/** The cells of a table line: [start, end) between pipes. */
function cellsOf(text: string, l: LineAt): { start: number; end: number }[] {
  const pipes: number[] = [];
  for (let i = l.start; i < l.end; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] === '|') pipes.push(i);
  }
  const out: { start: number; end: number }[] = [];
  for (let k = 0; k + 1 < pipes.length; k++) out.push({ start: pipes[k]! + 1, end: pipes[k + 1]! });
  return out;
}

function allCells(text: string, numbersOnly: boolean): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const l of rowLines(text)) {
    const cells = cellsOf(text, l);
    if (/^\s*\|[\s:|-]*$/.test(text.slice(l.start, l.end))) continue; // delimiter row
    out.push(...(numbersOnly ? cells.slice(1) : cells));
  }
  return out;
}

const splice = (text: string, start: number, end: number, s: string): string =>
  text.slice(0, start) + s + text.slice(end);
const fullWidth = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));

// ---------------------------------------------------------------------------------------------
// Mutations

export type Mutation =
  | { op: 'dropRow' | 'dupRow' | 'emptyCell' | 'fullWidthRow' | 'tabsInRow'; i: number }
  | { op: 'swapRows'; i: number; j: number }
  | { op: 'fillCell'; i: number; value: string }
  | { op: 'pipeInCell'; i: number; k: number }
  | { op: 'renameHeading'; i: number; name: string }
  | { op: 'insert'; at: number; s: string }
  | { op: 'dropLines' | 'dupLines' | 'swapLines'; i: number; n: number }
  | { op: 'snippet'; i: number; s: string }
  | { op: 'fullWidthAll' | 'crlf' | 'cr' | 'bom' | 'tabsAll' | 'zeroWidthCells' };

export function mutate(text: string, m: Mutation): string {
  switch (m.op) {
    case 'dropRow': {
      const l = pick(rowLines(text), m.i);
      return l ? splice(text, l.start, l.next, '') : text;
    }
    case 'dupRow': {
      const l = pick(rowLines(text), m.i);
      return l ? splice(text, l.next, l.next, text.slice(l.start, l.next) + (l.next === l.end ? '\n' : '')) : text;
    }
    case 'swapRows': {
      const rows = rowLines(text);
      const a = pick(rows, m.i),
        b = pick(rows, m.j);
      if (!a || !b || a === b) return text;
      const [x, y] = a.start < b.start ? [a, b] : [b, a];
      return (
        text.slice(0, x.start) +
        text.slice(y.start, y.end) +
        text.slice(x.end, y.start) +
        text.slice(x.start, x.end) +
        text.slice(y.end)
      );
    }
    case 'emptyCell': {
      const c = pick(allCells(text, true), m.i);
      return c ? splice(text, c.start, c.end, ' ') : text;
    }
    case 'fillCell': {
      const c = pick(allCells(text, m.i % 5 !== 0), m.i);
      return c ? splice(text, c.start, c.end, ` ${m.value} `) : text;
    }
    case 'pipeInCell': {
      const c = pick(allCells(text, false), m.i);
      if (!c) return text;
      const at = c.start + (m.k % (c.end - c.start + 1));
      return splice(text, at, at, '|');
    }
    case 'fullWidthRow': {
      const l = pick(rowLines(text), m.i);
      return l ? splice(text, l.start, l.end, fullWidth(text.slice(l.start, l.end))) : text;
    }
    case 'tabsInRow': {
      const l = pick(rowLines(text), m.i);
      return l ? splice(text, l.start, l.end, text.slice(l.start, l.end).replace(/ /g, '\t')) : text;
    }
    case 'renameHeading': {
      const l = pick(headingLines(text), m.i);
      if (!l) return text;
      const line = text.slice(l.start, l.end);
      const hashes = /^ {0,3}#{1,6}/.exec(line)![0];
      return splice(text, l.start, l.end, `${hashes} ${m.name}`);
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return splice(text, at, at, m.s);
    }
    case 'dropLines':
    case 'dupLines':
    case 'swapLines': {
      const ls = linesOf(text);
      const a = ls[m.i % ls.length]!;
      const b = ls[Math.min(ls.length - 1, (m.i % ls.length) + (m.n % 12))]!;
      const chunk = text.slice(a.start, b.next);
      if (m.op === 'dropLines') return splice(text, a.start, b.next, '');
      if (m.op === 'dupLines') return splice(text, b.next, b.next, chunk + (b.next === b.end ? '\n' : ''));
      const c = ls[(m.n * 7) % ls.length]!;
      if (c.start >= a.start && c.start < b.next) return text;
      const without = splice(text, a.start, b.next, '');
      const at = c.start > a.start ? c.start - chunk.length : c.start;
      return splice(without, at, at, chunk);
    }
    case 'snippet': {
      const l = pick(linesOf(text), m.i)!;
      return splice(text, l.start, l.start, m.s);
    }
    case 'fullWidthAll':
      return fullWidth(text);
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'cr':
      return text.replace(/\r?\n/g, '\r');
    case 'bom':
      return '\ufeff' + text;
    case 'tabsAll':
      return text.replace(/ \| /g, '\t|\t');
    case 'zeroWidthCells':
      return text.replace(/\| (\d)/g, '| \u200b$1');
  }
}

const CELL_VALUES = [
  '0',
  '1',
  '7',
  '12',
  '3984',
  '',
  '—',
  '-',
  '/',
  '无',
  'N/A',
  '1,756',
  '１２',
  '-3',
  '2.5',
  '1756.58万元',
  'abc',
  '**4**',
  '6件',
  '\u200b5',
  '5\u200b',
  '\t3\t',
  '1e3',
  '0x10',
  '٣',
  'Infinity',
  'NaN',
  '99999999999999999999',
  '0.0000001',
  '\\|',
  '<b>1</b>',
];
const HEADING_NAMES = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
  '五、存在的问题',
  '六、其他事项',
  '七、附则',
  '（一）主动公开',
  '(二)依申请公开',
  '一.总体情况',
  '一 、 总体情况',
  '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况',
  'Summary',
  '',
  '#',
  '一、',
  '某区2022年政府信息公开工作年度报告',
];
const SNIPPETS = [
  '## 七、其他事项\n',
  '# 另一个标题\n',
  '### （六）小节\n',
  '```\n',
  '~~~\n',
  '    缩进代码\n',
  '<!--\n',
  '-->\n',
  '<div>\n',
  '</div>\n',
  '<!-- xxgk-disable-next-line cell-empty -->\n',
  '<!-- xxgk-disable -->\n',
  '<!-- xxgk-enable -->\n',
  '[ref]: http://example.com\n',
  '[^1]: 脚注\n',
  '---\n',
  '***\n',
  '> 引用\n',
  '- 列表项\n',
  '1. 编号\n',
  '\n',
  '| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n',
  '| 甲 | 乙 |\n',
  '|---|\n',
  '=====\n',
  '收到政府信息公开申请3件，其中予以公开2件。\n',
  '本年度收取信息处理费0万元。\n',
  '统计期限自2021年1月1日起至2021年12月31日止。\n',
  '依据国办公开办函〔2019〕60号。\n',
  '---\n机关: x\n---\n',
  '<script>alert(1)</script>\n',
  '$$\n',
  '\\\n',
];
const INSERTS = [
  '\u200b',
  '\u200c',
  '\u200d',
  '\ufeff',
  '\u00a0',
  '\u3000',
  '\t',
  '\r',
  '\r\n',
  '\n',
  '\u2028',
  '\u0085',
  '\u0000',
  '\ud800',
  '\udc00',
  '|',
  '\\',
  '`',
  '*',
  '#',
  '\n## ',
  '１２',
  '—',
  '（',
  '）',
  '“',
  '𠀀',
  '👨‍👩‍👧',
  'é',
  'é',
];

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    arbitrary: fc.record({
      op: fc.constantFrom('dropRow', 'dupRow', 'emptyCell', 'fullWidthRow', 'tabsInRow'),
      i: fc.nat(),
    }) as fc.Arbitrary<Mutation>,
    weight: 6,
  },
  {
    arbitrary: fc.record({ op: fc.constant('swapRows'), i: fc.nat(), j: fc.nat() }) as fc.Arbitrary<Mutation>,
    weight: 2,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('fillCell'),
      i: fc.nat(),
      value: fc.oneof(fc.constantFrom(...CELL_VALUES), fc.string({ maxLength: 6 })),
    }) as fc.Arbitrary<Mutation>,
    weight: 5,
  },
  {
    arbitrary: fc.record({ op: fc.constant('pipeInCell'), i: fc.nat(), k: fc.nat() }) as fc.Arbitrary<Mutation>,
    weight: 2,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('renameHeading'),
      i: fc.nat(),
      name: fc.oneof(fc.constantFrom(...HEADING_NAMES), fc.string({ maxLength: 8 })),
    }) as fc.Arbitrary<Mutation>,
    weight: 3,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('insert'),
      at: fc.nat(),
      s: fc.oneof(fc.constantFrom(...INSERTS), fc.string({ unit: 'binary', maxLength: 4 })),
    }) as fc.Arbitrary<Mutation>,
    weight: 4,
  },
  {
    arbitrary: fc.record({
      op: fc.constantFrom('dropLines', 'dupLines', 'swapLines'),
      i: fc.nat(),
      n: fc.nat(),
    }) as fc.Arbitrary<Mutation>,
    weight: 3,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('snippet'),
      i: fc.nat(),
      s: fc.constantFrom(...SNIPPETS),
    }) as fc.Arbitrary<Mutation>,
    weight: 3,
  },
  {
    arbitrary: fc.record({
      op: fc.constantFrom('fullWidthAll', 'crlf', 'cr', 'bom', 'tabsAll', 'zeroWidthCells'),
    }) as fc.Arbitrary<Mutation>,
    weight: 2,
  },
);

/** A real-shaped report with one to five mutations. */
export const mutatedReport: fc.Arbitrary<{ base: string; mutations: Mutation[]; text: string }> = fc
  .record({ base: fc.constantFrom(...BASES), mutations: fc.array(mutation, { minLength: 1, maxLength: 5 }) })
  .map(({ base: b, mutations }) => ({ base: b, mutations, text: mutations.reduce(mutate, base(b)) }));

// ---------------------------------------------------------------------------------------------
// Reports generated from the official forms

const cellValue = fc.oneof(
  { arbitrary: fc.nat({ max: 50 }).map(String), weight: 10 },
  { arbitrary: fc.constantFrom(...CELL_VALUES), weight: 2 },
);

function formTables(form: FormDef, numeral: string): FormDef['tables'] {
  return form.tables.filter((t) => t.section === numeral);
}

const FM_YEARS: unknown[] = [2019, 2020, 2021, 2022, 2023, 1999, 2100, '２０２２', '2022年', 'x', ''];

export const generatedReport: fc.Arbitrary<string> = fc
  .record({
    form: fc.constantFrom(...FORMS),
    fm: fc.option(
      fc.record({
        agency: fc.constantFrom('某区人民政府', '某市财政局', '', '"x"'),
        year: fc.constantFrom(...FM_YEARS),
        format: fc.option(fc.constantFrom('2019', '2021', '2030', 'x')),
        kind: fc.option(fc.constantFrom('部门', '政府', 'department', 'x')),
        published: fc.option(fc.constantFrom('2023-01-20', '2023-03-31', '2023-02-30', 'soon')),
      }),
      { freq: 5 },
    ),
    title: fc.option(
      fc.constantFrom(
        '# 某区2022年政府信息公开工作年度报告',
        '# 年度报告',
        '# 某区2022年政府信息公开工作年度报告\n\n# 第二个标题',
      ),
      { freq: 4 },
    ),
    sections: fc
      .shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 0, maxLength: 6 })
      .chain((order) => fc.tuple(fc.constant(order), fc.boolean())),
    prose: fc.array(
      fc.constantFrom(
        '',
        '无',
        '本年度收到政府信息公开申请6件，其中予以公开4件。',
        '2022年，我区公开发布信息5191条。',
        '本年度没有产生信息公开处理费。',
      ),
      { minLength: 6, maxLength: 6 },
    ),
    rowsKept: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
    cells: fc.array(cellValue, { minLength: 1, maxLength: 40 }),
    eol: fc.constantFrom('\n', '\n', '\r\n'),
  })
  .map(({ form, fm, title, sections: [order, dropRows], prose, rowsKept, cells, eol }) => {
    const out: string[] = [];
    if (fm) {
      out.push('---');
      out.push(`机关: ${fm.agency}`);
      out.push(`年度: ${String(fm.year)}`);
      if (fm.format !== null) out.push(`格式: ${fm.format}`);
      if (fm.kind !== null) out.push(`类型: ${fm.kind}`);
      if (fm.published !== null) out.push(`发布日期: ${fm.published}`);
      out.push('---', '');
    }
    if (title !== null) out.push(title, '');
    let c = 0;
    let r = 0;
    for (const idx of order) {
      const def = form.sections[idx]!;
      out.push(`## ${def.numeral}、${def.title}`, '');
      if (prose[idx]) out.push(prose[idx]!, '');
      for (const tp of def.topics) out.push(`### ${tp.heading}`, '', '内容。', '');
      for (const t of formTables(form, def.numeral)) {
        out.push(`| ${t.key} | ${t.columns.map((x) => x.label).join(' | ')} |`);
        out.push(`| --- |${' --: |'.repeat(t.columns.length)}`);
        for (const row of t.rows) {
          if (dropRows && !rowsKept[r++ % rowsKept.length]) continue;
          const vals = row.group ? t.columns.map(() => '') : t.columns.map(() => cells[c++ % cells.length]!);
          out.push(`| ${row.label} | ${vals.join(' | ')} |`);
        }
        out.push('');
      }
    }
    return out.join(eol);
  });

/** Any of the above, and now and then text that is no report at all. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: mutatedReport.map((m) => m.text), weight: 6 },
  { arbitrary: generatedReport, weight: 3 },
  {
    arbitrary: fc
      .constant(null)
      .chain(() => containedReport)
      .map((c) => c.text),
    weight: 3,
  },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }), weight: 1 },
  {
    arbitrary: fc
      .array(fc.constantFrom(...SNIPPETS, ...HEADING_NAMES.map((h) => `## ${h}\n`)), { maxLength: 30 })
      .map((xs) => xs.join('')),
    weight: 1,
  },
);

// ---------------------------------------------------------------------------------------------
// Containers: block quotes, list items and both, around the sections and tables of a report

/** A container as the prefix of its first line and of every following line. */
export interface Container {
  first: string;
  rest: string;
}
export const CONTAINERS: readonly Container[] = [
  { first: '> ', rest: '> ' },
  { first: '>', rest: '>' },
  { first: '> > ', rest: '> > ' },
  { first: '- ', rest: '  ' },
  { first: '1. ', rest: '   ' },
  { first: '> - ', rest: '>   ' },
  { first: '- > ', rest: '  > ' },
  { first: '1. > ', rest: '   > ' },
];

/** The lines [from, to) of `text` put in a container (a blank line gets the prefix without its trailing spaces). */
export function wrapLines(text: string, from: number, to: number, c: Container): string {
  const ls = linesOf(text);
  let out = text.slice(0, ls[from]?.start ?? text.length);
  for (let i = from; i < Math.min(to, ls.length); i++) {
    const l = ls[i];
    const line = text.slice(l.start, l.end);
    const p = i === from ? c.first : c.rest;
    out += (line.trim() === '' ? p.trimEnd() : p) + line + text.slice(l.end, l.next);
  }
  return out + text.slice(ls[Math.min(to, ls.length)]?.start ?? text.length);
}

/** The line ranges [from, to) of the `## ` sections of a text and of its tables (header to last row). */
export function blocksOf(text: string): { from: number; to: number }[] {
  const ls = linesOf(text).map((l) => text.slice(l.start, l.end));
  const out: { from: number; to: number }[] = [];
  const heads = ls.flatMap((s, i) => (/^## /.test(s) ? [i] : []));
  heads.forEach((h, k) => out.push({ from: h, to: heads[k + 1] ?? ls.length }));
  for (let i = 0; i < ls.length; i++) {
    if (!/^\|/.test(ls[i]) || (i > 0 && /^\|/.test(ls[i - 1]))) continue;
    let j = i;
    while (j < ls.length && /^\|/.test(ls[j])) j++;
    out.push({ from: i, to: j });
  }
  return out;
}

/** A mutation of the structure inside a container: the fixes that write lines are the ones to test. */
export type InnerMutation = { op: 'dropRow' | 'dropColumn' | 'dropTable' | 'dropHeading'; i: number };

function mutateInner(text: string, m: InnerMutation): string {
  if (m.op === 'dropRow') return mutate(text, { op: 'dropRow', i: m.i });
  const blocks = blocksOf(text);
  const ls = linesOf(text);
  if (m.op === 'dropHeading') {
    const h = pick(headingLines(text), m.i);
    return h ? splice(text, h.start, h.next, '') : text;
  }
  const tables = blocks.filter((b) => /^\|/.test(text.slice(ls[b.from].start, ls[b.from].end)));
  const t = pick(tables, m.i);
  if (!t) return text;
  if (m.op === 'dropTable') return splice(text, ls[t.from].start, ls[t.to]?.start ?? text.length, '');
  // dropColumn: the k-th cell (not the label) of every line of the table
  let out = text;
  for (let i = t.to - 1; i >= t.from; i--) {
    const l = linesOf(out)[i];
    const cells = cellsOf(out, l);
    const c = cells.length > 1 ? cells[1 + ((m.i >> 3) % (cells.length - 1))] : undefined;
    if (c) out = splice(out, c.start - 1, c.end, '');
  }
  return out;
}

const innerMutation: fc.Arbitrary<InnerMutation> = fc.record({
  op: fc.constantFrom('dropRow', 'dropColumn', 'dropTable', 'dropHeading'),
  i: fc.nat(),
});

/**
 * A real-shaped report with one section or one table put in a container, and zero to three
 * structural mutations inside it (rows, columns, tables or headings dropped): `plain` is the same
 * report without the container.
 */
export const containedReport: fc.Arbitrary<{
  plain: string;
  text: string;
  container: Container;
  block: { from: number; to: number };
  mutations: InnerMutation[];
}> = fc
  .record({
    base: fc.constantFrom(...BASES),
    block: fc.nat(),
    container: fc.constantFrom(...CONTAINERS),
    mutations: fc.array(innerMutation, { maxLength: 3 }),
    crlf: fc.boolean(),
  })
  .map(({ base: b, block, container, mutations, crlf }) => {
    const src = crlf ? base(b).replace(/\r?\n/g, '\r\n') : base(b);
    const blocks = blocksOf(src);
    const chosen = blocks[block % blocks.length];
    const ls = linesOf(src);
    const start = ls[chosen.from].start;
    const end = ls[chosen.to]?.start ?? src.length;
    const mutated = mutations.reduce(mutateInner, src.slice(start, end));
    // a container left with nothing in it holds nothing to fix: keep the block as it was
    const inner = mutated.trim() === '' ? src.slice(start, end) : mutated;
    const plain = src.slice(0, start) + inner + src.slice(end);
    const il = linesOf(inner);
    const innerLines = il.length - (inner.endsWith('\n') || inner.endsWith('\r') ? 1 : 0);
    // the container opens on the first line with text in it
    let lead = 0;
    while (lead < innerLines && inner.slice(il[lead].start, il[lead].end).trim() === '') lead++;
    const lines = { from: chosen.from + lead, to: chosen.from + innerLines };
    return { plain, text: wrapLines(plain, lines.from, lines.to, container), container, block: lines, mutations };
  });
