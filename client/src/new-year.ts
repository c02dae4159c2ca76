/**
 * XXGK: New Report for Next Year (xxgk.newYear). The server drafts next year's report from the
 * active one (xxgk/newYear); the writer picks where to save it (next to last year's by default,
 * the year in the name advanced); an existing file is replaced only after the save dialog's own
 * confirmation. The draft is then opened.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import type { ClientFeature } from './types';
import { errorText, writeAndOpenReport } from './documents';
import { writableScheme } from './host';

interface NewYearAnswer {
  text: string;
  fileName: string;
  year: number;
  carried: number;
}

export const newYearFeature: ClientFeature = (context, client: () => LanguageClient | undefined) => {
  context.subscriptions.push(
    vscode.commands.registerCommand('xxgk.newYear', async (arg?: vscode.Uri) => {
      const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
      if (!uri) {
        void vscode.window.showWarningMessage('请先打开上一年度的报告 (Open last year’s report first).');
        return;
      }
      const c = client();
      if (!c) {
        void vscode.window.showErrorMessage('语言服务器未运行 (The language server is not running).');
        return;
      }
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (doc && doc.languageId !== 'xxgk-report') await vscode.languages.setTextDocumentLanguage(doc, 'xxgk-report');
      let answer: NewYearAnswer;
      try {
        answer = await c.sendRequest<NewYearAnswer>('xxgk/newYear', { uri: uri.toString() });
      } catch (err) {
        void vscode.window.showErrorMessage(`无法生成下一年度报告：${errorText(err)}`);
        return;
      }
      const folder = writableScheme(uri, (s) => vscode.workspace.fs.isWritableFileSystem(s))
        ? vscode.Uri.joinPath(uri, '..')
        : vscode.workspace.workspaceFolders?.[0]?.uri;
      const target = await vscode.window.showSaveDialog({
        defaultUri: folder ? vscode.Uri.joinPath(folder, answer.fileName) : undefined,
        filters: { '政府信息公开年度报告 (xxgk)': ['md'] },
        saveLabel: `保存 ${answer.year} 年度报告`,
        title: `新建 ${answer.year} 年度报告 (New report for ${answer.year})`,
      });
      if (!target) return;
      if (!(await writeAndOpenReport(target, answer.text))) return;
      void vscode.window.showInformationMessage(
        `已生成 ${answer.year} 年度报告草稿：“二、上年结转”已按上年填入 ${answer.carried} 格，其余单元格请逐项填写。`,
      );
    }),
  );
};
