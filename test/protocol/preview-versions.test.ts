/**
 * The preview and export answered by the server from its own analysis (xxgk/preview,
 * xxgk/export), so the preview shows exactly what the Problems view shows, cross-year findings
 * included; and results that follow the text, not the version number: a didChange that reuses a
 * version number, or a second didOpen without a close, never leaves the old text's results.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, type LspDiagnostic } from './client';
import { EXAMPLE, ROOT, edit } from '../helpers/fixtures';

const LAST = readFileSync(join(ROOT, 'test', 'fixtures', 'crossyear', '交通运输局-2021.xxgk.md'), 'utf8');
const THIS = readFileSync(join(ROOT, 'test', 'fixtures', 'crossyear', '交通运输局-2022.xxgk.md'), 'utf8');
const hasCarry = (ds: LspDiagnostic[]): boolean => ds.some((d) => d.code === 'carryover');

interface PreviewUpdate {
  type: string;
  html: string;
  counts: { errors: number; warnings: number; infos: number };
  loose: { rule: string; message: string }[];
}
interface ExportAnswer {
  data: string;
  errors: number;
  fileName: string;
}

const countsOf = (ds: LspDiagnostic[]): PreviewUpdate['counts'] => ({
  errors: ds.filter((d) => d.severity === 1).length,
  warnings: ds.filter((d) => d.severity === 2).length,
  infos: ds.filter((d) => d.severity === 3).length,
});

describe('preview and export from the server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-pv-'));
  mkdirSync(join(dir, '2021'));
  mkdirSync(join(dir, '2022'));
  const lastPath = join(dir, '2021', '交通运输局-2021.xxgk.md');
  const thisPath = join(dir, '2022', '交通运输局-2022.xxgk.md');
  writeFileSync(lastPath, LAST);
  writeFileSync(thisPath, THIS);
  const thisUri = pathToFileURL(thisPath).toString();
  const folder = pathToFileURL(dir).toString();
  const client = new LspClient({
    capabilities: { workspace: { workspaceFolders: true } },
    workspaceFolders: [{ uri: folder, name: 'reports' }],
  });

  before(async () => {
    await client.start();
  });
  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the preview shows the findings the editor publishes, the cross-year ones included', async () => {
    await client.open(thisUri, THIS);
    const ds = await client.waitForDiagnostics(thisUri, hasCarry);
    const update = await client.request<PreviewUpdate>('xxgk/preview', { uri: thisUri });
    assert.equal(update.type, 'update');
    assert.deepEqual(update.counts, countsOf(ds));
    const carry = ds.find((d) => d.code === 'carryover')!;
    const shown = update.html.includes(carry.message.replace(/&/g, '&amp;').replace(/"/g, '&quot;'));
    const loose = update.loose.some((m) => m.rule === 'carryover');
    assert.ok(shown || loose, 'the carryover finding is marked in the preview');
    assert.match(update.html, /data-line="\d+"/, 'source lines for scroll sync and click-to-source');
  });

  test('a text the server does not hold is rendered from the text sent', async () => {
    const update = await client.request<PreviewUpdate>('xxgk/preview', {
      uri: 'untitled:Untitled-1',
      text: EXAMPLE(),
    });
    assert.equal(update.counts.errors, 0);
    assert.match(update.html, /<table/);
  });

  test('the page shell comes with its strict policy', async () => {
    const html = await client.request<string>('xxgk/previewShell', {
      cspSource: 'vscode-resource:',
      nonce: 'abc',
      styleHref: 'a.css',
      scriptHref: 'a.js',
      printLook: false,
      title: 't',
    });
    assert.match(html, /Content-Security-Policy/);
    assert.match(html, /script-src 'nonce-abc'/);
  });

  test('export answers the file: HTML and Word, with the errors counted and the default name', async () => {
    const html = await client.request<ExportAnswer>('xxgk/export', { uri: thisUri, format: 'html' });
    const page = Buffer.from(html.data, 'base64').toString('utf8');
    assert.match(page, /^<!DOCTYPE html>/i);
    assert.match(page, /交通运输局/);
    assert.equal(html.fileName, '交通运输局-2022.html');
    const docx = await client.request<ExportAnswer>('xxgk/export', { uri: thisUri, format: 'docx' });
    assert.equal(Buffer.from(docx.data, 'base64').subarray(0, 2).toString('latin1'), 'PK');
    assert.equal(docx.fileName, '交通运输局-2022.docx');
    await assert.rejects(client.request('xxgk/export', { uri: thisUri, format: 'pdf' }));
  });
});

describe('results follow the text, not the version number', () => {
  const client = new LspClient();
  const uri = client.uri('versions-2022.xxgk.md');
  const WRONG = edit(
    EXAMPLE(),
    '| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |',
    '| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 5 |',
  );
  const sums = (ds: LspDiagnostic[]): number => ds.filter((d) => String(d.code).startsWith('sum')).length;
  interface Symbol {
    name: string;
    children?: Symbol[];
  }
  const names = (ss: Symbol[]): string[] => ss.flatMap((s) => [s.name, ...names(s.children ?? [])]);

  before(async () => {
    await client.start();
  });
  after(async () => {
    await client.shutdown();
  });

  test('a didChange that reuses the version number', async () => {
    const first = await client.open(uri, WRONG);
    assert.ok(sums(first) > 0, 'the wrong total is reported');
    // the same version number again, with the corrected text
    client.notify('textDocument/didChange', {
      textDocument: { uri, version: 1 },
      contentChanges: [{ text: EXAMPLE() }],
    });
    const ds = await client.waitForDiagnostics(uri, (x) => sums(x) === 0);
    assert.equal(sums(ds), 0);
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: 0 },
    });
    assert.ok(hover === null || !/sum-row/.test(hover.contents.value));
  });

  test('a second didOpen without a close', async () => {
    const renamed = EXAMPLE().replace(/^## 一、总体情况$/m, '## 一、总体情况概述');
    client.notify('textDocument/didOpen', {
      textDocument: { uri, languageId: 'xxgk-report', version: 1, text: WRONG },
    });
    const ds = await client.waitForDiagnostics(uri, (x) => sums(x) > 0);
    assert.ok(sums(ds) > 0);
    client.notify('textDocument/didOpen', {
      textDocument: { uri, languageId: 'xxgk-report', version: 1, text: renamed },
    });
    await client.waitForDiagnostics(uri, (x) => sums(x) === 0);
    const symbols = await client.request<Symbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(
      names(symbols).some((n) => n.includes('总体情况概述')),
      `symbols of the new text: ${names(symbols).join(', ')}`,
    );
  });
});
