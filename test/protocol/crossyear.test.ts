/**
 * Cross-year checks in the editor: the real server, a workspace folder in a temporary directory
 * with last year's report in one subfolder and this year's in another. This year's report opened
 * shows `carryover` (and `valid-docs`) against last year's file on disk; the diagnostics follow
 * when last year's file changes on disk (workspace/didChangeWatchedFiles) and when it is edited
 * open; the quick fix sets the figure from last year; Ctrl+T finds sections and tables by 机关
 * and 年度; the new-year and import requests answer.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, applyWorkspaceEdit, type LspDiagnostic, type WorkspaceEdit } from './client';
import { ROOT, edit } from '../helpers/fixtures';

const LAST = readFileSync(join(ROOT, 'test', 'fixtures', 'crossyear', '交通运输局-2021.xxgk.md'), 'utf8');
const THIS = readFileSync(join(ROOT, 'test', 'fixtures', 'crossyear', '交通运输局-2022.xxgk.md'), 'utf8');
const CARRY_2 = '| 四、结转下年度继续办理 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |';
const codes = (ds: LspDiagnostic[]): string[] => ds.map((d) => String(d.code));
const hasCarry = (ds: LspDiagnostic[]): boolean => ds.some((d) => d.code === 'carryover');

describe('cross-year diagnostics in the editor', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-ws-'));
  mkdirSync(join(dir, '2021'));
  mkdirSync(join(dir, '2022'));
  const lastPath = join(dir, '2021', '交通运输局-2021.xxgk.md');
  const thisPath = join(dir, '2022', '交通运输局-2022.xxgk.md');
  writeFileSync(lastPath, LAST);
  writeFileSync(thisPath, THIS);
  const lastUri = pathToFileURL(lastPath).toString();
  const thisUri = pathToFileURL(thisPath).toString();
  const folder = pathToFileURL(dir).toString();

  const client = new LspClient({
    capabilities: {
      workspace: {
        configuration: true,
        applyEdit: true,
        workspaceEdit: { documentChanges: true },
        workspaceFolders: true,
        didChangeWatchedFiles: { dynamicRegistration: true },
        symbol: {},
      },
    },
    // the workspace folder is the temporary directory
    workspaceFolders: [{ uri: folder, name: 'reports' }],
  });

  before(async () => {
    await client.start();
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  test('this year’s report shows carryover against last year’s file in the workspace', async () => {
    await client.open(thisUri, THIS);
    const ds = await client.waitForDiagnostics(thisUri, hasCarry);
    const carry = ds.filter((d) => d.code === 'carryover');
    assert.equal(carry.length, 1, codes(ds).join(','));
    const lines = THIS.split('\n');
    for (const d of carry) {
      assert.equal(d.severity, 2);
      assert.match(lines[d.range.start.line], /^\| 二、上年结转政府信息公开申请数量 /);
      assert.equal(lines[d.range.start.line].slice(d.range.start.character, d.range.end.character), '0');
      assert.match(d.message, /2021 年报告/);
      assert.match(d.message, /为 2/);
    }
    const docs = ds.find((d) => d.code === 'valid-docs');
    assert.ok(docs, 'valid-docs');
    assert.equal(docs.severity, 3);
    assert.match(docs.message, /应为 33/);
  });

  test('the quick fix sets 二、上年结转 from last year', async () => {
    const ds = client.diagnostics.get(thisUri)!.diagnostics.filter((d) => d.code === 'carryover');
    const actions = await client.request<{ title: string; edit?: WorkspaceEdit; diagnostics?: LspDiagnostic[] }[]>(
      'textDocument/codeAction',
      {
        textDocument: { uri: thisUri },
        range: ds[0].range,
        context: { diagnostics: [ds[0]] },
      },
    );
    const fix = (actions ?? []).find((a) => a.edit && /上年/.test(a.title));
    assert.ok(fix, JSON.stringify(actions?.map((a) => a.title)));
    const fixed = applyWorkspaceEdit(THIS, thisUri, fix.edit);
    assert.match(fixed, /\| 二、上年结转政府信息公开申请数量 \| 2 \|/);
  });

  test('last year’s file changed on disk: this year’s diagnostics follow', async () => {
    const noCarry = edit(
      edit(
        edit(LAST, CARRY_2, '| 四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |'),
        '| （七）总计 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |',
        '| （七）总计 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |',
      ),
      '| （一）予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |',
      '| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |',
    );
    writeFileSync(lastPath, noCarry);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: lastUri, type: 2 }] });
    const ds = await client.waitForDiagnostics(thisUri, (x) => !hasCarry(x));
    assert.ok(!hasCarry(ds));

    writeFileSync(lastPath, LAST);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: lastUri, type: 2 }] });
    await client.waitForDiagnostics(thisUri, hasCarry);
  });

  test('last year’s report edited in the editor (unsaved): this year’s diagnostics follow', async () => {
    await client.open(lastUri, LAST);
    const three = edit(
      edit(LAST, CARRY_2, '| 四、结转下年度继续办理 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |'),
      '| 一、本年新收政府信息公开申请数量 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |',
      '| 一、本年新收政府信息公开申请数量 | 7 | 0 | 0 | 0 | 0 | 0 | 7 |',
    );
    await client.change(lastUri, three);
    const ds = await client.waitForDiagnostics(thisUri, (x) =>
      x.some((d) => d.code === 'carryover' && /为 3/.test(d.message)),
    );
    assert.equal(ds.filter((d) => d.code === 'carryover').length, 1);
    // closing it unsaved: the file on disk speaks again
    client.close(lastUri);
    await client.waitForDiagnostics(thisUri, (x) => x.some((d) => d.code === 'carryover' && /为 2/.test(d.message)));
  });

  test('last year’s file deleted: no cross-year diagnostics', async () => {
    rmSync(lastPath);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: lastUri, type: 3 }] });
    await client.waitForDiagnostics(thisUri, (x) => !hasCarry(x) && !x.some((d) => d.code === 'valid-docs'));
    writeFileSync(lastPath, LAST);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: lastUri, type: 1 }] });
    await client.waitForDiagnostics(thisUri, hasCarry);
  });

  test('a workspace folder removed and added again: its reports leave and come back', async () => {
    client.notify('workspace/didChangeWorkspaceFolders', {
      event: { added: [], removed: [{ uri: folder, name: 'reports' }] },
    });
    await client.waitForDiagnostics(thisUri, (x) => !hasCarry(x));
    client.notify('workspace/didChangeWorkspaceFolders', {
      event: { added: [{ uri: folder, name: 'reports' }], removed: [] },
    });
    await client.waitForDiagnostics(thisUri, hasCarry);
  });

  test('workspace symbols find sections and tables by 机关 and 年度', async () => {
    assert.ok(client.initializeResult!.capabilities.workspaceSymbolProvider);
    type Sym = { name: string; kind: number; location: { uri: string; range: { start: { line: number } } } };
    const all = await client.request<Sym[]>('workspace/symbol', { query: '' });
    assert.ok(all.some((s) => s.location.uri === lastUri) && all.some((s) => s.location.uri === thisUri));
    const hits = await client.request<Sym[]>('workspace/symbol', { query: '交通运输局 2021 收到和处理' });
    assert.ok(hits.length >= 1);
    for (const h of hits) assert.equal(h.location.uri, lastUri);
    const sec = hits.find((h) => h.name.endsWith('三、收到和处理政府信息公开申请情况') && h.kind === 2);
    assert.ok(sec, hits.map((h) => h.name).join(' | '));
    assert.equal(LAST.split('\n')[sec.location.range.start.line], '## 三、收到和处理政府信息公开申请情况');
    const tables = await client.request<Sym[]>('workspace/symbol', { query: '2022 第二十条第（一）项' });
    assert.equal(tables.length, 1);
    assert.equal(tables[0].location.uri, thisUri);
    assert.match(THIS.split('\n')[tables[0].location.range.start.line], /^\| 第二十条第（一）项 /);
  });

  test('xxgk/newYear drafts next year’s report from an open one', async () => {
    const r = await client.request<{ text: string; fileName: string; year: number; carried: number }>('xxgk/newYear', {
      uri: thisUri,
    });
    assert.equal(r.year, 2023);
    assert.equal(r.fileName, '交通运输局-2023.xxgk.md');
    assert.match(r.text, /^---\n机关: 某县交通运输局\n年度: 2023\n/);
    assert.match(r.text, /\| 二、上年结转政府信息公开申请数量 \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \|/);
    await assert.rejects(
      client.request('xxgk/newYear', { uri: pathToFileURL(join(dir, 'none.xxgk.md')).toString() }),
      /无法读取上一年度的报告/,
    );
  });

  test('xxgk/import turns a file into a draft with a summary', async () => {
    const r = await client.request<{
      markdown: string;
      fileName: string;
      summary: { cellsRead: number; cellsExpected: number };
    }>('xxgk/import', { path: join(ROOT, 'test', 'fixtures', 'import', 'seed003-2022.txt') });
    assert.equal(r.fileName, 'seed003-2022.xxgk.md');
    assert.equal(r.summary.cellsRead, 200);
    assert.equal(r.summary.cellsExpected, 200);
    // PDFs are imported now; a file that is no PDF gets the importer's message
    writeFileSync(join(dir, 'report.pdf'), 'not a pdf');
    await assert.rejects(client.request('xxgk/import', { path: join(dir, 'report.pdf') }), /不是 PDF 文件/);
    await assert.rejects(client.request('xxgk/import', { path: join(dir, 'missing.pdf') }), /无法读取/);
  });
});
