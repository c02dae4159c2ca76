/**
 * The extension at work inside a real VS Code: activation, diagnostics, outline, quick fix,
 * completion, preview, and every declared command registered. Runs in the extension host (mocha
 * bdd), started by test/e2e/run.mjs (code-server) or test/vscode/runTest.ts (Electron VS Code).
 *
 * Workspace (copy of test/e2e/workspace/):
 *   example-2022.xxgk.md   the clean example report (2021 format)
 *   mistakes-2022.xxgk.md  the same with 一、本年新收 / 总计 = 2 instead of 6, and section 五 removed
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  EXTENSION_ID,
  LANGUAGE_ID,
  closeAll,
  flatten,
  labelText,
  openReport,
  ourDiagnostics,
  revertActive,
  ruleOf,
  sleep,
  waitFor,
  waitForDiagnostics,
  workspaceFile,
} from './helpers';

const SECTIONS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];
const WRONG_TOTAL_LINE = 57; // 0-based: | 一、本年新收政府信息公开申请数量 | 6 | 0 | 0 | 0 | 0 | 0 | 2 |

function isReportError(d: vscode.Diagnostic): boolean {
  return d.severity === vscode.DiagnosticSeverity.Error || d.severity === vscode.DiagnosticSeverity.Warning;
}

describe('xxgk-report in a real VS Code', function () {
  this.timeout(60_000);

  afterEach(async () => {
    await closeAll();
  });

  it('activates on a *.xxgk.md file and gives it the report language', async () => {
    const { doc } = await openReport('example-2022.xxgk.md');
    assert.equal(doc.languageId, LANGUAGE_ID);
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext?.isActive, 'extension is active');
  });

  it('registers every command it declares in package.json', async () => {
    await openReport('example-2022.xxgk.md');
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const declared = (
      (ext.packageJSON as { contributes?: { commands?: { command: string }[] } }).contributes?.commands ?? []
    ).map((c) => c.command);
    assert.ok(declared.length > 0, 'package.json declares commands');
    const all = new Set(await vscode.commands.getCommands(true));
    const missing = declared.filter((c) => !all.has(c));
    assert.deepEqual(missing, [], `declared in package.json but not registered: ${missing.join(', ')}`);
  });

  it('reports the wrong total (sum-row) and the missing section (section-missing) as errors', async () => {
    const { doc } = await openReport('mistakes-2022.xxgk.md');
    const ds = await waitForDiagnostics(
      doc.uri,
      'sum-row and section-missing',
      (d) => d.some((x) => ruleOf(x) === 'sum-row') && d.some((x) => ruleOf(x) === 'section-missing'),
    );
    const sum = ds.find((d) => ruleOf(d) === 'sum-row')!;
    assert.equal(sum.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(sum.range.start.line, WRONG_TOTAL_LINE, 'on the row of the wrong total');
    assert.equal(doc.getText(sum.range), '2', 'the range covers the wrong total cell');
    assert.match(sum.message, /6/, 'the message names the expected value');
    const missing = ds.find((d) => ruleOf(d) === 'section-missing')!;
    assert.equal(missing.severity, vscode.DiagnosticSeverity.Error);
    assert.match(missing.message, /五、存在的主要问题及改进情况/);
    const errors = ds
      .filter((d) => d.severity === vscode.DiagnosticSeverity.Error)
      .map(ruleOf)
      .sort();
    assert.deepEqual(errors, ['section-missing', 'sum-row'], 'one diagnostic per mistake, no cascade');
  });

  it('follows a .xxgkrc.json written next to the report: sum-row off, then back when it is removed', async () => {
    // in a browser host the server in its worker reads the file through the extension, asynchronously
    const { doc } = await openReport('mistakes-2022.xxgk.md');
    await waitForDiagnostics(doc.uri, 'sum-row', (d) => d.some((x) => ruleOf(x) === 'sum-row'));
    const rc = workspaceFile('.xxgkrc.json');
    try {
      await vscode.workspace.fs.writeFile(rc, new TextEncoder().encode('{ "rules": { "sum-row": "off" } }\n'));
      // the client's watcher tells the server, which checks the open report again (no edit, no reopening)
      const ds = await waitForDiagnostics(doc.uri, 'no sum-row', (d) => !d.some((x) => ruleOf(x) === 'sum-row'));
      assert.ok(
        ds.some((x) => ruleOf(x) === 'section-missing'),
        'only the rule turned off is gone',
      );
    } finally {
      await vscode.workspace.fs.delete(rc).then(undefined, () => undefined);
    }
    await waitForDiagnostics(doc.uri, 'sum-row back', (d) => d.some((x) => ruleOf(x) === 'sum-row'));
  });

  it('draws no error or warning on the clean example', async () => {
    const { doc } = await openReport('example-2022.xxgk.md');
    // the server checks a document as soon as it is opened; a symbols answer proves it has seen it
    await waitFor('document symbols', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
        'vscode.executeDocumentSymbolProvider',
        doc.uri,
      );
      return s && s.length > 0 ? s : undefined;
    });
    await sleep(1000);
    const bad = ourDiagnostics(doc.uri)
      .filter(isReportError)
      .map((d) => `${ruleOf(d)}: ${d.message}`);
    assert.deepEqual(bad, []);
  });

  it('lists the six sections in the document symbols (Outline)', async () => {
    const { doc } = await openReport('example-2022.xxgk.md');
    const symbols = await waitFor('document symbols', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
        'vscode.executeDocumentSymbolProvider',
        doc.uri,
      );
      return s && s.length > 0 ? s : undefined;
    });
    const names = flatten(symbols).map((s) => s.name.trim());
    assert.deepEqual(
      names.filter((n) => SECTIONS.includes(n)),
      SECTIONS,
      `symbols: ${JSON.stringify(names)}`,
    );
    assert.ok(
      names.some((n) => n.includes('西塞山区2022年政府信息公开工作年度报告')),
      'the title is a symbol',
    );
    // a section's range spans its content: section 三 contains the applications table
    const s3 = flatten(symbols).find((s) => s.name.trim() === SECTIONS[2])!;
    const tableLine = doc
      .getText()
      .split('\n')
      .findIndex((l) => l.startsWith('| 申请人情况'));
    assert.ok(s3.range.contains(new vscode.Position(tableLine, 2)), 'section 三 spans its table');
  });

  it('offers a quick fix for the wrong total; applied, it writes the sum and the diagnostic goes away', async () => {
    const { doc } = await openReport('mistakes-2022.xxgk.md');
    try {
      const ds = await waitForDiagnostics(doc.uri, 'sum-row', (d) => d.some((x) => ruleOf(x) === 'sum-row'));
      const sum = ds.find((d) => ruleOf(d) === 'sum-row')!;
      const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
        'vscode.executeCodeActionProvider',
        doc.uri,
        sum.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const fixes = (actions ?? []).filter((a): a is vscode.CodeAction => 'kind' in a || 'edit' in a);
      const fix = fixes.find(
        (a) => a.edit && /6/.test(a.title) && (a.kind ? vscode.CodeActionKind.QuickFix.contains(a.kind) : true),
      );
      assert.ok(fix, `a quick fix that writes 6; offered: ${JSON.stringify((actions ?? []).map((a) => a.title))}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'the WorkspaceEdit applies');
      if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
      assert.match(
        doc.lineAt(WRONG_TOTAL_LINE).text,
        /^\| 一、本年新收政府信息公开申请数量 \| 6 \| 0 \| 0 \| 0 \| 0 \| 0 \| 6 \|$/,
      );
      const after = await waitForDiagnostics(
        doc.uri,
        'sum-row to disappear',
        (d) => !d.some((x) => ruleOf(x) === 'sum-row'),
      );
      assert.ok(
        after.some((d) => ruleOf(d) === 'section-missing'),
        'the other mistake is still reported',
      );
    } finally {
      await revertActive();
    }
  });

  it('completes the official row labels in the first column of the section 三 table', async () => {
    const { doc, editor } = await openReport('example-2022.xxgk.md');
    try {
      const lines = doc.getText().split('\n');
      const after = lines.findIndex((l) => l.startsWith('| （一）予以公开 |'));
      assert.ok(after > 0, 'the example has the 予以公开 row');
      const ok = await editor.edit((e) => e.insert(new vscode.Position(after, lines[after].length), '\n| '));
      assert.ok(ok, 'inserted an empty row');
      const pos = new vscode.Position(after + 1, 2);
      const labels = await waitFor(
        'completion items',
        async () => {
          const list = await vscode.commands.executeCommand<vscode.CompletionList>(
            'vscode.executeCompletionItemProvider',
            doc.uri,
            pos,
          );
          const ls = (list?.items ?? []).map(labelText);
          // word-based suggestions (the document's own words) would give “予以公开”, never the full label
          return ls.some((l) => l.includes('（一）予以公开')) ? ls : undefined;
        },
        10_000,
      ).catch(async (err: Error) => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>(
          'vscode.executeCompletionItemProvider',
          doc.uri,
          pos,
        );
        throw new Error(`${err.message}; items: ${JSON.stringify((list?.items ?? []).map(labelText).slice(0, 30))}`);
      });
      for (const want of [
        '（一）予以公开',
        '（二）部分公开',
        '1.属于国家秘密',
        '3.危及“三安全一稳定”',
        '1.本机关不掌握相关政府信息',
        '2.重复申请',
        '（七）总计',
        '四、结转下年度继续办理',
      ]) {
        assert.ok(
          labels.some((l) => l.includes(want)),
          `completion offers “${want}”; got ${JSON.stringify(labels.slice(0, 40))}`,
        );
      }
      // the labels of that table, not of the other tables
      for (const other of ['行政许可', '行政处罚', '行政复议']) {
        assert.ok(
          !labels.some((l) => l.includes(other)),
          `no “${other}” (a row of another table) in the section 三 table`,
        );
      }
    } finally {
      await revertActive();
    }
  });

  it('opens the report preview to the side (xxgk.showPreviewToSide)', async () => {
    const { editor } = await openReport('example-2022.xxgk.md');
    await vscode.commands.executeCommand('xxgk.showPreviewToSide');
    const tab = await waitFor(
      'a preview webview tab',
      () => {
        for (const g of vscode.window.tabGroups.all) {
          for (const t of g.tabs) {
            if (t.input instanceof vscode.TabInputWebview && /xxgk/i.test(t.input.viewType))
              return { tab: t, group: g };
          }
        }
        return undefined;
      },
      15_000,
    );
    assert.notEqual(tab.group.viewColumn, editor.viewColumn, 'the preview opens beside the editor, not over it');
    assert.ok(tab.tab.label.length > 0, 'the preview tab has a title');
  });
});
