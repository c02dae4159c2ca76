/**
 * `xxgk check` as scripts of supervising offices use it: the contract of rules.md (exit codes,
 * text lines, the JSON document, SARIF 2.1.0), run as a real process on real files.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLE, edit } from '../helpers/fixtures';
import { runXxgk } from '../helpers/cli';

let dir = '';

function xxgk(args: string[], env: Record<string, string> = {}) {
  return runXxgk(args, { cwd: dir, env });
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-cli-'));
  mkdirSync(join(dir, 'reports', '2022'), { recursive: true });
  writeFileSync(join(dir, 'reports', '2022', 'clean.xxgk.md'), EXAMPLE());
  writeFileSync(
    join(dir, 'reports', 'wrong.xxgk.md'),
    edit(EXAMPLE(), '| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |', '| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 5 |'),
  );
  writeFileSync(join(dir, 'reports', '某局2022年政府信息公开工作年度报告.md'), EXAMPLE());
  writeFileSync(join(dir, 'reports', 'notes.md'), '# not a report\n');
  writeFileSync(join(dir, 'warn.xxgk.md'), edit(EXAMPLE(), '| 行政许可 | 3984 |', '| 行政许可 | ３９８４ |'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('exit codes', () => {
  test('0 when no error was found', () => {
    const r = xxgk(['check', 'reports/2022/clean.xxgk.md']);
    assert.equal(r.code, 0, r.stderr);
  });
  test('0 with warnings only', () => {
    assert.equal(xxgk(['check', 'warn.xxgk.md']).code, 0);
  });
  test('1 when an error was found', () => {
    assert.equal(xxgk(['check', 'reports/wrong.xxgk.md']).code, 1);
  });
  test('2 on a missing file, with a message on stderr, the other files still checked', () => {
    const r = xxgk(['check', 'nope.xxgk.md', 'reports/wrong.xxgk.md', '--format', 'json']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /nope\.xxgk\.md/);
    assert.equal(JSON.parse(r.stdout).files.length, 1);
  });
  test('2 on a bad flag or format', () => {
    assert.equal(xxgk(['check', '--bogus', 'warn.xxgk.md']).code, 2);
    const r = xxgk(['check', '--format', 'xml', 'warn.xxgk.md']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /format/);
  });
  test('2 on an unreadable (binary) file', () => {
    writeFileSync(join(dir, 'bin.xxgk.md'), Buffer.from([0, 1, 2, 255, 254]));
    const r = xxgk(['check', 'bin.xxgk.md']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /bin\.xxgk\.md/);
    rmSync(join(dir, 'bin.xxgk.md'));
  });
});

describe('files', () => {
  test('directories are walked for report files only', () => {
    const r = xxgk(['check', 'reports', '--format', 'json']);
    const paths = JSON.parse(r.stdout)
      .files.map((f: { path: string }) => f.path)
      .sort();
    assert.deepEqual(
      paths,
      ['reports/2022/clean.xxgk.md', 'reports/wrong.xxgk.md', 'reports/某局2022年政府信息公开工作年度报告.md'].sort(),
    );
  });
  test('globs are expanded', () => {
    const r = xxgk(['check', 'reports/**/*.xxgk.md', '--format', 'json']);
    assert.equal(JSON.parse(r.stdout).files.length, 2);
  });
  test('never modifies a file', () => {
    const p = join(dir, 'reports', 'wrong.xxgk.md');
    const before = readFileSync(p, 'utf8');
    const mtime = statSync(p).mtimeMs;
    xxgk(['check', 'reports']);
    assert.equal(readFileSync(p, 'utf8'), before);
    assert.equal(statSync(p).mtimeMs, mtime);
  });
});

describe('text format', () => {
  test('path:line:col  severity  message  [rule], 1-based, then a summary', () => {
    const r = xxgk(['check', 'reports/wrong.xxgk.md']);
    const lines = r.stdout.trim().split('\n');
    assert.match(lines[0], /^reports\/wrong\.xxgk\.md:\d+:\d+ {2}error {2}.+ {2}\[sum-row\]$/);
    const [, line, col] = /:(\d+):(\d+)/.exec(lines[0])!;
    const src = readFileSync(join(dir, 'reports', 'wrong.xxgk.md'), 'utf8').split('\n')[Number(line) - 1];
    assert.equal(src.slice(Number(col) - 1, Number(col)), '5');
    assert.match(lines[lines.length - 1], /1 个文件.*1 个错误/);
  });
  test('--locale en gives English messages and summary', () => {
    const r = xxgk(['check', 'reports/wrong.xxgk.md', '--locale', 'en']);
    assert.match(r.stdout, /should be 4/);
    assert.match(r.stdout, /1 file checked: 1 error/);
  });
});

