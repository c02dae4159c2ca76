/**
 * Issue 14 row 4, in the editor: while documents of pathological inline text (within the limits)
 * are open and being checked, the server still answers requests about another document — its
 * symbols and its diagnostics — and the pathological documents' diagnostics are the ones a
 * check of their text gives. Each request has a timeout far above a normal answer: before the
 * parse budget, one such document held the server for tens of seconds.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from './client';
import { checkText } from '../../server/src/engine/check';
import { pathologicalTexts } from '../../bench/pathological';
import { EXAMPLE, edit } from '../helpers/fixtures';

const client = new LspClient({ timeoutMs: 30_000 });
before(async () => {
  await client.start();
});
after(async () => {
  await client.shutdown();
});

test('the server answers about other documents while pathological ones are checked', { timeout: 240_000 }, async () => {
  const texts = pathologicalTexts(EXAMPLE());
  const uris = Object.keys(texts).map((k) => `file:///tmp/budget/${k}.xxgk.md`);
  const published = uris.map((uri, i) => client.open(uri, Object.values(texts)[i]));
  // another document, opened after them: its answers must not wait for theirs
  const other = edit(EXAMPLE(), '| 行政许可 | 3984 |', '| 行政许可 | 3984x |');
  const diags = client.open('file:///tmp/budget/other.xxgk.md', other);
  const symbols = await client.request<{ name: string }[]>('textDocument/documentSymbol', {
    textDocument: { uri: 'file:///tmp/budget/other.xxgk.md' },
  });
  assert.ok(JSON.stringify(symbols).includes('收到和处理政府信息公开申请情况'), 'its outline');
  const own = await diags;
  const wantOwn = checkText(other, { locale: 'zh' })
    .diagnostics.map((d) => d.rule)
    .sort();
  assert.deepEqual(own.map((d) => String(d.code)).sort(), wantOwn, 'its diagnostics');
  assert.ok(wantOwn.length > 0);
  // and the pathological documents get the diagnostics of their text
  const got = await Promise.all(published);
  Object.values(texts).forEach((text, i) => {
    const want = checkText(text, { locale: 'zh' })
      .diagnostics.map((d) => d.rule)
      .sort();
    assert.deepEqual(got[i].map((d) => String(d.code)).sort(), want, uris[i]);
  });
});
