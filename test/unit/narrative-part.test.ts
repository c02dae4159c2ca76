/**
 * narrative-number on a part: the applications of one channel or one kind of applicant, stated in
 * the prose, cannot exceed the table's figure for all of them. Parts are read only where the
 * clause says it is about 政府信息公开, and never compared for equality (a part is not the whole).
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { findClaims } from '../../server/src/engine/prose/numbers';
import { EXAMPLE, check, covered, edit, fixture } from '../helpers/fixtures';

const APPS = '全年通过电子邮箱收到群众向西塞山区政府申请公开信息5人6次，其中，因政府信息公开被提请行政复议1次。';
const narrative = (text: string, locale: 'zh' | 'en' = 'zh') =>
  check(text, { locale }).filter((d) => d.rule === 'narrative-number');

describe('reading parts', () => {
  const parts = (s: string) =>
    findClaims(s, { year: 2022, applicationContext: true, parts: true }).map((c) => [c.topic, c.value, !!c.part]);
  test('a channel’s applications are a part; without `parts` they are not read at all', () => {
    assert.deepEqual(parts('全年通过电子邮箱收到群众申请公开信息8件。'), [['new', 8, true]]);
    assert.deepEqual(findClaims('全年通过电子邮箱收到群众申请公开信息8件。', { year: 2022 }), []);
  });
  test('no part without 政府信息公开 in its clause, in another year, cumulative, or counted in people', () => {
    assert.deepEqual(parts('政务服务中心窗口全年受理各类申请1286件。'), []);
    assert.deepEqual(parts('2021年通过电子邮箱收到政府信息公开申请9件。'), []);
    assert.deepEqual(parts('自2008年以来累计通过网站收到政府信息公开申请57件。'), []);
    assert.deepEqual(parts('全年通过电子邮箱收到政府信息公开申请5人次。'), []);
  });
});

describe('a part larger than the whole', () => {
  test('the real-shaped report: 8 by e-mail against 6 in all is one warning on the 8', () => {
    const text = fixture('prose-part-exceeds-2022.xxgk.md');
    const ds = check(text).filter((d) => d.severity !== 'hint');
    assert.deepEqual(
      ds.map((d) => d.rule),
      ['narrative-number'],
    );
    assert.equal(covered(text, ds[0]), '8');
    assert.match(ds[0].message, /通过电子邮箱收到群众申请公开信息8件/);
    assert.match(ds[0].message, /总计为 6/);
    assert.equal(covered(text, { ...ds[0], span: ds[0].related[0].span }), '6');
  });
  test('a part within the whole says nothing', () => {
    const text = edit(EXAMPLE(), APPS, '全年通过电子邮箱收到政府信息公开申请5件，当面收到政府信息公开申请1件。');
    assert.deepEqual(narrative(text), []);
  });
  test('收到 may include the applications carried over: 7 by e-mail against 6 new + 1 carried is no contradiction', () => {
    let text = edit(EXAMPLE(), APPS, '全年通过电子邮箱收到政府信息公开申请7件。');
    text = edit(
      text,
      '| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
      '| 二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
    );
    assert.deepEqual(
      narrative(text).filter((d) => /电子邮箱/.test(d.message)),
      [],
    );
  });
  test('English message', () => {
    const [d] = narrative(fixture('prose-part-exceeds-2022.xxgk.md'), 'en');
    assert.match(d.message, /only a part of them, but table 三 .* totals 6: the part exceeds the whole/);
  });
});
