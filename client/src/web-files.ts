/**
 * The workspace files for the language server in a Web Worker (browser/platform.ts on the server
 * side): a worker has no file system, so it asks the extension, which reads through
 * `vscode.workspace.fs` (any scheme the editor can read). The request names and answers are those
 * of server/src/browser/platform.ts.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { DirEntry, FileInfo } from '../../server/src/platform';

export const FS_REQUESTS = { stat: 'xxgk/fs/stat', readFile: 'xxgk/fs/readFile', readDir: 'xxgk/fs/readDir' } as const;

const parse = (uri: unknown): vscode.Uri => {
  if (typeof uri !== 'string') throw new Error('no uri');
  return vscode.Uri.parse(uri, true);
};

function toBase64(bytes: Uint8Array): string {
  let bin = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK)
    bin += String.fromCharCode(...bytes.subarray(i, Math.min(i + CHUNK, bytes.length)));
  return btoa(bin);
}

const isFile = (t: vscode.FileType): boolean => (t & vscode.FileType.File) !== 0;
const isDir = (t: vscode.FileType): boolean => (t & vscode.FileType.Directory) !== 0;

/** Answer the worker's file requests on `client` (before it starts). */
export function serveFiles(client: BaseLanguageClient): void {
  client.onRequest(FS_REQUESTS.stat, async (p: { uri?: unknown }): Promise<FileInfo | null> => {
    try {
      const st = await vscode.workspace.fs.stat(parse(p?.uri));
      return { isFile: isFile(st.type), isDirectory: isDir(st.type), size: st.size };
    } catch {
      return null;
    }
  });
  client.onRequest(FS_REQUESTS.readFile, async (p: { uri?: unknown }): Promise<string> =>
    toBase64(await vscode.workspace.fs.readFile(parse(p?.uri))),
  );
  client.onRequest(FS_REQUESTS.readDir, async (p: { uri?: unknown }): Promise<DirEntry[]> => {
    const entries = await vscode.workspace.fs.readDirectory(parse(p?.uri));
    // a symbolic link is reported with its target's type plus SymbolicLink: keep it as its target
    return entries.map(([name, type]) => ({ name, isFile: isFile(type), isDirectory: isDir(type) }));
  });
}
