/** The Node side of the server's platform (platform.ts): the file system, paths, rule pages next to dist/. */
import { promises as fsp } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FileAccess, ServerDeps } from '../platform';
import { ConfigCache } from '../config/node';

export const nodeFiles: FileAccess = {
  uriToPath(uri) {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return resolve(fileURLToPath(uri));
    } catch {
      return undefined;
    }
  },
  pathToUri: (path) => pathToFileURL(path).toString(),
  resolve: (path) => resolve(path),
  join: (dir, name) => join(dir, name),
  dirname: (path) => dirname(path),
  basename: (path) => basename(path),
  relative: (from, to) => relative(from, to).split('\\').join('/'),
  isUnder: (path, dir) => path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep),
  async stat(path) {
    try {
      const st = await fsp.stat(path);
      return { isFile: st.isFile(), isDirectory: st.isDirectory(), size: st.size };
    } catch {
      return undefined;
    }
  },
  readFile: (path) => fsp.readFile(path),
  async readDir(path) {
    const entries = await fsp.readdir(path, { withFileTypes: true });
    return entries.map((e) => ({ name: e.name, isFile: e.isFile(), isDirectory: e.isDirectory() }));
  },
};

/** The rule page shipped with the extension (docs/rules/<id>.md next to dist/). */
export function nodeRuleDocUri(id: string): string {
  return pathToFileURL(join(__dirname, '..', 'docs', 'rules', `${id}.md`)).toString();
}

export function nodeServerDeps(): ServerDeps {
  return {
    files: nodeFiles,
    config: new ConfigCache(),
    defaultLocale: process.env.VSCODE_NLS_CONFIG_LOCALE,
    ruleDocUri: nodeRuleDocUri,
  };
}
