/** Writing a new report the user chose a place for, and opening it in the report language. */
import * as vscode from 'vscode';

export const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Write `text` to `target` and show it as a report; false (after telling the user) when it cannot be written. */
export async function writeAndOpenReport(target: vscode.Uri, text: string): Promise<boolean> {
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  } catch (err) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot write {0}: {1}', target.fsPath, errorText(err)));
    return false;
  }
  const opened = await vscode.workspace.openTextDocument(target);
  await vscode.languages.setTextDocumentLanguage(opened, 'xxgk-report');
  await vscode.window.showTextDocument(opened);
  return true;
}
