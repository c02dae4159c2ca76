/**
 * The language server's browser build (dist/web/server.js, server/src/browserMain.ts) in a real
 * Chromium Web Worker, driven over postMessage as the browser extension drives it: diagnostics,
 * a quick fix, the preview, a DOCX export and an import, and the workspace files read through
 * the `xxgk/fs/*` requests (answered here from a temporary folder, as client/src/web-files.ts
 * answers them from vscode.workspace.fs): cross-year findings against last year's file. Also the
 * web bundles' budget and that they reach no Node module.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { ROOT, fixture } from '../helpers/fixtures';
import { launchBrowser, skipBrowser } from '../helpers/browser';

const SERVER = join(ROOT, 'dist', 'web', 'server.js');
const EXTENSION = join(ROOT, 'dist', 'web', 'extension.js');
const skip = skipBrowser
  ? skipBrowser
  : !existsSync(SERVER)
    ? `${SERVER} is missing: run node scripts/build.mjs`
    : false;

interface Diag {
  code?: string | number;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

test('the web bundles are within 3 MB and reach no Node module', () => {
  assert.ok(existsSync(SERVER) && existsSync(EXTENSION), 'node scripts/build.mjs makes dist/web/');
  const bytes = statSync(SERVER).size + statSync(EXTENSION).size;
  assert.ok(bytes <= 3 * 1024 * 1024, `the web bundles are ${bytes} bytes`);
  const server = readFileSync(SERVER, 'utf8');
  assert.deepEqual(server.match(/\brequire\("[^"]+"\)/g) ?? [], [], 'the worker script requires nothing');
  // the Word writer is a chunk of its own, loaded when a DOCX is exported (browser/chunks.ts)
  const chunk = join(ROOT, 'dist', 'web', 'chunks', 'render-docx.js');
  assert.ok(existsSync(chunk), 'dist/web/chunks/render-docx.js');
  assert.ok(readFileSync(chunk, 'utf8').includes('word/fontTable.xml') && !server.includes('word/fontTable.xml'));
  const ext = readFileSync(EXTENSION, 'utf8');
  assert.deepEqual([...new Set(ext.match(/\brequire\("[^"]+"\)/g) ?? [])], ['require("vscode")']);
  // the browser extension holds no engine, render or Markdown code, and no Node language client
  for (const marker of ['codeFenced', 'xxgk-disable', 'w:tbl', 'child_process', 'TransportKind'])
    assert.ok(!ext.includes(marker), `dist/web/extension.js contains ${marker}`);
});

let dir = '';
let browser: Browser | undefined;
let page: Page | undefined;

/** The server's requests: the workspace folder, and its files as the extension answers the xxgk/fs requests. */
function answerFs(method: string, params: { uri: string }): unknown {
  const path = method.startsWith('xxgk/fs/') ? fileURLToPath(params.uri) : '';
  if (method === 'xxgk/fs/stat') {
    try {
      const st = statSync(path);
      return { isFile: st.isFile(), isDirectory: st.isDirectory(), size: st.size };
    } catch {
      return null;
    }
  }
  if (method === 'xxgk/fs/readFile') return readFileSync(path).toString('base64');
  if (method === 'xxgk/fs/readDir')
    return readdirSync(path, { withFileTypes: true }).map((e) => ({
      name: e.name,
      isFile: e.isFile(),
      isDirectory: e.isDirectory(),
    }));
  if (method === 'workspace/workspaceFolders') return [{ uri: pathToFileURL(dir).toString(), name: 'reports' }];
  return null; // client/registerCapability and the like
}

/** Installed in the page: an LSP client over the worker's messages (window.lsp). */
function installClient({ script, extensionUri }: { script: string; extensionUri: string }): void {
  const g = globalThis as unknown as Record<string, unknown> & {
    Blob: new (p: string[], o: { type: string }) => object;
    URL: { createObjectURL(b: object): string };
    Worker: new (u: string) => { postMessage(m: unknown): void; onmessage: ((e: { data: unknown }) => void) | null };
    fsRequest: (method: string, params: unknown) => Promise<unknown>;
  };
  const prelude = `self.__xxgkStart=${JSON.stringify({ extensionUri, language: 'zh-cn' })};\n`;
  const worker = new g.Worker(g.URL.createObjectURL(new g.Blob([prelude, script], { type: 'text/javascript' })));
  let id = 0;
  const answers = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const diagnostics = new Map<string, { version?: number; diagnostics: unknown[] }>();
  const logs: string[] = [];
  worker.onmessage = (e) => {
    const m = e.data as {
      id?: number;
      method?: string;
      params?: { uri: string; message: string; version?: number; diagnostics: unknown[] };
      result?: unknown;
      error?: { message: string };
    };
    if (m.id !== undefined && m.method) {
      // a request of the server's: the workspace folder and its files
      g.fsRequest(m.method, m.params).then(
        (result) => worker.postMessage({ jsonrpc: '2.0', id: m.id, result: result ?? null }),
        (err: Error) => worker.postMessage({ jsonrpc: '2.0', id: m.id, error: { code: -32603, message: err.message } }),
      );
    } else if (m.id !== undefined) {
      const a = answers.get(m.id);
      if (m.error) a?.reject(new Error(m.error.message));
      else a?.resolve(m.result);
    } else if (m.method === 'textDocument/publishDiagnostics' && m.params) diagnostics.set(m.params.uri, m.params);
    else if (m.method === 'window/logMessage' && m.params) logs.push(m.params.message);
  };
  g.lsp = {
    logs,
    diagnostics: (uri: string) => diagnostics.get(uri),
    request: (method: string, params: unknown) =>
      new Promise((resolve, reject) => {
        answers.set(++id, { resolve, reject });
        worker.postMessage({ jsonrpc: '2.0', id, method, params });
      }),
    notify: (method: string, params: unknown) => worker.postMessage({ jsonrpc: '2.0', method, params }),
  };
}

