/**
 * The editing features against the real server process (dist/server.js over stdio): quick fixes,
 * fix-all, rule silencing, completion, hover, inlay hints, code lens and formatting.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkText } from '../../server/src/engine/check';
import { RULES } from '../../server/src/engine/rules';
import { formatText, displayWidth } from '../../server/src/engine/text/table-format';
import { APPLICANT_COLUMNS } from '../../server/src/engine/forms/common';
import { FORM_2021 } from '../../server/src/engine/forms/f2021';
import {
  LspClient,
  applyTextEdits,
  applyWorkspaceEdit,
  positionOf,
  repoRoot,
  type LspDiagnostic,
  type Position,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from './client';

const fixture = (name: string): string => readFileSync(join(repoRoot(), 'test', 'fixtures', name), 'utf8');
const EXAMPLE = fixture('example-2022.xxgk.md');

interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: LspDiagnostic[];
  edit?: WorkspaceEdit;
}
interface CompletionItem {
  label: string;
  sortText?: string;
  filterText?: string;
  detail?: string;
  insertTextFormat?: number;
  textEdit?: { range: Range; newText: string };
}
interface CompletionList {
  isIncomplete: boolean;
  items: CompletionItem[];
}
interface Hover {
  contents: { kind: string; value: string };
}
interface InlayHint {
  position: Position;
  label: string;
}
interface CodeLens {
  range: Range;
  command?: { title: string; command: string; arguments?: unknown[] };
}

const errorsAndWarnings = (text: string): string[] =>
  checkText(text)
    .diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning')
    .map((d) => `${d.rule}: ${d.message}`);

/** Items ordered as the editor shows them before filtering (by sortText, then label). */
const ordered = (l: CompletionList): CompletionItem[] =>
  [...l.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));

/** Insert text of a snippet with its tab stops and placeholders removed. */
const plain = (snippet: string): string =>
  snippet
    .replace(/\$\{\d+:((?:\\\}|[^}])*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\([$}\\])/g, '$1');

let seq = 0;
const docUri = (c: LspClient): string => c.uri(`editing-${++seq}.xxgk.md`);

