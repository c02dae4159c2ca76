/**
 * `xxgk check` and `xxgk render` on hostile files, as a real process: every file it can read is
 * reported (huge ones with the `limits` diagnostic), every file it cannot read is named on stderr
 * with the reason, the other files are still checked, and the exit code is 2 only because of
 * what could not be read. A hang fails the test by its timeout.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE } from '../helpers/fixtures';
import { runXxgk } from '../helpers/cli';
import {
  MB,
  bigReport,
  binaryBytes,
  gbkBytes,
  invalidUtf8,
  nestedList,
  nestedQuotes,
  singleLine,
  tempDir,
  utf16le,
  wideTable,
  write,
} from './inputs';

let dir = '';

function xxgk(args: string[], env: Record<string, string> = {}) {
  return runXxgk(args, { cwd: dir, env, timeout: 120_000, maxBuffer: 256 * MB });
}

interface JsonOut {
  files: { path: string; diagnostics: { rule: string; severity: string; message: string }[] }[];
  summary: { files: number; errors: number };
}

const READABLE = [
  'clean.xxgk.md',
  'utf16.xxgk.md',
  'big5.xxgk.md',
  'big50.xxgk.md',
  'wide.xxgk.md',
  'quotes.xxgk.md',
  'lists.xxgk.md',
  'line.xxgk.md',
];
const UNREADABLE: [string, RegExp][] = [
  ['binary.xxgk.md', /二进制文件/],
  ['invalid.xxgk.md', /不是有效的 UTF-8 文本/],
  ['gbk.xxgk.md', /看起来是 GBK/],
];

before(() => {
  dir = tempDir();
  write(dir, 'clean.xxgk.md', EXAMPLE());
  write(dir, 'utf16.xxgk.md', utf16le());
  write(dir, 'big5.xxgk.md', bigReport(5 * MB));
  write(dir, 'big50.xxgk.md', bigReport(50 * MB));
  write(dir, 'wide.xxgk.md', wideTable(10_000));
  write(dir, 'quotes.xxgk.md', nestedQuotes(10_000));
  write(dir, 'lists.xxgk.md', nestedList(10_000));
  write(dir, 'line.xxgk.md', singleLine(MB, true));
  write(dir, 'binary.xxgk.md', binaryBytes(256 * 1024));
  write(dir, 'invalid.xxgk.md', invalidUtf8());
  write(dir, 'gbk.xxgk.md', gbkBytes());
});
after(() => rmSync(dir, { recursive: true, force: true }));

for (const workers of ['1', '3']) {
  test(
    `check of a folder of hostile files reports every readable one and names the others (${workers === '1' ? 'one thread' : 'worker threads'})`,
    { timeout: 180_000 },
    () => {
      const r = xxgk(['check', '.', '--format', 'json'], { XXGK_WORKERS: workers });
      assert.equal(r.signal, null, r.stderr);
      assert.equal(r.code, 2, `exit 2 for the unreadable files\n${r.stderr}`);
      for (const [name, why] of UNREADABLE)
        assert.match(r.stderr, new RegExp(`${name.replace('.', '\\.')}：无法读取：.*${why.source}`));
      const out = JSON.parse(r.stdout) as JsonOut;
      assert.deepEqual(out.files.map((f) => f.path).sort(), [...READABLE].sort());
      const by = new Map(out.files.map((f) => [f.path, f.diagnostics]));
      assert.deepEqual(by.get('clean.xxgk.md'), [], 'the clean report draws nothing');
      assert.deepEqual(by.get('utf16.xxgk.md'), [], 'UTF-16 with a BOM is read like UTF-8');
      for (const name of ['big5.xxgk.md', 'wide.xxgk.md', 'quotes.xxgk.md', 'lists.xxgk.md', 'line.xxgk.md']) {
        const lim = by.get(name)!.filter((d) => d.rule === 'limits');
        assert.equal(lim.length, 1, `${name}: one limits diagnostic`);
        // an error: skipped checks do not pass (issue 14 row 8)
        assert.equal(lim[0].severity, 'error');
        assert.match(lim[0].message, /只做了结构检查/);
      }
      assert.deepEqual(
        by.get('big50.xxgk.md')!.map((d) => [d.rule, d.severity]),
        [['limits', 'error']],
      );
    },
  );
}

test(
  'without the unreadable files the exit code follows the findings: 1 for the unchecked 50 MB file',
  { timeout: 120_000 },
  () => {
    const r = xxgk(['check', 'clean.xxgk.md', 'big50.xxgk.md', 'quotes.xxgk.md']);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /big50\.xxgk\.md:1:1 {2}error {2}未检查本文件/);
    const clean = xxgk(['check', 'clean.xxgk.md', 'utf16.xxgk.md']);
    assert.equal(clean.code, 0, clean.stdout + clean.stderr);
  },
);

test('a device or a pipe given as a file is refused, not read forever', { timeout: 60_000 }, () => {
  if (!existsSync('/dev/zero')) return;
  const r = xxgk(['check', '/dev/zero', 'clean.xxgk.md']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /\/dev\/zero：无法读取：不是普通文件/);
  assert.match(r.stdout, /检查了 1 个文件/);
  const fifo = join(dir, 'pipe.xxgk.md');
  if (spawnSync('mkfifo', [fifo]).status === 0) {
    const p = xxgk(['check', fifo]);
    assert.equal(p.code, 2);
    assert.match(p.stderr, /pipe\.xxgk\.md：无法读取：不是普通文件/);
    rmSync(fifo);
  }
});

test('render of hostile files writes the text as written, without a hang or a crash', { timeout: 120_000 }, () => {
  for (const name of ['big5.xxgk.md', 'quotes.xxgk.md', 'wide.xxgk.md', 'line.xxgk.md']) {
    const outPath = join(dir, `${name}.html`);
    const r = xxgk(['render', name, '--to', 'html', '-o', outPath]);
    assert.equal(r.code, 0, `${name}: ${r.stderr}`);
    const html = readFileSync(outPath, 'utf8');
    assert.match(html, /只做了结构检查|<pre/);
  }
  const bin = xxgk(['render', 'binary.xxgk.md', '--to', 'html', '-o', join(dir, 'binary.html')]);
  assert.equal(bin.code, 2);
  assert.match(bin.stderr, /binary\.xxgk\.md：无法读取：这是二进制文件/);
});
