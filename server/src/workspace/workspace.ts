/**
 * The workspace in the language server: the index of report files (workspace folders, and the
 * folder of each open report), kept fresh from file events (workspace/didChangeWatchedFiles) and
 * from what the server publishes for open documents; and, as a reaction to a change of the index,
 * the open reports whose cross-year inputs (last year's report) changed are published again.
 *
 * The cross-year findings themselves are part of each document's analysis (features/state.ts),
 * which reads the index and changes nothing.
 */
import { DidChangeWatchedFilesNotification, FileChangeType, type Connection } from 'vscode-languageserver';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../engine/index';
import { REPORT_GLOBS, isReportFileName } from '../engine/report-files';
import type { DocumentAnalysis, ServerState } from '../features/state';
import type { FileAccess } from '../platform';
import type { IndexEntry, WorkspaceIndex } from './index';

export interface WorkspaceDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  state: ServerState;
  index: WorkspaceIndex;
  files: FileAccess;
  /** check a document and publish its diagnostics (never throws) */
  publish: (doc: TextDocument) => void;
}

export class Workspace {
  readonly index: WorkspaceIndex;
  private readonly deps: WorkspaceDeps;
  private scan: Promise<void> | undefined;
  private readonly readyPromise: Promise<void>;
  private readyResolve: () => void = () => undefined;
  /** the open documents' entries, one per checked report */
  private readonly entries = new Map<string, { analysis: Analysis; entry: IndexEntry }>();
  /** what each open document's published cross-year findings were computed from */
  private readonly published = new Map<string, string>();
  private readonly siblingsAsked = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(deps: WorkspaceDeps) {
    this.deps = deps;
    this.index = deps.index;
    this.readyPromise = new Promise<void>((res) => {
      this.readyResolve = res;
    });
    // a change of the index (a report opened, edited, read from disk, deleted): dependents again
    this.index.onDidChange(() => this.refreshLater());
  }

  private log(msg: string): void {
    this.deps.connection.console.error(`xxgk workspace: ${msg}`);
  }

  /** Resolves when the first scan of the workspace folders has finished. */
  ready(): Promise<void> {
    this.startScan();
    return this.readyPromise;
  }

  /** An open document's report, as last analysed, stands in for its file in the index. */
  noteOpen(doc: TextDocument, analysis: Analysis): void {
    const hit = this.entries.get(doc.uri);
    if (hit && hit.analysis.report === analysis.report) return;
    const entry = this.index.entryFor(doc.uri, analysis.report, analysis.facts);
    this.entries.set(doc.uri, { analysis, entry });
    this.index.setOpen(entry);
  }

  /** The server published `analysis` for `doc`: record what it was computed from. */
  didPublish(doc: TextDocument, analysis: DocumentAnalysis): void {
    this.published.set(doc.uri, analysis.crossYearInputs);
  }

  /** Every open document's latest report in the index (before answering about the whole workspace). */
  syncOpen(): void {
    for (const doc of this.deps.documents.all()) this.noteOpen(doc, this.deps.state.check(doc));
  }

  /** Publish again, soon, the open documents whose cross-year inputs differ from what they were published with. */
  private refreshLater(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refreshStale();
    }, 10);
  }

  private refreshStale(): void {
    const { documents, state, publish } = this.deps;
    for (const doc of documents.all()) {
      const seen = this.published.get(doc.uri);
      if (seen === undefined) continue;
      const hit = this.entries.get(doc.uri);
      if (!hit) continue;
      try {
        if (state.crossYearInputs(doc.uri, hit.analysis.facts) !== seen) publish(doc);
      } catch (err) {
        this.log(`refresh failed for ${doc.uri}: ${String(err)}`);
      }
    }
  }

  /** The workspace folders, scanned once (on the first open report or workspace request). */
  private startScan(): void {
    if (this.scan) return;
    const { connection, files, index } = this.deps;
    this.scan = (async () => {
      let folders: string[] = [];
      try {
        const wf = await Promise.race([
          connection.workspace.getWorkspaceFolders(),
          new Promise<null>((res) => setTimeout(() => res(null), 5000)),
        ]);
        folders = (wf ?? []).map((f) => files.uriToPath(f.uri)).filter((p): p is string => !!p);
      } catch {
        /* the client has no workspace folders */
      }
      for (const f of folders) await index.scanTree(f);
      try {
        connection.workspace.onDidChangeWorkspaceFolders((ev) => {
          void (async () => {
            for (const f of ev.removed) {
              const p = files.uriToPath(f.uri);
              if (p) index.removeTree(p);
            }
            for (const f of ev.added) {
              const p = files.uriToPath(f.uri);
              if (p) await index.scanTree(p);
            }
          })().catch((err) => this.log(`workspace folders change failed: ${String(err)}`));
        });
      } catch {
        /* the client does not tell about folder changes */
      }
      try {
        await connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: REPORT_GLOBS.map((globPattern) => ({ globPattern })),
        });
      } catch {
        /* the client watches files itself, or not at all */
      }
    })()
      .catch((err) => this.log(`scan failed: ${String(err)}`))
      .finally(() => {
        this.readyResolve();
        this.refreshLater();
      });
  }

  /** A report was opened: the workspace is scanned, and the folder of a report outside it. */
  didOpen(uri: string): void {
    this.startScan();
    const p = this.deps.files.uriToPath(uri);
    const scan = this.scan;
    if (p && scan && !this.siblingsAsked.has(p) && !this.index.covers(p)) {
      this.siblingsAsked.add(p);
      void scan.then(() => this.index.scanSiblings(p)).catch((err) => this.log(`scan failed: ${String(err)}`));
    }
  }

  didClose(uri: string): void {
    this.published.delete(uri);
    this.entries.delete(uri);
    this.index.close(uri);
  }

  /** Report files changed on disk (workspace/didChangeWatchedFiles). */
  listen(): void {
    const { connection, files, index } = this.deps;
    connection.onDidChangeWatchedFiles((params) => {
      // a .xxgkrc.json changed: every open document is checked again with what it says now
      if (params.changes.some((ch) => /(^|\/)\.xxgkrc\.json$/.test(ch.uri))) {
        this.deps.state.configChanged();
        for (const d of this.deps.documents.all()) this.deps.publish(d);
      }
      void (async () => {
        for (const ch of params.changes) {
          const p = files.uriToPath(ch.uri);
          if (!p) continue;
          if (ch.type === FileChangeType.Deleted) {
            index.remove(p);
            continue;
          }
          if (!isReportFileName(p)) continue;
          await index.readFile(p);
        }
      })().catch((err) => this.log(`file event failed: ${String(err)}`));
    });
  }
}
