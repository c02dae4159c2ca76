/**
 * The xxgk language server's core: a thin shell over the engine that keeps the open documents,
 * checks them as they change (debounced), publishes their diagnostics and answers the editor's
 * requests. Transport and platform neutral: the connection and the platform's pieces (file
 * access, locale, rule pages) are given by the entry (serverMain.ts for Node); nothing here
 * imports a Node module. Each LSP feature lives in features/; this file composes them.
 */
import {
  TextDocuments,
  TextDocumentSyncKind,
  DidChangeConfigurationNotification,
  type InitializeParams,
  type InitializeResult,
  type Connection,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ServerState, DEFAULT_SETTINGS, type Settings } from './features/state';
import { toLspDiagnostic } from './features/convert';
import { documentSymbols } from './features/symbols';
import { foldingRanges } from './features/folding';
import { registerFeatures } from './features/register';
import { WorkspaceIndex } from './workspace/index';
import { Workspace } from './workspace/workspace';
import type { ServerDeps } from './platform';
import { translator } from './messages';

export type { ServerDeps } from './platform';

/** The server's parts, for the entry and for tests. */
export interface ServerParts {
  state: ServerState;
  workspace: Workspace;
  documents: TextDocuments<TextDocument>;
}

export function createServer(connection: Connection, deps: ServerDeps): ServerParts {
  const log = (msg: string): void => {
    connection.console.error(msg);
  };
  const documents = new TextDocuments(TextDocument);
  const index = new WorkspaceIndex(deps.files);
  const state = new ServerState({
    index,
    files: deps.files,
    clientLocale: deps.defaultLocale,
    ruleDocUri: deps.ruleDocUri,
    config: deps.config,
    log: (m) => log(`xxgk workspace: ${m}`),
  });
  const workspace = new Workspace({ connection, documents, state, index, files: deps.files, publish: safePublish });
  // a configuration read asynchronously (the browser's) has arrived: the open reports are checked with it
  deps.config?.onDidLoad?.(() => {
    state.invalidateAll();
    for (const d of documents.all()) safePublish(d);
  });
  let hasConfigurationCapability = false;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    hasConfigurationCapability = !!params.capabilities.workspace?.configuration;
    state.clientLocale = params.locale ?? deps.defaultLocale ?? 'zh-cn';
    const init = params.initializationOptions as Partial<Settings> | undefined;
    if (init) state.settings = { ...DEFAULT_SETTINGS, ...init };
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        documentSymbolProvider: { label: '年度报告' },
        foldingRangeProvider: true,
        ...registerFeatures.capabilities(),
      },
      serverInfo: { name: 'xxgk-report', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (hasConfigurationCapability) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'xxgk' });
      void pullSettings();
    }
  });

  async function pullSettings(): Promise<void> {
    try {
      const s = (await connection.workspace.getConfiguration('xxgk')) as Partial<Settings> | null;
      state.settings = { ...DEFAULT_SETTINGS, ...(s ?? {}) };
    } catch {
      state.settings = DEFAULT_SETTINGS;
    }
    state.invalidateAll();
    for (const d of documents.all()) safePublish(d);
  }

  connection.onDidChangeConfiguration((change) => {
    if (hasConfigurationCapability) void pullSettings();
    else {
      const s = (change.settings as { xxgk?: Partial<Settings> } | undefined)?.xxgk;
      state.settings = { ...DEFAULT_SETTINGS, ...(s ?? {}) };
      state.invalidateAll();
      for (const d of documents.all()) safePublish(d);
    }
  });

  function publish(doc: TextDocument): void {
    if (!documents.get(doc.uri)) return;
    if (!state.settings.enable) {
      void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: [] });
      return;
    }
    // the report as it now stands speaks for its file in the workspace index (its dependents react)
    workspace.noteOpen(doc, state.check(doc));
    const analysis = state.analyze(doc);
    void connection.sendDiagnostics({
      uri: doc.uri,
      version: doc.version,
      diagnostics: analysis.diagnostics.map((d) => toLspDiagnostic(d, doc.uri, deps.ruleDocUri)),
    });
    workspace.didPublish(doc, analysis);
    logInternal(doc.uri, analysis.diagnostics);
  }

  /** A rule (or the checker) that failed is also logged, once per document and message. */
  const loggedInternal = new Set<string>();
  function logInternal(uri: string, diagnostics: readonly { rule: string; message: string }[]): void {
    for (const d of diagnostics) {
      if (d.rule !== 'internal') continue;
      const key = `${uri}\u0000${d.message}`;
      if (loggedInternal.has(key)) continue;
      if (loggedInternal.size > 1000) loggedInternal.clear();
      loggedInternal.add(key);
      log(`xxgk: a check failed on ${uri}: ${d.message}`);
    }
  }

  /**
   * Publish, never throw: should the check itself fail, the failure is logged and published as
   * one `internal` diagnostic, so that no stale diagnostics stay and the server stays up.
   */
  function safePublish(doc: TextDocument): void {
    try {
      publish(doc);
    } catch (err) {
      log(`xxgk: check failed for ${doc.uri}: ${String(err instanceof Error ? err.stack : err)}`);
      const msg = err instanceof Error ? err.message : String(err);
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      const message = translator(state.locale(doc.uri))('server.check-failed', { reason: msg });
      void connection.sendDiagnostics({
        uri: doc.uri,
        version: doc.version,
        diagnostics: [{ range, severity: 1, code: 'internal', source: 'xxgk', message }],
      });
    }
  }

  function schedule(doc: TextDocument, immediate: boolean): void {
    const t = timers.get(doc.uri);
    if (t) clearTimeout(t);
    const run = (): void => {
      timers.delete(doc.uri);
      const cur = documents.get(doc.uri);
      if (cur) safePublish(cur);
    };
    if (immediate || state.settings.debounceMs <= 0) run();
    else timers.set(doc.uri, setTimeout(run, state.settings.debounceMs));
  }

  documents.onDidOpen((e) => {
    workspace.didOpen(e.document.uri);
    schedule(e.document, true);
  });
  documents.onDidChangeContent((e) => schedule(e.document, false));
  documents.onDidClose((e) => {
    const t = timers.get(e.document.uri);
    if (t) clearTimeout(t);
    timers.delete(e.document.uri);
    state.forget(e.document.uri);
    workspace.didClose(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  workspace.listen();

  const withDoc = <T>(uri: string, empty: T, f: (doc: TextDocument) => T): T => {
    const doc = documents.get(uri);
    if (!doc) return empty;
    try {
      return f(doc);
    } catch (err) {
      log(`xxgk: request failed for ${uri}: ${String(err instanceof Error ? err.stack : err)}`);
      return empty;
    }
  };
  connection.onDocumentSymbol((p) => withDoc(p.textDocument.uri, [], (d) => documentSymbols(state.analyze(d).report)));
  connection.onFoldingRanges((p) => withDoc(p.textDocument.uri, [], (d) => foldingRanges(state.analyze(d).report)));
  registerFeatures.register({
    connection,
    documents,
    state,
    workspace,
    files: deps.files,
    withDoc,
    publish: safePublish,
  });

  documents.listen(connection);
  connection.listen();
  return { state, workspace, documents };
}
