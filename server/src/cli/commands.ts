/**
 * Further CLI commands (render, new, import): each registers here with its usage line.
 */
import type { Locale } from '../engine/rule';
import type { CheckOptions, Checked } from './main';

export interface CommandContext {
  stdout(s: string): void;
  stderr(s: string): void;
  check(paths: string[], locale: Locale, onFile?: () => void, options?: CheckOptions): Promise<Checked>;
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
};
