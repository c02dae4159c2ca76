/**
 * What the extension does on activation in any extension host: the commands that need the editor
 * (switching a Markdown file to the report language, restarting the server), the offer to switch
 * a Markdown file that is a report, the client features (preview, export, new year, import), and
 * the language client's start. How the client and its server are made is the entry's:
 * extension.ts (Node: the server as a child process over IPC) or web.ts (browser: the server in a
 * Web Worker).
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { registerClientFeatures } from './features';

export const LANGUAGE_ID = 'xxgk-report';

/** Makes (does not start) a language client with the given options. */
export type ClientFactory = (options: LanguageClientOptions) => Promise<BaseLanguageClient>;

/** The settings as plain data: a browser worker is sent a structured clone, which the editor's configuration proxies are not. */
function settings(): Record<string, unknown> {
  const c = vscode.workspace.getConfiguration('xxgk');
  return JSON.parse(
    JSON.stringify({
      enable: c.get('enable', true),
      locale: c.get('locale', 'auto'),
      rules: c.get('rules', {}),
      debounceMs: c.get('debounceMs', 100),
    }),
  ) as Record<string, unknown>;
}

/** A Markdown file that looks like a report: front matter with 机关/年度, or the report title. */
export function looksLikeReport(text: string): boolean {
  const head = text.slice(0, 4000);
  return (
    /^---[\s\S]*?(机关|agency)\s*:[\s\S]*?(年度|year)\s*:[\s\S]*?---/m.test(head) ||
    /^#\s.*政府信息公开工作年度报告/m.test(head)
  );
}

export async function activateWith(
  context: vscode.ExtensionContext,
  makeClient: ClientFactory,
): Promise<{ client: () => BaseLanguageClient | undefined }> {
  let client: BaseLanguageClient | undefined;
  const startClient = async (): Promise<void> => {
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ language: LANGUAGE_ID }],
      // report files changed on disk keep the server's workspace index (cross-year checks) fresh
      synchronize: { configurationSection: 'xxgk', fileEvents: vscode.workspace.createFileSystemWatcher('**/*.md') },
      initializationOptions: settings(),
      outputChannelName: '政府信息公开年度报告 (xxgk)',
    };
    client = await makeClient(clientOptions);
    await client.start();
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('xxgk.switchToReport', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage('没有打开的文件 (No active editor).');
        return;
      }
      await vscode.languages.setTextDocumentLanguage(editor.document, LANGUAGE_ID);
    }),
    vscode.commands.registerCommand('xxgk.restartServer', async () => {
      if (client) await client.stop().catch(() => undefined);
      await startClient();
    }),
  );
  // offer the report language for Markdown files that are reports
  const offered = new Set<string>();
  const offer = (doc: vscode.TextDocument): void => {
    if (doc.languageId !== 'markdown' || offered.has(doc.uri.toString()) || !looksLikeReport(doc.getText())) return;
    offered.add(doc.uri.toString());
    const yes = '切换 (Switch)';
    void vscode.window
      .showInformationMessage(
        `“${vscode.workspace.asRelativePath(doc.uri)}”看起来是政府信息公开年度报告。切换为报告语言以检查它？`,
        yes,
      )
      .then(async (pick) => {
        if (pick === yes) await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
      });
  };
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(offer));
  vscode.workspace.textDocuments.forEach(offer);

  // the preview, export, new-year and import commands ask the server (they wait for it to start)
  registerClientFeatures(context, () => client);
  try {
    await startClient();
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    void vscode.window
      .showErrorMessage(
        `年度报告语言服务器未能启动，检查与补全暂不可用 (The report language server failed to start): ${msg}`,
        '重启 (Restart)',
      )
      .then((pick) => {
        if (pick) void vscode.commands.executeCommand('xxgk.restartServer');
      });
  }
  return { client: () => client };
}
