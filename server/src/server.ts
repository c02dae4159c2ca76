/**
 * The xxgk language server. A thin shell over the engine: it keeps the open documents, checks
 * them as they change (debounced), and answers the editor's requests. Each LSP feature lives in
 * features/; this file wires them to the connection.
 */
import {
  TextDocuments,
  TextDocumentSyncKind,
  DidChangeConfigurationNotification,
  type InitializeParams,
  type InitializeResult,
  type Connection,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ServerState, DEFAULT_SETTINGS, type Settings } from './features/state';
import { toLspDiagnostic } from './features/convert';
import { documentSymbols } from './features/symbols';
import { foldingRanges } from './features/folding';
import { registerFeatures } from './features/register';
import { translator } from './messages';

/** Where an unhandled rejection is logged: the latest server's console (one listener per process). */
let logRejection: ((err: unknown) => void) | undefined;

export function startServer(connection: Connection): void {
  // a promise rejected with no handler would end the process (Node's default): log it instead
  if (!logRejection) process.on('unhandledRejection', (err) => logRejection?.(err));
  logRejection = (err) =>
    connection.console.error(`xxgk: unhandled rejection: ${String(err instanceof Error ? err.stack : err)}`);
  const documents = new TextDocuments(TextDocument);
  const state = new ServerState();
  let hasConfigurationCapability = false;
  const timers = new Map<string, NodeJS.Timeout>();

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    hasConfigurationCapability = !!params.capabilities.workspace?.configuration;
    state.clientLocale = params.locale ?? process.env.VSCODE_NLS_CONFIG_LOCALE ?? 'zh-cn';
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
    const { diagnostics } = state.analyze(doc);
    void connection.sendDiagnostics({
      uri: doc.uri,
      version: doc.version,
      diagnostics: diagnostics.map((d) => toLspDiagnostic(d, doc.uri)),
    });
    logInternal(doc.uri, diagnostics);
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
      connection.console.error(`xxgk: a check failed on ${uri}: ${d.message}`);
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
      connection.console.error(`xxgk: check failed for ${doc.uri}: ${String(err instanceof Error ? err.stack : err)}`);
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

  documents.onDidOpen((e) => schedule(e.document, true));
  documents.onDidChangeContent((e) => schedule(e.document, false));
  documents.onDidClose((e) => {
    const t = timers.get(e.document.uri);
    if (t) clearTimeout(t);
    timers.delete(e.document.uri);
    state.forget(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  const withDoc = <T>(uri: string, empty: T, f: (doc: TextDocument) => T): T => {
    const doc = documents.get(uri);
    if (!doc) return empty;
    try {
      return f(doc);
    } catch (err) {
      connection.console.error(`xxgk: request failed for ${uri}: ${String(err instanceof Error ? err.stack : err)}`);
      return empty;
    }
  };
  connection.onDocumentSymbol((p) => withDoc(p.textDocument.uri, [], (d) => documentSymbols(state.analyze(d).report)));
  connection.onFoldingRanges((p) => withDoc(p.textDocument.uri, [], (d) => foldingRanges(state.analyze(d).report)));
  registerFeatures.register({ connection, documents, state, withDoc, publish: safePublish });

  documents.listen(connection);
  connection.listen();
}
