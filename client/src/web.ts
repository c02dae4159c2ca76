/**
 * The VS Code extension in a browser's extension host (package.json `browser`: vscode.dev,
 * github.dev, code-server's web-worker host). The language server is the same server core, built
 * for a Web Worker (dist/web/server.js from server/src/browserMain.ts); the workspace files reach
 * it through the extension (web-files.ts). Everything else is shared with the Node entry
 * (activate.ts).
 *
 * The worker is started from a Blob of its script, read with `vscode.workspace.fs`: an extension
 * installed on a remote host (code-server) lives at a `vscode-remote:` address, from which the
 * browser's extension host refuses to start a worker ("Creating workers from remote extensions is
 * currently not supported").
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateWith } from './activate';
import { host } from './host';
import { serveFiles } from './web-files';

/** The browser's Worker, Blob and URL, as far as used here (the client compiles without the DOM libraries). */
declare const Worker: new (url: string, options?: { name?: string }) => { terminate(): void };
declare const Blob: new (parts: Uint8Array[], options?: { type?: string }) => object;
declare const URL: { createObjectURL(blob: object): string; revokeObjectURL(url: string): void };

/** The global the worker finds its start information in (server/src/browserMain.ts). */
const START_INFO = '__xxgkStart';

let worker: { terminate(): void } | undefined;
let client: (() => LanguageClient | undefined) | undefined;

async function startWorker(context: vscode.ExtensionContext): Promise<{ terminate(): void }> {
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  // what the worker cannot find out itself: where the rule pages are, the editor's language
  // (set as a global before the script: the editor's own Worker wrapper does not keep a worker's name)
  const info = JSON.stringify({ extensionUri: context.extensionUri.toString(), language: vscode.env.language });
  const prelude = new TextEncoder().encode(`self.${START_INFO}=${info};\n`);
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(script);
  } catch {
    // the script cannot be read through the editor's file system: let the browser fetch it
    return new Worker(script.toString(true), { name: info });
  }
  const url = URL.createObjectURL(new Blob([prelude, bytes], { type: 'text/javascript' }));
  try {
    return new Worker(url, { name: info });
  } finally {
    // the worker has fetched its script once it runs; the address is not needed after a while
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

export async function activate(
  context: vscode.ExtensionContext,
): Promise<{ client: () => LanguageClient | undefined }> {
  host.web = true;
  const api = await activateWith(context, async (clientOptions) => {
    worker?.terminate();
    worker = await startWorker(context);
    const c = new LanguageClient(
      'xxgk',
      vscode.l10n.t('Annual Report Language Server'),
      clientOptions,
      worker as ConstructorParameters<typeof LanguageClient>[3],
    );
    serveFiles(c);
    return c;
  });
  client = api.client as () => LanguageClient | undefined;
  return { client };
}

export async function deactivate(): Promise<void> {
  const c = client?.();
  if (c) await c.stop().catch(() => undefined);
  worker?.terminate();
  worker = undefined;
}
