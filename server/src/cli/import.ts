/**
 * `xxgk import <file.docx|file.html|file.txt> [-o out.xxgk.md] [--agency 名称] [--year 年度] [--force]`:
 * an existing report turned into the dialect (see importers/). The draft goes next to the source
 * as `<name>.xxgk.md` unless `-o` names a file (`-o -` writes to standard output). An existing
 * file is never overwritten without --force; the file is written atomically. The summary (cells
 * read / expected, what could not be placed) goes to standard error; `--summary-json` prints it
 * as JSON on standard output instead of the path.
 * Exit codes: 0 written, 2 usage or I/O failure, or nothing of a report found.
 */
import { terminalSafe } from './terminal';
import { readFileSync } from 'node:fs';
import type { Command, CommandContext } from './commands';
import { parseArgs, UsageError } from './args';
import { writeNewFile } from './new';
import { importFileName, importKindOf, importReport, ImportError, type ImportSummary } from '../importers/index';

export function formatSummary(s: ImportSummary, en: boolean): string {
  const lines: string[] = [];
  const who = `${s.agency ?? (en ? '(no agency)' : '（未知机关）')} ${s.year ?? (en ? '(no year)' : '（未知年度）')}`;
  lines.push(
    en
      ? `${who}, ${s.format} format: sections ${s.sections.join(' ') || 'none'}; table cells read ${s.cellsRead}/${s.cellsExpected}`
      : `${who}，${s.format} 年格式：找到部分 ${s.sections.join('、') || '（无）'}；表格单元格读入 ${s.cellsRead}/${s.cellsExpected}`,
  );
  for (const t of s.tables) {
    lines.push(
      en
        ? `  ${t.section} ${t.name}: ${t.found ? `${t.read}/${t.expected}` : 'not found'}`
        : `  ${t.section} ${t.name}：${t.found ? `${t.read}/${t.expected}` : '未找到'}`,
    );
  }
  for (const u of s.unplaced) {
    lines.push(
      en
        ? `  not placed (${u.where}): ${u.label}: ${u.values.join(', ')} — ${u.why}`
        : `  未能放入（${u.where}）：${u.label}：${u.values.join('、')}（${u.why}）`,
    );
  }
  for (const n of s.notes) lines.push(`  ${en ? 'note' : '注'}：${n}`);
  return lines.join('\n') + '\n';
}

async function run(argv: string[], io: CommandContext): Promise<number> {
  const { positional, flags } = parseArgs(
    argv,
    ['-o', '--output', '--agency', '--year', '--locale'],
    ['--force', '--summary-json'],
  );
  if (positional.length !== 1)
    throw new UsageError(
      positional.length === 0
        ? 'import needs the file to import (.docx, .html or .txt)'
        : 'import takes exactly one file',
    );
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
    if (yearFlag === true || !Number.isInteger(year) || year < 2008 || year > 2100)
      throw new UsageError('--year needs a year such as 2023');
  }
  const agencyFlag = flags.get('--agency');
  if (agencyFlag === true || (typeof agencyFlag === 'string' && !agencyFlag.trim()))
    throw new UsageError('--agency needs the name of the body');
  const localeFlag = flags.get('--locale');
  const en =
    typeof localeFlag === 'string'
      ? /^en/i.test(localeFlag)
      : /^en/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '');
  let data: Buffer;
  try {
    data = readFileSync(source);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    io.stderr(
      `xxgk: ${source}: cannot read: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (err as Error).message}\n`,
    );
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
    io.stderr(
      `xxgk: ${source}: ${en ? 'no section or statistics table of a 政府信息公开工作年度报告 found; nothing written' : '没有找到年度报告的任何部分或统计表，未写出文件'}\n`,
    );
    return 2;
  }
  const outFlag = flags.get('-o') ?? flags.get('--output');
  if (outFlag === true) throw new UsageError('-o needs a file name');
  if (outFlag === '-') {
    io.stdout(result.markdown);
    io.stderr(formatSummary(summary, en));
    return 0;
  }
  const out = outFlag ?? importFileName(source);
  const code = writeNewFile(out, result.markdown, flags.has('--force'), io);
  if (code !== 0) return code;
  if (flags.has('--summary-json')) io.stdout(JSON.stringify({ path: out, summary }, null, 2) + '\n');
  else io.stdout(`${terminalSafe(out)}\n`);
  io.stderr(formatSummary(summary, en));
  return 0;
}

export const importCommand: Command = {
  usage:
    'xxgk import <file.docx|file.html|file.txt> [-o out.xxgk.md|-] [--agency 名称] [--year 年度] [--force] [--summary-json]',
  run,
};
