/**
 * Messages as data (server/src/messages): both locales have every id, with the same placeholders;
 * every rule has its description; no source file keeps an inline Chinese/English pair.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MESSAGES, PLACEHOLDER, fill, message, unnestQuotes, type MessageId } from '../../server/src/messages';
import { RULES } from '../../server/src/engine/rules';
import { ROOT } from '../helpers/fixtures';
import { PREVIEW_STRINGS, previewShellHtml, previewStrings } from '../../server/src/render/webview';

const placeholders = (text: string): string[] => [...text.matchAll(PLACEHOLDER)].map((m) => m[1]).sort();

test('every message id exists in both locales, with a text', () => {
  const zh = Object.keys(MESSAGES.zh).sort();
  const en = Object.keys(MESSAGES.en).sort();
  assert.deepEqual(
    zh.filter((k) => !en.includes(k)),
    [],
    'ids only in zh-CN',
  );
  assert.deepEqual(
    en.filter((k) => !zh.includes(k)),
    [],
    'ids only in en',
  );
  for (const id of zh) {
    assert.ok(MESSAGES.zh[id as MessageId].length > 0, `${id}: empty zh-CN text`);
    assert.ok(MESSAGES.en[id as MessageId].length > 0, `${id}: empty en text`);
  }
});

test('the placeholders of each message agree between the locales', () => {
  const bad: string[] = [];
  for (const id of Object.keys(MESSAGES.zh) as MessageId[]) {
    const a = placeholders(MESSAGES.zh[id]);
    const b = placeholders(MESSAGES.en[id]);
    if (new Set(a).size !== new Set(b).size || ![...new Set(a)].every((p) => b.includes(p)))
      bad.push(`${id}: zh-CN {${[...new Set(a)].join(', ')}} ≠ en {${[...new Set(b)].join(', ')}}`);
  }
  assert.deepEqual(bad, []);
});

test('braces in a message are placeholders, nothing else', () => {
  for (const [locale, table] of Object.entries(MESSAGES))
    for (const [id, text] of Object.entries(table)) {
      const rest = text.replace(PLACEHOLDER, '');
      assert.ok(!/[{}]/.test(rest), `${locale} ${id}: a brace that is not a placeholder: ${text}`);
    }
});

test('every rule of the registry has its description in both locales', () => {
  for (const r of RULES) {
    assert.equal(r.description, `${r.id}.description`, r.id);
    assert.ok(MESSAGES.zh[r.description], r.id);
    assert.ok(MESSAGES.en[r.description], r.id);
  }
});

test('placeholders are filled; quotes inside quotes become single quotes', () => {
  assert.equal(fill('{a}与{b}', { a: 1, b: '二' }), '1与二');
  assert.equal(fill('{a}与{b}', { a: 1 }), '1与{b}');
  assert.equal(unnestQuotes('“3.危及“三安全一稳定””'), '“3.危及‘三安全一稳定’”');
  assert.equal(unnestQuotes('“a”与“b”'), '“a”与“b”');
  assert.equal(unnestQuotes('“unbalanced'), '“unbalanced');
  assert.equal(
    message('zh', 'label-variant.change', { official: '3.危及“三安全一稳定”' }),
    '改为“3.危及‘三安全一稳定’”',
  );
});

test('no source file keeps an inline Chinese/English message pair', () => {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir)) {
      const p = join(dir, e);
      if (statSync(p).isDirectory()) {
        if (!/messages$|forms$/.test(p)) walk(p);
      } else if (p.endsWith('.ts')) files.push(p);
    }
  };
  walk(join(ROOT, 'server/src'));
  walk(join(ROOT, 'client/src'));
  const pair = /\bt[r]?\(\s*[`'"][^`'"]*[\u4e00-\u9fff][^`'"]*[`'"]\s*,\s*[`'"]/;
  // a locale chosen inline: `en ? 'Text' : '文字'`, `locale === 'en' ? …`
  const inline = /\b(?:en|zh|isEn)\s*\?\s*[`'"]|locale\s*===?\s*'(?:en|zh)'\s*\?\s*[`'"](?!en'|zh)/;
  // one string in both languages: '不是文件夹 (not a directory)'
  const glossed = /^(?!\s*(?:\*|\/\/)).*['`"][^'`"\n]*[\u4e00-\u9fff][^'`"\n]*\((?:[A-Za-z’']+ ){2,}[^)]*\)/m;
  // the review's pages and workbook are a Chinese document, with a few English glosses
  const document = /cli[\\/]review[\\/](html|xlsx)\.ts$/;
  const offenders = files
    .filter((f) => {
      const text = readFileSync(f, 'utf8');
      return pair.test(text) || inline.test(text) || (!document.test(f) && glossed.test(text));
    })
    .map((f) => f.slice(ROOT.length + 1));
  assert.deepEqual(offenders, []);
});

test("the preview page's script takes its words from the message tables, as data", () => {
  const script = readFileSync(join(ROOT, 'media/preview.js'), 'utf8');
  const code = script.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
  assert.ok(!/[\u4e00-\u9fff]/.test(code), 'no Chinese in the script outside comments');
  const used = new Set([...code.matchAll(/'(preview\.[a-z-]+)'/g)].map((m) => m[1]));
  assert.deepEqual([...used].sort(), [...PREVIEW_STRINGS].sort(), 'the script uses exactly the ids it is sent');
  for (const locale of ['zh', 'en'] as const) {
    const shell = previewShellHtml({
      cspSource: 'x',
      nonce: 'n',
      styleHref: 's',
      scriptHref: 'j',
      printLook: false,
      title: 't',
      locale,
    });
    const data = /data-strings="([^"]*)"/.exec(shell)?.[1] ?? '';
    const strings = JSON.parse(
      data
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&'),
    ) as Record<string, string>;
    assert.deepEqual(strings, previewStrings(locale));
    for (const id of PREVIEW_STRINGS) assert.equal(strings[id], MESSAGES[locale][id]);
  }
});
