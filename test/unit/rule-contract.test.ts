/**
 * The rule contract (docs/rules/README.md, “Adding a rule”): every rule of the registry has its
 * module (server/src/engine/rules/<id>.ts), its page (docs/rules/<id>.md), its description in
 * both message tables and a fixture folder test/rules/<id>/ whose reports carry their expected
 * findings inline. Each fixture is checked (the reports of a folder together, for the cross-year
 * rules) and its findings must be exactly the ones its markers name: rule and line.
 *
 * A marker is an HTML comment, `<!-- expect: <rule-id> "<text>" -->`: one finding of that rule
 * starting on the first line after the comment that contains <text> (for front matter, which
 * comes first, the first such line of the file). Without "<text>", on the next non-blank line.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText, crossYearForAll, runRules } from '../../server/src/engine/check';
import { buildReport, type Report } from '../../server/src/engine/model';
import { extractFacts } from '../../server/src/engine/model/crossyear';
import { parseDocument } from '../../server/src/engine/parse';
import type { Rule } from '../../server/src/engine/rule';
import { RULES } from '../../server/src/engine/rules';
import { MESSAGES } from '../../server/src/messages';
import { NOW, ROOT } from '../helpers/fixtures';

const FIXTURES = join(ROOT, 'test', 'rules');
const MARKER = /<!--\s*expect:\s*([a-z][a-z-]*)(?:\s+"([^"]*)")?\s*-->/g;

/** The findings a fixture's markers expect, as `rule@line` (1-based). */
function expected(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  const out: string[] = [];
  lines.forEach((line, i) => {
    for (const m of line.matchAll(MARKER)) {
      const [, rule, anchor] = m;
      const after = lines.findIndex(
        (l, j) => j > i && !MARKER.test(l) && (anchor ? l.includes(anchor) : l.trim() !== ''),
      );
      MARKER.lastIndex = 0;
      const at = after >= 0 ? after : anchor ? lines.findIndex((l) => l.includes(anchor) && !l.includes('<!--')) : -1;
      assert.ok(at >= 0, `marker ${m[0]} (line ${i + 1}) points at no line`);
      out.push(`${rule}@${at + 1}`);
    }
  });
  return out.sort();
}

const folders = existsSync(FIXTURES) ? readdirSync(FIXTURES).sort() : [];

test('every rule has its module, its page, its description and its fixture; every fixture a rule', () => {
  for (const r of RULES) {
    assert.ok(existsSync(join(ROOT, 'server', 'src', 'engine', 'rules', `${r.id}.ts`)), `module of ${r.id}`);
    assert.ok(existsSync(join(ROOT, 'docs', 'rules', `${r.id}.md`)), `docs/rules/${r.id}.md`);
    assert.ok(MESSAGES.zh[r.description] && MESSAGES.en[r.description], `description of ${r.id}`);
    assert.ok(folders.includes(r.id), `test/rules/${r.id}/`);
  }
  for (const f of folders)
    assert.ok(
      RULES.some((r) => r.id === f),
      `test/rules/${f}/ names no rule`,
    );
});

for (const id of folders) {
  test(`test/rules/${id}: the findings are exactly the marked ones`, () => {
    const files = readdirSync(join(FIXTURES, id))
      .filter((f) => f.endsWith('.md'))
      .sort();
    assert.ok(files.length > 0, 'a report');
    const checked = files.map((name) => {
      const text = readFileSync(join(FIXTURES, id, name), 'utf8');
      const { report, diagnostics } = checkText(text, { now: NOW });
      return { name, text, facts: extractFacts(report), diagnostics: [...diagnostics] };
    });
    for (const [i, extra] of crossYearForAll(checked)) checked[i].diagnostics.push(...extra);
    let marked = 0;
    for (const c of checked) {
      const want = expected(c.text);
      marked += want.filter((w) => w.startsWith(`${id}@`)).length;
      const got = c.diagnostics.map((d) => `${d.rule}@${d.range.start.line + 1}`).sort();
      assert.deepEqual(
        got,
        want,
        `${id}/${c.name}: ${c.diagnostics.map((d) => `${d.rule}@${d.range.start.line + 1} ${d.message}`).join('\n')}`,
      );
    }
    assert.ok(marked > 0, `the fixture of ${id} marks at least one ${id} finding`);
  });
}

/** Every report the tests hold: the rule fixtures and the fixtures of test/fixtures (and below). */
function allReports(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md')) out.push({ name: p.slice(ROOT.length + 1), text: readFileSync(p, 'utf8') });
    }
  };
  walk(FIXTURES);
  walk(join(ROOT, 'test', 'fixtures'));
  return out;
}

/**
 * Calls `onRead('tables')` whenever the report's tables are read (its own, its document's, a
 * section's) and `onRead('figures')` whenever the cells of a body row are (of a model row, or of
 * a row of the document's tables; a label is read from the row's `label`, a header from `header`),
 * or whether a model row has figures at all (`layoutOnly`).
 */
function watchTables(report: Report, onRead: (what: 'tables' | 'figures') => void): void {
  const watch = (obj: object, key: string, what: 'tables' | 'figures'): void => {
    const value = (obj as Record<string, unknown>)[key];
    Object.defineProperty(obj, key, {
      configurable: true,
      enumerable: true,
      get() {
        onRead(what);
        return value;
      },
    });
  };
  for (const t of report.tables)
    for (const r of t.rows) {
      watch(r, 'cells', 'figures');
      watch(r, 'layoutOnly', 'figures');
    }
  for (const t of report.doc.tables) for (const r of t.rows) watch(r, 'cells', 'figures');
  for (const obj of [report, report.doc, ...report.sections]) watch(obj, 'tables', 'tables');
}

test('every rule keeps its declaration of what it reads of the tables, on every report the tests hold', () => {
  const reads = new Map<string, Set<string>>();
  const wrong = new Set<string>();
  for (const { name, text } of allReports()) {
    const report = buildReport(parseDocument(text), { now: NOW });
    let running: Rule | undefined;
    watchTables(report, (what) => {
      if (!running) return;
      const seen = reads.get(running.id) ?? new Set<string>();
      reads.set(running.id, seen.add(what));
      if (running.tables === 'none' || (running.tables === 'labels' && what === 'figures'))
        wrong.add(`${running.id} reads ${what} (${name})`);
    });
    runRules(report, { now: NOW }, (rule, run) => {
      running = rule;
      try {
        return run();
      } finally {
        running = undefined;
      }
    });
  }
  assert.deepEqual([...wrong], [], 'rules that read more of the tables than they declare');
  // and the other way: a rule declares no more than it reads (else it re-runs at table edits for
  // nothing); the cross-year rules read last year's facts, which come from the figures
  const needless = RULES.filter(
    (r) =>
      !r.crossFile &&
      ((r.tables === 'figures' && !reads.get(r.id)?.has('figures')) ||
        (r.tables === 'labels' && !reads.get(r.id)?.has('tables'))),
  ).map((r) => `${r.id}: ${r.tables}, reads ${[...(reads.get(r.id) ?? [])].join(' and ') || 'nothing'}`);
  assert.deepEqual(needless, [], 'rules that declare more than they read');
});
