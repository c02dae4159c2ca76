/**
 * Fix-all analyses again only when a fix may have left a safe fix to make (engine/fixes.ts), and
 * makes insertions at one point in one round. Its result must stay that of the plain loop it
 * replaced — analyse, apply every safe fix that does not overlap, until no safe fix is left — on
 * every fixture and on broken variants of them; and it must take fewer analyses where it can.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { checkText, type CheckOptions, type Diagnostic } from '../../server/src/engine/check';
import { applyEdits, planRound, runFixAll } from '../../server/src/engine/fixes';
import { FORMS } from '../../server/src/engine/forms';
import type { Span, SpanEdit } from '../../server/src/engine/text';
import { EXAMPLE, NOW, ROOT, edit } from '../helpers/fixtures';
import { anyText, linesOf, mutate, mutation, params, RUNS } from './arbitraries';
import { describeText } from './checks';

const OPTS: CheckOptions = { now: NOW };

/** The loop fix-all was: every round analyses the text and applies the safe fixes that do not overlap. */
function reference(text: string, options: CheckOptions = OPTS): { text: string; analyses: number } {
  const overlaps = (a: Span, b: Span): boolean =>
    (a.start < b.end && b.start < a.end) || (a.start === b.start && a.end === b.end);
  let cur = text;
  let analyses = 0;
  for (let round = 0; round < 64; round++) {
    const ds = checkText(cur, options).diagnostics;
    analyses++;
    const chosen: SpanEdit[] = [];
    for (const d of ds) {
      const fix = d.fixes.find((f) => f.safe);
      if (!fix || fix.edits.some((e) => chosen.some((c) => overlaps(c.span, e.span)))) continue;
      chosen.push(...fix.edits.map((e) => ({ span: e.span, newText: e.newText })));
    }
    const next = chosen.length ? applyEdits(cur, chosen) : cur;
    if (next === cur) break;
    cur = next;
  }
  return { text: cur, analyses };
}

/** Fix-all equals the reference, with and without the analysis of the text given; never more analyses. */
function assertSameAsReference(text: string, what: string, options: CheckOptions = OPTS): void {
  const want = reference(text, options);
  const got = runFixAll(text, options);
  assert.equal(got.text, want.text, `${what}: fix-all differs from re-checking until no change, ${describeText(text)}`);
  assert.ok(got.analyses <= want.analyses, `${what}: ${got.analyses} analyses, the plain loop ${want.analyses}`);
  const given = runFixAll(text, options, { analysed: checkText(text, options).diagnostics });
  assert.equal(given.text, want.text, `${what}: with the analysis given`);
}

/** Every report fixture: test/rules/<id>/ and test/fixtures (Markdown). */
function fixtureFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir).sort()) {
      const p = join(dir, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (e.endsWith('.md') && e !== 'README.md') out.push(p);
    }
  };
  walk(join(ROOT, 'test', 'rules'));
  walk(join(ROOT, 'test', 'fixtures'));
  return out;
}
const FILES = fixtureFiles();
const TEXTS = new Map(FILES.map((f) => [f, readFileSync(f, 'utf8')]));
const short = (f: string): string => f.slice(ROOT.length + 1);

test('fix-all of every fixture is the text the plain loop gives, LF, CRLF and lone CR', () => {
  assert.ok(FILES.length >= 30, `${FILES.length} fixtures`);
  for (const [f, text] of TEXTS) {
    assertSameAsReference(text, short(f));
    assertSameAsReference(text.replace(/\r?\n/g, '\r\n'), `${short(f)} (CRLF)`);
  }
  // lone CR costs a parse without the line scans: a few fixtures
  for (const f of FILES.filter((x) => /fixall-mixed|seed001|table-missing|section-missing/.test(x)))
    assertSameAsReference(TEXTS.get(f)!.replace(/\r?\n/g, '\r'), `${short(f)} (lone CR)`);
  for (const text of [
    '',
    '\n',
    '\n\n',
    '# 标题',
    '# 标题\n\n正文\n',
    '\r\n',
    // the tables of 二 go before a setext heading, whose text line the first would take in as a row
    '## 二、主动公开政府信息情况\n---\n机关: x\n---\n',
  ])
    assertSameAsReference(text, JSON.stringify(text));
});

test('fix-all with rules turned off or in English is the text the plain loop gives', () => {
  const mixed = FILES.find((f) => f.endsWith('fixall-mixed-2022.xxgk.md'))!;
  const variants: CheckOptions[] = [
    { ...OPTS, severities: { 'cell-invalid': 'off' } },
    { ...OPTS, severities: { 'label-variant': 'off', 'sum-review': 'off' } },
    { ...OPTS, severities: { 'section-missing': 'off' } },
    { ...OPTS, locale: 'en' },
  ];
  for (const options of variants)
    assertSameAsReference(
      TEXTS.get(mixed)!,
      `mixed with ${JSON.stringify(options.severities ?? options.locale)}`,
      options,
    );
});

