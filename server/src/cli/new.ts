/**
 * `xxgk new --from <last year's report> [-o file] [--force]`: next year's draft (see
 * engine/new-year.ts). The draft goes next to last year's file, the year in its name advanced,
 * unless `-o` names a file (`-o -` writes to standard output). An existing file is never
 * overwritten without --force; the file is written atomically.
 * Exit codes: 0 written, 2 usage or I/O failure.
 */
import { terminalSafe } from './terminal';
import { basename, dirname, join } from 'node:path';
import type { Command, CommandContext } from './commands';
import { parseArgs, reportWriteFailure, UsageError } from './args';
import { readReport } from './read';
import { newYearDraft, newYearFileName, NewYearError } from '../engine/new-year';
import { fileExists, writeFileAtomic } from '../render/write';

/** Write a new file atomically; refuse to replace an existing one unless forced. 0 or 2. */
export function writeNewFile(path: string, text: string, force: boolean, io: CommandContext): number {
  if (!force && fileExists(path)) {
    io.stderr(`xxgk: ${path}: already exists (use --force to overwrite, or -o to write elsewhere)\n`);
    return 2;
  }
  try {
    writeFileAtomic(path, text);
  } catch (err) {
    return reportWriteFailure(path, err, io);
  }
  return 0;
}

async function run(argv: string[], io: CommandContext): Promise<number> {
  const { positional, flags } = parseArgs(argv, ['--from', '-f', '-o', '--output'], ['--force']);
  const fromFlag = flags.get('--from') ?? flags.get('-f') ?? positional[0];
  if (fromFlag === undefined || fromFlag === true)
    throw new UsageError('new needs last year’s report: xxgk new --from <file>');
  if (positional.length > (flags.has('--from') || flags.has('-f') ? 0 : 1))
    throw new UsageError('new takes one report (--from <file>)');
  const source = String(fromFlag);
  const r = readReport(source);
  if (!r.ok) {
    io.stderr(`xxgk: ${source}: cannot read: ${r.reason}\n`);
    return 2;
  }
  let draft;
  try {
    draft = newYearDraft(r.text);
  } catch (err) {
    if (err instanceof NewYearError) {
      io.stderr(`xxgk: ${source}: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const outFlag = flags.get('-o') ?? flags.get('--output');
  if (outFlag === true) throw new UsageError('-o needs a file name');
  if (outFlag === '-') {
    io.stdout(draft.text);
    return 0;
  }
  const out = outFlag ?? join(dirname(source), newYearFileName(basename(source), draft.year - 1));
  const code = writeNewFile(out, draft.text, flags.has('--force'), io);
  if (code !== 0) return code;
  io.stdout(`${terminalSafe(out)}\n`);
  io.stderr(
    `xxgk: wrote ${draft.agency} ${draft.year} draft (${draft.form.id} format) to ${out}; 二、上年结转: ${draft.carried} cell${draft.carried === 1 ? '' : 's'} carried from ${source}\n`,
  );
  return 0;
}

export const newCommand: Command = {
  usage: 'xxgk new --from <last year’s report> [-o file|-] [--force]',
  run,
};
