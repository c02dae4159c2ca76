/**
 * `xxgk check` on many files uses worker threads: the output must be exactly what the sequential
 * check prints (every format, exit codes, unreadable files, the cross-year step that needs the
 * facts each file's check extracts), and no progress bar may reach a pipe.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLE, edit } from '../helpers/fixtures';
import { runXxgk } from '../helpers/cli';
import { variant } from '../../bench/gen';
import { ProgressBar, renderBar, wantsProgress, workerCount } from '../../server/src/cli/pool';

let dir = '';

function xxgk(args: string[], workers: string) {
  return runXxgk(args, { cwd: dir, env: { XXGK_WORKERS: workers } });
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-parallel-'));
  mkdirSync(join(dir, 'many', 'sub'), { recursive: true });
  for (let i = 0; i < 36; i++)
    writeFileSync(
      join(dir, 'many', i % 3 ? '' : 'sub', `r${String(i).padStart(2, '0')}.xxgk.md`),
      variant(EXAMPLE(), i),
    );
  // defects: an error, a warning
  writeFileSync(
    join(dir, 'many', 'wrong.xxgk.md'),
    edit(EXAMPLE(), '| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |', '| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 5 |'),
  );
  writeFileSync(join(dir, 'many', 'warn.xxgk.md'), edit(EXAMPLE(), '| 行政许可 | 3984 |', '| 行政许可 | ３９８４ |'));
  // last year's report of the same body, carrying one application over that this year does not show
  let last = EXAMPLE()
    .replace('年度: 2022', '年度: 2021')
    .replace('西塞山区2022年', '西塞山区2021年')
    .replace(/2022年/g, '2021年');
  last = edit(
    last,
    '| 四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    '| 四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
  );
  last = edit(
    last,
    '| 一、本年新收政府信息公开申请数量 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |',
    '| 一、本年新收政府信息公开申请数量 | 7 | 0 | 0 | 0 | 0 | 0 | 7 |',
  );
  writeFileSync(join(dir, 'many', 'xisai-2021.xxgk.md'), last);
  writeFileSync(join(dir, 'many', 'xisai-2022.xxgk.md'), EXAMPLE());
  // unreadable as text
  writeFileSync(join(dir, 'many', 'binary.xxgk.md'), Buffer.from([0x23, 0x20, 0x00, 0x01]));
  writeFileSync(join(dir, 'many', 'latin1.xxgk.md'), Buffer.from([0x23, 0x20, 0xe9, 0x0a]));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('worker threads give the sequential output', () => {
  for (const format of ['json', 'text', 'sarif']) {
    test(`--format ${format}`, () => {
      const seq = xxgk(['check', 'many', '--format', format], '0');
      const par = xxgk(['check', 'many', '--format', format], '2');
      assert.equal(seq.code, 2, 'an unreadable file makes the exit code 2');
      assert.equal(par.code, seq.code);
      assert.equal(par.stdout, seq.stdout);
      assert.equal(par.stderr, seq.stderr);
      assert.ok(!par.stderr.includes('\r') && !par.stderr.includes('█'), 'no progress bar on a pipe');
    });
  }

  test('every file is there, in order, with the cross-year finding', () => {
    const par = xxgk(['check', 'many', '--format', 'json'], '2');
    const out = JSON.parse(par.stdout) as {
      files: { path: string; diagnostics: { rule: string }[] }[];
      summary: { files: number; errors: number };
    };
    assert.equal(out.summary.files, 40);
    const paths = out.files.map((f) => f.path);
    assert.deepEqual(paths, [...paths].sort(), 'files in walk order');
    assert.ok(out.files.find((f) => f.path.endsWith('wrong.xxgk.md'))!.diagnostics.some((d) => d.rule === 'sum-row'));
    assert.ok(
      out.files.find((f) => f.path.endsWith('xisai-2022.xxgk.md'))!.diagnostics.some((d) => d.rule === 'carryover'),
      'facts reach the cross-year step',
    );
    assert.match(par.stderr, /binary\.xxgk\.md：无法读取/);
    assert.match(par.stderr, /latin1\.xxgk\.md：无法读取/);
  });

  test('exit code 1 for an error, 0 for a clean folder, on threads', () => {
    const files = Array.from(
      { length: 20 },
      (_, i) => `many/${i % 3 ? '' : 'sub/'}r${String(i).padStart(2, '0')}.xxgk.md`,
    );
    assert.equal(xxgk(['check', ...files], '2').code, 0);
    assert.equal(xxgk(['check', ...files, 'many/wrong.xxgk.md'], '2').code, 1);
  });
});

describe('progress bar', () => {
  test('only for text output to a terminal', () => {
    assert.equal(wantsProgress(['check', 'a'], true, true), true);
    assert.equal(wantsProgress(['check', 'a', '--format', 'text'], true, true), true);
    assert.equal(wantsProgress(['check', 'a', '--format', 'json'], true, true), false);
    assert.equal(wantsProgress(['check', 'a', '-f', 'sarif'], true, true), false);
    assert.equal(wantsProgress(['check', 'a', '--format=json'], true, true), false);
    assert.equal(wantsProgress(['check', 'a'], false, true), false, 'stdout piped');
    assert.equal(wantsProgress(['check', 'a'], true, false), false, 'stderr piped');
    assert.equal(wantsProgress(['render', 'a'], true, true), false);
  });

  test('draws a bar and erases it', () => {
    let out = '';
    const bar = new ProgressBar(
      4,
      (s) => {
        out += s;
      },
      8,
      0,
    );
    for (let i = 0; i < 4; i++) bar.tick();
    assert.ok(out.includes(renderBar(4, 4, 8)), out);
    bar.clear();
    assert.ok(out.endsWith('\r\x1b[K'));
    assert.equal(renderBar(1, 4, 8), '[██░░░░░░] 1/4');
  });

  test('XXGK_WORKERS sets the number of threads', () => {
    assert.equal(workerCount({ XXGK_WORKERS: '0' }), 0);
    assert.equal(workerCount({ XXGK_WORKERS: '3' }), 3);
    assert.ok(workerCount({}) >= 1);
    assert.ok(workerCount({ XXGK_WORKERS: 'many' }) >= 1);
  });
});
