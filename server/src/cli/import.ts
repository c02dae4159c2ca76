/**
 * `xxgk import <files or folders…> [-o out.xxgk.md|-|dir] [--agency 名称] [--year 年度] [--force] [--summary-json]`:
 * published reports (.pdf, .docx, .html, .txt) turned into the dialect (see importers/ and
 * cli/load.ts). One file: the draft goes next to the source as `<name>.xxgk.md` unless `-o` names
 * a file (`-o -` writes to standard output) or a directory. Several files or a folder: `-o` names
 * the directory the drafts go to (created if need be); without it each draft goes next to its
 * source. An existing file is never overwritten without --force; files are written atomically.
 * One line per file on standard error (cells read / expected, values not placed, what was
 * inferred), then the evidence of each inferred field; a progress bar on a terminal. One failing
 * file does not stop the others.
 * Exit codes: 0 every file imported completely; 1 some draft is incomplete (cells not read or
 * values not placed: the writer must check it against the source); 2 usage or I/O failure, a
 * file that could not be imported or was no report, or a draft not written (it exists).
 */
import { mkdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Command, CommandContext } from './types';
import { localeOf, parseArgs, usage } from './args';
import { translator, type Translate } from '../messages';
import { USAGE } from './usage';
import { terminalSafe } from './terminal';
import { writeNewFile } from './new';
import { importFileName, type ImportSummary } from '../importers/index';
import { expandArgs } from './files';
import { loadReportSource, LoadError } from './load';
import { ProgressBar } from './pool';

const IMPORTED = (n: string): boolean => /\.(pdf|docx|html?|xhtml|shtml|txt|text)$/i.test(n);

export function formatSummary(s: ImportSummary, t: Translate): string {
  const lines: string[] = [];
  const list = t('common.list-separator');
  lines.push(
    t('cli.import.summary', {
      agency: s.agency ?? t('cli.import.no-agency'),
      year: s.year ?? t('cli.import.no-year'),
      format: s.format,
      sections: s.sections.join(list) || t('cli.import.none'),
      read: s.cellsRead,
      expected: s.cellsExpected,
    }),
  );
  for (const x of s.tables) {
    const read = x.found ? `${x.read}/${x.expected}` : t('cli.import.not-found');
    lines.push(`  ${t('cli.import.table', { section: x.section, name: x.name, read })}`);
  }
  for (const u of s.unplaced)
    lines.push(
      `  ${t('cli.import.unplaced', { where: u.where, label: u.label, values: u.values.join(list), why: u.why })}`,
    );
  lines.push(...inferredLines(s, t));
  for (const note of s.notes) lines.push(`  ${t('cli.import.note', { note })}`);
  return lines.join('\n') + '\n';
}

/** What the import filled into the front matter, each with its evidence. */
export function inferredLines(s: ImportSummary, t: Translate): string[] {
  return s.inferred.map(
    (i) => `  ${t('cli.import.inferred', { field: i.field, value: i.value, evidence: i.evidence })}`,
  );
}

/** The one line of a batch import for a file. */
export function summaryLine(path: string, out: string, s: ImportSummary, t: Translate): string {
  const unplaced = s.unplaced.reduce((n, u) => n + u.values.length, 0);
  const fields = s.inferred.map((i) => `${i.field}=${i.value}`).join(t('common.comma-separator'));
  return t(unplaced === 1 ? 'cli.import.line-one' : 'cli.import.line', {
    path,
    out,
    read: s.cellsRead,
    expected: s.cellsExpected,
    unplaced,
    inferred: fields || t('cli.import.nothing-inferred'),
  });
}

