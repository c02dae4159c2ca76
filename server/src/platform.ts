/**
 * What the language server needs from the platform it runs on, given to `createServer` by its
 * entry: file access for the workspace index and the editor's requests, and a few facts of the
 * host. The server core (server.ts, features/, workspace/) imports no platform module itself, so
 * that the same core can run in Node (serverMain.ts, node/platform.ts) or in a browser worker.
 */
import type { FoundConfig } from './config';

export interface FileInfo {
  isFile: boolean;
  isDirectory: boolean;
  size: number;
}

export interface DirEntry {
  name: string;
  /** a directory entry itself (a symbolic link is neither file nor directory) */
  isFile: boolean;
  isDirectory: boolean;
}

/** Paths are the platform's own (Node: absolute file system paths). */
export interface FileAccess {
  /** the path of a URI this platform can read, else undefined */
  uriToPath(uri: string): string | undefined;
  pathToUri(path: string): string;
  resolve(path: string): string;
  join(dir: string, name: string): string;
  dirname(path: string): string;
  basename(path: string): string;
  /** `to` relative to the folder `from`, with `/` separators */
  relative(from: string, to: string): string;
  /** whether `path` is `dir` or lies under it */
  isUnder(path: string, dir: string): boolean;
  /** undefined when it does not exist or cannot be read (follows symbolic links) */
  stat(path: string): Promise<FileInfo | undefined>;
  readFile(path: string): Promise<Uint8Array>;
  /** throws when the folder cannot be read */
  readDir(path: string): Promise<DirEntry[]>;
}

/** Where the server finds the `.xxgkrc.json` that applies to a path, cached until `clear()`. */
export interface ConfigSource {
  forFile(path: string): FoundConfig | undefined;
  clear(): void;
  /**
   * A source that reads files asynchronously (the browser's) answers `forFile` with what it has
   * read so far, starts reading what it has not, and calls this when a configuration file arrives:
   * the documents are then checked again.
   */
  onDidLoad?(listener: () => void): void;
}

export interface ServerDeps {
  files: FileAccess;
  /** the configuration files (absent where the platform cannot read them synchronously) */
  config?: ConfigSource;
  /** the UI locale when the client names none (e.g. from the editor's environment) */
  defaultLocale?: string;
  /** the address of a rule's documentation page, for diagnostics and hovers */
  ruleDocUri: (id: string) => string;
}
