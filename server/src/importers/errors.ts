/**
 * A file that cannot be imported, with a message for the user (Chinese, then English).
 *
 * The PDF, Word and HTML readers are bundled apart from the program that loads them (dist/importer-*.js,
 * loaded only when such a file is imported), so each bundle holds its own copy of this class:
 * `instanceof ImportError` therefore recognises an ImportError of any copy, by a registered symbol.
 */
const IMPORT_ERROR = Symbol.for('xxgk-report.ImportError');

export class ImportError extends Error {
  readonly [IMPORT_ERROR] = true;

  static override [Symbol.hasInstance](x: unknown): boolean {
    return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[IMPORT_ERROR] === true;
  }
}