// ---------------------------------------------------------------------------------------------
// Broken variants: the defects fix-all mends, on top of the property tests' mutations

/** Official labels and their accepted spellings: a label written so is a variant. */
const ALIASES: [string, string][] = FORMS.flatMap((form) =>
  form.tables.flatMap((t) =>
    [...t.rows, ...t.columns].flatMap((d) => d.aliases.map((a): [string, string] => [d.label, a])),
  ),
);

type FixMutation =
  | { op: 'alias' | 'headingVariant' | 'dropSection' | 'dropTable' | 'strayCell' | 'note' | 'dropColumn'; i: number }
  | { op: 'figure'; i: number; by: number };

const tableBlocks = (text: string): { start: number; end: number; lines: ReturnType<typeof linesOf> }[] => {
  const out: { start: number; end: number; lines: ReturnType<typeof linesOf> }[] = [];
  let cur: ReturnType<typeof linesOf> = [];
  for (const l of [...linesOf(text), undefined]) {
    if (l && /^\|/.test(text.slice(l.start, l.end))) cur.push(l);
    else if (cur.length) {
      out.push({ start: cur[0].start, end: cur[cur.length - 1].next, lines: cur });
      cur = [];
    }
  }
  return out;
};

function fixMutate(text: string, m: FixMutation): string {
  const pick = <T>(xs: readonly T[]): T | undefined => (xs.length ? xs[m.i % xs.length] : undefined);
  switch (m.op) {
    case 'alias': {
      const present = ALIASES.filter(([label]) => text.includes(`| ${label} |`));
      const p = pick(present);
      return p ? text.replace(`| ${p[0]} |`, `| ${p[1]} |`) : text;
    }
    case 'headingVariant': {
      const hs = [...text.matchAll(/^## ([一二三四五六])、(.+)$/gm)];
      const h = pick(hs);
      if (!h) return text;
      const variants = [
        `## ${h[1]}、${h[2]}（2022年）`,
        `## ${h[2]}`,
        `## ${h[1]}.${h[2]}`,
        `## ${h[1]}、${h[2].slice(2)}`,
      ];
      return text.replace(h[0], variants[m.i % variants.length]);
    }
    case 'dropSection': {
      const hs = [...text.matchAll(/^## /gm)].map((x) => x.index);
      if (!hs.length) return text;
      const k = m.i % hs.length;
      return text.slice(0, hs[k]) + (k + 1 < hs.length ? text.slice(hs[k + 1]) : '');
    }
    case 'dropTable': {
      const t = pick(tableBlocks(text));
      return t ? text.slice(0, t.start) + text.slice(t.end) : text;
    }
    case 'strayCell': {
      const rows = tableBlocks(text).flatMap((t) => t.lines.slice(2));
      const l = pick(rows);
      return l ? text.slice(0, l.end) + ' |' + text.slice(l.end) : text;
    }
    case 'note': {
      const t = pick(tableBlocks(text));
      if (!t) return text;
      const last = t.lines[t.lines.length - 1];
      return `${text.slice(0, last.next)}${last.next === last.end ? '\n' : ''}注：单位为件\n${text.slice(last.next)}`;
    }
    case 'dropColumn': {
      const t = pick(tableBlocks(text));
      if (!t) return text;
      const k = 2 + (m.i % 3);
      let out = text.slice(0, t.start);
      for (const l of t.lines) {
        const cells = text.slice(l.start, l.end).split('|');
        if (cells.length > k + 1) cells.splice(k, 1);
        out += cells.join('|') + text.slice(l.end, l.next);
      }
      return out + text.slice(t.end);
    }
    case 'figure': {
      // a figure written wrong: the sums of its table no longer hold
      const cells = [...text.matchAll(/\| (\d+) (?=\|)/g)];
      const c = pick(cells);
      if (!c) return text;
      const at = c.index + 2;
      return text.slice(0, at) + String(Number(c[1]) + 1 + (m.by % 20)) + text.slice(at + c[1].length);
    }
  }
}

const fixMutation: fc.Arbitrary<FixMutation> = fc.oneof(
  fc.record({
    op: fc.constantFrom('alias', 'headingVariant', 'dropSection', 'dropTable', 'strayCell', 'note', 'dropColumn'),
    i: fc.nat(),
  }) as fc.Arbitrary<FixMutation>,
  fc.record({ op: fc.constant('figure'), i: fc.nat(), by: fc.nat() }) as fc.Arbitrary<FixMutation>,
);

const anyMutation = fc.oneof(
  { arbitrary: fixMutation.map((m) => ({ fix: m })), weight: 3 },
  { arbitrary: mutation.map((m) => ({ other: m })), weight: 1 },
);

test('property: fix-all of broken fixtures is the text the plain loop gives', () => {
  const names = [...TEXTS.keys()];
  fc.assert(
    fc.property(fc.nat({ max: names.length - 1 }), fc.array(anyMutation, { minLength: 1, maxLength: 5 }), (k, ms) => {
      let text = TEXTS.get(names[k])!;
      for (const m of ms) text = 'fix' in m ? fixMutate(text, m.fix) : mutate(text, m.other);
      assertSameAsReference(text, short(names[k]));
    }),
    params(Math.max(20, RUNS * 2)),
  );
});

test('property: fix-all of any text is the text the plain loop gives', () => {
  fc.assert(
    fc.property(anyText, (text) => assertSameAsReference(text, 'generated')),
    params(),
  );
});

/**
 * What a fix declares, checked on the fix alone: applied by itself, a `spelling` or `figures` fix
 * makes no safe fix appear or change, except those whose edits overlap its own (fix-all leaves
 * those out and analyses again); its own finding is gone.
 */
function assertEffectsHold(text: string, what: string): void {
  const before = checkText(text, OPTS).diagnostics;
  const key = (d: Diagnostic): string => `${d.rule} ${d.fingerprint}`;
  const safeFix = (d: Diagnostic): Diagnostic['fixes'][number] | undefined => d.fixes.find((f) => f.safe);
  const count = (ds: readonly Diagnostic[], k: string): number => ds.filter((x) => key(x) === k).length;
  for (const d of before) {
    const fix = safeFix(d);
    if (!fix?.effect) continue;
    const fixed = applyEdits(text, fix.edits);
    const after = checkText(fixed, OPTS).diagnostics;
    const label = `${what}: ${d.rule} ${fix.effect} fix “${fix.title}” in ${describeText(text)}`;
    assert.ok(count(after, key(d)) < count(before, key(d)), `${label}: its finding stays`);
    const touched = (x: Diagnostic): boolean =>
      x.fixes.some((f) =>
        f.edits.some((e) => fix.edits.some((o) => e.span.start <= o.span.end && o.span.start <= e.span.end)),
      );
    const was = new Map<string, string[]>();
    for (const x of before) {
      const f = safeFix(x);
      if (x !== d && f && !touched(x))
        was.set(key(x), [...(was.get(key(x)) ?? []), f.edits.map((e) => e.newText).join('\u0000')]);
    }
    for (const x of after) {
      const f = safeFix(x);
      if (!f || touched(x) || before.some((b) => b !== d && key(b) === key(x) && touched(b))) continue;
      assert.ok(
        was.get(key(x))?.includes(f.edits.map((e) => e.newText).join('\u0000')),
        `${label}: a safe fix appeared or changed, ${x.rule} “${f.title}”`,
      );
    }
  }
}

test('property: a fix that declares an effect does what it declares, applied alone', () => {
  for (const [f, text] of TEXTS) assertEffectsHold(text, short(f));
  const names = [...TEXTS.keys()];
  fc.assert(
    fc.property(fc.nat({ max: names.length - 1 }), fc.array(anyMutation, { minLength: 1, maxLength: 5 }), (k, ms) => {
      let text = TEXTS.get(names[k])!;
      for (const m of ms) text = 'fix' in m ? fixMutate(text, m.fix) : mutate(text, m.other);
      assertEffectsHold(text, short(names[k]));
    }),
    params(Math.max(20, RUNS)),
  );
});

// ---------------------------------------------------------------------------------------------
// How many analyses

/** The example with label variants (a column, a row) and a wrong total. */
function variantsAndWrongTotal(): string {
  let text = EXAMPLE();
  text = edit(
    text,
    '| 第二十条第（一）项 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
    '| 第二十条第（一）项 | 本年制发数量 | 本年废止件数 | 现行有效件数 |',
  );
  text = edit(text, '| 行政诉讼（未经复议直接起诉） |', '| 未经复议直接起诉 |');
  text = edit(text, '| 行政复议 | 0 | 1 | 0 | 0 | 1 |', '| 行政复议 | 0 | 1 | 0 | 0 | 2 |');
  return text;
}

test('label variants and a wrong total: one analysis, no confirming one', () => {
  const text = variantsAndWrongTotal();
  const ds = checkText(text, OPTS).diagnostics;
  const safe = ds.filter((d) => d.fixes.some((f) => f.safe));
  assert.deepEqual(
    [...new Set(safe.map((d) => d.rule))].sort(),
    ['label-variant', 'sum-review'],
    JSON.stringify(safe.map((d) => d.message)),
  );
  // what the rules declare: spelling for the labels, a settled table for the total
  for (const d of safe) assert.equal(d.fixes[0].effect, d.rule === 'sum-review' ? 'figures' : 'spelling', d.message);
  assert.equal(planRound(ds).again, false);
  const got = runFixAll(text, OPTS);
  assert.deepEqual({ analyses: got.analyses, rounds: got.rounds }, { analyses: 1, rounds: 1 });
  assert.equal(got.text, EXAMPLE());
  assert.equal(reference(text).analyses, 2, 'the plain loop needs a second analysis to see that it is done');
  // the server gives its analysis: none at all
  assert.equal(runFixAll(text, OPTS, { analysed: ds }).analyses, 0);
});

test('two wrong figures in one table: analysed again, as each fix settled the table alone', () => {
  let text = EXAMPLE();
  text = edit(text, '| 行政复议 | 0 | 1 | 0 | 0 | 1 |', '| 行政复议 | 0 | 1 | 0 | 0 | 2 |');
  text = edit(text, '| 行政诉讼（复议后起诉） | 0 | 0 | 0 | 0 | 0 |', '| 行政诉讼（复议后起诉） | 0 | 0 | 0 | 0 | 3 |');
  const ds = checkText(text, OPTS).diagnostics.filter((d) => d.rule === 'sum-review');
  assert.equal(ds.length, 2);
  // each alone leaves the other's sum failing: no settled table is claimed
  for (const d of ds) assert.equal(d.fixes[0].effect, undefined);
  const got = runFixAll(text, OPTS);
  assert.equal(got.text, EXAMPLE());
  assert.equal(got.analyses, 2);
});

test('an empty file: the six sections in one round, then one analysis to see what they hold', () => {
  const got = runFixAll('', OPTS);
  assert.equal(got.text, reference('').text);
  assert.deepEqual({ analyses: got.analyses, rounds: got.rounds }, { analyses: 2, rounds: 1 });
  assert.equal(reference('').analyses, 7);
  for (const n of ['一', '二', '三', '四', '五', '六']) assert.match(got.text, new RegExp(`^## ${n}、`, 'm'));
});

test('sections missing before another and at the end, tables missing at one place: one round for each point', () => {
  const example = EXAMPLE();
  // 二 and 三 missing before 四, 五 and 六 at the end
  const sections =
    example.slice(0, example.indexOf('## 二、')) +
    example.slice(example.indexOf('## 四、'), example.indexOf('## 五、'));
  // the tables of 二 missing under its heading
  const tables = example.replace(
    /(## 二、主动公开政府信息情况\n\n)[\s\S]*?(\n## 三、)/,
    '$1本年度主动公开情况如下。\n$2',
  );
  for (const [what, text, rounds] of [
    ['sections', sections, [3, 2]],
    ['tables', tables, [5, 2]],
    ['both', tables.slice(0, tables.indexOf('## 五、')), [5, 2]],
  ] as const) {
    const got = runFixAll(text, OPTS);
    const want = reference(text);
    assert.equal(got.text, want.text, what);
    assert.deepEqual([want.analyses, got.analyses], rounds, what);
  }
});

test('fix-all counts: a few fixtures before and after', () => {
  const count = (name: string): [number, number] => {
    const text = TEXTS.get(FILES.find((f) => f.endsWith(name))!)!;
    return [reference(text).analyses, runFixAll(text, OPTS).analyses];
  };
  assert.deepEqual(count('real-typos-2022.xxgk.md'), [2, 1]);
  assert.deepEqual(count('label-variant.xxgk.md'), [2, 1]);
  assert.deepEqual(count('sum-row.xxgk.md'), [2, 1]);
  assert.deepEqual(count('example-2022.xxgk.md'), [1, 1]);
  // an inserted row or section may hold anything: analysed again
  assert.deepEqual(count('fixall-mixed-2022.xxgk.md'), [2, 2]);
});

test('a fix left out because it overlaps one applied: analysed again', () => {
  const a: Diagnostic = {
    rule: 'x',
    severity: 'warning',
    message: 'a',
    span: { start: 0, end: 1 },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    related: [],
    fixes: [
      {
        title: 'a',
        safe: true,
        effect: 'spelling',
        edits: [
          {
            span: { start: 0, end: 2 },
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } },
            newText: 'A',
          },
        ],
      },
    ],
    fingerprint: 'x/a',
  };
  const b: Diagnostic = {
    ...a,
    message: 'b',
    fixes: [{ ...a.fixes[0], edits: [{ ...a.fixes[0].edits[0], span: { start: 1, end: 3 } }] }],
  };
  assert.deepEqual(planRound([a]), { edits: [{ span: { start: 0, end: 2 }, newText: 'A' }], again: false });
  assert.equal(planRound([a, b]).again, true);
  assert.equal(planRound([a, b]).edits.length, 1);
  // a fix without an effect: anything may have changed
  assert.equal(planRound([{ ...a, fixes: [{ ...a.fixes[0], effect: undefined }] }]).again, true);
});
