/**
 * A last block left open at the end of the document (parse/blocks.ts): the parse records it once,
 * on the block, with the parser's own line breaks (CR LF, lone CR, LF); the checker reads it to
 * leave out the fixes whose text that block would take in; the row path of the incremental parser
 * keeps it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText } from '../../server/src/engine/check';
import { fixAll } from '../../server/src/engine/fixes';
import { IncrementalChecker } from '../../server/src/engine/incremental';
import { DocumentParser, parseDocument } from '../../server/src/engine/parse';
import { EXAMPLE, NOW } from '../helpers/fixtures';

const BREAKS: [string, string][] = [
  ['LF', '\n'],
  ['CRLF', '\r\n'],
  ['lone CR', '\r'],
];
const withBreaks = (text: string, nl: string): string => text.replace(/\r\n|\r|\n/g, nl);

/** Last blocks, written with \n, and how they are left at the end of the text. */
const TAILS: [string, 'end' | 'blank-line' | undefined][] = [
  ['```\ncode\n', 'end'],
  ['```js\ncode\n', 'end'],
  ['~~~~\ncode\n~~~\n', 'end'],
  ['```\ncode\n```\n', undefined],
  ['  ```\ncode\n   ```\n', undefined],
  ['````\ncode\n```\n', 'end'],
  ['~~~\ncode\n```\n', 'end'],
  // a closing fence is followed by spaces or tabs only: an ideographic space keeps the block open
  ['```\ncode\n```\u3000\n', 'end'],
  ['```\ncode\n``` \t\n', undefined],
  ['    ```\n    indented code\n', undefined],
  ['<!--\ncomment\n', 'end'],
  ['<!-- one line -->\n', undefined],
  ['<!--\ncomment\n-->\n', undefined],
  ['<script>\nx\n', 'end'],
  ['<script>\nx\n</script>\n', undefined],
  ['<?php\nx\n', 'end'],
  ['<!DOCTYPE html\n', 'end'],
  ['<![CDATA[\nx\n', 'end'],
  ['<div>\nx\n', 'blank-line'],
  ['<div>\nx', 'blank-line'],
  ['<div>\nx\n\n', undefined],
  ['<div>\nx\n \t\n', undefined],
  ['<custom-tag>\n', 'blank-line'],
  ['text\n', undefined],
];

const BODY = '# 标题\n\n正文。\n\n';

test('the parse records the last block left open at the end, with every kind of line break', () => {
  for (const [tail, want] of TAILS)
    for (const [name, nl] of BREAKS) {
      const text = withBreaks(BODY + tail, nl);
      const doc = parseDocument(text, { incremental: false });
      const last = doc.blocks[doc.blocks.length - 1];
      assert.equal(last.open, want, `${JSON.stringify(tail)} (${name})`);
      // no other block is ever marked
      assert.ok(
        doc.blocks.slice(0, -1).every((b) => b.open === undefined),
        `${JSON.stringify(tail)} (${name})`,
      );
      assert.deepStrictEqual(parseDocument(text), doc, `${JSON.stringify(tail)} (${name}): cached pieces`);
    }
});

test('what the parse records is what the parser does with a heading written after the block', () => {
  for (const [tail] of TAILS)
    for (const [name, nl] of BREAKS) {
      const text = withBreaks(BODY + tail, nl);
      const last = parseDocument(text, { incremental: false }).blocks.at(-1)!;
      for (const added of ['## 六、其他需要报告的事项', '\n\n## 六、其他需要报告的事项']) {
        const joined = text + (/[\r\n]$/.test(text) ? '' : nl) + withBreaks(added, nl);
        const headings = parseDocument(joined, { incremental: false }).headings.filter((h) => h.depth === 2);
        const swallowed = last.open === 'end' || (last.open === 'blank-line' && !added.startsWith('\n'));
        assert.equal(headings.length === 0, swallowed, `${JSON.stringify(tail)} + ${JSON.stringify(added)} (${name})`);
      }
    }
});

/** The example without its sixth section: section-missing inserts it at the end. */
function withoutSix(): string {
  const example = EXAMPLE();
  return example.slice(0, example.indexOf('## 六、'));
}

test('a fix that would insert after an unclosed fence is not offered, whatever the line breaks', () => {
  for (const [name, nl] of BREAKS) {
    for (const [tail, open] of [
      ['```\n代码\n', true],
      ['```\n代码\n```\n', false],
      ['<div>\n说明\n', false], // the inserted section starts with a blank line, which ends the <div>
    ] as const) {
      const text = withBreaks(withoutSix() + tail, nl);
      const ds = checkText(text, { now: NOW }).diagnostics;
      const six = ds.find((d) => d.rule === 'section-missing' && d.fingerprint === 'section-missing/section/六');
      assert.ok(six, `${name} ${JSON.stringify(tail)}: section 六 is missing`);
      if (open) {
        assert.deepEqual(six.fixes, [], `${name} ${JSON.stringify(tail)}: no fix after an unclosed fence`);
        assert.equal(fixAll(text, { now: NOW }), text, `${name}: fix-all leaves it`);
      } else {
        assert.equal(six.fixes.length, 1, `${name} ${JSON.stringify(tail)}: the fix is offered`);
        const fixed = fixAll(text, { now: NOW });
        const after = checkText(fixed, { now: NOW }).diagnostics;
        assert.ok(
          !after.some((d) => d.rule === 'section-missing'),
          `${name} ${JSON.stringify(tail)}: the inserted section is read as a section`,
        );
      }
    }
  }
});

test('a cell edit on the row path keeps the open last block, and its fixes stay left out', () => {
  for (const [name, nl] of BREAKS) {
    const before = withBreaks(withoutSix() + '```\n代码\n', nl);
    const after = before.replace('| 行政许可 | 3984 |', '| 行政许可 | 3985 |');
    assert.notEqual(after, before);
    const parser = new DocumentParser();
    parser.parse(before);
    const doc = parser.parse(after);
    // the line scan of tables and the row path read lines at \n: a document of lone CRs is parsed anew
    if (nl !== '\r') assert.equal(parser.lastPath, 'row', name);
    assert.equal(doc.blocks.at(-1)!.open, 'end', name);
    assert.deepStrictEqual(doc, parseDocument(after, { incremental: false }), name);

    const checker = new IncrementalChecker();
    checker.check(before, { now: NOW });
    const ds = checker.check(after, { now: NOW }).diagnostics;
    assert.deepStrictEqual(ds, checkText(after, { now: NOW, incremental: false }).diagnostics, name);
    const six = ds.find((d) => d.fingerprint === 'section-missing/section/六');
    assert.ok(six, name);
    assert.deepEqual(six.fixes, [], name);
  }
});
