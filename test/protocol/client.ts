/**
 * A small LSP test client: spawns the real bundled server (`node dist/server.js --stdio`) and
 * talks JSON-RPC 2.0 over its stdin/stdout with `Content-Length` framing.
 *
 *   const c = new LspClient();
 *   await c.start();
 *   const uri = c.uri('a.xxgk.md');
 *   const diags = await c.open(uri, text);                 // didOpen + the diagnostics of that version
 *   const actions = await c.request('textDocument/codeAction', {...});
 *   await c.shutdown();
 *
 * Server → client requests (workspace/configuration, client/registerCapability,
 * workspace/applyEdit, window/showDocument, window/workDoneProgress/create) are answered;
 * applyEdit and showDocument requests are recorded in `appliedEdits` and `shownDocuments`.
 * Build first (`node scripts/build.mjs`): the server is dist/server.js.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface TextEdit {
  range: Range;
  newText: string;
}
export interface LspDiagnostic {
  range: Range;
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
  data?: unknown;
  relatedInformation?: { location: { uri: string; range: Range }; message: string }[];
}
export interface PublishDiagnosticsParams {
  uri: string;
  version?: number;
  diagnostics: LspDiagnostic[];
}
export interface WorkspaceEdit {
  changes?: Record<string, TextEdit[]>;
  documentChanges?: { textDocument: { uri: string; version?: number | null }; edits: TextEdit[] }[];
}

export interface ClientOptions {
  /** `initialize` locale (default zh-cn) */
  locale?: string;
  /** xxgk settings: sent as initializationOptions and as the answer to workspace/configuration */
  settings?: Record<string, unknown>;
  /** extra client capabilities merged over the defaults */
  capabilities?: Record<string, unknown>;
  /** the server script (default: dist/server.js of this checkout, or $XXGK_SERVER) */
  serverPath?: string;
  /** arguments after the server script (default ['--stdio']; `xxgk lsp --stdio` is ['lsp', '--stdio']) */
  serverArgs?: string[];
  /** per-request timeout in ms (default 20 s) */
  timeoutMs?: number;
  /** the answer to workspace/workspaceFolders (default none) */
  workspaceFolders?: { uri: string; name: string }[];
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; method: string; timer: NodeJS.Timeout };
type Waiter = {
  uri: string;
  pred: (p: PublishDiagnosticsParams) => boolean;
  resolve: (p: PublishDiagnosticsParams) => void;
};

/** The checkout root: the nearest ancestor of this file (or of the cwd) that has dist/server.js. */
export function repoRoot(): string {
  for (const start of [__dirname, process.cwd()]) {
    let dir = resolve(start);
    for (;;) {
      if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'dist', 'server.js'))) return dir;
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  return process.cwd();
}

export class LspClient {
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly appliedEdits: WorkspaceEdit[] = [];
  /** window/showDocument requests from the server (e.g. a code lens moving the cursor) */
  readonly shownDocuments: { uri: string; selection?: Range; takeFocus?: boolean }[] = [];
  readonly stderr: string[] = [];
  /** the latest publishDiagnostics per uri */
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  initializeResult: { capabilities: Record<string, unknown>; serverInfo?: unknown } | undefined;

  private proc: ChildProcessWithoutNullStreams | undefined;
  private buf = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private waiters: Waiter[] = [];
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();
  private exited = false;

  constructor(private readonly options: ClientOptions = {}) {}

  /** A file URI for a (virtual) document name under the checkout's test/fixtures folder. */
  uri(name: string): string {
    return pathToFileURL(join(repoRoot(), 'test', 'fixtures', name)).toString();
  }

