/**
 * A file that cannot be imported, with a message of the tables (server/src/messages): `message` is
 * its Chinese text, `text(locale)` its text in the user's language.
 *
 * The PDF, Word and HTML readers are bundled apart from the program that loads them (dist/importer-*.js,
 * loaded only when such a file is imported), so each bundle holds its own copy of this class:
 * `instanceof ImportError` therefore recognises an ImportError of any copy, by a registered symbol.
 */
import { messageOf, type Locale, type MessageArgs, type MessageId, type MessageRef } from '../messages';

const IMPORT_ERROR = Symbol.for('xxgk-report.ImportError');

export class ImportError extends Error {
  readonly [IMPORT_ERROR] = true;

  constructor(readonly ref: MessageRef) {
    super(messageOf('zh', ref));
  }

  /** the message in the user's language */
  text(locale: Locale): string {
    return messageOf(locale, this.ref);
  }

  static override [Symbol.hasInstance](x: unknown): boolean {
    return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[IMPORT_ERROR] === true;
  }
}

/** An import error with message `id` (its placeholders checked against the message table). */
export function importError<K extends MessageId>(id: K, ...args: MessageArgs<K>): ImportError {
  const params: Record<string, string | number> | undefined = args[0];
  return new ImportError({ id, params });
}
