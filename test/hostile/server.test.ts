/**
 * Hostile documents opened in the real language server (dist/server.js over stdio): each gets
 * its diagnostics (huge ones the `limits` notice), every request on it is answered, nothing is
 * logged as failed, and afterwards an ordinary report is still checked as before.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from '../protocol/client';
import { EXAMPLE, edit } from '../helpers/fixtures';
import {
  MB,
  bigReport,
  nestedList,
  nestedListIndented,
  nestedQuotes,
  randomCodeUnits,
  singleLine,
  wideTable,
} from './inputs';

const client = new LspClient({ timeoutMs: 90_000 });
before(async () => {
  await client.start();
});
after(async () => {
  await client.shutdown();
});

/** Every request an editor sends about a document, at a few positions; all must be answered. */
async function everyRequest(uri: string, text: string): Promise<void> {
  const lines = text.split(/\r\n|\r|\n/).length;
  const positions = [
    { line: 0, character: 0 },
    { line: Math.floor(lines / 2), character: 3 },
    { line: lines + 10, character: 10_000 },
  ];
  const whole = { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } };
  const td = { textDocument: { uri } };
  const calls: Promise<unknown>[] = [
    client.request('textDocument/documentSymbol', td),
    client.request('textDocument/foldingRange', td),
    client.request('textDocument/formatting', { ...td, options: { tabSize: 2, insertSpaces: true } }),
    client.request('textDocument/codeLens', td),
    client.request('textDocument/inlayHint', { ...td, range: whole }),
    client.request('textDocument/codeAction', { ...td, range: whole, context: { diagnostics: [] } }),
    client.request('textDocument/codeAction', {
      ...td,
      range: whole,
      context: { diagnostics: [], only: ['source.fixAll.xxgk'] },
    }),
    ...positions.flatMap((position) => [
      client.request('textDocument/hover', { ...td, position }),
      client.request('textDocument/completion', { ...td, position }),
    ]),
  ];
  const results = await Promise.allSettled(calls);
  const failed = results
    .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    .map((r) => String(r.reason).split('\n')[0]);
  assert.deepEqual(failed, [], `requests on ${uri}`);
}

function errorsLogged(): string[] {
  return client.notifications
    .filter((n) => n.method === 'window/logMessage' && (n.params as { type: number }).type === 1)
    .map((n) => (n.params as { message: string }).message)
    .filter((m) => /failed|unhandled/.test(m));
}

const CASES: [string, () => string, RegExp | null][] = [
  ['big5', () => bigReport(5 * MB), /只做了结构检查/],
  ['big50', () => bigReport(50 * MB), /未检查本文件/],
  ['wide', () => wideTable(10_000), /表格竖线/],
  ['quotes', () => nestedQuotes(10_000), /嵌套了约 10,000 层/],
  ['lists', () => nestedList(10_000), /嵌套了约/],
  ['indented', () => nestedListIndented(1_000), /嵌套了约/],
  ['line', () => singleLine(MB, false), /超过 200,000 个字符的上限/],
  ['codeunits', () => randomCodeUnits(200_000), null],
];

for (const [name, make, notice] of CASES) {
  test(`${name}: diagnostics published, every request answered`, { timeout: 180_000 }, async () => {
    const uri = client.uri(`hostile-${name}.xxgk.md`);
    let text: string | undefined = make();
    const ds = await client.open(uri, text, 'xxgk-report');
    const limits = ds.filter((d) => d.code === 'limits');
    if (notice) {
      assert.equal(limits.length, 1, `${name}: one limits diagnostic`);
      assert.match(limits[0].message, notice);
    } else {
      assert.deepEqual(limits, []);
    }
    assert.deepEqual(
      ds.filter((d) => d.code === 'internal').map((d) => d.message),
      [],
    );
    await everyRequest(uri, text);
    text = undefined;
    client.close(uri);
    assert.deepEqual(errorsLogged(), []);
  });
}

test('after all that, an ordinary report is checked as before', { timeout: 60_000 }, async () => {
  const uri = client.uri('hostile-after.xxgk.md');
  assert.deepEqual(
    (await client.open(uri, EXAMPLE())).map((d) => d.message),
    [],
  );
  const wrong = edit(EXAMPLE(), '| 行政复议 | 0 | 1 | 0 | 0 | 1 |', '| 行政复议 | 0 | 1 | 0 | 0 | 2 |');
  const ds = await client.change(uri, wrong);
  assert.deepEqual(
    ds.map((d) => d.code),
    ['sum-review'],
  );
  assert.deepEqual(errorsLogged(), []);
});
