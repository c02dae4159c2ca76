/** What a CLI command is given (the terminal, the checker, the server entry) and what it is. */
import type { Locale } from '../engine/rule';
import type { FileResult } from './format';

export interface CommandContext {
  stdout(s: string): void;
  stderr(s: string): void;
  check(
    paths: string[],
    locale: Locale,
    onFile?: () => void,
  ): Promise<{ results: FileResult[]; failures: { path: string; reason: string }[] }>;
  isTTY: boolean;
  /** start the language server on this process's stdio (`xxgk lsp --stdio`); the entry supplies it */
  startServer?(): void;
}
export interface Command {
  usage: string;
  run(argv: string[], io: CommandContext): Promise<number>;
}
