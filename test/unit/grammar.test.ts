/**
 * The TextMate grammar, tokenised with VS Code's own engine (vscode-textmate + Oniguruma):
 * section numerals and headings, official row labels and numbers in tables get their scopes.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { createRequire } from 'node:module';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { ROOT, EXAMPLE } from '../helpers/fixtures';

let grammar: vsctm.IGrammar;

before(async () => {
  const req = createRequire(join(ROOT, 'package.json'));
  const wasm = readFileSync(join(dirname(req.resolve('vscode-oniguruma')), 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (s: string[]) => new oniguruma.OnigScanner(s),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope: string) => {
      if (scope !== 'text.xxgk.markdown') return null; // Markdown and YAML come from VS Code itself
      const path = join(ROOT, 'syntaxes', 'xxgk-report.tmLanguage.json');
      return vsctm.parseRawGrammar(readFileSync(path, 'utf8'), path);
    },
  });
  grammar = (await registry.loadGrammar('text.xxgk.markdown'))!;
  assert.ok(grammar);
});

/** Scopes of each token of one line, as [text, innermost xxgk scope]. */
function tokens(line: string, state: vsctm.StateStack = vsctm.INITIAL): [string, string][] {
  const r = grammar.tokenizeLine(line, state);
  return r.tokens.map((t) => [
    line.slice(t.startIndex, t.endIndex),
    t.scopes.filter((s) => s.endsWith('.xxgk') || s.endsWith('.markdown')).pop() ?? '',
  ]);
}
const scopeOf = (line: string, text: string): string | undefined => tokens(line).find(([t]) => t.trim() === text)?.[1];

test('section heading: numeral and words', () => {
  const line = '## 三、收到和处理政府信息公开申请情况';
  assert.equal(scopeOf(line, '三'), 'constant.numeric.section.xxgk');
  assert.equal(scopeOf(line, '收到和处理政府信息公开申请情况'), 'entity.name.section.xxgk');
});

test('table rows: official labels, numbers, blank markers', () => {
  assert.equal(scopeOf('| 3.危及“三安全一稳定” | 0 | 0 |', '3.危及“三安全一稳定”'), 'entity.name.tag.row-label.xxgk');
  assert.equal(scopeOf('| （一）予以公开 | 4 | 0 |', '4'), 'constant.numeric.cell.xxgk');
  assert.equal(scopeOf('| 第二十条第（一）项 | 本年制发件数 |', '第二十条第（一）项'), 'entity.name.type.table.xxgk');
  assert.equal(scopeOf('| 第二十条第（一）项 | 本年制发件数 |', '本年制发件数'), 'support.type.column.xxgk');
  assert.equal(scopeOf('| 行政许可 | — |', '—'), 'invalid.deprecated.blank.xxgk');
  assert.equal(scopeOf('| 政府集中采购 | 29 | 1756.58万元 |', '万元'), 'keyword.other.unit.xxgk');
});

test('the whole example tokenises, with every table row inside a table scope', () => {
  let state = vsctm.INITIAL;
  let rows = 0;
  for (const line of EXAMPLE().split('\n')) {
    const r = grammar.tokenizeLine(line, state);
    if (line.startsWith('|')) {
      rows++;
      assert.ok(
        r.tokens.every((t) => t.scopes.includes('markup.table.xxgk')),
        line,
      );
    }
    state = r.ruleStack;
  }
  assert.ok(rows > 40);
});

test('front matter keys', () => {
  const first = grammar.tokenizeLine('---', vsctm.INITIAL);
  const r = grammar.tokenizeLine('机关: 西塞山区人民政府', first.ruleStack);
  assert.ok(r.tokens[0].scopes.includes('keyword.other.frontmatter.key.xxgk'));
});