  /** Spawn the server and complete the initialize / initialized handshake. */
  async start(): Promise<{ capabilities: Record<string, unknown> }> {
    const server = this.options.serverPath ?? process.env.XXGK_SERVER ?? join(repoRoot(), 'dist', 'server.js');
    if (!existsSync(server))
      throw new Error(`language server not found at ${server}: run node scripts/build.mjs first`);
    const proc = spawn(process.execPath, [server, ...(this.options.serverArgs ?? ['--stdio'])], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.proc = proc;
    proc.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    proc.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString('utf8')));
    proc.on('exit', (code, signal) => {
      this.exited = true;
      for (const [, p] of this.pending) {
        clearTimeout(p.timer);
        p.reject(
          new Error(
            `server exited (code ${code}, signal ${signal}) before answering ${p.method}\n${this.stderr.join('')}`,
          ),
        );
      }
      this.pending.clear();
    });
    const caps = {
      workspace: {
        configuration: true,
        applyEdit: true,
        workspaceEdit: { documentChanges: true },
        didChangeConfiguration: { dynamicRegistration: true },
      },
      textDocument: {
        synchronization: { didSave: true },
        publishDiagnostics: {
          relatedInformation: true,
          versionSupport: true,
          codeDescriptionSupport: true,
          dataSupport: true,
        },
        codeAction: {
          codeActionLiteralSupport: {
            codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll', 'source.fixAll.xxgk'] },
          },
          isPreferredSupport: true,
          dataSupport: true,
          resolveSupport: { properties: ['edit'] },
        },
        completion: {
          completionItem: {
            snippetSupport: true,
            documentationFormat: ['markdown', 'plaintext'],
            labelDetailsSupport: true,
          },
          contextSupport: true,
        },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        formatting: {},
        rangeFormatting: {},
        inlayHint: {},
        codeLens: {},
      },
      window: { workDoneProgress: true, showDocument: { support: true } },
      ...(this.options.capabilities ?? {}),
    };
    const result = await this.request<{ capabilities: Record<string, unknown>; serverInfo?: unknown }>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(repoRoot()).toString(),
      workspaceFolders: [{ uri: pathToFileURL(repoRoot()).toString(), name: 'work' }],
      locale: this.options.locale ?? 'zh-cn',
      capabilities: caps,
      initializationOptions: this.settings(),
    });
    this.initializeResult = result;
    this.notify('initialized', {});
    return result;
  }

  private settings(): Record<string, unknown> {
    return { enable: true, locale: 'auto', rules: {}, debounceMs: 0, ...(this.options.settings ?? {}) };
  }

  /** Send a request and wait for its result (rejects on an error response or a timeout). */
  request<T = unknown>(method: string, params: unknown): Promise<T> {
    if (!this.proc || this.exited) return Promise.reject(new Error(`server not running (request ${method})`));
    const id = this.nextId++;
    return new Promise<T>((res, rej) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        rej(new Error(`timeout waiting for ${method}\n${this.stderr.join('')}`));
      }, this.options.timeoutMs ?? 20_000);
      this.pending.set(id, { resolve: res as (v: unknown) => void, reject: rej, method, timer });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    if (!this.proc || this.exited) throw new Error(`server not running (notification ${method})`);
    this.send({ jsonrpc: '2.0', method, params });
  }

  /**
   * Resolve with the diagnostics of `uri` as soon as a publication satisfies `predicate` (the
   * latest one already received counts). Default predicate: any publication.
   */
  waitForDiagnostics(
    uri: string,
    predicate: (diags: LspDiagnostic[], p: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 20_000,
  ): Promise<LspDiagnostic[]> {
    const cur = this.diagnostics.get(uri);
    if (cur && predicate(cur.diagnostics, cur)) return Promise.resolve(cur.diagnostics);
    return new Promise((res, rej) => {
      const waiter: Waiter = {
        uri,
        pred: (p) => predicate(p.diagnostics, p),
        resolve: (p) => {
          clearTimeout(timer);
          res(p.diagnostics);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        rej(new Error(`timeout waiting for diagnostics of ${uri}\n${this.stderr.join('')}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** didOpen, then the diagnostics published for that version. */
  async open(uri: string, text: string, languageId = 'xxgk-report'): Promise<LspDiagnostic[]> {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    this.diagnostics.delete(uri);
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return this.waitForDiagnostics(uri, (_, p) => p.version === undefined || p.version >= 1);
  }

  /** Replace the whole text (a full-content didChange), then the diagnostics of the new version. */
  async change(uri: string, text: string): Promise<LspDiagnostic[]> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return this.waitForDiagnostics(uri, (_, p) => p.version === undefined || p.version >= version);
  }

  close(uri: string): void {
    this.versions.delete(uri);
    this.texts.delete(uri);
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** The text this client last sent for `uri`. */
  text(uri: string): string | undefined {
    return this.texts.get(uri);
  }

  /** shutdown + exit; kills the process if it does not exit on its own. */
  async shutdown(): Promise<void> {
    const proc = this.proc;
    if (!proc) return;
    if (!this.exited) {
      try {
        await this.request('shutdown', null);
        this.notify('exit', null);
      } catch {
        /* already gone */
      }
      await new Promise<void>((res) => {
        if (this.exited) {
          res();
          return;
        }
        const timer = setTimeout(() => {
          proc.kill();
          res();
        }, 3000);
        proc.on('exit', () => {
          clearTimeout(timer);
          res();
        });
      });
    }
    this.waiters = [];
    this.proc = undefined;
  }

  // -------------------------------------------------------------------------------------------

  private send(msg: unknown): void {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.proc!.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  private onData(chunk: Buffer): void {
    this.buf = Buffer.concat([this.buf, chunk]);
    for (;;) {
      const headerEnd = this.buf.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buf.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length:\s*(\d+)/i.exec(header);
      if (!m) {
        this.buf = this.buf.subarray(headerEnd + 4);
        continue;
      }
      const len = Number(m[1]);
      if (this.buf.length < headerEnd + 4 + len) return;
      const body = this.buf.subarray(headerEnd + 4, headerEnd + 4 + len).toString('utf8');
      this.buf = this.buf.subarray(headerEnd + 4 + len);
      this.dispatch(
        JSON.parse(body) as {
          id?: number | string;
          method?: string;
          params?: unknown;
          result?: unknown;
          error?: { code: number; message: string };
        },
      );
    }
  }

  private dispatch(msg: {
    id?: number | string;
    method?: string;
    params?: unknown;
    result?: unknown;
    error?: { code: number; message: string };
  }): void {
    if (msg.method && msg.id !== undefined) {
      this.send({ jsonrpc: '2.0', id: msg.id, result: this.answer(msg.method, msg.params) });
      return;
    }
    if (msg.method) {
      this.notifications.push({ method: msg.method, params: msg.params });
      if (msg.method === 'textDocument/publishDiagnostics') {
        const p = msg.params as PublishDiagnosticsParams;
        this.diagnostics.set(p.uri, p);
        const ready = this.waiters.filter((w) => w.uri === p.uri && w.pred(p));
        this.waiters = this.waiters.filter((w) => !ready.includes(w));
        for (const w of ready) w.resolve(p);
      }
      return;
    }
    const p = this.pending.get(Number(msg.id));
    if (!p) return;
    this.pending.delete(Number(msg.id));
    clearTimeout(p.timer);
    if (msg.error) p.reject(new Error(`${p.method} failed: ${msg.error.message} (${msg.error.code})`));
    else p.resolve(msg.result ?? null);
  }

  private answer(method: string, params: unknown): unknown {
    switch (method) {
      case 'workspace/configuration': {
        const items = (params as { items?: { section?: string }[] }).items ?? [];
        return items.map((i) => (i.section === 'xxgk' || !i.section ? this.settings() : null));
      }
      case 'window/showDocument':
        this.shownDocuments.push(params as { uri: string; selection?: Range; takeFocus?: boolean });
        return { success: true };
      case 'workspace/applyEdit':
        this.appliedEdits.push((params as { edit: WorkspaceEdit }).edit);
        return { applied: true };
      case 'workspace/workspaceFolders':
        return this.options.workspaceFolders ?? null;
      default:
        return null;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers for assertions

/** Offset of an LSP position in `text` (UTF-16, like LSP). */
export function offsetAt(text: string, pos: Position): number {
  let line = 0,
    i = 0;
  while (line < pos.line && i < text.length) {
    const c = text.charCodeAt(i++);
    if (c === 10) line++;
    else if (c === 13) {
      if (text.charCodeAt(i) === 10) i++;
      line++;
    }
  }
  let end = i;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return Math.min(i + pos.character, end);
}

/** LSP position of an offset in `text`. */
export function positionAt(text: string, offset: number): Position {
  let line = 0,
    start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      start = i + 1;
    }
  }
  return { line, character: offset - start };
}

/** The position of the first occurrence of `needle` (plus `delta` characters) in `text`. */
export function positionOf(text: string, needle: string, delta = 0, from = 0): Position {
  const i = text.indexOf(needle, from);
  if (i < 0) throw new Error(`“${needle}” not found`);
  return positionAt(text, i + delta);
}

/** Apply LSP text edits (non-overlapping, as LSP requires) to a text. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const withOffsets = edits.map((e, k) => ({
    s: offsetAt(text, e.range.start),
    e: offsetAt(text, e.range.end),
    t: e.newText,
    k,
  }));
  withOffsets.sort((a, b) => b.s - a.s || b.e - a.e || b.k - a.k);
  let out = text;
  for (const e of withOffsets) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return out;
}

/** Apply the part of a workspace edit that concerns `uri`. */
export function applyWorkspaceEdit(text: string, uri: string, edit: WorkspaceEdit | undefined): string {
  if (!edit) return text;
  const edits: TextEdit[] = [...(edit.changes?.[uri] ?? [])];
  for (const dc of edit.documentChanges ?? []) if (dc.textDocument.uri === uri) edits.push(...dc.edits);
  return applyTextEdits(text, edits);
}
