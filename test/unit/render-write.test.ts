/**
 * Exported files are written atomically: a new file appears whole, an existing one is replaced
 * whole, and a failure leaves the existing file as it was and no temporary file behind.
 */
import { test, describe, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, statSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultExportPath } from '../../server/src/render/index';
import { fileExists, writeFileAtomic } from '../../server/src/render/write';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-write-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  test('creates a new file with the bytes given', () => {
    const p = join(dir, 'a.html');
    writeFileAtomic(p, '<p>报告</p>');
    assert.equal(readFileSync(p, 'utf8'), '<p>报告</p>');
    assert.deepEqual(readdirSync(dir), ['a.html']);
  });
  test('replaces an existing file whole and keeps its permissions', () => {
    const p = join(dir, 'a.docx');
    writeFileSync(p, 'old contents that are longer than the new ones');
    chmodSync(p, 0o640);
    writeFileAtomic(p, new Uint8Array([1, 2, 3]));
    assert.deepEqual([...readFileSync(p)], [1, 2, 3]);
    assert.equal(statSync(p).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(dir), ['a.docx']);
  });
  test('a failure while writing leaves the old file untouched and no temporary file', () => {
    const p = join(dir, 'a.html');
    writeFileSync(p, 'OLD');
    // not a byte array: the write fails after the temporary file was opened
    const bad = new Proxy(new Uint8Array(4), {
      get(t, k) {
        if (k === 'length') return 10;
        return Reflect.get(t, k);
      },
    }) as unknown as Uint8Array;
    assert.throws(() => writeFileAtomic(p, bad));
    assert.equal(readFileSync(p, 'utf8'), 'OLD');
    assert.deepEqual(readdirSync(dir), ['a.html']);
  });
  test('a target that cannot be replaced (a directory) is left as it was', () => {
    const p = join(dir, 'out.html');
    mkdirSync(p);
    writeFileSync(join(p, 'keep.txt'), 'x');
    assert.throws(() => writeFileAtomic(p, 'new'));
    assert.equal(readFileSync(join(p, 'keep.txt'), 'utf8'), 'x');
    assert.deepEqual(readdirSync(dir), ['out.html']);
  });
  test('a missing directory is an error, not a silent success', () => {
    assert.throws(() => writeFileAtomic(join(dir, 'no', 'such', 'a.html'), 'x'), /ENOENT/);
  });
});

describe('export paths', () => {
  test('next to the report, with the format as extension', () => {
    assert.equal(defaultExportPath('/r/2022.xxgk.md', 'html'), '/r/2022.html');
    assert.equal(defaultExportPath('/r/某局2022年年度报告.md', 'docx'), '/r/某局2022年年度报告.docx');
    assert.equal(defaultExportPath('/r/notes.txt', 'html'), '/r/notes.txt.html');
  });
  test('fileExists', () => {
    assert.equal(fileExists(join(dir, 'nope')), false);
    writeFileSync(join(dir, 'yes'), '');
    assert.equal(fileExists(join(dir, 'yes')), true);
  });
});
