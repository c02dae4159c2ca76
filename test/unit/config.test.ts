/**
 * The pure part of `.xxgkrc.json` (server/src/config): parse and validate, merge with the user's
 * settings, ignore globs; and the published JSON Schema, which lists every rule of the registry.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isIgnored, mergeConfig, parseConfig } from '../../server/src/config';
import { configJsonSchema } from '../../server/src/config/schema';
import { CONFIGURABLE_RULES, SCHEMA_RULES } from '../../server/src/config/node';
import { RULES } from '../../server/src/engine/rules';
import { messageOf } from '../../server/src/messages';
import { ROOT } from '../helpers/fixtures';

test('a valid file: rules, locale, ignore', () => {
  const r = parseConfig(
    JSON.stringify({
      $schema: './x.json',
      locale: 'en',
      rules: { 'sum-row': 'warning', 'label-variant': 'off' },
      ignore: ['drafts/**'],
    }),
    CONFIGURABLE_RULES,
  );
  assert.ok(r.ok);
  assert.deepEqual(r.config, {
    locale: 'en',
    rules: { 'sum-row': 'warning', 'label-variant': 'off' },
    ignore: ['drafts/**'],
  });
  assert.deepEqual(parseConfig('{}', CONFIGURABLE_RULES), {
    ok: true,
    config: { locale: undefined, rules: {}, ignore: [] },
  });
});

test('every mistake is named, in Chinese and in English', () => {
  const r = parseConfig(
    JSON.stringify({ rules: { 'sum-row': 'loud', 'sum-rows': 'off' }, locale: 'fr', ignore: 'drafts', colour: 1 }),
    CONFIGURABLE_RULES,
  );
  assert.ok(!r.ok);
  const zh = r.problems.map((p) => `${p.path}: ${messageOf('zh', p.message)}`).sort();
  assert.deepEqual(zh, [
    'colour: 无法识别的设置项“colour”（可用 rules、locale、ignore、$schema）',
    'ignore: “ignore”应为通配符字符串的列表，如 ["drafts/**"]',
    'locale: 语言 "fr" 无效（可用 zh-CN 或 en）',
    'rules.sum-row: 规则“sum-row”的级别 "loud" 无效（可用 error、warning、info、hint 或 off）',
    'rules.sum-rows: 没有名为“sum-rows”的规则',
  ]);
  const bad = parseConfig('{ "rules": { } ', CONFIGURABLE_RULES);
  assert.ok(!bad.ok);
  assert.match(messageOf('en', bad.problems[0].message), /^not valid JSON: /);
  const arr = parseConfig('[]', CONFIGURABLE_RULES);
  assert.ok(!arr.ok);
  assert.equal(messageOf('zh', arr.problems[0].message), '配置文件应为一个 JSON 对象');
});

test('the user’s settings override the file rule by rule; Chinese by default', () => {
  const file = {
    locale: 'en' as const,
    rules: { 'sum-row': 'warning' as const, 'label-variant': 'off' as const },
    ignore: [],
  };
  assert.deepEqual(mergeConfig(file, { rules: { 'label-variant': 'error' } }), {
    locale: 'en',
    severities: { 'sum-row': 'warning', 'label-variant': 'error' },
    ignore: [],
  });
  assert.equal(mergeConfig(file, { locale: 'zh-CN' }).locale, 'zh');
  assert.equal(mergeConfig(undefined, {}).locale, 'zh');
  assert.equal(mergeConfig(undefined, { locale: 'auto' }).locale, 'zh');
});

test('ignore globs, relative to the folder of the file', () => {
  assert.ok(isIgnored('drafts/a.xxgk.md', ['drafts/**']));
  assert.ok(isIgnored('drafts/2023/a.xxgk.md', ['drafts/']));
  assert.ok(isIgnored('x/y/某局草稿.md', ['*草稿*.md']), 'a name glob matches at any depth');
  assert.ok(!isIgnored('reports/a.xxgk.md', ['drafts/**', '*草稿*.md']));
  assert.ok(isIgnored('./old/a.md', ['old/*.md']));
});

test('the published schema is the one made from the registry: every rule id, the levels', () => {
  const file = JSON.parse(readFileSync(join(ROOT, 'schemas', 'xxgkrc.schema.json'), 'utf8')) as {
    properties: { rules: { properties: Record<string, { enum: string[] }> } };
  };
  assert.deepEqual(
    file,
    configJsonSchema(SCHEMA_RULES),
    'run `npm run docs` to write schemas/xxgkrc.schema.json again',
  );
  const ids = Object.keys(file.properties.rules.properties);
  for (const r of RULES) assert.ok(ids.includes(r.id), r.id);
  assert.deepEqual(file.properties.rules.properties['sum-row'].enum, ['error', 'warning', 'info', 'hint', 'off']);
});

test('the pure part reads no file: no Node API in config/index.ts or the message tables', () => {
  for (const f of ['server/src/config/index.ts', 'server/src/messages/index.ts', 'server/src/messages/types.ts']) {
    const src = readFileSync(join(ROOT, f), 'utf8');
    assert.doesNotMatch(src, /from '(node:|fs|path|os)/, f);
  }
});
