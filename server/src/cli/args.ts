/** Argument parsing and error reporting shared by every `xxgk` command. */
import type { CommandContext } from './types';
import type { Locale } from '../engine/rule';

/** A mistake in how the command was called: exit 2 with the usage. */
export class UsageError extends Error {}

export interface Parsed {
  positional: string[];
  flags: Map<string, string | true>;
}

/** `--flag value`, `--flag=value`, `-o value`, boolean flags listed in `booleans`. */
export function parseArgs(argv: string[], withValue: string[], booleans: string[]): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('-') && a !== '-') {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(0, eq) : a;
      if (withValue.includes(name)) {
        const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
        if (v === undefined) throw new UsageError(`option ${name} needs a value`);
        flags.set(name, v);
      } else if (booleans.includes(name) && eq < 0) flags.set(name, true);
      else throw new UsageError(`unknown option ${a}`);
    } else positional.push(a);
  }
  return { positional, flags };
}

/** Say on stderr why `path` could not be written, in words a user understands. Returns 2. */
export function reportWriteFailure(path: string, err: unknown, io: CommandContext): number {
  const e = err as NodeJS.ErrnoException;
  const why =
    e.code === 'ENOENT'
      ? 'no such directory'
      : e.code === 'EACCES' || e.code === 'EPERM'
        ? 'permission denied'
        : e.code === 'EISDIR'
          ? 'is a directory'
          : e.message;
  io.stderr(`xxgk: ${path}: cannot write: ${why}\n`);
  return 2;
}

/** The message locale: `--locale`, else the environment (LC_ALL, LC_MESSAGES, LANG); Chinese unless English is asked for. */
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
