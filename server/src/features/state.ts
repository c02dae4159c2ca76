/**
 * The server's view of open documents: the latest check of each, computed on demand for the
 * version the editor has, and the settings that shape it.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckResult } from '../engine/check';
import { IncrementalChecker } from '../engine/incremental';
import type { Locale, Severity } from '../engine/rule';

export interface Settings {
  enable: boolean;
  locale: 'auto' | 'zh-CN' | 'en';
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
export const DEFAULT_SETTINGS: Settings = { enable: true, locale: 'auto', rules: {}, debounceMs: 100 };

export class ServerState {
  settings: Settings = DEFAULT_SETTINGS;
  clientLocale = 'zh-cn';
  private results = new Map<string, { version: number; result: CheckResult }>();
  /** one incremental checker per open document: an edit costs what it touched */
  private checkers = new Map<string, IncrementalChecker>();

  locale(): Locale {
    if (this.settings.locale === 'en') return 'en';
    if (this.settings.locale === 'zh-CN') return 'zh';
    return this.clientLocale.toLowerCase().startsWith('en') ? 'en' : 'zh';
  }

  analyze(doc: TextDocument): CheckResult {
    const hit = this.results.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.result;
    let checker = this.checkers.get(doc.uri);
    if (!checker) this.checkers.set(doc.uri, (checker = new IncrementalChecker()));
    const result = checker.check(doc.getText(), { locale: this.locale(), severities: this.settings.rules });
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