const request = <T>(method: string, params: unknown): Promise<T> =>
  page!.evaluate(
    ([m, p]) =>
      (globalThis as unknown as { lsp: { request(m: string, p: unknown): Promise<unknown> } }).lsp.request(m, p),
    [method, params] as const,
  ) as Promise<T>;
const notify = (method: string, params: unknown): Promise<void> =>
  page!.evaluate(
    ([m, p]) => (globalThis as unknown as { lsp: { notify(m: string, p: unknown): void } }).lsp.notify(m, p),
    [method, params] as const,
  );

async function diagnosticsOf(uri: string, version: number, ok: (d: Diag[]) => boolean = () => true): Promise<Diag[]> {
  const deadline = Date.now() + 20_000;
  let last: { version?: number; diagnostics: Diag[] } | undefined;
  while (Date.now() < deadline) {
    last = (await page!.evaluate(
      (u) => (globalThis as unknown as { lsp: { diagnostics(u: string): unknown } }).lsp.diagnostics(u),
      uri,
    )) as typeof last;
    if (last && (last.version ?? 0) >= version && ok(last.diagnostics)) return last.diagnostics;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no diagnostics of version ${version} for ${uri}: ${JSON.stringify(last)}`);
}

before(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'xxgk-web-worker-'));
  mkdirSync(join(dir, '2021'));
  mkdirSync(join(dir, '2022'));
  writeFileSync(join(dir, '2021', '交通运输局-2021.xxgk.md'), fixture('crossyear/交通运输局-2021.xxgk.md'));
  writeFileSync(join(dir, '2022', '交通运输局-2022.xxgk.md'), fixture('crossyear/交通运输局-2022.xxgk.md'));
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.exposeFunction('fsRequest', (method: string, params: { uri: string }) => answerFs(method, params));
  await page.setContent('<!DOCTYPE html><title>xxgk worker</title>');
  // the extension's folder is the repository: the worker reads its chunks (dist/web/chunks/) through the file requests
  await page.evaluate(installClient, {
    script: readFileSync(SERVER, 'utf8'),
    extensionUri: pathToFileURL(ROOT).toString(),
  });
  const init = await request<{ serverInfo: { name: string } }>('initialize', {
    processId: null,
    rootUri: pathToFileURL(dir).toString(),
    workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'reports' }],
    locale: 'zh-cn',
    capabilities: {
      textDocument: { publishDiagnostics: { versionSupport: true }, codeAction: { codeActionLiteralSupport: {} } },
      workspace: { workspaceFolders: true },
    },
  });
  assert.equal(init.serverInfo.name, 'xxgk-report');
  await notify('initialized', {});
});
after(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the language server in a Chromium Web Worker', { skip }, () => {
  const MISTAKES = 'file:///virtual/mistakes-2022.xxgk.md';

  test('diagnoses a report, links the rule page, and offers the quick fix', async () => {
    const text = fixture('example-2022.xxgk.md').replace(
      /^(\| 一、本年新收政府信息公开申请数量 \|.*\| )6( \|)$/m,
      '$12$2',
    );
    await notify('textDocument/didOpen', {
      textDocument: { uri: MISTAKES, languageId: 'xxgk-report', version: 1, text },
    });
    const ds = await diagnosticsOf(MISTAKES, 1, (d) => d.some((x) => x.code === 'sum-row'));
    const sum = ds.find((d) => d.code === 'sum-row')! as Diag & { codeDescription?: { href: string } };
    assert.equal(sum.codeDescription?.href, `${pathToFileURL(ROOT).toString()}/docs/rules/sum-row.md`);
    const actions = await request<{ title: string; edit?: unknown }[]>('textDocument/codeAction', {
      textDocument: { uri: MISTAKES },
      range: sum.range,
      context: { diagnostics: [sum] },
    });
    assert.ok(
      actions.some((a) => /改为 6/.test(a.title) && a.edit),
      JSON.stringify(actions.map((a) => a.title)),
    );
  });

  test('renders the preview and exports a Word file (the Word writer loaded on demand)', async () => {
    const r = await request<{ html: string; counts: { errors: number } }>('xxgk/preview', { uri: MISTAKES });
    assert.match(r.html, /<table/);
    assert.equal(r.counts.errors, 1);
    const x = await request<{ data: string; fileName: string }>('xxgk/export', { uri: MISTAKES, format: 'docx' });
    const bytes = Buffer.from(x.data, 'base64');
    assert.equal(x.fileName, 'mistakes-2022.docx');
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
    // and the worker imports it back, reading the file through the relay
    writeFileSync(join(dir, 'exported.docx'), bytes);
    const imp = await request<{ markdown: string; summary: { cellsRead: number } }>('xxgk/import', {
      uri: pathToFileURL(join(dir, 'exported.docx')).toString(),
    });
    assert.match(imp.markdown, /## 三、收到和处理政府信息公开申请情况/);
    assert.ok(imp.summary.cellsRead > 100, `cells read: ${imp.summary.cellsRead}`);
  });

  test('finds last year’s report in the workspace through the file requests (cross-year)', async () => {
    const path = join(dir, '2022', '交通运输局-2022.xxgk.md');
    const uri = pathToFileURL(path).toString();
    await notify('textDocument/didOpen', {
      textDocument: { uri, languageId: 'xxgk-report', version: 1, text: readFileSync(path, 'utf8') },
    });
    const ds = await diagnosticsOf(uri, 1, (d) => d.some((x) => x.code === 'carryover'));
    const carry = ds.find((d) => d.code === 'carryover')!;
    assert.match(carry.message, /2021 年报告/);
  });
});
