/**
 * Messages as data: one table per locale (zh-CN.ts, en.ts) keyed by message id. Pure (no Node
 * APIs): the engine, the server, the CLI and a browser worker share it. docs/messages.md says how
 * to add a message.
 */
import { zhCN } from './zh-CN';
import { en } from './en';
import type { Locale, MessageArgs, MessageId, MessageRef, MessageTable, Translate } from './types';

export type {
  Locale,
  MessageArgs,
  MessageId,
  MessageParams,
  MessageRef,
  MessageTable,
  PlainMessageId,
  Translate,
} from './types';

export const MESSAGES: Readonly<Record<Locale, MessageTable>> = { zh: zhCN, en };

/** `{name}` placeholders: a name is a letter followed by letters, digits or `_`. */
export const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

/**
 * Fills `{name}` placeholders from `params`; a placeholder with no value stays as written. A
 * quoted value that itself holds quotes (“3.危及“三安全一稳定””) gets single quotes inside:
 * “3.危及‘三安全一稳定’”.
 */
export function fill(text: string, params: Record<string, string | number> = {}): string {
  return unnestQuotes(
    text.replace(PLACEHOLDER, (whole, name: string) =>
      Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
    ),
  );
}

/** “…“…”…” → “…‘…’…”: double quotes inside double quotes become single ones (when they pair up). */
export function unnestQuotes(s: string): string {
  if (!s.includes('“')) return s;
  let opens = 0;
  let closes = 0;
  for (const ch of s) {
    if (ch === '“') opens++;
    else if (ch === '”') closes++;
  }
  if (opens !== closes) return s;
  let depth = 0;
  let out = '';
  for (const ch of s) {
    if (ch === '“') out += depth++ > 0 ? '‘' : ch;
    else if (ch === '”' && depth > 0) out += --depth > 0 ? '’' : ch;
    else out += ch;
  }
  return out;
}

/** The message `id` in `locale`, placeholders filled. */
export function message<K extends MessageId>(locale: Locale, id: K, ...args: MessageArgs<K>): string {
  const params: Record<string, string | number> | undefined = args[0];
  return fill(MESSAGES[locale][id] ?? MESSAGES.zh[id] ?? id, params);
}

/** The message function for one locale (what rules and features receive as `t`). */
export function translator(locale: Locale): Translate {
  return (id, ...args) => message(locale, id, ...args);
}

/** A message chosen earlier (`MessageRef`), put into words now. */
export function messageOf(locale: Locale, ref: MessageRef): string {
  return fill(MESSAGES[locale][ref.id] ?? MESSAGES.zh[ref.id] ?? ref.id, ref.params);
}

/** `zh-CN`, `zh_TW.UTF-8`, `en-US`… → the message locale; anything not English is Chinese. */
export function localeFromTag(tag: string | undefined): Locale {
  return tag && /^en\b|^en[-_]/i.test(tag) ? 'en' : 'zh';
}

/** A calendar date as the locale writes it: 2025年1月31日, 2025-01-31. */
export function formatDate(locale: Locale, y: number, m: number, d: number): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return locale === 'en' ? `${y}-${pad(m)}-${pad(d)}` : `${y}年${m}月${d}日`;
}
