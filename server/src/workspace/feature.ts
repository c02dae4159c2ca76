/**
 * The workspace in the language server: the index of report files (workspace folders, and the
 * folder of each open report), kept fresh from file events (workspace/didChangeWatchedFiles) and
 * from open-document changes; the cross-year diagnostics (`carryover`, `valid-docs`) added to each
 * open report's own; and the reports that depend on a changed one (next year's, same body)
 * checked again, open or not.
 *
 * The cross-year diagnostics join the document's result where every feature reads it
 * (`state.analyze`), so that publication, quick fixes and the rest see the same list.
 */
import { DidChangeWatchedFilesNotification, FileChangeType, type Connection } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { basename, relative } from 'node:path';
import { crossYearDiagnostics } from '../engine/crossyear';
import { sortDiagnostics, type CheckResult } from '../engine/check';
import type { Report } from '../engine/model';
import type { Feature, FeatureContext } from '../features/register';
import { WorkspaceIndex, isReportFileName, summarize, uriToPath, type IndexEntry } from './index';
import { registerWorkspaceRequests } from './requests';

export interface Workspace {
  index: WorkspaceIndex;
  /** resolves when the first scan of the workspace folders has finished */
  ready(): Promise<void>;
}

const byConnection = new WeakMap<Connection, Workspace & { start(ctx: FeatureContext): void }>();

/** The workspace of a connection (one per server), created on first use. */
export function workspaceFor(ctx: FeatureContext): Workspace {
  let ws = byConnection.get(ctx.connection);
  if (!ws) {
    ws = createWorkspace();
    byConnection.set(ctx.connection, ws);
    ws.start(ctx);
  }
  return ws;
}

