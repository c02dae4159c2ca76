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
        void vscode.window.showWarningMessage(vscode.l10n.t('Open last year’s report first.'));
        return;
      }
      const c = client();
      if (!c) {
        void vscode.window.showErrorMessage(vscode.l10n.t('The language server is not running.'));
        return;
      }
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (doc && doc.languageId !== 'xxgk-report') await vscode.languages.setTextDocumentLanguage(doc, 'xxgk-report');
      let answer: NewYearAnswer;
      try {
        answer = await c.sendRequest<NewYearAnswer>('xxgk/newYear', { uri: uri.toString() });
      } catch (err) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Cannot make next year’s report: {0}', errorText(err)));
        return;
      }
      const folder = writableScheme(uri, (s) => vscode.workspace.fs.isWritableFileSystem(s))
        ? vscode.Uri.joinPath(uri, '..')
        : vscode.workspace.workspaceFolders?.[0]?.uri;
      const target = await vscode.window.showSaveDialog({
        defaultUri: folder ? vscode.Uri.joinPath(folder, answer.fileName) : undefined,
        filters: { [vscode.l10n.t('Annual report (xxgk)')]: ['md'] },
        saveLabel: vscode.l10n.t('Save the {0} report', answer.year),
        title: vscode.l10n.t('New report for {0}', answer.year),
      });
      if (!target) return;
      if (!(await writeAndOpenReport(target, answer.text))) return;
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'The {0} draft is ready: {1} cell(s) of “二、上年结转” were carried from last year; fill in the other cells one by one.',
          answer.year,
          answer.carried,
        ),
      );
    }),
  );
};
