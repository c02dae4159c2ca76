/**
 * `xxgk new --from <last year's report> [-o file] [--force]`: next year's draft (see
 * engine/new-year.ts). The draft goes next to last year's file, the year in its name advanced,
 * unless `-o` names a file (`-o -` writes to standard output). An existing file is never
 * overwritten without --force; the file is written atomically.
 * Exit codes: 0 written, 2 usage or I/O failure.
 */
import { terminalSafe } from './terminal';
import { basename, dirname, join } from 'node:path';
import type { Command, CommandContext } from './types';
import { parseArgs, reportWriteFailure, usage } from './args';
import { translator } from '../messages';
import { readReport } from './read';
import { newYearDraft, newYearFileName, NewYearError } from '../engine/new-year';
import { fileExists, writeFileAtomic } from '../render/write';

/** Write a new file atomically; refuse to replace an existing one unless forced. 0 or 2. */
export function writeNewFile(path: string, text: string, force: boolean, io: CommandContext): number {
  if (!force && fileExists(path)) {
    io.stderr(`xxgk: ${translator(io.locale ?? 'zh')('cli.exists', { path })}\n`);
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
  const t = translator(io.locale ?? 'zh');
  const { positional, flags } = parseArgs(argv, ['--from', '-f', '-o', '--output'], ['--force']);
  const fromFlag = flags.get('--from') ?? flags.get('-f') ?? positional[0];
  if (fromFlag === undefined || fromFlag === true) throw usage('cli.new.needs-from');
  if (positional.length > (flags.has('--from') || flags.has('-f') ? 0 : 1)) throw usage('cli.new.one-file');
  const source = String(fromFlag);
  const r = readReport(source, io.locale);
  if (!r.ok) {
    io.stderr(`xxgk: ${t('cli.cannot-read', { path: source, reason: r.reason })}\n`);
    return 2;
  }
  let draft;
  try {
    draft = newYearDraft(r.text);
  } catch (err) {
    if (err instanceof NewYearError) {
      io.stderr(`xxgk: ${source}: ${err.text(io.locale ?? 'zh')}\n`);
      return 2;
    }
    throw err;
  }
  const outFlag = flags.get('-o') ?? flags.get('--output');
  if (outFlag === true) throw usage('cli.option-needs-value', { option: '-o' });
  if (outFlag === '-') {
    io.stdout(draft.text);
    return 0;
  }
  const out = outFlag ?? join(dirname(source), newYearFileName(basename(source), draft.year - 1));
  const code = writeNewFile(out, draft.text, flags.has('--force'), io);
  if (code !== 0) return code;
  io.stdout(`${terminalSafe(out)}\n`);
  io.stderr(
    `xxgk: ${t('cli.new.wrote', { agency: draft.agency, year: draft.year, format: draft.form.id, path: out, cells: draft.carried, source })}\n`,
  );
  return 0;
}

export const newCommand: Command = {
  usage: 'xxgk new --from <last year’s report> [-o file|-] [--force]',
  help: 'cli.help.new',
  run,
};
