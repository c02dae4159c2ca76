/**
 * The `xxgk` command line. `xxgk check` is a public contract (README, “Command line”): it never writes a
 * file and exits 0 (no error-severity finding), 1 (at least one) or 2 (usage or I/O failure).
 */
import type { Diagnostic } from '../engine/check';
import { displayPath } from './check-file';
import { crossYearForAll, sortDiagnostics } from '../engine/check';
import { expandArgs, WALKED_TYPES } from './files';
import { formatJson, formatSarif, formatText } from './format';
import { COMMANDS, type CommandContext } from './commands';
import { UsageError, localeOf, parseArgs, usage, ioReason } from './args';
import { messageOf as messageText, translator, type Translate } from '../messages';
import type { Locale } from '../messages';
import { isIgnored, localeSetting } from '../config';
import { ConfigCache, findConfigFile, readConfigFile, type FoundConfig } from '../config/node';
import { dirname, relative, resolve } from 'node:path';

export const VERSION = '0.1.0';

export { UsageError, parseArgs, type Parsed } from './args';

/** The usage of every command, in the user's language. */
function usageText(t: Translate): string {
  return `${t('cli.usage', {
    version: VERSION,
    commands: Object.values(COMMANDS)
      .map((c) => `  ${c.usage}`)
      .join('\n'),
  })}\n`;
}

/** `--name value` or `--name=value` anywhere in argv (before `--`). */
function flagValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    if (a === name) return argv[i + 1];
    if (a.startsWith(`${name}=`)) return a.slice(name.length + 1);
  }
  return undefined;
}

/**
 * The language of the CLI's messages: `--locale`, else the locale of the configuration file
 * (`--config`, or the nearest `.xxgkrc.json` above the working folder), else LC_ALL /
 * LC_MESSAGES / LANG; Chinese unless one of them says English.
 */
export function cliLocale(argv: readonly string[], cwd = process.cwd()): Locale {
  const flag = localeSetting(flagValue(argv, '--locale'));
  if (flag) return flag;
  const path = flagValue(argv, '--config') ?? findConfigFile(cwd);
  if (path) {
    const c = readConfigFile(path);
    if (c.ok && c.config.locale) return c.config.locale;
  }
  const env = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
  return /^en/i.test(env) ? 'en' : 'zh';
}

/** The problems of a configuration file, one line each. */
export function configProblems(found: FoundConfig & { ok: false }, t: Translate, locale: Locale): string {
  return found.problems
    .map((p) => `xxgk: ${found.path}${p.path ? ` (${p.path})` : ''}: ${messageText(locale, p.message)}\n`)
    .join('');
}

export type { CheckFn } from './check-file';

