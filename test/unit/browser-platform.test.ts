/**
 * The browser platform of the server (server/src/browser/platform.ts): paths are URIs of any
 * scheme, written as VS Code writes them, so that the workspace index's keys made from directory
 * listings equal those made from the editor's document URIs (Chinese names percent-encoded, no
 * trailing slash), and files are read by asking the extension.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from 'vscode-languageserver';
import { browserFiles, browserServerDeps, startInfo } from '../../server/src/browser/platform';

function fakeConnection(answers: Record<string, (params: { uri: string }) => unknown>): {
  connection: Connection;
  asked: string[];
} {
  const asked: string[] = [];
  const connection = {
    sendRequest: (method: string, params: { uri: string }) => {
      asked.push(`${method} ${params.uri}`);
      const f = answers[method];
      return f ? Promise.resolve().then(() => f(params)) : Promise.reject(new Error(`no ${method}`));
    },
  } as unknown as Connection;
  return { connection, asked };
}

const REMOTE = 'vscode-remote://127.0.0.1:8080/home/u/reports';

test('paths are canonical URIs: a listed name joined to its folder equals the editor’s URI', () => {
  const f = browserFiles(fakeConnection({}).connection);
  const editorUri = `${REMOTE}/2022/%E4%BA%A4%E9%80%9A%E8%BF%90%E8%BE%93%E5%B1%80-2022.xxgk.md`;
  const path = f.uriToPath(editorUri);
  assert.equal(path, editorUri);
  assert.equal(f.join(`${REMOTE}/2022`, '交通运输局-2022.xxgk.md'), editorUri);
  assert.equal(f.join(`${REMOTE}/2022/`, '交通运输局-2022.xxgk.md'), editorUri, 'a trailing slash makes no difference');
  // the editor may encode a character VS Code would not (or the other way round): one key either way
  assert.equal(f.uriToPath(`${REMOTE}/2022/a%2Db.xxgk.md`), f.join(`${REMOTE}/2022`, 'a-b.xxgk.md'));
  assert.equal(f.dirname(editorUri), `${REMOTE}/2022`);
  assert.equal(f.basename(editorUri), '交通运输局-2022.xxgk.md');
  assert.equal(f.pathToUri(editorUri), editorUri);
  assert.equal(f.resolve(`${REMOTE}/2022/`), `${REMOTE}/2022`);
});

test('relative paths and containment between URIs', () => {
  const f = browserFiles(fakeConnection({}).connection);
  assert.equal(f.relative(`${REMOTE}/2023`, `${REMOTE}/2022/a.xxgk.md`), '../2022/a.xxgk.md');
  assert.equal(f.relative(`${REMOTE}/2022`, `${REMOTE}/2022/a.xxgk.md`), 'a.xxgk.md');
  assert.ok(f.isUnder(`${REMOTE}/2022/a.xxgk.md`, REMOTE));
  assert.ok(f.isUnder(REMOTE, REMOTE));
  assert.ok(!f.isUnder(`${REMOTE}-old/a.xxgk.md`, REMOTE), 'a sibling with a longer name is not under it');
  // another host's file is not relative to this one
  assert.equal(f.relative(`${REMOTE}/2023`, 'vscode-vfs://github/o/r/a.xxgk.md'), 'vscode-vfs://github/o/r/a.xxgk.md');
});

test('documents that are not files anywhere have no path', () => {
  const f = browserFiles(fakeConnection({}).connection);
  assert.equal(f.uriToPath('untitled:Untitled-1'), undefined);
  assert.equal(f.uriToPath('not a uri'), undefined);
  assert.ok(f.uriToPath('vscode-vfs://github/owner/repo/报告/a.xxgk.md'));
  assert.ok(f.uriToPath('file:///c%3A/reports/a.xxgk.md'));
});

test('files are read by asking the extension (stat, bytes as base64, directory entries)', async () => {
  const { connection, asked } = fakeConnection({
    'xxgk/fs/stat': ({ uri }) => (uri.endsWith('missing.md') ? null : { isFile: true, isDirectory: false, size: 3 }),
    'xxgk/fs/readFile': () => Buffer.from('年报').toString('base64'),
    'xxgk/fs/readDir': () => [{ name: 'a.xxgk.md', isFile: true, isDirectory: false }],
  });
  const f = browserFiles(connection);
  assert.deepEqual(await f.stat(`${REMOTE}/a.xxgk.md`), { isFile: true, isDirectory: false, size: 3 });
  assert.equal(await f.stat(`${REMOTE}/missing.md`), undefined);
  assert.equal(new TextDecoder().decode(await f.readFile(`${REMOTE}/a.xxgk.md`)), '年报');
  assert.deepEqual(await f.readDir(REMOTE), [{ name: 'a.xxgk.md', isFile: true, isDirectory: false }]);
  assert.equal(await f.stat('untitled:Untitled-1'), undefined, 'nothing asked for a document that is no file');
  assert.deepEqual(asked, [
    `xxgk/fs/stat ${REMOTE}/a.xxgk.md`,
    `xxgk/fs/stat ${REMOTE}/missing.md`,
    `xxgk/fs/readFile ${REMOTE}/a.xxgk.md`,
    `xxgk/fs/readDir ${REMOTE}`,
  ]);
  // a failed read is an error for the caller (the index skips the file; import says it cannot read it)
  const broken = browserFiles(fakeConnection({}).connection);
  await assert.rejects(broken.readFile(`${REMOTE}/a.xxgk.md`));
  await assert.rejects(broken.readDir(REMOTE));
  assert.equal(await broken.stat(`${REMOTE}/a.xxgk.md`), undefined);
});

test('the worker’s start information: rule pages under the extension’s folder, the editor’s language', () => {
  const info = startInfo(JSON.stringify({ extensionUri: 'vscode-remote://h/ext/xxgk', language: 'en' }));
  const deps = browserServerDeps(fakeConnection({}).connection, info);
  assert.equal(deps.ruleDocUri('sum-row'), 'vscode-remote://h/ext/xxgk/docs/rules/sum-row.md');
  assert.equal(deps.defaultLocale, 'en');
  assert.deepEqual(startInfo('not json'), {});
  assert.deepEqual(startInfo(undefined), {});
});
