/**
 * The server's view of open documents: the latest check of each, computed on demand for the
 * version the editor has, and the settings that shape it.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckResult } from '../engine/check';
import { IncrementalChecker } from '../engine/incremental';
import type { Locale, Severity } from '../engine/rule';
import { isIgnored, mergeConfig, type Effective } from '../config';
import { ConfigCache, type FoundConfig } from '../config/node';
import { message, messageOf } from '../messages';
import { fileURLToPath } from 'node:url';
import { dirname, relative } from 'node:path';

export interface Settings {
  enable: boolean;
  /** the user's `xxgk.locale`; absent when not set (then `.xxgkrc.json`, else Chinese). `auto` follows the UI. */
  locale?: 'auto' | 'zh-CN' | 'en';
  /** the user's `xxgk.rules`: each one overrides `.xxgkrc.json` for that rule */
  rules: Record<string, Severity | 'off'>;
  debounceMs: number;
}
/**
 * debounceMs = 100: how long typing must pause before a document is checked again. A check costs
 * about a millisecond on a real report (incremental: a cell edit re-runs only the table's rules)
 * and the round trip through the server a few more (`npm run bench`), so the delay is not there
 * to save work: it keeps diagnostics from flashing over a half-typed figure or a half-composed
 * word (“1” of “12” breaks the sums; pinyin composition changes the text with every key).
 * 100 ms is longer than the gap between keystrokes of a steady typist (about 60–150 ms), so a
 * figure or a word is checked once, when typing pauses, and short enough that the diagnostics
 * appear about 0.1 s after the pause, which still reads as immediate.
 */
export const DEFAULT_SETTINGS: Settings = { enable: true, rules: {}, debounceMs: 100 };

export class ServerState {
  settings: Settings = DEFAULT_SETTINGS;
  clientLocale = 'zh-cn';
  private results = new Map<string, { version: number; result: CheckResult }>();
  /** one incremental checker per open document: an edit costs what it touched */
  private checkers = new Map<string, IncrementalChecker>();

  /** `.xxgkrc.json` of each folder, read once, until a configuration file changes */
  private configs = new ConfigCache();

  /** The configuration file above a document (file: URIs only). */
  private configOf(uri?: string): { path?: string; found?: FoundConfig } {
    if (!uri?.startsWith('file:')) return {};
    try {
      const path = fileURLToPath(uri);
      return { path, found: this.configs.forFile(path) };
    } catch {
      return {};
    }
  }

  /** The settings a document is checked with: `.xxgkrc.json` above it, overridden by the user's settings. */
  effective(uri?: string): Effective & { problem?: FoundConfig & { ok: false } } {
    const { found } = this.configOf(uri);
    const s = this.settings;
    const userLocale =
      s.locale === 'auto' ? (this.clientLocale.toLowerCase().startsWith('en') ? 'en' : 'zh-CN') : s.locale;
    const eff = mergeConfig(found?.ok ? found.config : undefined, { locale: userLocale, rules: s.rules });
    return found && !found.ok ? { ...eff, problem: found } : eff;
  }

  /** The language of a document's messages (Chinese unless a setting or `.xxgkrc.json` says English). */
  locale(uri?: string): Locale {
    return this.effective(uri).locale;
  }

  /** The rule severities of a document: the file's, overridden by the user's settings. */
  severities(uri?: string): Record<string, Severity | 'off'> {
    return this.effective(uri).severities;
  }

  /** A configuration file changed: read them again, check every document again. */
  configChanged(): void {
    this.configs.clear();
    this.invalidateAll();
  }

  analyze(doc: TextDocument): CheckResult {
    const hit = this.results.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.result;
    let checker = this.checkers.get(doc.uri);
    if (!checker) this.checkers.set(doc.uri, (checker = new IncrementalChecker()));
    const eff = this.effective(doc.uri);
    let result = checker.check(doc.getText(), { locale: eff.locale, severities: eff.severities });
    const { path, found } = this.configOf(doc.uri);
    if (path && found?.ok && eff.ignore.length && isIgnored(relative(dirname(found.path), path), eff.ignore))
      result = { ...result, diagnostics: [] };
    if (eff.problem)
      result = { ...result, diagnostics: [configDiagnostic(eff.problem, eff.locale), ...result.diagnostics] };
    this.results.set(doc.uri, { version: doc.version, result });
    return result;
  }

  forget(uri: string): void {
    this.results.delete(uri);
    this.checkers.delete(uri);
  }
  invalidateAll(): void {
    this.results.clear();
  }
}

/** A bad `.xxgkrc.json`, told on the first line of each report it applies to (checked with the defaults). */
function configDiagnostic(found: FoundConfig & { ok: false }, locale: Locale): CheckResult['diagnostics'][number] {
  const problem = found.problems.map((p) => `${p.path ? `${p.path}: ` : ''}${messageOf(locale, p.message)}`).join('; ');
  const at = { line: 0, character: 0 };
  return {
    rule: 'config',
    severity: 'warning',
    message: message(locale, 'config.problem', { path: found.path, problem }),
    span: { start: 0, end: 0 },
    range: { start: at, end: at },
    related: [],
    fixes: [],
    fingerprint: 'config',
  };
}
