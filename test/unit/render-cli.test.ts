/**
 * `xxgk render <file> --to html|docx [-o out]`, run as a real process on real files.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
  existsSync,
  readdirSync,
  symlinkSync,
  linkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLE, edit } from '../helpers/fixtures';
import { runXxgk } from '../helpers/cli';

let dir = '';

function xxgk(args: string[]) {
  return runXxgk(args, { cwd: dir });
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-render-'));
  writeFileSync(join(dir, 'report.xxgk.md'), EXAMPLE());
  writeFileSync(
    join(dir, 'wrong.xxgk.md'),
    edit(EXAMPLE(), '| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |', '| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 5 |'),
  );
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('xxgk render', () => {
  test('--to html -o writes the page with the official merged tables', () => {
    const r = xxgk(['render', 'report.xxgk.md', '--to', 'html', '-o', 'out.html']);
    assert.equal(r.code, 0, r.stderr);
    const html = readFileSync(join(dir, 'out.html'), 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /rowspan="22"[^>]*>三、本年度办理结果</);
    assert.match(html, /colspan="10"[^>]*>行政诉讼</);
  });
  test('--to docx without -o writes next to the report', () => {
    const r = xxgk(['render', 'report.xxgk.md', '--to', 'docx']);
    assert.equal(r.code, 0, r.stderr);
    const bytes = readFileSync(join(dir, 'report.docx'));
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
  });
  test('-o - writes HTML to standard output', () => {
    const r = xxgk(['render', 'report.xxgk.md', '--to=html', '-o', '-']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /<title>西塞山区2022年政府信息公开工作年度报告<\/title>/);
  });
  test('a report with errors is rendered as written, with a note on stderr', () => {
    const r = xxgk(['render', 'wrong.xxgk.md', '--to', 'html', '-o', 'wrong.html']);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /有 1 处错误/);
    assert.ok(existsSync(join(dir, 'wrong.html')));
  });
  test('usage errors exit 2 with a message', () => {
    for (const [args, msg] of [
      [['render', 'report.xxgk.md'], /render 需要 --to html 或 --to docx/],
      [['render', 'report.xxgk.md', '--to', 'pdf'], /无法识别的输出格式 pdf/],
      [['render', '--to', 'html'], /render 需要一个报告文件/],
      [['render', 'report.xxgk.md', '--to', 'docx', '-o', '-'], /DOCX 是二进制文件/],
      [['render', 'report.xxgk.md', '--to', 'html', '--bogus'], /无法识别的选项 --bogus/],
    ] as const) {
      const r = xxgk([...args]);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, msg);
    }
  });
  test('I/O errors exit 2 and leave nothing behind', () => {
    const r = xxgk(['render', 'missing.xxgk.md', '--to', 'html']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /missing\.xxgk\.md：无法读取：找不到文件或目录/);
    const w = xxgk(['render', 'report.xxgk.md', '--to', 'html', '-o', join('no', 'dir', 'x.html')]);
    assert.equal(w.code, 2);
    assert.match(w.stderr, /无法写入：目录不存在/);
    assert.ok(readdirSync(dir).every((f) => !f.endsWith('.tmp')));
  });
  test('prints what it wrote; an existing file is replaced only with --force', () => {
    const first = xxgk(['render', 'report.xxgk.md', '--to', 'html', '-o', 'twice.html']);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /已写入 twice\.html（\d+ 字节）/);
    writeFileSync(join(dir, 'twice.html'), 'keep me');
    const again = xxgk(['render', 'report.xxgk.md', '--to', 'html', '-o', 'twice.html']);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /twice\.html：文件已存在（使用 --force/);
    assert.equal(readFileSync(join(dir, 'twice.html'), 'utf8'), 'keep me');
    const forced = xxgk(['render', 'report.xxgk.md', '--to', 'html', '-o', 'twice.html', '--force']);
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(readFileSync(join(dir, 'twice.html'), 'utf8'), /^<!DOCTYPE html>/);
  });
  test('never writes onto its own source, even with --force or through a link (issue 14 row 11)', () => {
    writeFileSync(join(dir, 'own.xxgk.md'), EXAMPLE());
    symlinkSync(join(dir, 'own.xxgk.md'), join(dir, 'own-link.md'));
    linkSync(join(dir, 'own.xxgk.md'), join(dir, 'own-hard.md'));
    for (const target of ['own.xxgk.md', './own.xxgk.md', join(dir, 'own.xxgk.md'), 'own-link.md', 'own-hard.md']) {
      for (const force of [[], ['--force']]) {
        const r = xxgk(['render', 'own.xxgk.md', '--to', 'html', '-o', target, ...force]);
        assert.equal(r.code, 2, `${target} ${force.join(' ')}`);
        assert.match(r.stderr, /报告本身/);
      }
    }
    assert.equal(readFileSync(join(dir, 'own.xxgk.md'), 'utf8'), EXAMPLE());
  });
});
