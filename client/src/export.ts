/**
 * Export commands: the report in the editor (with its unsaved changes) → an HTML page or a Word
 * file next to it. The language server makes the file (`xxgk/export`, features/preview.ts); the
 * editor asks before overwriting an existing file and writes it atomically (temporary file +
 * rename), so a failed export leaves the old file as it was.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import type { ExportAnswer, ExportParams } from '../../server/src/features/preview';
import type { ExportFormat } from '../../server/src/render/index';
import { host, writableScheme } from './host';

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

/** Write `data` to `target` through a temporary file beside it, renamed over the target. */
export async function writeAtomic(target: vscode.Uri, data: Uint8Array): Promise<void> {
  const name = target.path.split('/').pop() ?? 'export';
  const tmp = target.with({
    path: `${target.path.slice(0, target.path.length - name.length)}.${name}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`,
  });
  try {
    await vscode.workspace.fs.writeFile(tmp, data);
    await vscode.workspace.fs.rename(tmp, target, { overwrite: true });
  } catch (err) {
    await Promise.resolve(vscode.workspace.fs.delete(tmp)).catch(() => undefined);
    throw err;
  }
}

function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function failed(err: unknown): undefined {
  const msg = err instanceof Error ? err.message : String(err);
  void vscode.window.showErrorMessage(vscode.l10n.t('Export failed; any existing file is unchanged: {0}', msg));
  return undefined;
}

async function exists(target: vscode.Uri): Promise<boolean> {
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
  client: () => LanguageClient | undefined,
  to: ExportFormat,
  uri?: vscode.Uri,
  target?: vscode.Uri,
): Promise<vscode.Uri | undefined> {
  const doc = await sourceDocument(uri);
  if (!doc) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open an annual report first.'));
    return undefined;
  }
  let result: ExportAnswer;
  try {
    result = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Window,
        title: to === 'html' ? vscode.l10n.t('Exporting HTML…') : vscode.l10n.t('Exporting the Word document…'),
      },
      async () => {
        const c = client();
        if (!c) throw new Error(vscode.l10n.t('The language server is not running.'));
        const params: ExportParams = {
          uri: doc.uri.toString(),
          format: to,
          text: doc.languageId === LANGUAGE_ID ? undefined : doc.getText(),
        };
        return c.sendRequest<ExportAnswer>('xxgk/export', params);
      },
    );
  } catch (err) {
    return failed(err);
  }
  let out = target;
  if (!out) {
    if (doc.isUntitled || !writableScheme(doc.uri, (s) => vscode.workspace.fs.isWritableFileSystem(s))) {
      out = await vscode.window.showSaveDialog({
        filters: FILTERS[to],
        saveLabel: vscode.l10n.t('Export'),
        defaultUri: vscode.workspace.workspaceFolders?.[0]
          ? vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, `report.${to}`)
          : undefined,
      });
      if (!out) return undefined;
    } else {
      out = vscode.Uri.joinPath(doc.uri, '..', result.fileName);
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
  try {
    await writeAtomic(out, fromBase64(result.data));
  } catch (err) {
    return failed(err);
  }
  const errors = result.errors;
  const done =
    errors === 0
      ? vscode.l10n.t('Exported {0}', name)
      : errors === 1
        ? vscode.l10n.t('Exported {0} (the report still has 1 error)', name)
        : vscode.l10n.t('Exported {0} (the report still has {1} errors)', name, errors);
  if (host.web) {
    // no local disk in a browser: the file is in the workspace; the browser can download it
    const download = vscode.l10n.t('Download');
    const revealExplorer = vscode.l10n.t('Reveal in Explorer');
    void vscode.window.showInformationMessage(done, download, revealExplorer).then((pick) => {
      if (pick === download)
        // the workbench's download takes the Explorer's selection: select the file first
        void Promise.resolve(vscode.commands.executeCommand('revealInExplorer', out))
          .then(() => vscode.commands.executeCommand('explorer.download'))
          .then(undefined, () =>
            vscode.window.showInformationMessage(
              vscode.l10n.t('This browser cannot download it directly: use Download in the Explorer’s context menu.'),
            ),
          );
      else if (pick === revealExplorer) void vscode.commands.executeCommand('revealInExplorer', out);
    });
    return out;
  }
  const open = vscode.l10n.t('Open');
  const reveal = vscode.l10n.t('Reveal in Folder');
  void vscode.window.showInformationMessage(done, open, reveal).then((pick) => {
    if (pick === open) void vscode.env.openExternal(out);
    else if (pick === reveal) void vscode.commands.executeCommand('revealFileInOS', out);
  });
  return out;
}

export function registerExport(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('xxgk.exportHtml', (uri?: vscode.Uri, target?: vscode.Uri) =>
      exportDocument(client, 'html', uri, target),
    ),
    vscode.commands.registerCommand('xxgk.exportDocx', (uri?: vscode.Uri, target?: vscode.Uri) =>
      exportDocument(client, 'docx', uri, target),
    ),
  );
}
