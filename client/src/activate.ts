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

/** A setting the user (or the workspace) set, not its default; undefined when not set. */
function explicit<T>(c: vscode.WorkspaceConfiguration, key: string): T | undefined {
  const i = c.inspect<T>(key);
  return (
    i?.workspaceFolderLanguageValue ??
    i?.workspaceFolderValue ??
    i?.workspaceLanguageValue ??
    i?.workspaceValue ??
    i?.globalLanguageValue ??
    i?.globalValue
  );
}

/**
 * The settings sent to the server. `locale` and `rules` only when the user set them, so that a
 * `.xxgkrc.json` decides what the user did not (its locale, its rules), as markdownlint's
 * extension does; with neither, the messages are Chinese, the language of the reports.
 * As plain data: a browser worker is sent a structured clone, which the editor's configuration
 * proxies are not.
 */
function settings(scope?: vscode.Uri): Record<string, unknown> {
  const c = vscode.workspace.getConfiguration('xxgk', scope);
  return JSON.parse(
    JSON.stringify({
      enable: c.get('enable', true),
      locale: explicit<string>(c, 'locale'),
      rules: explicit<Record<string, string>>(c, 'rules') ?? {},
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
      // report files changed on disk keep the server's workspace index (cross-year checks) fresh;
      // a changed .xxgkrc.json has the open reports checked again
      synchronize: {
        configurationSection: 'xxgk',
        fileEvents: [
          vscode.workspace.createFileSystemWatcher('**/*.md'),
          vscode.workspace.createFileSystemWatcher('**/.xxgkrc.json'),
        ],
      },
      initializationOptions: settings(),
      middleware: {
        workspace: {
          // the server pulls `xxgk`: answer with what the user set, not the defaults (see settings())
          configuration: async (params, token, next) => {
            const result = await next(params, token);
            if (!Array.isArray(result)) return result;
            return result.map((r: unknown, i) =>
              params.items[i]?.section === 'xxgk'
                ? settings(params.items[i].scopeUri ? vscode.Uri.parse(params.items[i].scopeUri) : undefined)
                : r,
            );
          },
        },
      },
      outputChannelName: vscode.l10n.t('Annual Reports (xxgk)'),
    };
    client = await makeClient(clientOptions);
    await client.start();
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('xxgk.switchToReport', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No file is open.'));
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
    const yes = vscode.l10n.t('Switch');
    void vscode.window
      .showInformationMessage(
        vscode.l10n.t(
          '“{0}” looks like an annual report. Switch it to the report language to check it?',
          vscode.workspace.asRelativePath(doc.uri),
        ),
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
        vscode.l10n.t(
          'The annual report language server failed to start; checking and completion are unavailable: {0}',
          msg,
        ),
        vscode.l10n.t('Restart'),
      )
      .then((pick) => {
        if (pick) void vscode.commands.executeCommand('xxgk.restartServer');
      });
  }
  return { client: () => client };
}
