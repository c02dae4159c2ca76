/**
 * Quick fixes that respect what was typed (issue 13 item 3), against the real server process:
 * a figure blamed for failing sums is offered both ways — set it back, or keep it and move the
 * totals — neither preferred, and fix-all applies neither; a total whose addends are likelier
 * wrong is offered as a choice too; a value two independent sums agree on is a safe fix that
 * fix-all applies. And cell-extra: a row with more cells than its header, its empty extra cells
 * removed by a safe fix.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../server/src/engine/check';
import { LspClient, applyWorkspaceEdit, repoRoot, type LspDiagnostic, type Range, type WorkspaceEdit } from './client';

const EXAMPLE = readFileSync(join(repoRoot(), 'test', 'fixtures', 'example-2022.xxgk.md'), 'utf8');
const ROW_ONE = '| 一、本年新收政府信息公开申请数量 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |';
const GRANTED = '| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |';
const SEVEN = '| （七）总计 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |';

interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  edit?: WorkspaceEdit;
}

function replace(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), from);
  return text.replace(from, to);
}
const errors = (text: string): string[] =>
  checkText(text)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => d.rule);

let seq = 0;

describe('fix choices over LSP', () => {
  const client = new LspClient();
  before(async () => {
    await client.start();
  });
  after(async () => {
    await client.shutdown();
  });
  const actions = (uri: string, range: Range, diagnostics: LspDiagnostic[], only?: string[]): Promise<CodeAction[]> =>
    client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics, only },
    });
  const fixAll = async (uri: string, text: string): Promise<string> => {
    const acts = await actions(
      uri,
      { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      [],
      ['source.fixAll'],
    );
    return acts.reduce((t, a) => applyWorkspaceEdit(t, uri, a.edit), text);
  };

  it('a new figure typed into 自然人: set it back, or keep it and move the totals — neither preferred', async () => {
    const text = replace(EXAMPLE, ROW_ONE, '| 一、本年新收政府信息公开申请数量 | 16 | 0 | 0 | 0 | 0 | 0 | 6 |');
    const uri = client.uri(`choices-${++seq}.xxgk.md`);
    const diags = await client.open(uri, text);
    assert.deepEqual(
      diags.filter((d) => d.severity === 1).map((d) => d.code),
      ['sum-row'],
    );
    const d = diags.find((x) => x.code === 'sum-row')!;
    const fixes = (await actions(uri, d.range, [d])).filter((a) => !a.title.includes('停用规则'));
    const back = fixes.find((a) => a.title.includes('自然人”改为 6'));
    const keep = fixes.find((a) => a.title.startsWith('保留'));
    assert.ok(back, fixes.map((a) => a.title).join(' | '));
    assert.ok(keep, fixes.map((a) => a.title).join(' | '));
    assert.notEqual(back.isPreferred, true);
    assert.notEqual(keep.isPreferred, true);
    // both are consistent: each leaves a report whose sums all hold
    const reverted = applyWorkspaceEdit(text, uri, back.edit);
    assert.deepEqual(errors(reverted), []);
    assert.ok(reverted.includes(ROW_ONE));
    const kept = applyWorkspaceEdit(text, uri, keep.edit);
    assert.deepEqual(errors(kept), []);
    assert.ok(kept.includes('| 一、本年新收政府信息公开申请数量 | 16 | 0 | 0 | 0 | 0 | 0 | 16 |'), kept);
    // fix-all takes neither: the choice is the writer's
    assert.equal(await fixAll(uri, text), text);
    client.close(uri);
  });

  it('a total whose addends are likelier wrong: setting it is offered, not preferred, not applied by fix-all', async () => {
    const text = replace(
      EXAMPLE,
      '| 4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
      '| 4.保护第三方合法权益 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
    );
    const uri = client.uri(`choices-${++seq}.xxgk.md`);
    const diags = await client.open(uri, text);
    const d = diags.find((x) => x.code === 'sum-results');
    assert.ok(d, diags.map((x) => x.code).join(', '));
    const set = (await actions(uri, d.range, [d])).find((a) => a.title.includes('改为 7'));
    assert.ok(set);
    assert.notEqual(set.isPreferred, true);
    assert.equal(await fixAll(uri, text), text);
    client.close(uri);
  });

  it('two wrong figures: the value two independent sums agree on is a safe fix, and fix-all mends both', async () => {
    // （一）予以公开 / 自然人 typed 5 (its row total says 4), （七）总计 / 自然人 typed 8 (its row and 一 + 二 say 6)
    const text = replace(
      replace(EXAMPLE, GRANTED, '| （一）予以公开 | 5 | 0 | 0 | 0 | 0 | 0 | 4 |'),
      SEVEN,
      '| （七）总计 | 8 | 0 | 0 | 0 | 0 | 0 | 6 |',
    );
    const uri = client.uri(`choices-${++seq}.xxgk.md`);
    const diags = await client.open(uri, text);
    const seven = diags.find(
      (x) =>
        x.code !== undefined &&
        x.range.start.line === text.split('\n').indexOf('| （七）总计 | 8 | 0 | 0 | 0 | 0 | 0 | 6 |'),
    );
    assert.ok(seven, diags.map((x) => `${x.code}@${x.range.start.line}`).join(', '));
    const fix = (await actions(uri, seven.range, [seven])).find((a) => a.title.includes('（七）总计 / 自然人”改为 6'));
    assert.ok(fix);
    assert.equal(fix.isPreferred, true);
    const fixed = await fixAll(uri, text);
    assert.ok(fixed.includes(SEVEN), 'fix-all sets （七）总计 / 自然人 to 6');
    assert.ok(fixed.includes(GRANTED), 'and （一）予以公开 / 自然人 back to 4');
    assert.deepEqual(errors(fixed), []);
    client.close(uri);
  });

  it('extra cells past the header: cell-extra, its fix removes the empty ones and fix-all applies it', async () => {
    const text = replace(EXAMPLE, GRANTED, `${GRANTED}  |  |`);
    const uri = client.uri(`choices-${++seq}.xxgk.md`);
    const diags = await client.open(uri, text);
    const d = diags.find((x) => x.code === 'cell-extra');
    assert.ok(d, diags.map((x) => x.code).join(', '));
    assert.equal(d.severity, 2);
    assert.equal(d.range.start.line, text.split('\n').indexOf(`${GRANTED}  |  |`));
    const fix = (await actions(uri, d.range, [d])).find((a) => a.title === '删除多余的空单元格');
    assert.ok(fix);
    assert.equal(fix.isPreferred, true);
    assert.equal(applyWorkspaceEdit(text, uri, fix.edit), EXAMPLE);
    assert.equal(await fixAll(uri, text), EXAMPLE);
    client.close(uri);
  });
});
