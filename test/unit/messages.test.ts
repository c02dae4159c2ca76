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
  const pair = /\bt[r]?\(\s*[`'"][^`'"]*[\u4e00-\u9fff][^`'"]*[`'"]\s*,\s*[`'"]/;
  const offenders = files.filter((f) => pair.test(readFileSync(f, 'utf8'))).map((f) => f.slice(ROOT.length + 1));
  assert.deepEqual(offenders, []);
});
