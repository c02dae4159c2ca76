/**
 * `xxgk import <file.docx|file.html|file.txt> [-o out.xxgk.md] [--agency 名称] [--year 年度] [--force]`:
 * an existing report turned into the dialect (see importers/). The draft goes next to the source
 * as `<name>.xxgk.md` unless `-o` names a file (`-o -` writes to standard output). An existing
 * file is never overwritten without --force; the file is written atomically. The summary (cells
 * read / expected, what could not be placed) goes to standard error; `--summary-json` prints it
 * as JSON on standard output instead of the path.
 * Exit codes: 0 written, 2 usage or I/O failure, or nothing of a report found.
 */
import { readFileSync } from 'node:fs';
import type { Command, CommandContext } from './types';
import { ioReason, parseArgs, usage } from './args';
import { translator, type Locale } from '../messages';
import { writeNewFile } from './new';
import { importFileName, importKindOf, importReport, ImportError, type ImportSummary } from '../importers/index';

export function formatSummary(s: ImportSummary, locale: Locale = 'zh'): string {
  const t = translator(locale);
  const lines: string[] = [];
  lines.push(
    t('cli.import.summary', {
      agency: s.agency ?? t('cli.import.no-agency'),
      year: s.year ?? t('cli.import.no-year'),
      format: s.format,
      sections: s.sections.join(t('common.list-separator')) || t('cli.import.none'),
      read: s.cellsRead,
      expected: s.cellsExpected,
    }),
  );
  for (const x of s.tables) {
    lines.push(
      `  ${t('cli.import.table', { section: x.section, name: x.name, read: x.found ? `${x.read}/${x.expected}` : t('cli.import.not-found') })}`,
    );
  }
  for (const u of s.unplaced) {
    lines.push(
      `  ${t('cli.import.unplaced', { where: u.where, label: u.label, values: u.values.join(t('common.list-separator')), why: u.why })}`,
    );
  }
  for (const n of s.notes) lines.push(`  ${t('cli.import.note', { note: n })}`);
  return lines.join('\n') + '\n';
}

async function run(argv: string[], io: CommandContext): Promise<number> {
  const t = translator(io.locale ?? 'zh');
  const { positional, flags } = parseArgs(
    argv,
    ['-o', '--output', '--agency', '--year', '--locale'],
    ['--force', '--summary-json'],
  );
  if (positional.length !== 1)
    throw positional.length === 0 ? usage('cli.import.needs-file') : usage('cli.import.one-file');
  const source = positional[0];
  const kind = importKindOf(source);
  if (typeof kind !== 'string') {
    io.stderr(`xxgk: ${source}: ${kind.error}\n`);
    return 2;
  }
  const yearFlag = flags.get('--year');
  let year: number | undefined;
  if (yearFlag !== undefined) {
    year = Number(String(yearFlag).replace(/年$/, ''));
    if (yearFlag === true || !Number.isInteger(year) || year < 2008 || year > 2100) throw usage('cli.import.bad-year');
  }
  const agencyFlag = flags.get('--agency');
  if (agencyFlag === true || (typeof agencyFlag === 'string' && !agencyFlag.trim()))
    throw usage('cli.import.bad-agency');
  const locale = io.locale ?? 'zh';
  let data: Buffer;
  try {
    data = readFileSync(source);
  } catch (err) {
    io.stderr(`xxgk: ${t('cli.cannot-read', { path: source, reason: ioReason(err, locale) })}\n`);
    return 2;
  }
  let result;
  try {
    result = await importReport(data, kind, {
      agency: typeof agencyFlag === 'string' ? agencyFlag.trim() : undefined,
      year,
      sourceName: source.split(/[\\/]/).pop(),
    });
  } catch (err) {
    if (err instanceof ImportError) {
      io.stderr(`xxgk: ${source}: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const { summary } = result;
  if (summary.sections.length === 0 && summary.tables.every((t) => !t.found)) {
    io.stderr(`xxgk: ${source}: ${t('cli.import.nothing-found')}\n`);
    return 2;
  }
  const outFlag = flags.get('-o') ?? flags.get('--output');
  if (outFlag === true) throw usage('cli.option-needs-value', { option: '-o' });
  if (outFlag === '-') {
    io.stdout(result.markdown);
    io.stderr(formatSummary(summary, locale));
    return 0;
  }
  const out = outFlag ?? importFileName(source);
  const code = writeNewFile(out, result.markdown, flags.has('--force'), io);
  if (code !== 0) return code;
  if (flags.has('--summary-json')) io.stdout(JSON.stringify({ path: out, summary }, null, 2) + '\n');
  else io.stdout(`${out}\n`);
  io.stderr(formatSummary(summary, locale));
  return 0;
}

export const importCommand: Command = {
  usage:
    'xxgk import <file.docx|file.html|file.txt> [-o out.xxgk.md|-] [--agency 名称] [--year 年度] [--force] [--summary-json]',
  help: 'cli.help.import',
  run,
};
