/**
 * The line scan of pipe tables parses a piece with each table line masked as one letter: the
 * tree it gives must be the parser's own tree of the source everywhere outside the tables —
 * every node's type and offsets, line and column — and each table must come out where the
 * parser puts it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Node } from 'unist';
import { parseMarkdown } from '../../server/src/engine/parse';
import { parsePiece } from '../../server/src/engine/parse/pipe-tables';
import { fixture, ROOT } from '../helpers/fixtures';

type Flat = { type: string; start: [number, number, number]; end: [number, number, number] };

/** The nodes of a tree outside the given table spans, in order, with their positions. */
function flatten(tree: Node, tables: { start: number; end: number }[]): Flat[] {
  const out: Flat[] = [];
  const walk = (n: Node): void => {
    const p = n.position;
    if (p && tables.some((t) => (p.start.offset ?? -1) >= t.start && (p.end.offset ?? -1) <= t.end)) return;
    if (p)
      out.push({
        type: n.type,
        start: [p.start.offset ?? -1, p.start.line, p.start.column],
        end: [p.end.offset ?? -1, p.end.line, p.end.column],
      });
    for (const k of (n as { children?: Node[] }).children ?? []) walk(k);
  };
  walk(tree);
  return out;
}

const CRLF = (s: string): string => s.replace(/\r?\n/g, '\r\n');

const cases: [string, string][] = readdirSync(join(ROOT, 'test', 'fixtures'))
  .filter((f) => f.endsWith('.md'))
  .flatMap((f): [string, string][] => [
    [f, fixture(f)],
    [`${f} (CRLF)`, CRLF(fixture(f))],
  ]);
cases.push([
  'tables beside prose, lists, quotes and code',
  [
    '# 一、总体情况',
    '',
    '| 项目 | 数量 |',
    '| --- | --- |',
    '| 甲 | 1 |',
    '| 乙 `2` | **3** |',
    '',
    '正文 https://example.cn 之后，*强调*。',
    '',
    '> | 引用中的表 | 1 |',
    '> | --- | --- |',
    '',
    '- 列表',
    '',
    '| 末表 | 数 |',
    '|:--:|--:|',
    '| 丙 | 4 |',
  ].join('\n'),
]);

for (const [name, src] of cases) {
  test(`masked parse = the parser's tree outside the tables: ${name}`, () => {
    const { tree, fast } = parsePiece(src);
    const plain = parseMarkdown(src);
    const spans = [...(fast?.values() ?? [])];
    assert.ok(spans.length > 0 || !/^\|/m.test(src), 'the line scan took the tables');
    assert.deepEqual(flatten(tree, spans), flatten(plain, spans));
    for (const t of spans) {
      const node = plain.children.find((n) => n.position?.start.offset === t.start);
      assert.equal(node?.type, 'table', `a table at ${t.start}`);
      assert.equal(node?.position?.end.offset, t.end);
    }
  });
}
