/**
 * The manifest speaks through VS Code's localisation: every title and description in package.json
 * is a `%key%` placeholder with its English (package.nls.json) and Chinese (package.nls.zh-cn.json)
 * text; no string mixes the two languages ("打开报告预览 (Open Report Preview)"); the client's
 * runtime strings have their Chinese in l10n/bundle.l10n.zh-cn.json; the .vsix carries them all.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/fixtures';

const read = (p: string): unknown => JSON.parse(readFileSync(join(ROOT, p), 'utf8'));
const pkg = read('package.json') as Record<string, unknown>;
const en = read('package.nls.json') as Record<string, string>;
const zh = read('package.nls.zh-cn.json') as Record<string, string>;
const HAN = /[\u4e00-\u9fff]/;
const LATIN_WORDS = /[A-Za-z]{3,}(\s+[A-Za-z]{2,})+/;

/** Every string under a key that VS Code shows as text: title, description, label… */
function shown(v: unknown, path: string, out: [string, string][]): [string, string][] {
  if (Array.isArray(v)) v.forEach((x, i) => shown(x, `${path}[${i}]`, out));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      if (
        typeof x === 'string' &&
        /^(title|description|markdownDescription|displayName|label|altText|shortTitle)$/.test(k)
      )
        out.push([`${path}.${k}`, x]);
      else if (k === 'enumDescriptions' && Array.isArray(x))
        x.forEach((d, i) => out.push([`${path}.${k}[${i}]`, String(d)]));
      else shown(x, `${path}.${k}`, out);
    }
  return out;
}

test('every title and description of the manifest is a %key% with English and Chinese text', () => {
  const strings = [
    ...shown({ displayName: pkg.displayName, description: pkg.description }, '', []),
    ...shown(pkg.contributes, 'contributes', []),
  ];
  assert.ok(strings.length > 10, 'titles and descriptions found');
  const literal = strings.filter(([, s]) => !/^%[\w.-]+%$/.test(s));
  assert.deepEqual(literal, [], 'literal strings in package.json');
  for (const [where, s] of strings) {
    const key = s.slice(1, -1);
    assert.ok(en[key], `${where}: ${key} missing in package.nls.json`);
    assert.ok(zh[key], `${where}: ${key} missing in package.nls.zh-cn.json`);
  }
  assert.deepEqual(Object.keys(en).sort(), Object.keys(zh).sort(), 'the same keys in both');
});

test('no bilingual string: English texts have no Chinese sentence, Chinese texts no English phrase', () => {
  // a Markdown link's target (command:…) is an address, not an English phrase
  const text = (s: string): string => s.replace(/\]\((?:command|https?):[^)]*\)/g, ']');
  for (const [key, s] of Object.entries(zh))
    assert.ok(!/\([A-Za-z][^)]*\)/.test(text(s)) && HAN.test(s), `package.nls.zh-cn.json ${key}: ${s}`);
  for (const [key, s] of Object.entries(en))
    assert.ok(!/[（(][\u4e00-\u9fff][^)）]*[)）]/.test(s), `package.nls.json ${key}: ${s}`);
  const bundle = read('l10n/bundle.l10n.zh-cn.json') as Record<string, string>;
  for (const [source, text] of Object.entries(bundle)) {
    assert.ok(!HAN.test(source.replace(/“[^”]*”/g, '')), `l10n source string in English: ${source}`);
    assert.ok(HAN.test(text) && !LATIN_WORDS.test(text.replace(/\([A-Za-z ,]*\)|\{\d\}/g, '')), `l10n zh-cn: ${text}`);
  }
});

test('the client’s runtime strings go through vscode.l10n.t, each with its Chinese', () => {
  const bundle = read('l10n/bundle.l10n.zh-cn.json') as Record<string, string>;
  const dir = join(ROOT, 'client', 'src');
  for (const f of readdirSync(dir)) {
    const src = readFileSync(join(dir, f), 'utf8');
    for (const m of src.matchAll(/vscode\.l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g))
      assert.ok(bundle[m[1]], `${f}: “${m[1]}” has no Chinese in l10n/bundle.l10n.zh-cn.json`);
    const code = src.replace(/^\s*(\/\/|\*|\/\*\*).*$/gm, '').replace(/\/[^/\n]*\/[gimsuy]*\.test\(/g, '');
    for (const m of code.matchAll(/(['`])((?:(?!\1)[^\\\n]|\\.)*)\1/g))
      // 部门 / 政府 are the dialect's values of 类型, written into the report as they are
      if (
        HAN.test(m[2]) &&
        !['部门', '政府'].includes(m[2]) &&
        !code.slice(Math.max(0, m.index - 20), m.index).includes('l10n.t(')
      )
        assert.fail(`${f}: a Chinese string outside vscode.l10n.t: ${m[0]}`);
  }
});

test('the .vsix carries the translations and the schema of .xxgkrc.json', () => {
  assert.equal(pkg.l10n, './l10n');
  const ignore = readFileSync(join(ROOT, '.vscodeignore'), 'utf8');
  for (const p of ['!package.nls.json', '!package.nls.*.json', '!l10n/**', '!schemas/**'])
    assert.ok(ignore.includes(p), p);
  const contributes = pkg.contributes as { jsonValidation?: { fileMatch: string; url: string }[] };
  assert.deepEqual(contributes.jsonValidation, [{ fileMatch: '.xxgkrc.json', url: './schemas/xxgkrc.schema.json' }]);
  const conf = (contributes as { configuration: { properties: Record<string, { default?: unknown }> } }).configuration;
  assert.equal(conf.properties['xxgk.locale'].default, 'zh-CN', 'Chinese first');
});
