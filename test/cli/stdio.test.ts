/**
 * The CLI writes its output straight to the descriptors. What a script relies on: output larger
 * than a pipe's buffer arrives whole and in order; a reader that stops early (`xxgk check | head`)
 * neither gets a stack trace on stderr nor changes the exit code; a non-blocking descriptor
 * shared with the parent still gets everything.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLE, ROOT, edit } from '../helpers/fixtures';

const BIN = join(ROOT, 'bin', 'xxgk.js');
let dir = '';
const FILES = 200;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-stdio-'));
  const wrong = edit(
    EXAMPLE(),
    '| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |',
    '| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 5 |',
  );
  for (let i = 0; i < FILES; i++) writeFileSync(join(dir, `r${String(i).padStart(3, '0')}.xxgk.md`), wrong);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('output larger than a pipe buffer arrives whole', () => {
  const r = spawnSync(process.execPath, [BIN, 'check', dir, '--format', 'json'], {
    encoding: 'utf8',
    env: { ...process.env, XXGK_WORKERS: '0' },
    maxBuffer: 1 << 26,
  });
  assert.equal(r.status, 1);
  assert.ok(r.stdout.length > 65536, `${r.stdout.length} bytes`);
  const doc = JSON.parse(r.stdout) as { summary: { files: number } };
  assert.equal(doc.summary.files, FILES);
});

test('a reader that goes away early: no stack trace, the exit code of the check', async () => {
  const child = spawn(process.execPath, [BIN, 'check', dir, '--format', 'json'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, XXGK_WORKERS: '0' },
  });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  // read the first chunk, then close the pipe, as `head -c` does
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  assert.equal(code, 1);
  assert.equal(stderr, '');
});

test('a non-blocking standard output (a shared pipe) gets the whole output in order', () => {
  // the parent makes its pipe non-blocking (as a Node parent's own stdout is), then runs the CLI on it
  const script = `
    const { spawnSync } = require('node:child_process');
    process.stdout._handle.setBlocking(false);
    const r = spawnSync(process.execPath, [${JSON.stringify(BIN)}, 'check', ${JSON.stringify(dir)}, '--format', 'json'], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, XXGK_WORKERS: '0' } });
    process.exitCode = r.status;
  `;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 26 });
  assert.equal(r.status, 1, r.stderr);
  assert.equal((JSON.parse(r.stdout) as { summary: { files: number } }).summary.files, FILES);
});
