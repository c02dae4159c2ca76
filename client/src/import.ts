/**
 * XXGK: Import an Existing Report (xxgk.import). The writer picks a Word (.docx), web page
 * (.html) or extracted text (.txt) file; the server turns it into the dialect (xxgk/import); the
 * writer picks where to save the draft (next to the source by default); the draft is opened and
 * the summary (cells read / expected, what could not be placed) is shown.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import type { ClientFeature } from './types';
import { errorText, writeAndOpenReport } from './documents';
import { host } from './host';

interface ImportAnswer {
  markdown: string;
  fileName: string;
  summary: {
    cellsRead: number;
    cellsExpected: number;
    unplaced: unknown[];
    notes: string[];
    agency?: string;
    year?: number;
  };
}

export const importFeature: ClientFeature = (context, client: () => LanguageClient | undefined) => {
  context.subscriptions.push(
    vscode.commands.registerCommand('xxgk.import', async (arg?: vscode.Uri) => {
      const c = client();
      if (!c) {
        void vscode.window.showErrorMessage('语言服务器未运行 (The language server is not running).');
        return;
      }
      let source = arg instanceof vscode.Uri ? arg : undefined;
      if (!source) {
        const picked = await vscode.window.showOpenDialog({
          canSelectMany: false,
          openLabel: '导入 (Import)',
          title: '导入已有的政府信息公开年度报告 (Import an existing report)',
          filters: { '年度报告 (Word, 网页, 文本)': ['docx', 'html', 'htm', 'txt'] },
        });
        source = picked?.[0];
      }
      if (!source) return;
      // in Node the server reads local files itself; in a browser it reads through the editor (any workspace file)
      if (source.scheme !== 'file' && !host.web) {
        void vscode.window.showErrorMessage('只能导入本地文件 (Only local files can be imported).');
        return;
      }
      let answer: ImportAnswer;
      try {
        answer = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: '正在导入报告…' },
          () =>
            c.sendRequest<ImportAnswer>(
              'xxgk/import',
              source.scheme === 'file' && !host.web ? { path: source.fsPath } : { uri: source.toString() },
            ),
        );
      } catch (err) {
        void vscode.window.showErrorMessage(`导入失败：${errorText(err)}`);
        return;
      }
      const target = await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(source, '..', answer.fileName),
        filters: { '政府信息公开年度报告 (xxgk)': ['md'] },
        saveLabel: '保存导入的报告',
      });
      if (!target) return;
      if (!(await writeAndOpenReport(target, answer.markdown))) return;
      const s = answer.summary;
      const lost = s.unplaced.length ? `；${s.unplaced.length} 处未能放入表格，已作为注释保留在文中` : '';
      const notes = s.notes.length ? `。${s.notes.join('；')}` : '';
      void vscode.window.showInformationMessage(
        `导入完成：表格单元格读入 ${s.cellsRead}/${s.cellsExpected}${lost}${notes}。请对照原文核对。`,
      );
    }),
  );
};
