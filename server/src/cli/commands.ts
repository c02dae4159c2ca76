/**
 * Further CLI commands (render, new, import, review). The registry holds what `--help` shows (usage
 * line, help message); each command's code is loaded only when it runs, from its own bundle, so that
 * `xxgk check` loads no renderer, importer, spreadsheet or Word library.
 */
import type { PlainMessageId } from '../messages';
import type { Command } from './types';
import { USAGE } from './usage';

export type { Command, CommandContext } from './types';

export interface CommandEntry {
  usage: string;
  help: PlainMessageId;
  load(): Promise<Command>;
}

export const COMMANDS: Record<string, CommandEntry> = {
  render: {
    usage: USAGE.render,
    help: 'cli.help.render',
    load: async () => (await import('./render')).renderCommand,
  },
  new: { usage: USAGE.new, help: 'cli.help.new', load: async () => (await import('./new')).newCommand },
  import: {
    usage: USAGE.import,
    help: 'cli.help.import',
    load: async () => (await import('./import')).importCommand,
  },
  review: {
    usage: USAGE.review,
    help: 'cli.help.review',
    load: async () => {
      const m = await import('./review/command');
      return { usage: USAGE.review, help: 'cli.help.review', run: (argv, io) => m.runReview(argv, io) };
    },
  },
};
