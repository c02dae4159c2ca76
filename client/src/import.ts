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
        void vscode.window.showErrorMessage(vscode.l10n.t('The language server is not running.'));
        return;
      }
      let source = arg instanceof vscode.Uri ? arg : undefined;
      if (!source) {
        const picked = await vscode.window.showOpenDialog({
          canSelectMany: false,
          openLabel: vscode.l10n.t('Import'),
          title: vscode.l10n.t('Import an existing annual report'),
          filters: { [vscode.l10n.t('Annual reports (Word, web page, text)')]: ['docx', 'html', 'htm', 'txt'] },
        });
        source = picked?.[0];
      }
      if (!source) return;
      // in Node the server reads local files itself; in a browser it reads through the editor (any workspace file)
      if (source.scheme !== 'file' && !host.web) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Only local files can be imported.'));
        return;
      }
      let answer: ImportAnswer;
      try {
        answer = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Importing the report…') },
          () =>
            c.sendRequest<ImportAnswer>(
              'xxgk/import',
              source.scheme === 'file' && !host.web ? { path: source.fsPath } : { uri: source.toString() },
            ),
        );
      } catch (err) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Import failed: {0}', errorText(err)));
        return;
      }
      const target = await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(source, '..', answer.fileName),
        filters: { [vscode.l10n.t('Annual report (xxgk)')]: ['md'] },
        saveLabel: vscode.l10n.t('Save the imported report'),
      });
      if (!target) return;
      if (!(await writeAndOpenReport(target, answer.markdown))) return;
      const s = answer.summary;
      const parts = [vscode.l10n.t('Imported: {0}/{1} table cells read.', s.cellsRead, s.cellsExpected)];
      if (s.unplaced.length)
        parts.push(
          vscode.l10n.t(
            '{0} item(s) could not be placed in a table and are kept as comments in the text.',
            s.unplaced.length,
          ),
        );
      parts.push(...s.notes);
      parts.push(vscode.l10n.t('Please check the draft against the original.'));
      void vscode.window.showInformationMessage(parts.join(' '));
    }),
  );
};
