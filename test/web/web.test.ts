/**
 * The extension in a browser's extension host (code-server's web-worker host, `node
 * test/e2e/run.mjs web`): what only the browser build has to prove, beside the shared suite
 * (test/vscode/extension.test.ts) which runs here too. The language server is in a Web Worker; it
 * reads the workspace through the extension (vscode.workspace.fs), so cross-year checks, import
 * and new year here exercise that relay. Files the tests write go to web-tmp/ in the workspace copy.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  EXTENSION_ID,
  closeAll,
  openReport,
  ruleOf,
  waitFor,
  waitForDiagnostics,
  workspaceFile,
} from '../vscode/helpers';
import LAST_YEAR from '../fixtures/crossyear/交通运输局-2021.xxgk.md';
import THIS_YEAR from '../fixtures/crossyear/交通运输局-2022.xxgk.md';
import UNFORMATTED from '../fixtures/format-seed-tables.xxgk.md';
import PAGE from '../fixtures/import/xisaishan-2022.html';

const TMP = 'web-tmp';

function client(): BaseLanguageClient {
  const ext = vscode.extensions.getExtension<{ client: () => BaseLanguageClient | undefined }>(EXTENSION_ID);
  const c = ext?.exports?.client();
  if (!c) throw new Error('the extension gives no language client');
  return c;
}

async function writeText(name: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceFile(`${TMP}/${name}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

describe('xxgk-report in a browser extension host', function () {
  this.timeout(60_000);

  afterEach(async () => {
    await closeAll();
  });
  after(async () => {
    await Promise.resolve(vscode.workspace.fs.delete(workspaceFile(TMP), { recursive: true })).catch(() => undefined);
  });

  it('runs in a web worker (no Node), its language server running in a worker of its own', async () => {
    await openReport('example-2022.xxgk.md');
    const g = globalThis as { importScripts?: unknown; process?: { versions?: { node?: string } } };
    assert.equal(typeof g.importScripts, 'function', 'the extension host is a web worker');
    assert.equal(g.process?.versions?.node, undefined, 'no Node in this host');
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
    const c = client();
    await waitFor('the language client running', () => (c.isRunning() ? true : undefined));
    assert.equal(c.initializeResult?.serverInfo?.name, 'xxgk-report');
  });

  it('links a diagnostic to its rule page shipped with the extension', async () => {
    const { doc } = await openReport('mistakes-2022.xxgk.md');
    const ds = await waitForDiagnostics(doc.uri, 'sum-row', (d) => d.some((x) => ruleOf(x) === 'sum-row'));
    const code = ds.find((d) => ruleOf(d) === 'sum-row')!.code as { value: string; target: vscode.Uri };
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.equal(
      code.target.toString(),
      vscode.Uri.joinPath(ext.extensionUri, 'docs', 'rules', 'sum-row.md').toString(),
    );
  });

  it('answers hover and formatting', async () => {
    const { doc } = await openReport('mistakes-2022.xxgk.md');
    const ds = await waitForDiagnostics(doc.uri, 'sum-row', (d) => d.some((x) => ruleOf(x) === 'sum-row'));
    const at = ds.find((d) => ruleOf(d) === 'sum-row')!.range.start;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
    const text = (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.ok(text.length > 0, 'a hover on the wrong total');
    const messy = await writeText('messy-2020.xxgk.md', UNFORMATTED);
    const mdoc = await vscode.workspace.openTextDocument(messy);
    await vscode.window.showTextDocument(mdoc);
    const edits = await waitFor('formatting edits', async () => {
      const e = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', messy, {
        tabSize: 2,
        insertSpaces: true,
      });
      return e && e.length > 0 ? e : undefined;
    });
    const we = new vscode.WorkspaceEdit();
    we.set(messy, edits);
    assert.ok(await vscode.workspace.applyEdit(we), 'the formatting edits apply');
    assert.match(mdoc.getText(), /^\| 规范性文件 +\| +0 +\| +4 +\| +4 +\|$/m, 'the tables are aligned');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('renders the preview in the worker, with the findings marked', async () => {
    const { doc } = await openReport('mistakes-2022.xxgk.md');
    await waitForDiagnostics(doc.uri, 'sum-row', (d) => d.some((x) => ruleOf(x) === 'sum-row'));
    const r = await client().sendRequest<{ html: string; counts: { errors: number } }>('xxgk/preview', {
      uri: doc.uri.toString(),
    });
    assert.match(r.html, /<table/);
    assert.match(r.html, /法人或其他组织/);
    assert.equal(r.counts.errors, 2);
  });

  it('exports DOCX and HTML into the workspace, and imports the DOCX and a web page back', async () => {
    const { doc } = await openReport('example-2022.xxgk.md');
    const docxTarget = workspaceFile(`${TMP}/example-2022.docx`);
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>(
      'xxgk.exportDocx',
      doc.uri,
      docxTarget,
    );
    assert.equal(written?.toString(), docxTarget.toString());
    const docx = await vscode.workspace.fs.readFile(docxTarget);
    assert.ok(docx.length > 5000, `a Word file of ${docx.length} bytes`);
    assert.deepEqual([docx[0], docx[1]], [0x50, 0x4b], 'a ZIP package (PK)');
    const htmlTarget = workspaceFile(`${TMP}/example-2022.html`);
    await vscode.commands.executeCommand('xxgk.exportHtml', doc.uri, htmlTarget);
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(htmlTarget));
    assert.match(html, /西塞山区2022年政府信息公开工作年度报告/);
    assert.match(html, /<table/);

    type Answer = { markdown: string; fileName: string; summary: { cellsRead: number; cellsExpected: number } };
    const fromDocx = await client().sendRequest<Answer>('xxgk/import', { uri: docxTarget.toString() });
    assert.equal(fromDocx.fileName, 'example-2022.xxgk.md');
    assert.match(fromDocx.markdown, /## 三、收到和处理政府信息公开申请情况/);
    assert.ok(fromDocx.summary.cellsRead > 100, `cells read from the DOCX: ${fromDocx.summary.cellsRead}`);
    const page = await writeText('xisaishan-2022.html', PAGE);
    const fromHtml = await client().sendRequest<Answer>('xxgk/import', { uri: page.toString() });
    assert.match(fromHtml.markdown, /## 二、主动公开政府信息情况/);
    assert.ok(fromHtml.summary.cellsRead > 100, `cells read from the web page: ${fromHtml.summary.cellsRead}`);
  });

  it('says why a file cannot be imported', async () => {
    await openReport('example-2022.xxgk.md');
    const old = await writeText('old.doc', 'not really a doc');
    await assert.rejects(client().sendRequest('xxgk/import', { uri: old.toString() }), /\.docx/);
  });

  it('drafts next year’s report', async () => {
    const { doc } = await openReport('example-2022.xxgk.md');
    const r = await client().sendRequest<{ year: number; fileName: string; text: string }>('xxgk/newYear', {
      uri: doc.uri.toString(),
    });
    assert.equal(r.year, 2023);
    assert.equal(r.fileName, 'example-2023.xxgk.md');
    assert.match(r.text, /2023/);
  });

  it('checks this year’s report against last year’s file in the workspace (cross-year)', async () => {
    await writeText('2021/交通运输局-2021.xxgk.md', LAST_YEAR);
    const uri = await writeText('2022/交通运输局-2022.xxgk.md', THIS_YEAR);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const ds = await waitForDiagnostics(doc.uri, 'carryover', (d) => d.some((x) => ruleOf(x) === 'carryover'), 30_000);
    const carry = ds.find((d) => ruleOf(d) === 'carryover')!;
    assert.match(carry.message, /2021 年报告/);
    assert.match(doc.lineAt(carry.range.start.line).text, /^\| 二、上年结转政府信息公开申请数量 /);
  });
});
