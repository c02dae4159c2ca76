/** Which extension host the extension runs in, set once by the entry (extension.ts or web.ts). */
export const host = {
  /** a browser's extension host (vscode.dev, github.dev, code-server's web-worker host): no Node, no local disk */
  web: false,
};

/** Whether files can be written at `uri`'s scheme (a file next to it, an export beside it). */
export function writableScheme(uri: { scheme: string }, isWritable: (scheme: string) => boolean | undefined): boolean {
  return uri.scheme !== 'untitled' && isWritable(uri.scheme) === true;
}
