/**
 * Helpers for the integration suite that runs inside a real VS Code extension host (code-server
 * through test/e2e/run.mjs, or Electron VS Code through @vscode/test-electron). The workspace is a
 * copy of test/e2e/workspace/.
 */
import * as vscode from 'vscode';

export const EXTENSION_ID = 'xxgk-report.xxgk-report';
export const LANGUAGE_ID = 'xxgk-report';

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder open: the host must be started on a copy of test/e2e/workspace');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function activateExtension(): Promise<void> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded in this host`);
  await ext.activate();
}

/** Opens a workspace file in an editor and waits for the extension to be active. */
export async function openReport(name: string): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(name));
  const editor = await vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.One });
  await activateExtension();
  return { doc, editor };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a value other than undefined, or fails with `what` after `ms`. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${ms} ms waiting for ${what}${last ? ` (last error: ${last instanceof Error ? last.message : JSON.stringify(last)})` : ''}`,
      );
    await sleep(100);
  }
}

/** The rule id of a diagnostic: LSP `code`, which VS Code turns into `{ value, target }` when the diagnostic links its rule page. */
export function ruleOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  if (typeof c === 'object') return String(c.value);
  return String(c);
}

export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === undefined || /xxgk/i.test(d.source));
}

/** Waits until the diagnostics of `uri` satisfy `ok`, and returns them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  what: string,
  ok: (ds: vscode.Diagnostic[]) => boolean,
  ms = 20_000,
): Promise<vscode.Diagnostic[]> {
  return waitFor(
    what,
    () => {
      const ds = ourDiagnostics(uri);
      return ok(ds) ? ds : undefined;
    },
    ms,
  ).catch((err: Error) => {
    const now = ourDiagnostics(uri).map(
      (d) => `${ruleOf(d)}@${d.range.start.line}:${d.range.start.character} ${d.message}`,
    );
    throw new Error(`${err.message}; diagnostics now: ${JSON.stringify(now)}`);
  });
}

/** Flattens document symbols depth-first. */
export function flatten(symbols: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children ?? [])]);
}

export function labelText(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Discards unsaved changes of the active editor (the tests never save into the workspace). */
export async function revertActive(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

/** Reverts unsaved changes, then closes every editor (and webview) so the next test starts from a clean window. */
export async function closeAll(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (!doc.isDirty || doc.isUntitled) continue;
    await vscode.window.showTextDocument(doc);
    await revertActive();
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
