/**
 * The server's view of open documents: the analysis of each, computed on demand for the text the
 * editor has, and the settings that shape it. Built with what it reads (the workspace index for
 * last year's report, the platform's paths): analysing changes nothing outside this object.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { crossYearDiagnostics, sortDiagnostics } from '../engine/check';
import type { YearFacts } from '../engine/model/crossyear';
import { Analyzer, analysisOf, type Analysis } from '../engine/index';
import type { Locale, Severity } from '../engine/rule';
import type { ConfigSource, FileAccess } from '../platform';
import type { IndexEntry, WorkspaceIndex } from '../workspace/index';
import { isIgnored, mergeConfig, type Effective, type FoundConfig } from '../config';
import { message, messageOf } from '../messages';

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

/** A document's analysis: its own check joined with the cross-year findings. */
export interface DocumentAnalysis extends Analysis {
  /** what the cross-year findings were computed from (last year's report, locale, rule settings) */
  readonly crossYearInputs: string;
}

export interface ServerStateDeps {
  index: WorkspaceIndex;
  files: FileAccess;
  /** the UI locale when the client names none */
  clientLocale?: string;
  /** where a failure of the cross-year check is reported */
  log?: (message: string) => void;
  /** the address of a rule's documentation page */
  ruleDocUri?: (id: string) => string;
  /** the `.xxgkrc.json` that applies to a path (none where the platform cannot read one synchronously) */
  config?: ConfigSource;
}

export class ServerState {
  settings: Settings = DEFAULT_SETTINGS;
  clientLocale: string;
  readonly ruleDocUri: (id: string) => string;
  private readonly index: WorkspaceIndex;
  private readonly files: FileAccess;
  private readonly log: (message: string) => void;
  /** the latest own check of each document, by version and text (a version number may be reused) */
  private results = new Map<string, { version: number; text: string; result: Analysis }>();
  /** one incremental analyzer per open document: an edit costs what it touched */
  private checkers = new Map<string, Analyzer>();
  private joined = new WeakMap<Analysis, DocumentAnalysis>();

  constructor(deps: ServerStateDeps) {
    this.index = deps.index;
    this.files = deps.files;
    this.clientLocale = deps.clientLocale ?? 'zh-cn';
    this.log = deps.log ?? (() => undefined);
    this.ruleDocUri = deps.ruleDocUri ?? ((id) => `xxgk-rule:${id}`);
    this.configs = deps.config;
  }

  /** `.xxgkrc.json` of each folder, read once, until a configuration file changes */
  private readonly configs: ConfigSource | undefined;

  /** The configuration file above a document (documents the platform has a path for). */
  private configOf(uri?: string): { path?: string; found?: FoundConfig } {
    const path = uri ? this.files.uriToPath(uri) : undefined;
    if (!path || !this.configs) return {};
    try {
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
    this.configs?.clear();
    this.invalidateAll();
  }

  /** The document's own analysis, without the cross-year findings. */
  check(doc: TextDocument): Analysis {
    const text = doc.getText();
    const hit = this.results.get(doc.uri);
    if (hit && hit.version === doc.version && hit.text === text) return hit.result;
    let checker = this.checkers.get(doc.uri);
    if (!checker) this.checkers.set(doc.uri, (checker = new Analyzer()));
    const eff = this.effective(doc.uri);
    let result = checker.analyze(text, { locale: eff.locale, severities: eff.severities });
    const { path, found } = this.configOf(doc.uri);
    const f = this.files;
    if (path && found?.ok && eff.ignore.length && isIgnored(f.relative(f.dirname(found.path), path), eff.ignore))
      result = analysisOf({ report: result.report, diagnostics: [] }, { severities: eff.severities });
    if (eff.problem)
      result = analysisOf(
        { report: result.report, diagnostics: [configDiagnostic(eff.problem, eff.locale), ...result.diagnostics] },
        { severities: eff.severities },
      );
    this.results.set(doc.uri, { version: doc.version, text, result });
    return result;
  }

  /** Last year's report of this document's body, as the index knows it, and what the findings depend on. */
  private previous(uri: string, facts: YearFacts): { prev?: IndexEntry; inputs: string } {
    const prev = this.index.previousOf(facts, uri);
    const inputs = `${prev ? `${prev.uri}\u0000${prev.signature}` : '-'}\u0000${this.locale(uri)}\u0000${JSON.stringify(this.severities(uri))}`;
    return { prev, inputs };
  }

  /** What the cross-year findings of an open document would be computed from now. */
  crossYearInputs(uri: string, facts: YearFacts): string {
    return this.previous(uri, facts).inputs;
  }

  /** The document's analysis: its own findings and the cross-year ones, from the index as it stands. */
  analyze(doc: TextDocument): DocumentAnalysis {
    const own = this.check(doc);
    let facts: YearFacts;
    let prev: IndexEntry | undefined;
    let inputs: string;
    try {
      facts = own.facts;
      ({ prev, inputs } = this.previous(doc.uri, facts));
    } catch (err) {
      this.log(`cross-year check failed for ${doc.uri}: ${String(err instanceof Error ? err.stack : err)}`);
      return withInputs(own, '-');
    }
    const hit = this.joined.get(own);
    if (hit && hit.crossYearInputs === inputs) return hit;
    let result: DocumentAnalysis;
    try {
      const extra = crossYearDiagnostics(facts, prev?.facts, {
        locale: this.locale(doc.uri),
        severities: this.severities(doc.uri),
        previousName: prev ? this.nameOf(prev, doc.uri) : undefined,
      });
      result = withInputs(
        extra.length
          ? analysisOf(
              { report: own.report, diagnostics: sortDiagnostics([...own.diagnostics, ...extra]) },
              { severities: this.severities(doc.uri) },
            )
          : own,
        inputs,
      );
    } catch (err) {
      this.log(`cross-year check failed for ${doc.uri}: ${String(err instanceof Error ? err.stack : err)}`);
      result = withInputs(own, inputs);
    }
    this.joined.set(own, result);
    return result;
  }

  /** How last year's report is named in messages: relative to this one's folder. */
  private nameOf(prev: IndexEntry, uri: string): string {
    const cur = this.files.uriToPath(uri);
    if (prev.path && cur) return this.files.relative(this.files.dirname(cur), prev.path);
    return prev.path ? this.files.basename(prev.path) : prev.uri;
  }

  forget(uri: string): void {
    this.results.delete(uri);
    this.checkers.delete(uri);
  }
  invalidateAll(): void {
    this.results.clear();
  }
}

/** An analysis with what its cross-year findings were computed from (the same value, one more field). */
function withInputs(a: Analysis, crossYearInputs: string): DocumentAnalysis {
  return Object.freeze({
    report: a.report,
    diagnostics: a.diagnostics,
    sums: (t: Parameters<Analysis['sums']>[0]) => a.sums(t),
    get facts() {
      return a.facts;
    },
    crossYearInputs,
  });
}

/** A bad `.xxgkrc.json`, told on the first line of each report it applies to (checked with the defaults). */
function configDiagnostic(found: FoundConfig & { ok: false }, locale: Locale): Analysis['diagnostics'][number] {
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
