/**
 * The language server and `.xxgkrc.json`, and the language of its messages: the real server over
 * stdio. A configuration file two folders above a report turns `label-variant` off and makes
 * `sum-row` a warning, as it does for `xxgk check`; the user's settings override it rule by rule;
 * a bad file is told as a diagnostic and the report is still checked; a change on disk is picked
 * up. With no locale setting, in an English UI, the messages are Chinese.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, type LspDiagnostic } from './client';
import { EXAMPLE, edit } from '../helpers/fixtures';

const REPORT = edit(
  edit(EXAMPLE(), '| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |', '| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 5 |'),
  '现行有效件数',
  '现行有效件',
);
const byRule = (ds: LspDiagnostic[], rule: string): LspDiagnostic[] => ds.filter((d) => d.code === rule);
const CAPS = { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } };

const dir = mkdtempSync(join(tmpdir(), 'xxgk-lsp-config-'));
mkdirSync(join(dir, 'proj', 'a', 'b'), { recursive: true });
mkdirSync(join(dir, 'plain'), { recursive: true });
const configPath = join(dir, 'proj', '.xxgkrc.json');
const configured = pathToFileURL(join(dir, 'proj', 'a', 'b', 'report.xxgk.md')).toString();
const plain = pathToFileURL(join(dir, 'plain', 'report.xxgk.md')).toString();
writeFileSync(join(dir, 'proj', 'a', 'b', 'report.xxgk.md'), REPORT);
writeFileSync(join(dir, 'plain', 'report.xxgk.md'), REPORT);
const GOOD = JSON.stringify({ rules: { 'label-variant': 'off', 'sum-row': 'warning' } });
writeFileSync(configPath, GOOD);
after(() => rmSync(dir, { recursive: true, force: true }));

describe('.xxgkrc.json in the editor (no locale setting, English UI)', () => {
  // the settings a VS Code user has by default: no xxgk.locale, no rules; the UI in English
  const client = new LspClient({ locale: 'en', settings: { locale: undefined }, capabilities: CAPS });
  before(() => client.start());
  after(() => client.shutdown());

  test('with no settings, in an English UI, messages are Chinese', async () => {
    const ds = await client.open(plain, REPORT);
    const sum = byRule(ds, 'sum-row');
    assert.equal(sum.length, 1);
    assert.equal(sum[0].severity, 1);
    assert.match(sum[0].message, /应为 4/);
    assert.equal(byRule(ds, 'label-variant').length, 1);
    for (const d of ds) assert.match(d.message, /[\u4e00-\u9fff]/);
    assert.doesNotMatch(sum[0].message, /should be/);
  });

  test('two folders above the report: label-variant off, sum-row a warning', async () => {
    const ds = await client.open(configured, REPORT);
    assert.equal(byRule(ds, 'label-variant').length, 0);
    const sum = byRule(ds, 'sum-row');
    assert.equal(sum.length, 1);
    assert.equal(sum[0].severity, 2);
  });

  test('a bad file: one diagnostic naming it, the report still checked with the defaults; fixed: gone', async () => {
    writeFileSync(configPath, '{ "rules": { "sum-row": "loud" } }');
    client.notify('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(configPath).toString(), type: 2 }],
    });
    const ds = await client.waitForDiagnostics(configured, (x) => x.some((d) => d.code === 'config'));
    const bad = byRule(ds, 'config');
    assert.equal(bad.length, 1);
    assert.match(bad[0].message, /\.xxgkrc\.json 有误，已按默认设置检查/);
    assert.match(bad[0].message, /规则“sum-row”的级别 "loud" 无效/);
    assert.equal(byRule(ds, 'sum-row')[0].severity, 1, 'checked with the defaults');
    writeFileSync(configPath, GOOD);
    client.notify('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(configPath).toString(), type: 2 }],
    });
    const again = await client.waitForDiagnostics(configured, (x) => !x.some((d) => d.code === 'config'));
    assert.equal(byRule(again, 'sum-row')[0].severity, 2);
  });
});

describe('the user’s settings override .xxgkrc.json, rule by rule', () => {
  const client = new LspClient({
    settings: { locale: 'en', rules: { 'label-variant': 'error' } },
    capabilities: CAPS,
  });
  before(() => client.start());
  after(() => client.shutdown());

  test('label-variant from the settings, sum-row from the file, English from the settings', async () => {
    const ds = await client.open(configured, REPORT);
    const lv = byRule(ds, 'label-variant');
    assert.equal(lv.length, 1);
    assert.equal(lv[0].severity, 1);
    const sum = byRule(ds, 'sum-row');
    assert.equal(sum[0].severity, 2);
    assert.match(sum[0].message, /should be 4/);
  });
});
