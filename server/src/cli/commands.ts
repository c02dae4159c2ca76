/**
 * Further CLI commands (render, new, import): each registers here with its usage line.
 */
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
}
export interface Command {
  usage: string;
  /** what `xxgk <command> --help` prints: a message of server/src/messages */
  help?: PlainMessageId;
  run(argv: string[], io: CommandContext): Promise<number>;
}

import { renderCommand } from './render';
import { newCommand } from './new';
import { importCommand } from './import';

export const COMMANDS: Record<string, Command> = {
  render: renderCommand,
  new: newCommand,
  import: importCommand,
};
