/**
 * Entry of the language server in a Web Worker (dist/web/server.js), for the extension in a
 * browser (vscode.dev, github.dev, code-server's web-worker extension host): the browser
 * connection over the worker's messages, and the browser platform (browser/platform.ts: files
 * through the extension's `vscode.workspace.fs`), given to the same server core as in Node.
 */
import {
  BrowserMessageReader,
  BrowserMessageWriter,
  createConnection,
  ProposedFeatures,
} from 'vscode-languageserver/browser';
import { createServer } from './server';
import { browserServerDeps, startInfo, type WorkerStartInfo } from './browser/platform';
import { setChunkLoader } from './browser/chunks';

/** The worker's global scope, as far as used here (the project compiles without the DOM libraries). */
interface WorkerScope {
  name: string;
  __xxgkStart?: WorkerStartInfo;
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (e: { data: unknown }) => void): void;
  addEventListener(
    type: 'unhandledrejection',
    listener: (e: { reason: unknown; preventDefault(): void }) => void,
  ): void;
  removeEventListener(type: 'message', listener: (e: { data: unknown }) => void): void;
  importScripts(...urls: string[]): void;
}
declare const self: WorkerScope;

const connection = createConnection(
  ProposedFeatures.all,
  new BrowserMessageReader(self),
  new BrowserMessageWriter(self),
);
// a promise rejected with no handler is logged, as in Node (serverMain.ts)
self.addEventListener('unhandledrejection', (e) => {
  const err: unknown = e.reason;
  connection.console.error(`xxgk: unhandled rejection: ${String(err instanceof Error ? err.stack : err)}`);
  e.preventDefault();
});
// what the extension tells the worker (its folder, the editor's language): a global set before this
// script (the worker started from a Blob), else the worker's name
const info = self.__xxgkStart ?? startInfo(self.name);
const deps = browserServerDeps(connection, info);
// modules loaded on demand (browser/chunks.ts): their scripts are next to this one, read through the extension
setChunkLoader(async (name) => {
  if (!info.extensionUri) throw new Error('the extension did not say where it is');
  const script = deps.files.join(deps.files.join(deps.files.join(info.extensionUri, 'dist'), 'web'), 'chunks');
  const bytes = await deps.files.readFile(deps.files.join(script, `${name}.js`));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }));
  try {
    self.importScripts(url);
  } finally {
    URL.revokeObjectURL(url);
  }
});
createServer(connection, deps);
