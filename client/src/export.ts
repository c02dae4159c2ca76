/**
 * Export commands: the report in the editor (with its unsaved changes) → an HTML page or a Word
 * file next to it. The editor asks before overwriting an existing file; the file is written
 * atomically (temporary file + rename), so a failed export leaves the old file as it was.
 */
import * as vscode from 'vscode';
import { exportReport, type ExportFormat } from '../../server/src/render/index';
import { defaultExportPath, fileExists, writeFileAtomic } from '../../server/src/render/write';

export const LANGUAGE_ID = 'xxgk-report';

const FILTERS: Record<ExportFormat, Record<string, string[]>> = {
  html: { HTML: ['html', 'htm'] },
  docx: { [vscode.l10n.t('Word document (DOCX)')]: ['docx'] },
};

/** The report to act on: the given file, else the active editor's report. */
export async function sourceDocument(uri?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
  const editor = vscode.window.activeTextEditor;
  if (editor && (editor.document.languageId === LANGUAGE_ID || editor.document.languageId === 'markdown'))
    return editor.document;
  // the preview has focus: the report it shows
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.languageId === LANGUAGE_ID);
  return visible?.document;
}

async function exists(target: vscode.Uri): Promise<boolean> {
  if (target.scheme === 'file') return fileExists(target.fsPath);
  try {
    await vscode.workspace.fs.stat(target);
    return true;
  } catch {
    return false;
  }
}

/**
 * Exports `uri` (or the active report) as `to`. `target` skips the choice of file; the question
 * before overwriting is always asked. Returns the written file, or undefined when nothing was.
 */
export async function exportDocument(
  to: ExportFormat,
  uri?: vscode.Uri,
  target?: vscode.Uri,
): Promise<vscode.Uri | undefined> {
  const doc = await sourceDocument(uri);
  if (!doc) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open an annual report first.'));
    return undefined;
  }
  let out = target;
  if (!out) {
    if (doc.isUntitled || doc.uri.scheme !== 'file') {
      out = await vscode.window.showSaveDialog({
        filters: FILTERS[to],
        saveLabel: vscode.l10n.t('Export'),
        defaultUri: vscode.workspace.workspaceFolders?.[0]
          ? vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, `report.${to}`)
          : undefined,
      });
      if (!out) return undefined;
    } else {
      out = vscode.Uri.file(defaultExportPath(doc.uri.fsPath, to));
    }
  }
  const name = vscode.workspace.asRelativePath(out);
  if (await exists(out)) {
    const overwrite = vscode.l10n.t('Overwrite');
    const pick = await vscode.window.showWarningMessage(
      vscode.l10n.t('“{0}” already exists. Overwrite it?', name),
      { modal: true },
      overwrite,
    );
    if (pick !== overwrite) return undefined;
  }
  let errors = 0;
  try {
    const result = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Window,
        title: to === 'html' ? vscode.l10n.t('Exporting HTML…') : vscode.l10n.t('Exporting the Word document…'),
      },
      () => exportReport(doc.getText(), to),
    );
    errors = result.model.counts.errors;
    if (out.scheme === 'file') writeFileAtomic(out.fsPath, result.data);
    else await vscode.workspace.fs.writeFile(out, result.data);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    void vscode.window.showErrorMessage(vscode.l10n.t('Export failed; any existing file is unchanged: {0}', msg));
    return undefined;
  }
  const open = vscode.l10n.t('Open');
  const reveal = vscode.l10n.t('Reveal in Folder');
  const done =
    errors === 0
      ? vscode.l10n.t('Exported {0}', name)
      : errors === 1
        ? vscode.l10n.t('Exported {0} (the report still has 1 error)', name)
        : vscode.l10n.t('Exported {0} (the report still has {1} errors)', name, errors);
  void vscode.window.showInformationMessage(done, open, reveal).then((pick) => {
    if (pick === open) void vscode.env.openExternal(out);
    else if (pick === reveal) void vscode.commands.executeCommand('revealFileInOS', out);
  });
  return out;
}

export function registerExport(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('xxgk.exportHtml', (uri?: vscode.Uri, target?: vscode.Uri) =>
      exportDocument('html', uri, target),
    ),
    vscode.commands.registerCommand('xxgk.exportDocx', (uri?: vscode.Uri, target?: vscode.Uri) =>
      exportDocument('docx', uri, target),
    ),
  );
}
