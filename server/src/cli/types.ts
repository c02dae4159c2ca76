/** What a CLI command is given (the terminal, the checker, the server entry) and what it is. */
import type { Locale } from '../engine/rule';
import type { FileResult } from './format';
import type { PlainMessageId } from '../messages';

export interface CommandContext {
  stdout(s: string): void;
  stderr(s: string): void;
  check(
    paths: string[],
    locale: Locale,
    onFile?: () => void,
  ): Promise<{ results: FileResult[]; failures: { path: string; reason: string }[] }>;
  isTTY: boolean;
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
