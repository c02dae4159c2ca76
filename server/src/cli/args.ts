/** Argument parsing and error reporting shared by every `xxgk` command. */
import type { CommandContext } from './types';
import { messageOf, translator, type Locale, type MessageArgs, type MessageId, type MessageRef } from '../messages';
import { localeSetting } from '../config';

/** A mistake in how the command was called: exit 2 with the usage. The message is a message id. */
export class UsageError extends Error {
  constructor(readonly ref: MessageRef) {
    super(messageOf('zh', ref));
  }
  /** the message in the user's language */
  text(locale: Locale): string {
    return messageOf(locale, this.ref);
  }
}

/** A usage error with message `id` (its placeholders checked against the message table). */
export function usage<K extends MessageId>(id: K, ...args: MessageArgs<K>): UsageError {
  const params: Record<string, string | number> | undefined = args[0];
  return new UsageError({ id, params });
}

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
        if (v === undefined) throw usage('cli.option-needs-value', { option: name });
        flags.set(name, v);
      } else if (booleans.includes(name) && eq < 0) flags.set(name, true);
      else throw usage('cli.unknown-option', { option: a });
    } else positional.push(a);
  }
  return { positional, flags };
}

/** Say on stderr why `path` could not be written, in words a user understands. Returns 2. */
export function reportWriteFailure(path: string, err: unknown, io: CommandContext): number {
  const t = translator(io.locale ?? 'zh');
  io.stderr(`xxgk: ${t('cli.cannot-write', { path, reason: ioReason(err, io.locale ?? 'zh', 'write') })}\n`);
  return 2;
}

/** Why a file could not be read or written, in the user's language (ENOENT → 找不到文件或目录). */
export function ioReason(err: unknown, locale: Locale, op: 'read' | 'write' = 'read'): string {
  const t = translator(locale);
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT':
      return op === 'write' ? t('cli.io.no-directory') : t('cli.io.not-found');
    case 'EACCES':
    case 'EPERM':
      return t('cli.io.permission');
    case 'EISDIR':
      return t('cli.io.is-directory');
    case 'ENOTDIR':
      return t('cli.io.not-directory');
    case 'ENOSPC':
      return t('cli.io.no-space');
    case 'EROFS':
      return t('cli.io.read-only');
    default:
      return e instanceof Error ? e.message : String(err);
  }
}

/** The message locale given by `--locale`, else `fallback` (the configuration's or the environment's). */
export function localeOf(flag: string | true | undefined, fallback: Locale = 'zh'): Locale {
  if (flag === undefined) return fallback;
  if (flag === true) throw usage('cli.option-needs-value', { option: '--locale' });
  const l = localeSetting(flag);
  if (!l) throw usage('cli.unknown-locale', { value: flag });
  return l;
}