describe('json format', () => {
  test('the document of rules.md: files, diagnostics with 0-based UTF-16 ranges and fixes, summary', () => {
    const r = xxgk(['check', 'reports/wrong.xxgk.md', 'warn.xxgk.md', '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(doc).sort(), ['files', 'summary']);
    assert.deepEqual(doc.summary, { files: 2, errors: 1, warnings: 1, infos: 0 });
    const d = doc.files[0].diagnostics[0];
    assert.equal(doc.files[0].path, 'reports/wrong.xxgk.md');
    assert.deepEqual(Object.keys(d).sort(), ['fixes', 'message', 'range', 'rule', 'severity']);
    assert.equal(d.rule, 'sum-row');
    assert.equal(d.severity, 'error');
    for (const k of ['start', 'end']) {
      assert.equal(typeof d.range[k].line, 'number');
      assert.equal(typeof d.range[k].character, 'number');
    }
    const src = readFileSync(join(dir, 'reports', 'wrong.xxgk.md'), 'utf8').split('\n')[d.range.start.line];
    assert.equal(src.slice(d.range.start.character, d.range.end.character), '5');
    assert.equal(d.fixes[0].edits[0].newText, '4');
    assert.deepEqual(Object.keys(d.fixes[0]).sort(), ['edits', 'title']);
    assert.deepEqual(Object.keys(d.fixes[0].edits[0]).sort(), ['newText', 'range']);
  });
  test('a diagnostic without a fix has no fixes key', () => {
    const text = edit(EXAMPLE(), '| 行政许可 | 3984 |', '| 行政许可 | 约四千 |');
    writeFileSync(join(dir, 'text.xxgk.md'), text);
    const doc = JSON.parse(xxgk(['check', 'text.xxgk.md', '--format', 'json']).stdout);
    assert.equal('fixes' in doc.files[0].diagnostics[0], false);
    rmSync(join(dir, 'text.xxgk.md'));
  });
});

describe('sarif format', () => {
  test('SARIF 2.1.0: one run, rules with ids and help URIs, results with stable fingerprints', () => {
    const r = xxgk(['check', 'reports/wrong.xxgk.md', '--format', 'sarif']);
    const s = JSON.parse(r.stdout);
    assert.equal(s.version, '2.1.0');
    assert.equal(s.runs.length, 1);
    const run = s.runs[0];
    assert.equal(run.tool.driver.name, 'xxgk');
    const ruleIds = run.tool.driver.rules.map((x: { id: string }) => x.id);
    for (const id of ['sum-row', 'balance', 'section-missing', 'cell-empty']) assert.ok(ruleIds.includes(id), id);
    for (const rule of run.tool.driver.rules) assert.match(rule.helpUri, /^https:\/\/.+\/docs\/rules\/[a-z-]+\.md$/);
    const res = run.results[0];
    assert.equal(res.ruleId, 'sum-row');
    assert.equal(run.tool.driver.rules[res.ruleIndex].id, 'sum-row');
    assert.equal(res.level, 'error');
    const loc = res.locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uri, 'reports/wrong.xxgk.md');
    assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1);
    assert.equal(typeof res.partialFingerprints['xxgkFinding/v1'], 'string');
  });
  test('fingerprints survive edits that move the finding to another line', () => {
    const fp = (): string =>
      JSON.parse(xxgk(['check', 'reports/wrong.xxgk.md', '--format', 'sarif']).stdout).runs[0].results[0]
        .partialFingerprints['xxgkFinding/v1'];
    const first = fp();
    const p = join(dir, 'reports', 'wrong.xxgk.md');
    const text = readFileSync(p, 'utf8');
    writeFileSync(p, edit(text, '## 一、总体情况\n', '## 一、总体情况\n\n新增的一段说明文字，使后面的行号改变。\n'));
    assert.equal(fp(), first);
    writeFileSync(p, text);
  });
});

describe('other commands', () => {
  test('--version and --help', () => {
    assert.match(xxgk(['--version']).stdout, /^\d+\.\d+\.\d+/);
    const h = xxgk(['--help']);
    assert.equal(h.code, 0);
    assert.match(h.stdout, /xxgk check/);
  });
  test('an unknown command is a usage error', () => {
    const r = xxgk(['frobnicate']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /无法识别的命令 frobnicate/);
  });
});
