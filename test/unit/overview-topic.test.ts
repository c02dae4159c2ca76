/**
 * overview-topic counts a topic of 一、总体情况 as present only when a sub-heading or the lead of a
 * paragraph or item is about it: words such as 管理, 监督, 网站 or 考核 that occur in passing (in
 * nearly every report) do not make a topic present.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { topicLeads } from '../../server/src/engine/rules/overview-topic';
import { EXAMPLE, ROOT, check, covered, edit, fixture } from '../helpers/fixtures';

const topicFindings = (text: string) => check(text).filter((d) => d.rule === 'overview-topic');

/** The example with 一、总体情况 replaced by `body`. */
function withOverview(body: string): string {
  const ex = EXAMPLE();
  return (
    ex.slice(0, ex.indexOf('## 一、总体情况')) + `## 一、总体情况\n\n${body}\n\n` + ex.slice(ex.indexOf('## 二、'))
  );
}

describe('the leads of the overview’s paragraphs', () => {
  test('a bold run, a numbered item title, an unmarked paragraph’s first clause after the time', () => {
    assert.deepEqual(
      topicLeads([
        '**（三）政府信息管理。**对市政府制发的现行有效规章进行全面清理。',
        '1.优化政务公开平台建设。严格按照《通知》精神，积极主动对接。',
        '2022年，我局主动公开政府信息156条，其中政策解读12篇。',
      ]).slice(0, 3),
      ['(三)政府信息管理。', '优化政务公开平台建设', '我局主动公开政府信息156条'],
    );
  });
  test('items inside a paragraph (一是…二是…) and a topic named with 方面', () => {
    const leads = topicLeads([
      '一是扩大政企技术合作，积极沟通。二是将政务公开纳入年度考核，围绕要点。在政府信息管理方面，落实保密审查。',
    ]);
    assert.ok(leads.includes('将政务公开纳入年度考核'));
    assert.ok(leads.includes('政府信息管理'));
  });
  test('a word in the middle of a sentence is no lead', () => {
    const leads = topicLeads(['2022年，区城市管理执法局围绕城市管理中心工作，推进执法信息公开，主动接受社会监督。']);
    assert.ok(!leads.some((l) => /监督/.test(l)));
  });
});

describe('overview-topic on real-shaped reports', () => {
  test('a department whose overview lacks 政府信息管理 and 监督保障, though 管理, 监督 and 考核 occur throughout', () => {
    const text = fixture('real-overview-gaps-2022.xxgk.md');
    const ds = check(text).filter((d) => d.severity !== 'hint');
    assert.deepEqual(
      ds.map((d) => d.rule),
      ['overview-topic'],
    );
    assert.equal(covered(text, ds[0]), '一、总体情况');
    assert.match(ds[0].message, /“（三）政府信息管理”、“（五）监督保障”/);
    // the fix inserts both sub-headings, and then the topics are there (as headings)
    const edits = ds[0].fixes[0].edits;
    assert.deepEqual(
      edits.map((e) => e.newText.trim()),
      ['### （三）政府信息管理', '### （五）监督保障'],
    );
  });
  test('five unmarked paragraphs, each led by its topic: clean', () => {
    const text = withOverview(
      [
        '2022年，我区主动公开政府信息5191条，其中政策解读86篇。',
        '全年收到政府信息公开申请6件，均按期答复。',
        '在政府信息管理方面，落实公开前保密审查，清理失效文件8件。',
        '依托区政府门户网站和政务新媒体集中发布政府信息。',
        '将政务公开纳入年度绩效考核，全年开展业务培训2次，社会评议结果良好，未发生责任追究情况。',
      ].join('\n\n'),
    );
    assert.deepEqual(topicFindings(text), []);
  });
  test('the topic only mentioned in passing inside another topic’s paragraph: still missing', () => {
    const ex = EXAMPLE();
    const start = ex.indexOf('### （三）政府信息管理');
    const end = ex.indexOf('### （四）政府信息公开平台建设');
    // 管理 and 信息 both occur in the text that remains, but no heading or lead is about 政府信息管理
    const text = edit(
      ex.slice(0, start) + ex.slice(end),
      '一是扩大政企技术合作。',
      '一是扩大政企技术合作，加强信息管理系统运维。',
    );
    const [d] = topicFindings(text);
    assert.ok(d, 'one overview-topic');
    assert.match(d.message, /“（三）政府信息管理”方面/);
    assert.doesNotMatch(d.message, /监督保障|平台建设/);
  });
  test('保障 as a verb in a lead (为保障群众知情权) is no 监督保障', () => {
    const ex = EXAMPLE();
    const start = ex.indexOf('### （五）监督保障');
    const text =
      ex.slice(0, start) + '为保障群众知情权，及时更新政府信息公开指南。\n\n' + ex.slice(ex.indexOf('## 二、'));
    const [d] = topicFindings(text);
    assert.ok(d, 'one overview-topic');
    assert.match(d.message, /“（五）监督保障”方面/);
  });
  test('every fixture that covers its five topics stays free of overview-topic', () => {
    const expected = new Set(['fixall-mixed-2022.xxgk.md', 'seed000-2021.xxgk.md', 'real-overview-gaps-2022.xxgk.md']);
    for (const f of readdirSync(join(ROOT, 'test', 'fixtures')).filter((n) => n.endsWith('.xxgk.md'))) {
      const n = topicFindings(fixture(f)).length;
      assert.equal(n, expected.has(f) ? 1 : 0, f);
    }
  });
});
