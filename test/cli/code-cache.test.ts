/**
 * bin/xxgk.js keeps V8's code cache of the CLI bundle beside it. What a user relies on: the
 * output is the same with the cache, without it and with a broken one; a broken or foreign cache
 * is replaced, not trusted; a cache made by a lighter command (`--version`) is replaced by the
 * first check, so that checks start from a cache that holds the checker.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, fixture } from '../helpers/fixtures';

let dir = '';
let report = '';
const cache = (): string => join(dir, 'dist', 'cli.js.cache');
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [join(dir, 'bin', 'xxgk.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const madeBy = (): string => readFileSync(cache()).subarray(0, 96).toString().trim().split(':').pop() ?? '';

before(() => {
  // a copy of the CLI, so that this test's caches are its own
  dir = mkdtempSync(join(tmpdir(), 'xxgk-cache-'));
  mkdirSync(join(dir, 'bin'));
  mkdirSync(join(dir, 'dist'));
  copyFileSync(join(ROOT, 'bin', 'xxgk.js'), join(dir, 'bin', 'xxgk.js'));
  copyFileSync(join(ROOT, 'dist', 'cli.js'), join(dir, 'dist', 'cli.js'));
  report = join(dir, 'r.xxgk.md');
  writeFileSync(report, fixture('real-typos-2022.xxgk.md'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('the same output without a cache, with one, and with a broken one; a broken one is replaced', () => {
  assert.equal(existsSync(cache()), false);
  const first = run('check', report, '--format', 'json');
  assert.equal(first.err, '');
  assert.ok(existsSync(cache()), 'a check writes the cache');
  const second = run('check', report, '--format', 'json');
  assert.deepEqual(second, first);
  // garbage after a valid key: V8 rejects it, the run is the same, the cache is rewritten
  const key = readFileSync(cache()).subarray(0, 96);
  writeFileSync(cache(), Buffer.concat([key, Buffer.alloc(5000, 7)]));
  assert.deepEqual(run('check', report, '--format', 'json'), first);
  assert.notEqual(readFileSync(cache()).subarray(96, 5096).toString('hex'), Buffer.alloc(5000, 7).toString('hex'));
  assert.deepEqual(run('check', report, '--format', 'json'), first);
});

test('a cache made by another command is replaced by the first check, and then kept', () => {
  rmSync(cache(), { force: true });
  assert.equal(run('--version').code, 0);
  assert.equal(madeBy(), 'other');
  const light = readFileSync(cache()).length;
  run('check', report);
  assert.equal(madeBy(), 'check');
  assert.ok(readFileSync(cache()).length > light, 'the check compiled more than --version');
  const kept = readFileSync(cache());
  run('--version');
  assert.deepEqual(readFileSync(cache()), kept);
});
