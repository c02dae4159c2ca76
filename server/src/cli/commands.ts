/**
 * Further CLI commands (render, new, import): each registers here with its usage line.
 */
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
}
export interface Command {
  usage: string;
  run(argv: string[], io: CommandContext): Promise<number>;
}

import { renderCommand } from './render';
import { newCommand } from './new';
import { importCommand } from './import';

export const COMMANDS: Record<string, Command> = {
  render: renderCommand,
  new: newCommand,
  import: importCommand,
  // loaded when used: the render, exceljs and the importers stay out of `xxgk check`
  review: {
    usage: 'xxgk review <file|dir|glob>... -o <dir> [--force] [--locale zh-CN|en]',
    run: async (argv, io) => (await import('../review/command')).runReview(argv, io),
  },
};