describe('editing features over LSP', () => {
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
  const complete = (uri: string, position: Position): Promise<CompletionList> =>
    client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position });
  const hover = (uri: string, position: Position): Promise<Hover | null> =>
    client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });

  it('advertises the editing capabilities', () => {
    const caps = client.initializeResult!.capabilities;
    const ca = caps.codeActionProvider as { codeActionKinds: string[] };
    assert.ok(ca.codeActionKinds.includes('quickfix'));
    assert.ok(ca.codeActionKinds.includes('source.fixAll.xxgk'));
    for (const k of [
      'completionProvider',
      'hoverProvider',
      'documentFormattingProvider',
      'documentRangeFormattingProvider',
      'inlayHintProvider',
      'codeLensProvider',
    ]) {
      assert.ok(caps[k], k);
    }
    assert.ok((caps.executeCommandProvider as { commands: string[] }).commands.includes('xxgk.revealRange'));
  });

  it('the quick fix for a wrong 总计 yields a report the checker finds clean', async () => {
    assert.deepEqual(errorsAndWarnings(EXAMPLE), [], 'the example itself is clean');
    const text = EXAMPLE.replace(
      '| （七）总计 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |',
      '| （七）总计 | 6 | 0 | 0 | 0 | 0 | 0 | 12 |',
    );
    const uri = docUri(client);
    const diags = await client.open(uri, text);
    const d = diags.find((x) => x.code === 'sum-row' || x.code === 'sum-results');
    assert.ok(d, `an arithmetic diagnostic: ${diags.map((x) => x.code).join(', ')}`);
    assert.match(d.codeDescription!.href, /docs\/rules\/sum-(row|results)\.md$/);
    const acts = await actions(uri, d.range, [d], ['quickfix']);
    const fix = acts.find((a) => a.title.includes('改为 6'));
    assert.ok(fix, `a fix that says what it writes: ${acts.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    const fixed = applyWorkspaceEdit(text, uri, fix.edit);
    assert.equal(fixed, EXAMPLE);
    assert.deepEqual(errorsAndWarnings(fixed), []);
    const after2 = await client.change(uri, fixed);
    assert.deepEqual(
      after2.filter((x) => x.severity === 1 || x.severity === 2),
      [],
    );
    client.close(uri);
  });

  it('quick-fix titles follow the locale (English)', async () => {
    const en = new LspClient({ locale: 'en' });
    await en.start();
    try {
      const text = EXAMPLE.replace('| 行政复议 | 0 | 1 | 0 | 0 | 1 |', '| 行政复议 | 0 | 1 | 0 | 0 | 3 |');
      const uri = en.uri('editing-en.xxgk.md');
      const diags = await en.open(uri, text);
      const d = diags.find((x) => x.code === 'sum-review')!;
      assert.ok(d);
      const acts = await en.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: d.range,
        context: { diagnostics: [d] },
      });
      assert.ok(
        acts.some((a) => a.title.startsWith('Set ') && a.title.endsWith(' to 1')),
        acts.map((a) => a.title).join(' | '),
      );
      assert.ok(acts.some((a) => a.title === 'Disable rule sum-review for this table'));
    } finally {
      await en.shutdown();
    }
  });

  it('an unsafe fix (balance) is offered as a choice, never preferred', async () => {
    const text = EXAMPLE.replace(
      '| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
      '| 二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
    );
    const uri = docUri(client);
    const diags = await client.open(uri, text);
    const d = diags.find((x) => x.code === 'balance');
    assert.ok(d, diags.map((x) => x.code).join(', '));
    const acts = await actions(uri, d.range, [d]);
    const choice = acts.find((a) => a.title.includes('改为 1'));
    assert.ok(choice);
    assert.notEqual(choice.isPreferred, true);
    const fixAll = await actions(uri, d.range, [], ['source.fixAll']);
    for (const a of fixAll)
      assert.equal(applyWorkspaceEdit(text, uri, a.edit), text, 'fix-all does not apply the balance choice');
    client.close(uri);
  });

  it('every diagnostic can be silenced where it stands, without breaking its table', async () => {
    const text = EXAMPLE.replace('## 五、存在的主要问题及改进情况', '## 五、存在的问题及改进情况').replace(
      '| 行政复议 | 0 | 1 | 0 | 0 | 1 |',
      '| 行政复议 | 0 | 1 | 0 | 0 | 3 |',
    );
    const uri = docUri(client);
    const diags = await client.open(uri, text);
    for (const d of diags) {
      const acts = await actions(uri, d.range, [d]);
      assert.ok(
        acts.some((a) => a.title.includes(`停用规则 ${d.code}`)),
        `${d.code}: ${acts.map((a) => a.title).join(' | ')}`,
      );
    }
    // a heading: a comment on the line above
    const heading = diags.find((x) => x.code === 'section-heading')!;
    const a1 = (await actions(uri, heading.range, [heading])).find(
      (a) => a.title === '在此行停用规则 section-heading',
    )!;
    const t1 = applyWorkspaceEdit(text, uri, a1.edit);
    assert.ok(t1.includes('<!-- xxgk-disable-next-line section-heading -->\n## 五、存在的问题及改进情况'));
    assert.ok(!checkText(t1).diagnostics.some((x) => x.rule === 'section-heading'));
    // a table cell: the whole table is wrapped, so the table stays a table
    const cell = diags.find((x) => x.code === 'sum-review')!;
    const a2 = (await actions(uri, cell.range, [cell])).find((a) => a.title === '在此表停用规则 sum-review')!;
    const t2 = applyWorkspaceEdit(text, uri, a2.edit);
    assert.ok(t2.includes('<!-- xxgk-disable sum-review -->\n| 类别 |'));
    assert.ok(t2.includes('| 行政诉讼（复议后起诉） | 0 | 0 | 0 | 0 | 0 |\n<!-- xxgk-enable sum-review -->'));
    const r2 = checkText(t2);
    assert.ok(!r2.diagnostics.some((x) => x.rule === 'sum-review'));
    assert.equal(r2.report.tables.length, checkText(text).report.tables.length);
    assert.ok(
      r2.diagnostics.some((x) => x.rule === 'section-heading'),
      'other rules still speak',
    );
    client.close(uri);
  });

  it('source.fixAll.xxgk fixes a dozen mixed defects, leaves the ones needing judgement, and is idempotent', async () => {
    const text = fixture('fixall-mixed-2022.xxgk.md');
    const uri = docUri(client);
    const diags = await client.open(uri, text);
    assert.ok(diags.length >= 12, `${diags.length} diagnostics`);
    const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const acts = await actions(uri, whole, [], ['source.fixAll']);
    assert.equal(acts.length, 1);
    assert.equal(acts[0].kind, 'source.fixAll.xxgk');
    const fixed = applyWorkspaceEdit(text, uri, acts[0].edit);
    const left = checkText(fixed).diagnostics;
    for (const d of left)
      assert.ok(
        d.fixes.every((f) => !f.safe),
        `${d.rule} left with a safe fix`,
      );
    const rules = new Set(left.map((d) => d.rule));
    for (const r of ['balance', 'cell-empty', 'overview-topic']) assert.ok(rules.has(r), r);
    for (const r of [
      'sum-row',
      'sum-review',
      'label-variant',
      'cell-invalid',
      'row-missing',
      'section-missing',
      'section-heading',
    ])
      assert.ok(!rules.has(r), r);
    // small edits, not a rewrite of the document
    const edits = acts[0].edit!.changes![uri];
    assert.ok(edits.length >= 8 && edits.every((e) => e.newText.length < 200), `${edits.length} edits`);
    // the second time changes nothing
    await client.change(uri, fixed);
    const again = await actions(uri, whole, [], ['source.fixAll.xxgk']);
    for (const a of again) assert.equal(applyWorkspaceEdit(fixed, uri, a.edit), fixed);
    // a quick-fix request does not carry the source action
    const quick = await actions(uri, whole, [], ['quickfix']);
    assert.ok(!quick.some((a) => a.kind === 'source.fixAll.xxgk'));
    client.close(uri);
  });

  it('completion in the first column of the section 三 table lists its official labels, absent ones first', async () => {
    const text = EXAMPLE.replace('| 2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n', '');
    const uri = docUri(client);
    await client.open(uri, text);
    const pos = positionOf(text, '| （一）予以公开 |', 2);
    const list = await complete(uri, pos);
    const labels = list.items.map((i) => i.label);
    const table = FORM_2021.tables.find((t) => t.id === 'applications')!;
    for (const r of table.rows) assert.ok(labels.includes(r.label), r.label);
    assert.equal(ordered(list)[0].label, '2.重复申请');
    client.close(uri);
  });

  it('row labels match pinyin initials or any part of the label, and a new row gets its cells', async () => {
    const base = EXAMPLE.replace('| 2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n', '| cf\n');
    const uri = docUri(client);
    await client.open(uri, base);
    const pos = positionOf(base, '| cf', 4);
    const list = await complete(uri, pos);
    const labels = list.items.map((i) => i.label);
    assert.ok(labels.includes('2.重复申请'), labels.join(' | '));
    assert.ok(!labels.includes('1.属于国家秘密'));
    assert.equal(list.isIncomplete, true);
    const item = list.items.find((i) => i.label === '2.重复申请')!;
    assert.ok(item.filterText!.startsWith('cf'), 'the editor’s filter lets the item through');
    assert.equal(item.insertTextFormat, 2);
    const row = plain(item.textEdit!.newText);
    assert.equal(row, `2.重复申请 |${Array.from({ length: APPLICANT_COLUMNS.length }, () => '  ').join('|')}|`);
    const filled = applyTextEdits(base, [item.textEdit as TextEdit]);
    assert.ok(checkText(filled).report.tables.some((t) => t.rowById.has('repeat')));

    const part = base.replace('| cf\n', '| 予以\n');
    await client.change(uri, part);
    const l2 = await complete(uri, positionOf(part, '| 予以', 4));
    assert.ok(l2.items.some((i) => i.label === '（一）予以公开'));
    client.close(uri);
  });

  it('header cells offer the table’s columns (absent first); an empty number cell offers the value the sums imply', async () => {
    const text = EXAMPLE.replace(
      '| 类别 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |',
      '| 类别 | 结果维持 | 结果纠正 |  | 尚未审结 | 总计 |',
    ).replace('| 8.属于行政查询事项 | 1 | 0 |', '| 8.属于行政查询事项 |  | 0 |');
    const uri = docUri(client);
    await client.open(uri, text);
    const head = await complete(uri, positionOf(text, '| 结果纠正 |  |', 8));
    assert.equal(ordered(head)[0].label, '其他结果');
    const cell = await complete(uri, positionOf(text, '| 8.属于行政查询事项 |  |', 14));
    assert.deepEqual(
      cell.items.map((i) => `${i.label} ${i.detail}`),
      ['1 按勾稽关系推出'],
    );
    client.close(uri);
  });

  it('## offers the six official headings, missing first; ### under 一 offers the five topics', async () => {
    const cut = EXAMPLE.slice(0, EXAMPLE.indexOf('## 六、其他需要报告的事项')) + '## \n';
    const uri = docUri(client);
    await client.open(uri, cut);
    const lastLine = cut.split('\n').length - 2;
    const l1 = await complete(uri, { line: lastLine, character: 3 });
    assert.deepEqual(
      ordered(l1).map((i) => i.label),
      [
        '六、其他需要报告的事项',
        '一、总体情况',
        '二、主动公开政府信息情况',
        '三、收到和处理政府信息公开申请情况',
        '四、政府信息公开行政复议、行政诉讼情况',
        '五、存在的主要问题及改进情况',
      ],
    );
    const noTopic = EXAMPLE.replace(
      '### （三）政府信息管理\n\n严格按照省、市和区级主管部门要求管理政府信息。\n\n',
      '### \n\n',
    );
    await client.change(uri, noTopic);
    const l2 = await complete(uri, positionOf(noTopic, '### \n', 4));
    assert.equal(ordered(l2)[0].label, '（三）政府信息管理');
    assert.equal(l2.items.length, 5);
    client.close(uri);
  });

  it('front matter: keys (absent first) and values', async () => {
    const noKind = EXAMPLE.replace('类型: 政府\n', '\n');
    const uri = docUri(client);
    await client.open(uri, noKind);
    const keys = await complete(uri, { line: noKind.split('\n').indexOf('格式: 2021') + 1, character: 0 });
    assert.deepEqual(
      ordered(keys).map((i) => i.label),
      ['类型', '发布日期', '机关', '年度', '格式'],
    );
    assert.equal(keys.items.find((i) => i.label === '类型')!.textEdit!.newText, '类型: ');
    const text = EXAMPLE.replace('类型: 政府', '类型: ');
    await client.change(uri, text);
    const vals = await complete(uri, positionOf(text, '类型: ', 4));
    assert.deepEqual(vals.items.map((i) => i.label).sort(), ['政府', '部门'].sort());
    const fmt = text.replace('格式: 2021', '格式: ');
    await client.change(uri, fmt);
    const fv = await complete(uri, positionOf(fmt, '格式: ', 4));
    assert.equal(ordered(fv)[0].label, '2021');
    client.close(uri);
  });

  it('snippets: a whole official table, and a full report skeleton for the declared year and format', async () => {
    const noFee = EXAMPLE.replace(
      '| 第二十条第（八）项 | 本年收费金额（单位：万元） |\n| --- | --: |\n| 行政事业性收费 | 0 |\n',
      '',
    );
    const uri = docUri(client);
    await client.open(uri, noFee);
    const at = positionOf(noFee, '| 行政强制 | 580 |\n\n', 0);
    const list = await complete(uri, { line: at.line + 1, character: 0 });
    const first = ordered(list)[0];
    assert.equal(first.label, '统计表：第二十条第（八）项');
    const withTable = applyTextEdits(noFee, [first.textEdit as TextEdit]);
    assert.ok(!checkText(withTable).diagnostics.some((d) => d.rule === 'table-missing'));

    const bare = '---\n机关: 大通区人民政府办公室\n年度: 2023\n格式: 2021\n类型: 部门\n---\n\n';
    await client.change(uri, bare);
    const sk = await complete(uri, { line: 7, character: 0 });
    const skeleton = sk.items.find((i) => i.label.startsWith('年度报告框架'));
    assert.ok(skeleton, sk.items.map((i) => i.label).join(' | '));
    assert.ok(skeleton.label.includes('2023') && skeleton.label.includes('2021'));
    const report = applyTextEdits(bare, [
      { range: skeleton.textEdit!.range, newText: plain(skeleton.textEdit!.newText) },
    ]);
    assert.ok(report.includes('# 大通区人民政府办公室2023年政府信息公开工作年度报告'));
    const ds = checkText(report).diagnostics;
    for (const r of [
      'section-missing',
      'table-missing',
      'row-missing',
      'column-missing',
      'overview-topic',
      'title',
      'section-heading',
    ]) {
      assert.ok(
        !ds.some((d) => d.rule === r),
        `${r}: ${ds
          .filter((d) => d.rule === r)
          .map((d) => d.message)
          .join('; ')}`,
      );
    }
    client.close(uri);
  });

  it('hover on a total shows the live sums it takes part in', async () => {
    const uri = docUri(client);
    await client.open(uri, EXAMPLE);
    const totalRow = EXAMPLE.indexOf('| （七）总计 | 6 |');
    const line = EXAMPLE.slice(totalRow, EXAMPLE.indexOf('\n', totalRow));
    const pos = positionOf(EXAMPLE, line, line.lastIndexOf('6'));
    const h = await hover(uri, pos);
    assert.ok(h);
    const value = h.contents.value.replace(/\*\*/g, '');
    assert.ok(value.includes('一 + 二 = 6 + 0 = 6；（七）总计 + 四 = 6 + 0 = 6 ✓'), value);
    assert.ok(
      value.includes('自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他 = 6 + 0 + 0 + 0 + 0 + 0 = 6'),
      value,
    );
    client.close(uri);
  });

  it('hover on a wrong total names the value it should have', async () => {
    const text = EXAMPLE.replace('| 行政复议 | 0 | 1 | 0 | 0 | 1 |', '| 行政复议 | 0 | 1 | 0 | 0 | 3 |');
    const uri = docUri(client);
    await client.open(uri, text);
    const h = await hover(uri, positionOf(text, '| 0 | 3 |', 6));
    const value = h!.contents.value.replace(/\*\*/g, '');
    assert.ok(value.includes('总计 = 3；结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 0 + 1 + 0 + 0 = 1 ✗'), value);
    assert.match(value, /\[规则 sum-review\]\([^)]*docs\/rules\/sum-review\.md\)/);
    client.close(uri);
  });

  it('hover on a row label gives its meaning and legal basis; on a heading, what the format requires', async () => {
    const uri = docUri(client);
    await client.open(uri, EXAMPLE);
    const h1 = await hover(uri, positionOf(EXAMPLE, '1.属于国家秘密', 3));
    assert.ok(h1!.contents.value.includes('第十四条'), h1!.contents.value);
    assert.ok(h1!.contents.value.includes('国家秘密'));
    const h2 = await hover(uri, positionOf(EXAMPLE, '## 六、其他需要报告的事项', 4));
    assert.ok(h2!.contents.value.includes('信息处理费'), h2!.contents.value);
    const h3 = await hover(uri, positionOf(EXAMPLE, '## 一、总体情况', 4));
    assert.ok(h3!.contents.value.includes('（五）监督保障'));
    client.close(uri);
  });

  it('inlay hints show the computed value beside a total that does not add up', async () => {
    const text = EXAMPLE.replace('| 行政复议 | 0 | 1 | 0 | 0 | 1 |', '| 行政复议 | 0 | 1 | 0 | 0 | 3 |');
    const uri = docUri(client);
    await client.open(uri, text);
    const lines = text.split('\n').length;
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } },
    });
    assert.equal(hints.length, 1);
    assert.equal(hints[0].label, '应为 1');
    assert.deepEqual(hints[0].position, positionOf(text, '| 0 | 3 |', 7));
    await client.change(uri, EXAMPLE);
    const none = await client.request<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } },
    });
    assert.deepEqual(none, []);
    client.close(uri);
  });

  it('code lens above each table with sums: balanced, or N problems that a click moves to', async () => {
    const uri = docUri(client);
    await client.open(uri, EXAMPLE);
    const ok = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(
      ok.map((l) => l.command!.title),
      ['勾稽关系：全部平衡 ✓', '勾稽关系：全部平衡 ✓'],
    );
    assert.equal(ok[0].range.start.line, positionOf(EXAMPLE, '| 申请人情况 |').line);

    const text = EXAMPLE.replace('| 行政复议 | 0 | 1 | 0 | 0 | 1 |', '| 行政复议 | 0 | 1 | 0 | 0 | 3 |').replace(
      '| 行政诉讼（复议后起诉） | 0 | 0 | 0 | 0 | 0 |',
      '| 行政诉讼（复议后起诉） | 0 | 0 | 0 | 0 | 2 |',
    );
    await client.change(uri, text);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    const bad = lenses.find((l) => l.command!.title === '勾稽关系：2 处不平衡');
    assert.ok(bad, lenses.map((l) => l.command!.title).join(' | '));
    assert.equal(bad.command!.command, 'xxgk.revealRange');
    const target = positionOf(text, '| 0 | 3 |', 6);
    assert.deepEqual((bad.command!.arguments![1] as Range).start, target);
    await client.request('workspace/executeCommand', {
      command: bad.command!.command,
      arguments: bad.command!.arguments,
    });
    const shown = client.shownDocuments.at(-1)!;
    assert.equal(shown.uri, uri);
    assert.deepEqual(shown.selection!.start, target);
    client.close(uri);
  });

  it('formatting aligns seed-shaped tables by display width, and is idempotent and content-preserving', async () => {
    const text = fixture('format-seed-tables.xxgk.md');
    const uri = docUri(client);
    await client.open(uri, text);
    const opts = { tabSize: 2, insertSpaces: true };
    const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: opts });
    assert.ok(edits.length > 0);
    const formatted = applyTextEdits(text, edits);
    assert.equal(formatted, formatText(text));
    // every row of the table 三 has its pipes at the same display columns
    const rows = formatted
      .split('\n')
      .filter(
        (l) =>
          l.startsWith('| ') &&
          formatted.indexOf(l) > formatted.indexOf('## 三') &&
          formatted.indexOf(l) < formatted.indexOf('## 四'),
      );
    const cols = (l: string): number[] => {
      const out: number[] = [];
      let w = 0;
      for (let i = 0; i < l.length; i++) {
        if (l[i] === '\\') {
          w += 2;
          i++;
          continue;
        }
        if (l[i] === '|') out.push(w);
        w += displayWidth(l[i]);
      }
      return out;
    };
    const head = cols(rows[0]);
    for (const r of rows) assert.deepEqual(cols(r).slice(0, head.length), head, r);
    // content: the same cells, the same prose
    const cells = (t: string): string[] =>
      checkText(t).report.doc.tables.flatMap((x) =>
        [x.header, ...x.rows].flatMap((r) => r.cells.map((c) => c.text).filter((c) => c !== '')),
      );
    assert.deepEqual(cells(formatted), cells(text));
    await client.change(uri, formatted);
    const again = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: opts });
    assert.deepEqual(again, []);
    client.close(uri);
  });

  it('range formatting touches only the tables in the range', async () => {
    const text = fixture('format-seed-tables.xxgk.md');
    const uri = docUri(client);
    await client.open(uri, text);
    const p = positionOf(text, '|行政处罚|');
    const edits = await client.request<TextEdit[]>('textDocument/rangeFormatting', {
      textDocument: { uri },
      range: { start: p, end: p },
      options: { tabSize: 2, insertSpaces: true },
    });
    assert.ok(edits.length > 0);
    const table6 = { from: positionOf(text, '|第二十条第（六）项|').line, to: positionOf(text, '|行政强制|').line };
    for (const e of edits)
      assert.ok(e.range.start.line >= table6.from && e.range.end.line <= table6.to, JSON.stringify(e.range));
    client.close(uri);
  });
});

describe('rule pages', () => {
  it('every rule has its page under docs/rules, with what, why, source, example and fix', () => {
    for (const id of [...RULES.map((r) => r.id), 'internal']) {
      const p = join(repoRoot(), 'docs', 'rules', `${id}.md`);
      assert.ok(existsSync(p), `docs/rules/${id}.md`);
      const page = readFileSync(p, 'utf8');
      for (const h of ['## 检查什么', '## 为什么', '## 依据', '## 示例', '## 修复'])
        assert.ok(page.includes(h), `${id}: ${h}`);
    }
  });

  it('diagnostics link to a page that exists', async () => {
    const c = new LspClient();
    await c.start();
    try {
      const diags = await c.open(c.uri('rule-links.xxgk.md'), fixture('fixall-mixed-2022.xxgk.md'));
      assert.ok(diags.length > 0);
      for (const d of diags) {
        const href = d.codeDescription?.href;
        assert.ok(href, `${d.code} has a link`);
        assert.ok(existsSync(fileURLToPath(href)), `${href} exists`);
      }
    } finally {
      await c.shutdown();
    }
  });
});
