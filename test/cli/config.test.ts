/**
 * `.xxgkrc.json` and the CLI's language: the nearest configuration file above a report sets rule
 * severities, `off`, the locale and ignore globs; `--config` names one; a bad file is reported
 * (exit 2) and the reports are still checked. Every command has `--help`; messages are Chinese
 * unless --locale, the configuration or LANG says English.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLE, edit } from '../helpers/fixtures';
import { runXxgk } from '../helpers/cli';
import { COMMANDS } from '../../server/src/cli/commands';

let dir = '';

function xxgk(args: string[], env: Record<string, string> = {}, cwd = dir) {
  return runXxgk(args, { cwd, env: { LANG: '', LC_MESSAGES: '', ...env } });
}
type Json = { files: { path: string; diagnostics: { rule: string; severity: string; message: string }[] }[] };
const rules = (stdout: string): string[] =>
  (JSON.parse(stdout) as Json).files.flatMap((f) => f.diagnostics.map((d) => `${d.rule}:${d.severity}`));

/** A report with one sum mistake (sum-row, an error) and one near-official header (label-variant). */
const REPORT = edit(
  edit(EXAMPLE(), '| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |', '| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 5 |'),
  '现行有效件数',
  '现行有效件',
);

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-config-'));
  mkdirSync(join(dir, 'proj', 'a', 'b'), { recursive: true });
  mkdirSync(join(dir, 'plain'), { recursive: true });
  writeFileSync(join(dir, 'proj', 'a', 'b', 'report.xxgk.md'), REPORT);
  writeFileSync(join(dir, 'plain', 'report.xxgk.md'), REPORT);
  writeFileSync(
    join(dir, 'proj', '.xxgkrc.json'),
    JSON.stringify({ rules: { 'label-variant': 'off', 'sum-row': 'warning' } }, null, 2),
  );
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('.xxgkrc.json', () => {
  test('without a configuration: label-variant warns, sum-row is an error (exit 1)', () => {
    const r = xxgk(['check', 'plain/report.xxgk.md', '--format', 'json']);
    assert.equal(r.code, 1, r.stderr);
    assert.ok(rules(r.stdout).includes('label-variant:warning'), r.stdout);
    assert.ok(rules(r.stdout).includes('sum-row:error'), r.stdout);
  });

  test('two folders above the report: label-variant off, sum-row a warning (exit 0)', () => {
    const r = xxgk(['check', 'proj/a/b/report.xxgk.md', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const found = rules(r.stdout);
    assert.ok(!found.some((x) => x.startsWith('label-variant:')), r.stdout);
    assert.ok(found.includes('sum-row:warning'), r.stdout);
    assert.ok(!found.includes('sum-row:error'));
  });

  test('--config names the file for every report', () => {
    const r = xxgk(['check', 'plain/report.xxgk.md', '--config', 'proj/.xxgkrc.json', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(!rules(r.stdout).some((x) => x.startsWith('label-variant:')));
    const missing = xxgk(['check', 'plain/report.xxgk.md', '--config', 'nope.json']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.json：无法读取：找不到文件或目录/);
  });

  test('a bad file: a clear message naming the file and the mistake, exit 2, the report still checked', () => {
    const bad = join(dir, 'bad');
    mkdirSync(bad, { recursive: true });
    writeFileSync(join(bad, 'report.xxgk.md'), REPORT);
    writeFileSync(join(bad, '.xxgkrc.json'), JSON.stringify({ rules: { 'sum-row': 'loud', 'no-such-rule': 'off' } }));
    const r = xxgk(['check', 'bad/report.xxgk.md', '--format', 'json']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /\.xxgkrc\.json \(rules\.sum-row\): 规则“sum-row”的级别 "loud" 无效/);
    assert.match(r.stderr, /没有名为“no-such-rule”的规则/);
    assert.ok(rules(r.stdout).includes('sum-row:error'), 'checked with the defaults');
    writeFileSync(join(bad, '.xxgkrc.json'), '{ "rules": { "sum-row": "warning", } }');
    const json = xxgk(['check', 'bad/report.xxgk.md']);
    assert.equal(json.code, 2);
    assert.match(json.stderr, /不是有效的 JSON/);
  });

  test('locale and ignore', () => {
    const d = join(dir, 'ws');
    mkdirSync(join(d, 'drafts'), { recursive: true });
    writeFileSync(join(d, 'report.xxgk.md'), REPORT);
    writeFileSync(join(d, 'drafts', 'draft.xxgk.md'), REPORT);
    writeFileSync(join(d, '.xxgkrc.json'), JSON.stringify({ locale: 'en', ignore: ['drafts/**'] }));
    const r = xxgk(['check', '.'], {}, d);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /should be 4/);
    assert.match(r.stdout, /1 file checked: 1 error, 1 warning/);
    assert.doesNotMatch(r.stdout, /draft\.xxgk\.md/);
    assert.match(xxgk(['check', '.', '--locale', 'zh-CN'], {}, d).stdout, /检查了 1 个文件/);
  });
});

describe('the CLI speaks Chinese unless told otherwise', () => {
  test('default Chinese; LANG=en_US English; LANG=zh_CN Chinese', () => {
    const zh = xxgk(['check', 'plain/report.xxgk.md']);
    assert.match(zh.stdout, /检查了 1 个文件：1 个错误，1 个警告，0 个提示/);
    const en = xxgk(['check', 'plain/report.xxgk.md'], { LANG: 'en_US.UTF-8' });
    assert.match(en.stdout, /1 file checked: 1 error, 1 warning, 0 info/);
    const zh2 = xxgk(['check', 'plain/report.xxgk.md'], { LANG: 'zh_CN.UTF-8' });
    assert.match(zh2.stdout, /检查了 1 个文件/);
  });

  test('file-system errors and usage errors in Chinese', () => {
    const r = xxgk(['check', 'nope.xxgk.md']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /nope\.xxgk\.md：找不到文件或目录/);
    const u = xxgk(['check', '--bogus', 'plain/report.xxgk.md']);
    assert.equal(u.code, 2);
    assert.match(u.stderr, /无法识别的选项 --bogus/);
    assert.match(u.stderr, /用法：xxgk check/);
    const en = xxgk(['check', 'nope.xxgk.md'], { LC_ALL: 'en_US.UTF-8' });
    assert.match(en.stderr, /nope\.xxgk\.md: no such file or directory/);
  });

  test('every command has --help: exit 0, its usage and options, in Chinese or English', () => {
    const commands = ['check', 'lsp', ...Object.keys(COMMANDS)];
    for (const c of ['check', 'lsp', 'render', 'new', 'import']) assert.ok(commands.includes(c), c);
    for (const c of commands) {
      for (const flag of ['--help', '-h']) {
        const r = xxgk([c, flag]);
        assert.equal(r.code, 0, `${c} ${flag}: ${r.stderr}`);
        assert.match(r.stdout, new RegExp(`^用法：xxgk ${c}`), `${c} ${flag}`);
      }
      const en = xxgk([c, '--help', '--locale', 'en']);
      assert.match(en.stdout, new RegExp(`^Usage: xxgk ${c}`), c);
      assert.doesNotMatch(en.stdout, /[用法选项]/, `${c}: no Chinese words in the English help`);
    }
    const top = xxgk(['--help']);
    assert.equal(top.code, 0);
    assert.match(top.stdout, /用法：/);
    assert.match(xxgk(['help', 'import']).stdout, /^用法：xxgk import/);
  });
});