async function runCheck(argv: string[], io: CommandContext): Promise<number> {
  const { positional, flags } = parseArgs(
    argv,
    ['--format', '--locale', '-f', '--config', '-c', '--keep-imported'],
    [],
  );
  const keep = flags.get('--keep-imported');
  if (keep === true) throw usage('cli.option-needs-value', { option: '--keep-imported' });
  const format = String(flags.get('--format') ?? flags.get('-f') ?? 'text');
  if (!['text', 'json', 'sarif'].includes(format)) throw usage('cli.unknown-format', { value: format });
  const locale = localeOf(flags.get('--locale'), io.locale);
  const t = translator(locale);
  if (positional.length === 0) throw usage('cli.check-needs-files');
  // the configuration: --config for every file, else the nearest .xxgkrc.json above each file
  const configFlag = flags.get('--config') ?? flags.get('-c');
  if (configFlag === true) throw usage('cli.option-needs-value', { option: '--config' });
  let badConfig = false;
  let explicit: FoundConfig | undefined;
  if (configFlag !== undefined) {
    explicit = readConfigFile(configFlag);
    if (!explicit.ok && explicit.problems[0]?.message.id === 'config.cannot-read') {
      io.stderr(`xxgk: ${t('cli.cannot-read', { path: configFlag, reason: t('cli.io.not-found') })}\n`);
      return 2;
    }
  }
  const cache = new ConfigCache();
  const reported = new Set<string>();
  const configOf = (file: string): FoundConfig | undefined => {
    const found = explicit ?? cache.forFile(file);
    if (found && !found.ok) {
      badConfig = true;
      if (!reported.has(found.path)) {
        reported.add(found.path);
        io.stderr(configProblems(found, t, locale));
      }
      return undefined;
    }
    return found;
  };
  const expanded = expandArgs(positional);
  const { missing, walked } = expanded;
  const files = expanded.files.filter((f) => {
    const c = configOf(f);
    return !(c?.ok && c.config.ignore.length && isIgnored(relative(dirname(c.path), resolve(f)), c.config.ignore));
  });
  for (const m of missing) io.stderr(`xxgk: ${t('cli.not-found', { path: m })}\n`);
  const { results, failures, skipped } = await io.check(files, locale, undefined, { walked, keepImported: keep });
  for (const f of failures) io.stderr(`xxgk: ${t('cli.cannot-read', { path: f.path, reason: f.reason })}\n`);
  const skippedCount = expanded.skipped + skipped.length;
  if (results.length === 0 && failures.length === 0 && missing.length === 0) {
    io.stderr(
      `xxgk: ${t('cli.no-report-found', { paths: positional.join(' '), types: WALKED_TYPES, skipped: skippedCount })}\n`,
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
  // the configuration's severities: `off` drops a rule's findings, a severity replaces the rule's
  for (const r of results) {
    const rules = configOf(r.path);
    const severities = rules?.ok ? rules.config.rules : {};
    if (Object.keys(severities).length === 0) continue;
    r.diagnostics = r.diagnostics
      .filter((d) => severities[d.rule] !== 'off')
      .map((d) => {
        const s = severities[d.rule];
        return s && s !== 'off' ? { ...d, severity: s } : d;
      });
  }
  if (format === 'json') io.stdout(formatJson(results, skippedCount));
  else if (format === 'sarif') io.stdout(formatSarif(results, VERSION));
  else io.stdout(formatText(results, locale, skippedCount));
  if (missing.length || failures.length || badConfig) return 2;
  return results.some((r) => r.diagnostics.some((d: Diagnostic) => d.severity === 'error')) ? 1 : 0;
}

/** `xxgk <command> --help`: the command's help, else its usage line. */
function helpOf(cmd: string, t: Translate): string | undefined {
  if (cmd === 'check') return t('cli.help.check');
  if (cmd === 'lsp') return t('cli.help.lsp');
  const c = COMMANDS[cmd];
  if (!c) return undefined;
  return c.help ? t(c.help) : `${t('cli.usage-line', { usage: c.usage })}`;
}

export async function main(argv: string[], io0: CommandContext): Promise<number> {
  let locale: Locale = io0.locale ?? 'zh';
  try {
    locale = io0.locale ?? cliLocale(argv);
  } catch {
    // an unreadable configuration is reported by the command that uses it
  }
  const io: CommandContext = { ...io0, locale };
  const t = translator(locale);
  try {
    const [cmd, ...rest] = argv;
    if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
      const topic = cmd === 'help' && rest[0] ? helpOf(rest[0], t) : undefined;
      io.stdout(topic ? `${topic}\n` : usageText(t));
      return cmd ? 0 : 2;
    }
    const before = rest.indexOf('--');
    const opts = before >= 0 ? rest.slice(0, before) : rest;
    if (opts.includes('--help') || opts.includes('-h')) {
      const help = helpOf(cmd, t);
      if (help) {
        io.stdout(`${help}\n`);
        return 0;
      }
    }
    if (cmd === '--version' || cmd === '-v') {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    if (cmd === 'check') return await runCheck(rest, io);
    if (cmd === 'lsp') {
      const { flags } = parseArgs(rest, [], ['--stdio', '--node-ipc']);
      if (!flags.has('--stdio') && !flags.has('--node-ipc')) throw usage('cli.lsp-needs-stdio');
      if (!io.startServer) throw new Error('the language server is not part of this build');
      io.startServer();
      return -1; // keep running
    }
    const entry = COMMANDS[cmd];
    if (entry) return await (await entry.load()).run(rest, io);
    throw usage('cli.unknown-command', { command: cmd });
  } catch (err) {
    if (err instanceof UsageError) {
      const [cmd] = argv;
      const help = cmd && cmd !== 'help' ? helpOf(cmd, t) : undefined;
      io.stderr(`xxgk: ${err.text(locale)}\n\n${help ? `${help}\n` : usageText(t)}`);
      return 2;
    }
    const e = err as NodeJS.ErrnoException;
    const path = typeof e?.path === 'string' ? `${e.path}: ` : '';
    io.stderr(`xxgk: ${path}${e?.code ? ioReason(err, locale) : err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
}
