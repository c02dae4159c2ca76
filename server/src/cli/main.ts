/**
 * The `xxgk` command line. `xxgk check` is the public contract of rules.md: it never writes a
 * file and exits 0 (no error-severity finding), 1 (at least one) or 2 (usage or I/O failure).
 */
import type { Diagnostic } from '../engine/check';
import { checkFile, displayPath, type FileOutcome } from './check-file';
import { crossYearForAll } from '../engine/crossyear';
import { sortDiagnostics } from '../engine/check';
import type { Locale } from '../engine/rule';
import { expandArgs, WALKED_TYPES } from './files';
import { formatJson, formatSarif, formatText, type FileResult } from './format';
import { COMMANDS, type CommandContext } from './commands';
import { UsageError, parseArgs } from './args';

export const VERSION = '0.1.0';

export { UsageError, parseArgs, type Parsed } from './args';

const USAGE = `xxgk ${VERSION} — checker for 政府信息公开工作年度报告 written in the xxgk Markdown dialect

Usage:
  xxgk check <file|dir|glob>... [--format text|json|sarif] [--locale zh-CN|en] [--keep-imported dir]
  xxgk lsp --stdio
${Object.values(COMMANDS)
  .map((c) => `  ${c.usage}`)
  .join('\n')}
  xxgk --version | --help
`;

const CHECK_HELP = `xxgk check <file|dir|glob>... [--format text|json|sarif] [--locale zh-CN|en] [--keep-imported dir]

检查年度报告：*.xxgk.md、带前置元数据（机关/年度）的 .md，以及发布的 .pdf、.docx、.html、.txt
（先在内存中导入再检查；问题指向原文件，行列号对应导入后的文本，可用 --keep-imported 目录 写出）。
目录逐层查找（符号链接循环只走一次），其他文件跳过并计数。
Exit codes: 0 no error, 1 errors found, 2 usage or I/O failure, or no report found.
`;

export function localeOf(flag: string | true | undefined): Locale {
  if (flag === undefined) {
    const env = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
    return /^en/i.test(env) ? 'en' : 'zh';
  }
  if (flag === true) throw new UsageError('--locale needs a value');
  if (/^zh/i.test(flag)) return 'zh';
  if (/^en/i.test(flag)) return 'en';
  throw new UsageError(`unknown locale ${flag} (use zh-CN or en)`);
}

export interface CheckOptions {
  /** files found by walking a folder or glob (a file there that is no report is skipped) */
  walked?: ReadonlySet<string>;
  /** --keep-imported: where the imported text of .pdf/.docx/.html/.txt files is written */
  keepImported?: string;
}
export interface Checked {
  results: FileResult[];
  failures: { path: string; reason: string }[];
  /** files that turned out not to be reports (found by walking) */
  skipped: { path: string; reason: string }[];
}

export type CheckFn = (
  paths: string[],
  locale: Locale,
  onFile?: () => void,
  options?: CheckOptions,
) => Promise<Checked>;

/** Sort one file's outcome into the results, failures or skipped files. */
export function collect(out: Checked, o: FileOutcome): void {
  if (o.ok) out.results.push(o.result);
  else if ('skipped' in o) out.skipped.push({ path: o.path, reason: o.reason });
  else out.failures.push({ path: o.path, reason: o.reason });
}

/** Check files one after another in this thread. */
export const checkSequential: CheckFn = async (paths, locale, onFile, options = {}) => {
  const out: Checked = { results: [], failures: [], skipped: [] };
  for (const p of paths) {
    collect(out, await checkFile(p, locale, { walked: options.walked?.has(p), keepImported: options.keepImported }));
    onFile?.();
  }
  return out;
};

async function runCheck(argv: string[], io: CommandContext): Promise<number> {
  const { positional, flags } = parseArgs(argv, ['--format', '--locale', '-f', '--keep-imported'], ['--help', '-h']);
  if (flags.has('--help') || flags.has('-h')) {
    io.stdout(CHECK_HELP);
    return 0;
  }
  const keep = flags.get('--keep-imported');
  if (keep === true) throw new UsageError('--keep-imported needs a directory');
  const format = String(flags.get('--format') ?? flags.get('-f') ?? 'text');
  if (!['text', 'json', 'sarif'].includes(format))
    throw new UsageError(`unknown format ${format} (use text, json or sarif)`);
  const locale = localeOf(flags.get('--locale'));
  if (positional.length === 0) throw new UsageError('check needs at least one file, directory or glob');
  const { files, missing, walked, skipped: skippedByType } = expandArgs(positional);
  for (const m of missing) io.stderr(`xxgk: ${m}: no such file or directory\n`);
  const { results, failures, skipped } = await io.check(files, locale, undefined, {
    walked,
    keepImported: keep,
  });
  for (const f of failures) io.stderr(`xxgk: ${f.path}: cannot read: ${f.reason}\n`);
  const skippedCount = skippedByType + skipped.length;
  if (results.length === 0 && failures.length === 0 && missing.length === 0) {
    io.stderr(
      locale === 'en'
        ? `xxgk: no report found in ${positional.join(' ')} (looked for .xxgk.md, .md with report front matter, .pdf, .docx, .html, .txt; ${skippedCount} other file${skippedCount === 1 ? '' : 's'} skipped)\n`
        : `xxgk：${positional.join(' ')} 中没有找到年度报告（查找的文件类型：${WALKED_TYPES}；跳过其他文件 ${skippedCount} 个）\n`,
    );
    return 2;
  }
  const order = new Map(files.map((f, i) => [displayPath(f), i]));
  results.sort((a, b) => (order.get(a.path) ?? 0) - (order.get(b.path) ?? 0));
  // cross-year post-step: reports of the same 机关 in adjacent 年度 among the files given
  for (const [i, extra] of crossYearForAll(
    results.map((r) => ({ facts: r.facts, name: r.path })),
    locale,
  )) {
    results[i].diagnostics = sortDiagnostics([...results[i].diagnostics, ...extra]);
  }
  if (format === 'json') io.stdout(formatJson(results, skippedCount));
  else if (format === 'sarif') io.stdout(formatSarif(results, VERSION));
  else io.stdout(formatText(results, locale === 'en', skippedCount));
  if (missing.length || failures.length) return 2;
  return results.some((r) => r.diagnostics.some((d: Diagnostic) => d.severity === 'error')) ? 1 : 0;
}

export async function main(argv: string[], io: CommandContext): Promise<number> {
  try {
    const [cmd, ...rest] = argv;
    if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
      io.stdout(USAGE);
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
      const { startServer } = await import('../server');
      const { createConnection, ProposedFeatures } = await import('vscode-languageserver/node');
      startServer(createConnection(ProposedFeatures.all));
      return -1; // keep running
    }
    const c = COMMANDS[cmd];
    if (c) return await c.run(rest, io);
    throw new UsageError(`unknown command ${cmd}`);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`xxgk: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    io.stderr(`xxgk: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
}
