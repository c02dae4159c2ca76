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

import { join } from 'node:path';
import { renderCommand } from './render';
import { newCommand } from './new';
import { importCommand } from './import';

/** dist/review.js, next to the bundled CLI (a path known at run time: the bundler leaves it out of cli.js). */
function loadReview(): typeof import('../review/command') {
  const bundle = join(__dirname, 'review.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(bundle) as typeof import('../review/command');
}

export const COMMANDS: Record<string, Command> = {
  render: renderCommand,
  new: newCommand,
  import: importCommand,
  // its own bundle (dist/review.js), loaded when used: exceljs and the review pages stay out of `xxgk check`
  review: {
    usage: 'xxgk review <file|dir|glob>... -o <dir> [--force] [--locale zh-CN|en]',
    run: (argv, io) => loadReview().runReview(argv, io),
  },
};
