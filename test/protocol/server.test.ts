/**
 * The language server as any LSP editor sees it: the real process over stdio (both the bundled
 * server and `xxgk lsp --stdio`), diagnostics with rule ids after didOpen/didChange, the outline,
 * folding, configuration.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { LspClient, repoRoot, type LspDiagnostic } from './client';
import { EXAMPLE, edit } from '../helpers/fixtures';

interface Symbol {
  name: string;
  kind: number;
  children?: Symbol[];
  range: { start: { line: number } };
}

describe('bundled server over stdio', () => {
  const client = new LspClient();
  const uri = client.uri('protocol-server.xxgk.md');
  before(async () => {
    await client.start();
  });
  after(async () => {
    await client.shutdown();
  });

  test('initialize announces incremental sync, symbols and folding', () => {
    const caps = client.initializeResult!.capabilities;
    assert.equal(caps.textDocumentSync, 2);
    assert.ok(caps.documentSymbolProvider);
    assert.ok(caps.foldingRangeProvider);
  });

  test('didOpen of the clean example publishes no diagnostics', async () => {
    const ds = await client.open(uri, EXAMPLE());
    assert.deepEqual(
      ds.map((d) => d.message),
      [],
    );
  });

  test('didChange publishes diagnostics with rule id, source, severity, exact range and related cells', async () => {
    const wrong = edit(
      EXAMPLE(),
      '| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |',
      '| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 5 |',
    );
    const ds: LspDiagnostic[] = await client.change(uri, wrong);
    assert.equal(ds.length, 1);
    const d = ds[0];
    assert.equal(d.code, 'sum-row');
    assert.equal(d.source, 'xxgk');
    assert.equal(d.severity, 1);
    const line = wrong.split('\n')[d.range.start.line];
    assert.equal(line.slice(d.range.start.character, d.range.end.character), '5');
    assert.ok((d.relatedInformation?.length ?? 0) >= 6);
    assert.match(
      String((d as { codeDescription?: { href: string } }).codeDescription?.href),
      /docs\/rules\/sum-row\.md$/,
    );
  });

  test('fixing the mistake clears the diagnostics', async () => {
    const ds = await client.change(uri, EXAMPLE());
    assert.equal(ds.length, 0);
  });

  test('the outline: title, the six sections, their sub-headings and tables', async () => {
    const syms = (await client.request('textDocument/documentSymbol', { textDocument: { uri } })) as Symbol[];
    assert.equal(syms.length, 1);
    assert.equal(syms[0].name, '西塞山区2022年政府信息公开工作年度报告');
    const sections = syms[0].children!;
    assert.deepEqual(
      sections.map((s) => s.name),
      [
        '一、总体情况',
        '二、主动公开政府信息情况',
        '三、收到和处理政府信息公开申请情况',
        '四、政府信息公开行政复议、行政诉讼情况',
        '五、存在的主要问题及改进情况',
        '六、其他需要报告的事项',
      ],
    );
    assert.equal(sections[0].children!.length, 5);
    assert.deepEqual(
      sections[1].children!.map((c) => c.name),
      ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项'],
    );
    assert.equal(sections[2].children!.length, 1);
  });

  test('a missing section is simply not in the outline', async () => {
    const text = EXAMPLE();
    const cut = text.slice(0, text.indexOf('## 五、')) + text.slice(text.indexOf('## 六、'));
    const ds = await client.change(uri, cut);
    assert.deepEqual(
      ds.map((d) => d.code),
      ['section-missing'],
    );
    const syms = (await client.request('textDocument/documentSymbol', { textDocument: { uri } })) as Symbol[];
    assert.equal(syms[0].children!.length, 5);
    assert.ok(!syms[0].children!.some((s) => s.name.startsWith('五')));
  });

  test('folding ranges for sections and tables', async () => {
    await client.change(uri, EXAMPLE());
    const ranges = (await client.request('textDocument/foldingRange', { textDocument: { uri } })) as {
      startLine: number;
      endLine: number;
    }[];
    const lines = EXAMPLE().split('\n');
    const sectionTwo = lines.findIndex((l) => l.startsWith('## 二、'));
    assert.ok(ranges.some((r) => r.startLine === sectionTwo && r.endLine > sectionTwo + 10));
  });
});

describe('configuration and locale', () => {
  test('English locale and a rule turned off', async () => {
    const client = new LspClient({ locale: 'en', settings: { rules: { 'cell-invalid': 'off' } } });
    await client.start();
    try {
      const uri = client.uri('protocol-en.xxgk.md');
      const text = edit(
        edit(EXAMPLE(), '| 行政许可 | 3984 |', '| 行政许可 | 约四千 |'),
        '| 行政复议 | 0 | 1 | 0 | 0 | 1 |',
        '| 行政复议 | 0 | 1 | 0 | 0 | 2 |',
      );
      const ds = await client.open(uri, text);
      assert.deepEqual(
        ds.map((d) => d.code),
        ['sum-review'],
      );
      assert.match(ds[0].message, /should be 1/);
    } finally {
      await client.shutdown();
    }
  });
});

describe('xxgk lsp --stdio', () => {
  test('the CLI runs the same server', async () => {
    const client = new LspClient({ serverPath: join(repoRoot(), 'bin', 'xxgk.js'), serverArgs: ['lsp', '--stdio'] });
    await client.start();
    try {
      const uri = client.uri('protocol-cli.xxgk.md');
      const ds = await client.open(uri, edit(EXAMPLE(), '| 行政许可 | 3984 |', '| 行政许可 | 约四千 |'));
      assert.deepEqual(
        ds.map((d) => d.code),
        ['cell-invalid'],
      );
      const syms = (await client.request('textDocument/documentSymbol', { textDocument: { uri } })) as Symbol[];
      assert.equal(syms[0].children!.length, 6);
    } finally {
      await client.shutdown();
    }
  });
});
