/** What a CLI command is given (the terminal, the checker, the server entry) and what it is. */
import type { Locale } from '../engine/rule';
import type { FileResult } from './format';
import type { PlainMessageId } from '../messages';

export interface CheckOptions {
  /** files found by walking a folder or glob (a file there that is no report is skipped) */
  walked?: ReadonlySet<string>;
  /** --keep-imported: where the imported text of .pdf/.docx/.html/.txt files is written */
  keepImported?: string;
}
export interface Checked {
  results: FileResult[];
  failures: { path: string; reason: string }[];
  /** files that turned out not to be reports (found by walking) */
  skipped: { path: string; reason: string }[];
}
export type CheckFn = (
  paths: string[],
  locale: Locale,
  onFile?: () => void,
  options?: CheckOptions,
) => Promise<Checked>;

export interface CommandContext {
  stdout(s: string): void;
  stderr(s: string): void;
  check(paths: string[], locale: Locale, onFile?: () => void, options?: CheckOptions): Promise<Checked>;
  /** whether standard error is a terminal; asked only where a progress bar could be drawn */
  isTTY(): boolean;
  /** the language of messages (set by main from --locale, .xxgkrc.json, LC_ALL / LANG; default zh) */
  locale?: Locale;
  /** start the language server on this process's stdio (`xxgk lsp --stdio`); the entry supplies it */
  startServer?(): void;
}
export interface Command {
  usage: string;
  /** what `xxgk <command> --help` prints: a message of server/src/messages */
  help?: PlainMessageId;
  run(argv: string[], io: CommandContext): Promise<number>;
}
