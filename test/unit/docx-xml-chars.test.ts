/**
 * Issue 14 row 10: a DOCX export is well-formed whatever the text holds. Generated text — any
 * UTF-16 code units, with the characters XML 1.0 forbids (C0 controls, U+FFFE/U+FFFF, lone
 * surrogates) made frequent — goes into the prose, a heading, a table cell, a label, the title
 * and the 机关 of a report; every XML part of the exported package parses with a strict XML 1.0
 * parser (saxes), and the text around the forbidden characters is still there.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { renderDocx } from '../../server/src/render/docx';
import { buildRenderModel } from '../../server/src/render/model';
import { xmlSafeText } from '../../server/src/render/xml-chars';
import { EXAMPLE, NOW, edit } from '../helpers/fixtures';

function wellFormed(xml: string, name: string): void {
  const p = new SaxesParser({ xmlns: true });
  let error: Error | undefined;
  p.on('error', (e) => {
    error ??= e;
  });
  p.write(xml).close();
  assert.equal(error, undefined, `${name}: ${error?.message}`);
}

const forbidden = fc.constantFrom(
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).filter((c) => !'\t\n\r'.includes(c)),
  '\ufffe',
  '\uffff',
  '\ud800',
  '\udfff',
  '\udbff\u0041',
);
const hostile = fc
  .array(fc.oneof(forbidden, fc.string({ unit: 'binary', maxLength: 3 }), fc.constantFrom('甲', 'b')), {
    minLength: 1,
    maxLength: 8,
  })
  .map((xs) => xs.join(''));

test('every XML part of a DOCX export is well-formed, whatever characters the report holds', async () => {
  const samples = fc.sample(fc.tuple(hostile, hostile, hostile), { seed: 10, numRuns: 12 });
  for (const [a, b, c] of samples) {
    const flat = (s: string): string => s.replace(/[\r\n|]/g, '');
    let text = EXAMPLE().replace('机关: 西塞山区人民政府', `机关: "西塞山区${JSON.stringify(flat(a)).slice(1, -1)}"`);
    text = edit(text, '# 西塞山区2022年政府信息公开工作年度报告', `# 西塞山区${flat(b)}2022年政府信息公开工作年度报告`);
    text = edit(text, '### （三）政府信息管理', `### （三）政府${flat(c)}信息管理`);
    text = edit(text, '严格按照省、市和区级主管部门要求管理政府信息。', `严格按照${a}要求管理政府信息。前${b}后`);
    text = edit(text, '| 行政强制 | 580 |', `| 行政强制${flat(c)} | 5${flat(a)}80 |`);
    const parts = unzipSync(await renderDocx(buildRenderModel(text, { check: { now: NOW } })));
    for (const [name, data] of Object.entries(parts)) if (/\.(xml|rels)$/.test(name)) wellFormed(strFromU8(data), name);
    const body = strFromU8(parts['word/document.xml']);
    assert.ok(body.includes('要求管理政府信息。前'), 'the prose around the characters is kept');
  }
});

test('xmlSafeText keeps every allowed character and replaces every forbidden one', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
      const safe = xmlSafeText(s);
      wellFormed(`<a>${safe.replace(/[&<>]/g, '')}</a>`, 'text');
      // allowed characters pass unchanged, one for one
      const allowed = (ch: string): boolean => xmlSafeText(ch) === ch;
      assert.equal([...safe].length, [...s].length);
      for (const ch of s) if (allowed(ch)) assert.ok(safe.includes(ch));
    }),
    { seed: 10, numRuns: 300 },
  );
});
