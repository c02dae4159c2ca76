/**
 * The `xxgk` command line. `xxgk check` is a public contract (README, “Command line”): it never writes a
 * file and exits 0 (no error-severity finding), 1 (at least one) or 2 (usage or I/O failure).
 */
import type { Diagnostic } from '../engine/check';
import { displayPath } from './check-file';
import { crossYearForAll, sortDiagnostics } from '../engine/check';
import { expandArgs } from './files';
import { formatJson, formatSarif, formatText } from './format';
import { COMMANDS, commandUsages, type CommandContext } from './commands';
import { UsageError, localeOf, parseArgs } from './args';

export const VERSION = '0.1.0';

export { UsageError, parseArgs, type Parsed } from './args';

/** The help text (it loads every command, for its usage line: only when shown). */
async function usage(): Promise<string> {
  return `xxgk ${VERSION} — checker for 政府信息公开工作年度报告 written in the xxgk Markdown dialect

Usage:
  xxgk check <file|dir|glob>... [--format text|json|sarif] [--locale zh-CN|en]
  xxgk lsp --stdio
${(await commandUsages()).map((u) => `  ${u}`).join('\n')}
  xxgk --version | --help
`;
}

export { checkSequential, type CheckFn } from './check-file';

async function runCheck(argv: string[], io: CommandContext): Promise<number> {
  const { positional, flags } = parseArgs(argv, ['--format', '--locale', '-f'], []);
  const format = String(flags.get('--format') ?? flags.get('-f') ?? 'text');
  if (!['text', 'json', 'sarif'].includes(format))
    throw new UsageError(`unknown format ${format} (use text, json or sarif)`);
  const locale = localeOf(flags.get('--locale'));
  if (positional.length === 0) throw new UsageError('check needs at least one file, directory or glob');
  const { files, missing } = expandArgs(positional);
  for (const m of missing) io.stderr(`xxgk: ${m}: no such file or directory\n`);
  const { results, failures } = await io.check(files, locale);
  for (const f of failures) io.stderr(`xxgk: ${f.path}: cannot read: ${f.reason}\n`);
  const order = new Map(files.map((f, i) => [displayPath(f), i]));
  results.sort((a, b) => (order.get(a.path) ?? 0) - (order.get(b.path) ?? 0));
  // cross-year post-step: reports of the same 机关 in adjacent 年度 among the files given
  for (const [i, extra] of crossYearForAll(
    results.map((r) => ({ facts: r.facts, name: r.path })),
    locale,
  )) {
    results[i].diagnostics = sortDiagnostics([...results[i].diagnostics, ...extra]);
  }
  if (format === 'json') io.stdout(formatJson(results));
  else if (format === 'sarif') io.stdout(formatSarif(results, VERSION));
  else io.stdout(formatText(results, locale === 'en'));
  if (missing.length || failures.length) return 2;
  return results.some((r) => r.diagnostics.some((d: Diagnostic) => d.severity === 'error')) ? 1 : 0;
}

export async function main(argv: string[], io: CommandContext): Promise<number> {
  try {
    const [cmd, ...rest] = argv;
    if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
      io.stdout(await usage());
      return cmd ? 0 : 2;
    }
    if (cmd === '--version' || cmd === '-v') {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    if (cmd === 'check') return await runCheck(rest, io);
    if (cmd === 'lsp') {
      const { flags } = parseArgs(rest, [], ['--stdio', '--node-ipc']);
      if (!flags.has('--stdio') && !flags.has('--node-ipc')) throw new UsageError('lsp needs --stdio');
      if (!io.startServer) throw new Error('the language server is not part of this build');
      io.startServer();
      return -1; // keep running
    }
    const load = COMMANDS[cmd];
    if (load) return await (await load()).run(rest, io);
    throw new UsageError(`unknown command ${cmd}`);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`xxgk: ${err.message}\n\n${await usage()}`);
      return 2;
    }
    io.stderr(`xxgk: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
}
