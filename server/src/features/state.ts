/**
 * The server's view of open documents: the latest check of each, computed on demand for the
 * version the editor has, and the settings that shape it.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkText, type CheckResult } from '../engine/check';
import type { Locale, Severity } from '../engine/rule';

export interface Settings {
  enable: boolean;
  locale: 'auto' | 'zh-CN' | 'en';
  rules: Record<string, Severity | 'off'>;
  debounceMs: number;
}
export const DEFAULT_SETTINGS: Settings = { enable: true, locale: 'auto', rules: {}, debounceMs: 150 };

export class ServerState {
  settings: Settings = DEFAULT_SETTINGS;
  clientLocale = 'zh-cn';
  private results = new Map<string, { version: number; result: CheckResult }>();

  locale(): Locale {
    if (this.settings.locale === 'en') return 'en';
    if (this.settings.locale === 'zh-CN') return 'zh';
    return this.clientLocale.toLowerCase().startsWith('en') ? 'en' : 'zh';
  }

  analyze(doc: TextDocument): CheckResult {
    const hit = this.results.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.result;
    const result = checkText(doc.getText(), { locale: this.locale(), severities: this.settings.rules });
    this.results.set(doc.uri, { version: doc.version, result });
    return result;
  }

  forget(uri: string): void { this.results.delete(uri); }
  invalidateAll(): void { this.results.clear(); }
}
