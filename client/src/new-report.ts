/**
 * 新建年度报告 (xxgk.newReport): asks for the 机关, its 类型 (部门 or 政府) and the 年度, has the
 * server write the skeleton of the form in force for that year (xxgk/newReport: the 2021 form
 * from 2021, the 2019 form before), and opens it — as a new untitled report, or saved where the
 * writer chooses. The first step of the walkthrough.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import type { ClientFeature } from './types';
import { errorText, writeAndOpenReport } from './documents';

interface NewReportAnswer {
  text: string;
  form: string;
  fileName: string;
}

/** The year a report is usually written for: last year (reports are due by the end of March). */
export function defaultReportYear(now = new Date()): number {
  return now.getFullYear() - 1;
}

export function validateYear(value: string, now = new Date()): string | undefined {
  const y = Number(value.trim());
  if (!/^\d{4}$/.test(value.trim()) || y < 2008 || y > now.getFullYear() + 1)
    return vscode.l10n.t('Enter a year from 2008 to {0}', now.getFullYear() + 1);
  return undefined;
}

export const newReportFeature: ClientFeature = (context, client: () => LanguageClient | undefined) => {
  context.subscriptions.push(
    vscode.commands.registerCommand('xxgk.newReport', async () => {
      const c = client();
      if (!c) {
        void vscode.window.showErrorMessage(vscode.l10n.t('The language server is not running.'));
        return;
      }
      const title = vscode.l10n.t('New annual report');
      const agency = await vscode.window.showInputBox({
        title: `${title} (1/4)`,
        prompt: vscode.l10n.t('The reporting body, e.g. “某某市人民政府办公室”'),
        placeHolder: vscode.l10n.t('Name of the body'),
        ignoreFocusOut: true,
        validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('The name of the body cannot be empty')),
      });
      if (agency === undefined) return;
      const kind = await vscode.window.showQuickPick(
        [
          { label: '部门', description: vscode.l10n.t('a department or office') },
          { label: '政府', description: vscode.l10n.t('a people’s government at any level') },
        ],
        { title: `${title} (2/4)`, placeHolder: vscode.l10n.t('Type of the body'), ignoreFocusOut: true },
      );
      if (!kind) return;
      const yearText = await vscode.window.showInputBox({
        title: `${title} (3/4)`,
        prompt: vscode.l10n.t('The year the report covers; from 2021 the 2021 form applies, before it the 2019 form'),
        value: String(defaultReportYear()),
        ignoreFocusOut: true,
        validateInput: (v) => validateYear(v),
      });
      if (yearText === undefined) return;
      let answer: NewReportAnswer;
      try {
        answer = await c.sendRequest<NewReportAnswer>('xxgk/newReport', {
          agency: agency.trim(),
          kind: kind.label,
          year: Number(yearText.trim()),
        });
      } catch (err) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Could not create the report: {0}', errorText(err)));
        return;
      }
      const untitled = vscode.l10n.t('New untitled report');
      const save = vscode.l10n.t('Save as a file…');
      const where = await vscode.window.showQuickPick([untitled, save], {
        title: `${title} (4/4)`,
        placeHolder: vscode.l10n.t('Where should the report go?'),
        ignoreFocusOut: true,
      });
      if (!where) return;
      if (where === untitled) {
        const doc = await vscode.workspace.openTextDocument({ language: 'xxgk-report', content: answer.text });
        await vscode.window.showTextDocument(doc);
        return;
      }
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const target = await vscode.window.showSaveDialog({
        defaultUri: folder ? vscode.Uri.joinPath(folder, answer.fileName) : undefined,
        filters: { [vscode.l10n.t('Annual report (xxgk)')]: ['md'] },
        title,
      });
      if (!target) return;
      await writeAndOpenReport(target, answer.text);
    }),
  );
};
