/**
 * Issue 14 row 14: the CLI's text output is safe for terminals. Reports whose cells, labels and
 * headings — and whose file names — hold generated control characters (ESC sequences, other C0
 * and C1 controls, DEL, bidi overrides and isolates, line separators) are checked by the real
 * `xxgk`: stdout and stderr of the text output hold none of those characters raw, each is shown
 * as a visible escape; the JSON and SARIF output hold none raw either, and still parse to the
 * very text of the file.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { EXAMPLE, edit } from '../helpers/fixtures';
import { runXxgk } from '../helpers/cli';

let dir = '';
before(() => (dir = mkdtempSync(join(tmpdir(), 'xxgk-esc-'))));
after(() => rmSync(dir, { recursive: true, force: true }));

function xxgk(args: string[]) {
  return runXxgk(args, { cwd: dir });
}

// every character a terminal acts on, but the line break (which ends a line of output)
const DANGEROUS = [
  ...Array.from({ length: 32 }, (_, i) => i).filter((i) => i !== 10),
  ...Array.from({ length: 33 }, (_, i) => 0x7f + i),
  0x61c,
  0x200e,
  0x200f,
  0x2028,
  0x2029,
  0x202a,
  0x202b,
  0x202c,
  0x202d,
  0x202e,
  0x2066,
  0x2067,
  0x2068,
  0x2069,
].map((c) => String.fromCharCode(c));
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const hostile = fc
  .array(
    fc.oneof(
      fc.constantFrom(...DANGEROUS, '\u001b[2J', '\u001b]0;pwned\u0007', '\u009b31m'),
      fc.constantFrom('a', '字'),
    ),
    {
      minLength: 1,
      maxLength: 6,
    },
  )
  .map((xs) => xs.join(''));

test('text output escapes control characters from cells, labels, headings and file names', () => {
  // \r is left out of file names and cell text: it would end the line of the report itself
  const samples = fc.sample(fc.tuple(hostile, hostile, hostile), { seed: 14, numRuns: 12 });
  const files: string[] = [];
  const texts = new Map<string, string>();
  samples.forEach(([cell, label, name], i) => {
    const clean = (s: string): string => s.replace(/[\r\n\u2028\u2029]/g, '').replace(/\|/g, '');
    const file = `r${i}-${clean(name).replace(/\//g, '').replace(/\0/g, '')}.xxgk.md`;
    let text = edit(EXAMPLE(), '| 行政许可 | 3984 |', `| 行政许可 | 39${clean(cell)}84 |`);
    text = edit(text, '| 行政强制 | 580 |', `| 行政强制${clean(label)} | 580 |`);
    text = edit(text, '### （三）政府信息管理', `### （三）政府信息管理${clean(label)}`);
    writeFileSync(join(dir, file), text);
    files.push(file);
    texts.set(file, text);
  });
  const missing = `missing-\u001b[31m\u202e.xxgk.md`;
  const r = xxgk(['check', ...files, missing]);
  assert.equal(r.code, 2, r.stderr);
  assert.ok(r.stdout.split('\n').length > files.length, 'the findings are listed');
  assert.doesNotMatch(r.stdout, RAW, `raw control character in stdout: ${JSON.stringify(r.stdout.match(RAW))}`);
  assert.doesNotMatch(r.stderr, RAW, `raw control character in stderr: ${JSON.stringify(r.stderr)}`);
  assert.match(r.stderr, /missing-\\x1B\[31m\\u202E\.xxgk\.md/);
  assert.match(r.stdout, /\\x1B/);

  for (const format of ['json', 'sarif']) {
    const j = xxgk(['check', ...files, '--format', format]);
    assert.doesNotMatch(j.stdout, RAW, `${format}: raw control character`);
    const parsed = JSON.parse(j.stdout) as unknown;
    if (format === 'json') {
      const out = parsed as { files: { path: string; diagnostics: { message: string }[] }[] };
      assert.deepEqual(
        out.files.map((f) => f.path),
        files,
        'file names round-trip through the JSON',
      );
    }
  }
  // the messages quote the text of the file exactly (no escape leaks into the JSON values)
  const j = JSON.parse(xxgk(['check', files[0], '--format', 'json']).stdout) as {
    files: { diagnostics: { message: string }[] }[];
  };
  const quoted = j.files[0].diagnostics.map((d) => d.message).join('\n');
  assert.doesNotMatch(quoted, /\\x[0-9A-F]{2}|\\u[0-9a-fA-F]{4}/, 'JSON values hold the characters themselves');
});
