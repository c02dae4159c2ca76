/**
 * Further CLI commands (render, new, import): each registers here and is loaded only when run (or
 * when the help lists its usage line), so that `xxgk check` loads no renderer, importer or Word
 * library.
 */
import type { Command } from './types';

export type { Command, CommandContext } from './types';

export const COMMANDS: Record<string, () => Promise<Command>> = {
  render: async () => (await import('./render')).renderCommand,
  new: async () => (await import('./new')).newCommand,
  import: async () => (await import('./import')).importCommand,
  // dist/review.js: exceljs and the review pages stay out of `xxgk check`
  review: async () => {
    const m = await import('./review/command');
    return { usage: m.REVIEW_USAGE, run: (argv, io) => m.runReview(argv, io) };
  },
};

/** The usage line of every command, in registry order. */
export async function commandUsages(): Promise<string[]> {
  return Promise.all(Object.values(COMMANDS).map(async (load) => (await load()).usage));
}