function createWorkspace(): Workspace & { start(ctx: FeatureContext): void } {
  const index = new WorkspaceIndex();
  let scan: Promise<void> | undefined;
  let readyResolve: () => void = () => undefined;
  const readyPromise = new Promise<void>((res) => {
    readyResolve = res;
  });
  let startScan: () => void = () => undefined;

  function start(ctx: FeatureContext): void {
    const { connection, documents, state, publish } = ctx;
    const log = (msg: string): void => {
      connection.console.error(`xxgk workspace: ${msg}`);
    };

    // -- the open documents' entries, computed once per version
    const entries = new Map<string, { version: number; report: Report; entry: IndexEntry }>();
    const entryOf = (doc: TextDocument, report: Report): IndexEntry => {
      const hit = entries.get(doc.uri);
      if (hit && hit.version === doc.version && hit.report === report) return hit.entry;
      const entry = summarize(doc.uri, report, true);
      entries.set(doc.uri, { version: doc.version, report, entry });
      return entry;
    };

    // -- cross-year diagnostics joined to each document's own
    const memo = new WeakMap<CheckResult, { stamp: string; result: CheckResult }>();
    const lastStamp = new Map<string, string>();
    const stampOf = (entry: IndexEntry): { stamp: string; prev?: IndexEntry } => {
      const prev = index.previousOf(entry.facts, entry.uri);
      const stamp = `${prev ? `${prev.uri}\u0000${prev.signature}` : '-'}\u0000${state.locale(entry.uri)}\u0000${JSON.stringify(state.severities(entry.uri))}`;
      return { stamp, prev };
    };
    const base = state.analyze.bind(state);
    state.analyze = (doc: TextDocument): CheckResult => {
      const r = base(doc);
      try {
        const entry = entryOf(doc, r.report);
        const before = index.setOpen(entry);
        if (before !== entry && before?.signature !== entry.signature) afterChange(before, entry);
        kickOff(doc.uri);
        const { stamp, prev } = stampOf(entry);
        lastStamp.set(doc.uri, stamp);
        const hit = memo.get(r);
        if (hit && hit.stamp === stamp) return hit.result;
        const extra = crossYearDiagnostics(entry.facts, prev?.facts, {
          locale: state.locale(doc.uri),
          severities: state.severities(doc.uri),
          previousName: prev ? nameOf(prev, entry) : undefined,
        });
        const result = extra.length
          ? { report: r.report, diagnostics: sortDiagnostics([...r.diagnostics, ...extra]) }
          : r;
        memo.set(r, { stamp, result });
        return result;
      } catch (err) {
        log(`cross-year check failed for ${doc.uri}: ${String(err instanceof Error ? err.stack : err)}`);
        return r;
      }
    };

    const nameOf = (prev: IndexEntry, cur: IndexEntry): string => {
      if (prev.path && cur.path) {
        const rel = relative(cur.path.replace(/[\\/][^\\/]*$/, ''), prev.path);
        return rel.split('\\').join('/');
      }
      return prev.path ? basename(prev.path) : prev.uri;
    };

    // -- publishing again what depends on a change
    const pending = new Set<string>();
    let timer: NodeJS.Timeout | undefined;
    const republishLater = (uris: Iterable<string>): void => {
      for (const u of uris) pending.add(u);
      if (timer || pending.size === 0) return;
      timer = setTimeout(() => {
        timer = undefined;
        const list = [...pending];
        pending.clear();
        for (const uri of list) republish(uri);
      }, 10);
    };
    const republish = (uri: string): void => {
      const doc = documents.get(uri);
      if (doc) publish(doc);
    };
    /** A report changed from `before` to `after`: its dependents (old and new) are checked again. */
    function afterChange(before: IndexEntry | undefined, after: IndexEntry | undefined): void {
      const deps = new Set<string>();
      for (const e of [before, after]) if (e) for (const d of index.dependentsOf(e.facts)) deps.add(d.uri);
      if (after) deps.delete(after.uri);
      republishLater(deps);
    }
    /** Open documents whose cross-year inputs differ from what they were last published with. */
    function refreshStale(): void {
      const stale: string[] = [];
      for (const doc of documents.all()) {
        const seen = lastStamp.get(doc.uri);
        if (seen === undefined) continue;
        const e = index.get(doc.uri);
        if (!e || !e.open) continue;
        if (stampOf(e).stamp !== seen) stale.push(doc.uri);
      }
      republishLater(stale);
    }

    // -- scanning: the workspace folders once, and the folder of each open report
    startScan = (): void => {
      if (!scan) {
        scan = (async () => {
          let folders: string[] = [];
          try {
            const wf = await Promise.race([
              connection.workspace.getWorkspaceFolders(),
              new Promise<null>((res) => setTimeout(() => res(null), 5000)),
            ]);
            folders = (wf ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
          } catch {
            /* the client has no workspace folders */
          }
          for (const f of folders) await index.scanTree(f);
          try {
            connection.workspace.onDidChangeWorkspaceFolders((ev) => {
              void (async () => {
                for (const f of ev.removed) {
                  const p = uriToPath(f.uri);
                  if (p) for (const gone of index.removeTree(p)) afterChange(gone, undefined);
                }
                for (const f of ev.added) {
                  const p = uriToPath(f.uri);
                  if (p) await index.scanTree(p);
                }
                refreshStale();
              })().catch((err) => log(`workspace folders change failed: ${String(err)}`));
            });
          } catch {
            /* the client does not tell about folder changes */
          }
          try {
            await connection.client.register(DidChangeWatchedFilesNotification.type, {
              watchers: [
                { globPattern: '**/*.xxgk.md' },
                { globPattern: '**/*年度报告*.md' },
                { globPattern: '**/*年报*.md' },
              ],
            });
          } catch {
            /* the client watches files itself, or not at all */
          }
        })()
          .catch((err) => log(`scan failed: ${String(err)}`))
          .finally(() => {
            readyResolve();
            refreshStale();
          });
      }
    };
    const siblingsAsked = new Set<string>();
    function kickOff(uri: string): void {
      startScan();
      const p = uriToPath(uri);
      if (p && scan && !siblingsAsked.has(p) && !index.covers(p)) {
        siblingsAsked.add(p);
        void scan
          .then(() => index.scanSiblings(p))
          .then((found) => {
            if (found.length) refreshStale();
          })
          .catch((err) => log(`scan failed: ${String(err)}`));
      }
    }

    // -- file events
    connection.onDidChangeWatchedFiles((params) => {
      // a .xxgkrc.json changed: every open document is checked again with what it says now
      if (params.changes.some((ch) => /(^|\/)\.xxgkrc\.json$/.test(ch.uri))) {
        state.configChanged();
        for (const d of documents.all()) publish(d);
      }
      void (async () => {
        for (const ch of params.changes) {
          const p = uriToPath(ch.uri);
          if (!p) continue;
          if (ch.type === FileChangeType.Deleted) {
            for (const gone of index.remove(p)) afterChange(gone, undefined);
            continue;
          }
          if (!isReportFileName(p)) continue;
          const { before, after } = await index.readFile(p);
          if (before?.signature !== after?.signature) afterChange(before, after);
        }
        refreshStale();
      })().catch((err) => log(`file event failed: ${String(err)}`));
    });

    documents.onDidClose((e) => {
      const { was, now } = index.close(e.document.uri);
      lastStamp.delete(e.document.uri);
      entries.delete(e.document.uri);
      if (was?.signature !== now?.signature) afterChange(was, now);
    });

    registerWorkspaceRequests(ctx);
  }

  return {
    index,
    ready: () => {
      startScan();
      return readyPromise;
    },
    start,
  };
}

export const workspaceFeature: Feature = {
  capabilities: () => ({}),
  register(ctx) {
    workspaceFor(ctx);
  },
};
