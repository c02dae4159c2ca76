/**
 * `.xxgkrc.json`: one configuration for the CLI and the editor. The nearest file found by walking
 * up from a report sets rule severities (or `off`), the message locale and ignore globs. This
 * module is pure (parse, validate with zod, merge, match): no Node APIs, so a browser worker can
 * use it too; reading files is the caller's part (config/node.ts for the CLI and the server).
 * docs/configuration.md describes the file.
 */
import { z } from 'zod';
import { minimatch } from 'minimatch';
import type { Locale, MessageRef } from '../messages';
import type { Severity } from '../engine/rule';

export const CONFIG_FILE = '.xxgkrc.json';
export const SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'] as const;
export type RuleSetting = Severity | 'off';
/** the locale values the file and the `xxgk.locale` setting accept (`auto` only in settings, for old ones) */
export const LOCALES = ['zh-CN', 'en'] as const;

const schema = z
  .object({
    $schema: z.string().optional(),
    locale: z.enum(LOCALES).optional(),
    rules: z.record(z.string(), z.enum(SEVERITIES)).optional(),
    ignore: z.array(z.string().min(1)).optional(),
  })
  .strict();

/** What a `.xxgkrc.json` says. */
export interface XxgkConfig {
  locale?: Locale;
  rules: Record<string, RuleSetting>;
  ignore: string[];
}

/** One thing wrong with a configuration file, put into words later in the user's language. */
export interface ConfigProblem {
  /** where in the file: `rules.sum-row`, `locale`… ('' for the file as a whole) */
  path: string;
  message: MessageRef;
}

export type ConfigResult = { ok: true; config: XxgkConfig } | { ok: false; problems: ConfigProblem[] };

/** The locale value of the file or of a setting → the message locale (undefined: not set). */
export function localeSetting(v: unknown): Locale | undefined {
  if (typeof v !== 'string') return undefined;
  if (/^zh/i.test(v)) return 'zh';
  if (/^en/i.test(v)) return 'en';
  return undefined;
}

/**
 * Parses and validates the text of a `.xxgkrc.json`. `ruleIds` are the ids a `rules` key may
 * name (the registry's, plus `limits` and `internal`); any other key is reported, so a typo does
 * not silently leave a rule on.
 */
export function parseConfig(text: string, ruleIds: readonly string[]): ConfigResult {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    return {
      ok: false,
      problems: [{ path: '', message: { id: 'config.invalid-json', params: { reason: (err as Error).message } } }],
    };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return { ok: false, problems: [{ path: '', message: { id: 'config.not-object' } }] };
  const problems: ConfigProblem[] = [];
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      if (issue.code === 'unrecognized_keys')
        for (const key of issue.keys)
          problems.push({ path: key, message: { id: 'config.unknown-key', params: { key } } });
      else if (issue.path[0] === 'rules' && issue.path.length === 2)
        problems.push({
          path,
          message: {
            id: 'config.bad-severity',
            params: { rule: String(issue.path[1]), value: JSON.stringify(valueAt(json, issue.path)) },
          },
        });
      else if (issue.path[0] === 'locale')
        problems.push({
          path,
          message: { id: 'config.bad-locale', params: { value: JSON.stringify(valueAt(json, issue.path)) } },
        });
      else if (issue.path[0] === 'ignore') problems.push({ path, message: { id: 'config.bad-ignore' } });
      else if (issue.path[0] === 'rules') problems.push({ path, message: { id: 'config.bad-rules' } });
      else problems.push({ path, message: { id: 'config.bad-value', params: { key: path } } });
    }
  }
  const rules = (json as { rules?: unknown }).rules;
  if (rules && typeof rules === 'object' && !Array.isArray(rules))
    for (const id of Object.keys(rules))
      if (!ruleIds.includes(id))
        problems.push({ path: `rules.${id}`, message: { id: 'config.unknown-rule', params: { rule: id } } });
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return {
    ok: true,
    config: {
      locale: localeSetting(parsed.data.locale),
      rules: parsed.data.rules ?? {},
      ignore: parsed.data.ignore ?? [],
    },
  };
}

function valueAt(json: unknown, path: (string | number)[]): unknown {
  let v = json;
  for (const k of path) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined;
  return v;
}

/** What the editor's own settings say; a value that is absent was not set by the user. */
export interface UserSettings {
  locale?: string;
  rules?: Record<string, RuleSetting>;
}

/** The settings a report is checked with: the file, overridden by the user's settings, rule by rule. */
export interface Effective {
  locale: Locale;
  severities: Record<string, RuleSetting>;
  ignore: string[];
}

/**
 * Merges the file's configuration with the user's settings, as markdownlint's extension does:
 * a rule set in the settings wins over the file's value for that rule, the settings' locale
 * (other than `auto`) over the file's; the default locale is Chinese, the language of the reports.
 */
export function mergeConfig(
  file: XxgkConfig | undefined,
  user: UserSettings = {},
  fallbackLocale: Locale = 'zh',
): Effective {
  return {
    locale: localeSetting(user.locale) ?? file?.locale ?? fallbackLocale,
    severities: { ...(file?.rules ?? {}), ...(user.rules ?? {}) },
    ignore: file?.ignore ?? [],
  };
}

/**
 * Whether a report is ignored: `relPath` is its path relative to the folder of the configuration
 * file, with `/` separators. A glob without a slash matches a file name at any depth (as in
 * .gitignore); `dir/` and `dir/**` match everything under `dir`.
 */
export function isIgnored(relPath: string, globs: readonly string[]): boolean {
  const path = relPath.replace(/\\/g, '/').replace(/^\.\//, '');
  return globs.some((g) => {
    let pattern = g.replace(/\\/g, '/').replace(/^\.\//, '');
    if (pattern.endsWith('/')) pattern += '**';
    return minimatch(path, pattern, { dot: true, matchBase: !pattern.includes('/'), nocase: false });
  });
}

/** A configuration file found above a report: its path and what it says (or what is wrong with it). */
export type FoundConfig =
  { path: string; ok: true; config: XxgkConfig } | { path: string; ok: false; problems: ConfigProblem[] };
