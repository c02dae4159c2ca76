/**
 * Further CLI commands (render, new, import): each registers here with its usage line.
 */
import type { Command } from './types';
import { renderCommand } from './render';
import { newCommand } from './new';
import { importCommand } from './import';

export type { Command, CommandContext } from './types';

export const COMMANDS: Record<string, Command> = {
  render: renderCommand,
  new: newCommand,
  import: importCommand,
};
