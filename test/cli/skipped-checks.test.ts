/**
 * Issue 14 row 8: a CI gate that cannot be bypassed. Whatever limit a file exceeds (characters,
 * lines, pipes, brackets, setext underlines, nesting), its checks were skipped, so `xxgk check`
 * must not pass it as clean: exit 1, a `limits` error, and the summary line says that files were
 * not fully checked. A clean report with a payload beyond each limit (the payload hidden in an
 * unclosed comment, where a reader would not see it) is the general case.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LIMITS } from '../../server/src/engine/parse/limits';
import { EXAMPLE, edit } from '../helpers/fixtures';
import { runXxgk } from '../helpers/cli';

let dir = '';
before(() => (dir = mkdtempSync(join(tmpdir(), 'xxgk-skipped-'))));
after(() => rmSync(dir, { recursive: true, force: true }));

function xxgk(args: string[], locale = 'zh_CN.UTF-8') {
  return runXxgk(args, { cwd: dir, env: { LANG: locale }, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
}

// a wrong total, which a full check reports as an error, and a payload beyond one limit
const WRONG = edit(
  EXAMPLE(),
  '| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |',
  '| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 5 |',
);
const PAYLOADS: Record<string, string> = {
  brackets: `\n<!-- ${'['.repeat(LIMITS.brackets + 1)}\n`,
  pipes: `\n<!-- ${'|'.repeat(LIMITS.tableCells + 1)}\n`,
  chars: `\n<!-- ${'字'.repeat(LIMITS.fullCheckChars + 1)}\n`,
  lines: `\n<!--${'\n'.repeat(LIMITS.fullCheckLines + 1)}`,
  setext: `\n${'a\n===\n\n'.repeat(LIMITS.setextUnderlines + 1)}`,
  nesting: `\n${'>'.repeat(LIMITS.nestingDepth + 1)} 引用\n`,
};

for (const [kind, payload] of Object.entries(PAYLOADS)) {
  test(`a report beyond the ${kind} limit does not pass xxgk check as clean`, () => {
    for (const [name, text] of [
      ['clean', EXAMPLE()],
      ['wrong', WRONG],
    ] as const) {
      const file = `${kind}-${name}.xxgk.md`;
      writeFileSync(join(dir, file), text + payload);
      const r = xxgk(['check', file]);
      assert.equal(r.code, 1, `${file}: exit ${r.code}\n${r.stdout}${r.stderr}`);
      assert.match(r.stdout, /\[limits\]/);
      assert.match(r.stdout, /其中 1 个文件超出检查上限，未完整检查/);
      const en = xxgk(['check', file, '--locale', 'en']);
      assert.match(en.stdout, /1 file was beyond the size limits and not fully checked/);
      const json = JSON.parse(xxgk(['check', file, '--format', 'json']).stdout) as {
        files: { diagnostics: { rule: string; severity: string }[] }[];
      };
      assert.deepEqual(
        json.files[0].diagnostics.filter((d) => d.rule === 'limits').map((d) => d.severity),
        ['error'],
      );
    }
  });
}

test('a clean report within the limits still passes, and says nothing about limits', () => {
  writeFileSync(join(dir, 'ok.xxgk.md'), EXAMPLE());
  const r = xxgk(['check', 'ok.xxgk.md']);
  assert.equal(r.code, 0, r.stdout);
  assert.doesNotMatch(r.stdout, /上限/);
});
