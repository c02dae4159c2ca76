/**
 * The VS Code extension in a Node extension host (package.json `main`): the bundled language
 * server (dist/server.js) started as a child process over IPC. Everything else is shared with the
 * browser entry (web.ts) in activate.ts.
 */
import { availableParallelism } from 'node:os';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateWith } from './activate';
import { serverExecArgv } from './server-process';

export { LANGUAGE_ID, looksLikeReport } from './activate';

let client: (() => LanguageClient | undefined) | undefined;

export async function activate(
  context: vscode.ExtensionContext,
): Promise<{ client: () => LanguageClient | undefined }> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: serverExecArgv(availableParallelism()) } },
    debug: {
      module,
      transport: TransportKind.ipc,
      options: { execArgv: [...serverExecArgv(availableParallelism()), '--nolazy', '--inspect=6019'] },
    },
  };
  const api = await activateWith(context, (clientOptions) =>
    Promise.resolve(
      new LanguageClient('xxgk', vscode.l10n.t('Annual Report Language Server'), serverOptions, clientOptions),
    ),
  );
  client = api.client as () => LanguageClient | undefined;
  return { client };
}

export async function deactivate(): Promise<void> {
  const c = client?.();
  if (c) await c.stop();
}