async function run(argv: string[], io: CommandContext): Promise<number> {
  const { positional, flags } = parseArgs(
    argv,
    ['-o', '--output', '--agency', '--year', '--locale'],
    ['--force', '--summary-json', '--help', '-h'],
  );
  if (positional.length === 0) throw usage('cli.import.needs-file');
  const yearFlag = flags.get('--year');
  let year: number | undefined;
  if (yearFlag !== undefined) {
    year = Number(String(yearFlag).replace(/年$/, ''));
    if (yearFlag === true || !Number.isInteger(year) || year < 2008 || year > 2100) throw usage('cli.import.bad-year');
  }
  const agencyFlag = flags.get('--agency');
  if (agencyFlag === true || (typeof agencyFlag === 'string' && !agencyFlag.trim()))
    throw usage('cli.import.bad-agency');
  const t = translator(localeOf(flags.get('--locale'), io.locale));
  const outFlag = flags.get('-o') ?? flags.get('--output');
  if (outFlag === true) throw usage('cli.option-needs-value', { option: '-o' });

  // the files: named ones as they are, folders walked for the published formats
  const { files, missing, walked } = expandArgs(positional, IMPORTED);
  let code = 0;
  for (const m of missing) {
    io.stderr(`xxgk: ${t('cli.not-found', { path: m })}\n`);
    code = 2;
  }
  const batch = files.length > 1 || walked.size > 0;
  let outDir: string | undefined;
  if (typeof outFlag === 'string' && outFlag !== '-') {
    let isDir = false;
    try {
      isDir = statSync(outFlag).isDirectory();
    } catch {
      isDir = batch || /[\\/]$/.test(outFlag);
      if (isDir) mkdirSync(outFlag, { recursive: true });
    }
    if (isDir) outDir = outFlag;
    else if (batch) throw usage('cli.import.out-dir');
  }
  if (outFlag === '-' && batch) throw usage('cli.import.stdout-one');
  if (files.length === 0) {
    if (code === 0) io.stderr(`xxgk: ${t('cli.import.nothing-to-import', { paths: positional.join(' ') })}\n`);
    return 2;
  }
  const bar = files.length > 1 && io.isTTY() ? new ProgressBar(files.length, (s) => io.stderr(s)) : undefined;
  const json: unknown[] = [];
  const used = new Set<string>();
  for (const source of files) {
    const fail = (msg: string): void => {
      bar?.clear();
      io.stderr(`xxgk: ${source}: ${msg}\n`);
      code = 2;
    };
    try {
      let loaded;
      try {
        loaded = await loadReportSource(source, undefined, {
          agency: typeof agencyFlag === 'string' ? agencyFlag.trim() : undefined,
          year,
        });
      } catch (err) {
        if (err instanceof LoadError) {
          fail(err.notReport ? t('cli.import.nothing-found') : err.message);
          continue;
        }
        throw err;
      }
      if (!loaded.imported || !loaded.summary) {
        fail(t('cli.import.already-dialect'));
        continue;
      }
      const summary = loaded.summary;
      if (outFlag === '-') {
        io.stdout(loaded.text);
        io.stderr(formatSummary(summary, t));
      } else {
        let out = outDir ? join(outDir, importFileName(basename(source))) : (outFlag ?? importFileName(source));
        // two sources of the same name in one batch: the second gets a number
        for (let n = 2; used.has(out); n++) out = out.replace(/(?:-\d+)?\.xxgk\.md$/, `-${n}.xxgk.md`);
        used.add(out);
        const written = writeNewFile(out, loaded.text, flags.has('--force'), {
          ...io,
          stderr: (s) => {
            bar?.clear();
            io.stderr(s);
          },
        });
        if (written !== 0) {
          code = 2;
          continue;
        }
        if (flags.has('--summary-json')) json.push({ path: out, source, summary });
        else io.stdout(`${terminalSafe(out)}\n`);
        bar?.clear();
        if (batch) io.stderr(`${summaryLine(source, out, summary, t)}\n${inferredLines(summary, t).join('\n')}\n`);
        else io.stderr(formatSummary(summary, t));
      }
      const incomplete = summary.cellsRead < summary.cellsExpected || summary.unplaced.length > 0;
      if (incomplete && code === 0) code = 1;
    } catch (err) {
      fail(err instanceof Error ? err.message : String(err));
    } finally {
      bar?.tick();
    }
  }
  bar?.clear();
  if (flags.has('--summary-json'))
    io.stdout(JSON.stringify(json.length === 1 && !batch ? json[0] : json, null, 2) + '\n');
  return code;
}

export const importCommand: Command = {
  usage: USAGE.import,
  help: 'cli.help.import',
  run,
};
