/**
 * `.xxgkrc.json` where files are read asynchronously (the server in a Web Worker asks the
 * extension): the first check of a report is made with the defaults while the walk up runs; when
 * the file arrives the listeners are told (the server checks the open reports again), and from
 * then on the folder's configuration is answered at once. A folder with no file above it is
 * walked once and tells nobody. A walk that a change of the files overtook stores nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from 'vscode-languageserver';
import { browserFiles, FS_READ_FILE, FS_STAT } from '../../server/src/browser/platform';
import { AsyncConfigCache } from '../../server/src/config/async';

const ROOT = 'vscode-vfs://github/owner/repo';

/** The extension's side of the file requests, over an in-memory tree; counts the requests. */
function workspace(tree: Record<string, string>): { files: ReturnType<typeof browserFiles>; asked: string[] } {
  const asked: string[] = [];
  const connection = {
    sendRequest: (method: string, params: { uri: string }) => {
      asked.push(`${method} ${params.uri}`);
      return Promise.resolve().then(() => {
        const text = tree[params.uri];
        if (method === FS_STAT)
          return text === undefined ? null : { isFile: true, isDirectory: false, size: text.length };
        if (method === FS_READ_FILE) {
          if (text === undefined) throw new Error('not found');
          return Buffer.from(text, 'utf8').toString('base64');
        }
        throw new Error(`no ${method}`);
      });
    },
  } as unknown as Connection;
  return { files: browserFiles(connection), asked };
}

const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 10));

test('the file two folders up arrives after the first check, the listeners are told, then it is answered at once', async () => {
  const { files } = workspace({
    [`${ROOT}/.xxgkrc.json`]: '{ "rules": { "label-variant": "off", "sum-row": "warning" } }',
  });
  const cache = new AsyncConfigCache(files);
  let told = 0;
  cache.onDidLoad(() => told++);
  const report = `${ROOT}/reports/2022/交通运输局-2022.xxgk.md`;
  assert.equal(cache.forFile(report), undefined, 'not read yet: the defaults');
  await flush();
  assert.equal(told, 1);
  const found = cache.forFile(report);
  assert.ok(found?.ok);
  assert.deepEqual(found.config.rules, { 'label-variant': 'off', 'sum-row': 'warning' });
  assert.equal(found.path, `${ROOT}/.xxgkrc.json`);
});

test('no file above: walked once, nobody told, answered from the cache afterwards', async () => {
  const { files, asked } = workspace({});
  const cache = new AsyncConfigCache(files);
  let told = 0;
  cache.onDidLoad(() => told++);
  const report = `${ROOT}/a/b/r.xxgk.md`;
  cache.forFile(report);
  cache.forFile(report); // asked again while the walk runs: one walk
  await flush();
  assert.equal(told, 0);
  const walked = asked.length;
  assert.ok(walked >= 3, asked.join('\n'));
  assert.equal(cache.forFile(report), undefined);
  await flush();
  assert.equal(asked.length, walked, 'no second walk');
});

test('a broken file is found, with its problem, not taken for none', async () => {
  const { files } = workspace({ [`${ROOT}/.xxgkrc.json`]: '{ "rules": { "no-such-rule": "off" } }' });
  const cache = new AsyncConfigCache(files);
  const found = await cache.whenLoaded(`${ROOT}/r.xxgk.md`);
  assert.equal(found?.ok, false);
});

test('a walk overtaken by a change of the files (clear) stores nothing and tells nobody', async () => {
  const tree: Record<string, string> = { [`${ROOT}/.xxgkrc.json`]: '{ "locale": "en" }' };
  const { files } = workspace(tree);
  const cache = new AsyncConfigCache(files);
  let told = 0;
  cache.onDidLoad(() => told++);
  const report = `${ROOT}/r.xxgk.md`;
  cache.forFile(report);
  delete tree[`${ROOT}/.xxgkrc.json`];
  cache.clear();
  await flush();
  assert.equal(told, 0);
  assert.equal(cache.forFile(report), undefined);
  await flush();
  assert.equal(told, 0, 'the new walk finds no file');
});
