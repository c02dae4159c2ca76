/**
 * The browser side of the server's platform (platform.ts), for the server in a Web Worker
 * (browserMain.ts). A worker has no file system: the extension (client/src/web-files.ts) reads
 * the workspace through `vscode.workspace.fs` and answers the worker's requests
 *   xxgk/fs/stat     { uri } → FileInfo | null
 *   xxgk/fs/readFile { uri } → base64 of the bytes (throws when unreadable)
 *   xxgk/fs/readDir  { uri } → DirEntry[] (throws when unreadable)
 * Paths here are URIs (any scheme the editor can read: file, vscode-remote, vscode-vfs, …), in
 * the form VS Code itself writes them (vscode-uri), so that an index key made from a directory
 * listing equals the one made from the editor's document URI.
 */
import type { Connection } from 'vscode-languageserver';
import { URI, Utils } from 'vscode-uri';
import type { DirEntry, FileAccess, FileInfo, ServerDeps } from '../platform';
import { AsyncConfigCache } from '../config/async';

export const FS_STAT = 'xxgk/fs/stat';
export const FS_READ_FILE = 'xxgk/fs/readFile';
export const FS_READ_DIR = 'xxgk/fs/readDir';

/** Schemes whose documents are not files anywhere (nothing to read, nothing next to them). */
const NOT_FILES = new Set(['untitled', 'vscode-notebook-cell', 'git', 'output', 'vscode-userdata', 'walkThrough']);

function parse(uri: string): URI | undefined {
  try {
    const u = URI.parse(uri, true);
    if (!u.scheme || NOT_FILES.has(u.scheme)) return undefined;
    return u;
  } catch {
    return undefined;
  }
}

/** The canonical string of a URI (VS Code's own encoding), without a trailing slash. */
function canonical(u: URI): string {
  const path = u.path.length > 1 ? u.path.replace(/\/+$/, '') : u.path;
  return u.with({ path, query: '', fragment: '' }).toString();
}

function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** File access through the client: `connection` must be the worker's connection to the extension. */
export function browserFiles(connection: Connection): FileAccess {
  const need = (path: string): URI => {
    const u = parse(path);
    if (!u) throw new Error(`not a readable location: ${path}`);
    return u;
  };
  return {
    uriToPath(uri) {
      const u = parse(uri);
      return u ? canonical(u) : undefined;
    },
    pathToUri: (path) => path,
    resolve: (path) => {
      const u = parse(path);
      return u ? canonical(u) : path;
    },
    join: (dir, name) => canonical(Utils.joinPath(need(dir), name)),
    dirname: (path) => canonical(Utils.dirname(need(path))),
    basename: (path) => {
      const u = parse(path);
      return u ? Utils.basename(u) : (path.split('/').pop() ?? path);
    },
    relative(from, to) {
      const f = parse(from);
      const t = parse(to);
      if (!f || !t || f.scheme !== t.scheme || f.authority !== t.authority) return to;
      const a = f.path.split('/').filter(Boolean);
      const b = t.path.split('/').filter(Boolean);
      let i = 0;
      while (i < a.length && i < b.length && a[i] === b[i]) i++;
      return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
    },
    isUnder(path, dir) {
      if (path === dir) return true;
      return path.startsWith(dir.endsWith('/') ? dir : `${dir}/`);
    },
    async stat(path) {
      if (!parse(path)) return undefined;
      try {
        return (await connection.sendRequest<FileInfo | null>(FS_STAT, { uri: path })) ?? undefined;
      } catch {
        return undefined;
      }
    },
    async readFile(path) {
      need(path);
      return fromBase64(await connection.sendRequest<string>(FS_READ_FILE, { uri: path }));
    },
    async readDir(path) {
      need(path);
      return connection.sendRequest<DirEntry[]>(FS_READ_DIR, { uri: path });
    },
  };
}

/** What the worker was told when it was started (the extension passes it as the worker's name). */
export interface WorkerStartInfo {
  /** the extension's folder, as a URI: the rule pages are under docs/rules/ */
  extensionUri?: string;
  /** the editor's display language */
  language?: string;
}

export function startInfo(name: string | undefined): WorkerStartInfo {
  try {
    const v = JSON.parse(name ?? '') as unknown;
    return v && typeof v === 'object' ? v : {};
  } catch {
    return {};
  }
}

export function browserServerDeps(connection: Connection, info: WorkerStartInfo): ServerDeps {
  const base = info.extensionUri ? parse(info.extensionUri) : undefined;
  const files = browserFiles(connection);
  return {
    files,
    // .xxgkrc.json read through the extension, asynchronously: the reports are checked again when it arrives
    config: new AsyncConfigCache(files, (m) => connection.console.error(`xxgk: ${m}`)),
    defaultLocale: info.language ?? (globalThis as { navigator?: { language?: string } }).navigator?.language,
    // the page shipped with the extension (the extension always says where it is)
    ruleDocUri: (id) => (base ? Utils.joinPath(base, 'docs', 'rules', `${id}.md`).toString() : `docs/rules/${id}.md`),
  };
}
