/**
 * A minimal LSP client for the benchmark: the real bundled server (`node dist/server.js
 * --stdio`), JSON-RPC with Content-Length framing, incremental didChange as editors send it, and
 * the server's resident memory from /proc.
 */
import { availableParallelism } from 'node:os';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { serverExecArgv } from '../client/src/server-process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export interface Pos {
  line: number;
  character: number;
}
type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

export class BenchClient {
  private proc!: ChildProcessWithoutNullStreams;
  private buf = Buffer.alloc(0);
  private nextId = 1;
  private pending = new Map<number, Pending>();
  /** uri → version → callbacks waiting for that version's diagnostics */
  private waiting = new Map<string, { version: number; resolve: (n: number) => void }[]>();
  readonly published = new Map<string, { version: number; count: number }>();
  stderr = '';

  constructor(
    private readonly server: string,
    private readonly settings: Record<string, unknown>,
    private readonly root: string,
  ) {}

  async start(): Promise<Record<string, unknown>> {
    // started as the extension starts it (client/src/extension.ts)
    this.proc = spawn(process.execPath, [...serverExecArgv(availableParallelism()), this.server, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.proc.stdout.on('data', (c: Buffer) => this.onData(c));
    this.proc.stderr.on('data', (c: Buffer) => {
      this.stderr += c.toString('utf8');
    });
    const r = await this.request<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(this.root).toString(),
      workspaceFolders: null,
      locale: 'zh-cn',
      // no workspace/configuration: the settings below (initializationOptions) are the settings
      capabilities: {
        textDocument: {
          publishDiagnostics: { versionSupport: true, relatedInformation: true },
          completion: { completionItem: { snippetSupport: true } },
        },
      },
      initializationOptions: this.settings,
    });
    this.notify('initialized', {});
    return r.capabilities;
  }

  get pid(): number {
    return this.proc.pid!;
  }

  /** Resident set size of the server process, in MB (Linux /proc). */
  rssMb(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return m ? Number(m[1]) / 1024 : NaN;
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Resolves (with the number of diagnostics) when the diagnostics of `version` arrive. */
  diagnosticsOf(uri: string, version: number): Promise<number> {
    const cur = this.published.get(uri);
    if (cur && cur.version >= version) return Promise.resolve(cur.count);
    return new Promise((resolve) => {
      const list = this.waiting.get(uri) ?? [];
      list.push({ version, resolve });
      this.waiting.set(uri, list);
    });
  }

  open(uri: string, text: string): Promise<number> {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'xxgk-report', version: 1, text } });
    return this.diagnosticsOf(uri, 1);
  }

  change(uri: string, version: number, range: { start: Pos; end: Pos }, text: string): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
      this.notify('exit', null);
    } catch {
      /* gone already */
    }
    setTimeout(() => {
      if (this.proc.exitCode === null) this.proc.kill();
    }, 1000).unref();
  }

  private send(msg: unknown): void {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  private onData(chunk: Buffer): void {
    this.buf = Buffer.concat([this.buf, chunk]);
    for (;;) {
      const sep = this.buf.indexOf('\r\n\r\n');
      if (sep < 0) return;
      const m = /Content-Length: *(\d+)/i.exec(this.buf.subarray(0, sep).toString('ascii'));
      const len = m ? Number(m[1]) : 0;
      if (this.buf.length < sep + 4 + len) return;
      const msg = JSON.parse(this.buf.subarray(sep + 4, sep + 4 + len).toString('utf8')) as {
        id?: number;
        method?: string;
        params?: unknown;
        result?: unknown;
        error?: { message: string };
      };
      this.buf = this.buf.subarray(sep + 4 + len);
      this.dispatch(msg);
    }
  }

  private dispatch(msg: {
    id?: number;
    method?: string;
    params?: unknown;
    result?: unknown;
    error?: { message: string };
  }): void {
    if (msg.method && msg.id !== undefined) {
      // a request from the server (registerCapability, workDoneProgress/create…): accept
      this.send({ jsonrpc: '2.0', id: msg.id, result: null });
      return;
    }
    if (msg.method === 'textDocument/publishDiagnostics') {
      const p = msg.params as { uri: string; version?: number; diagnostics: unknown[] };
      const version = p.version ?? 0;
      this.published.set(p.uri, { version, count: p.diagnostics.length });
      const list = this.waiting.get(p.uri);
      if (list) {
        const ready = list.filter((w) => w.version <= version);
        this.waiting.set(
          p.uri,
          list.filter((w) => w.version > version),
        );
        for (const w of ready) w.resolve(p.diagnostics.length);
      }
      return;
    }
    if (msg.id !== undefined) {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error) p.reject(new Error(msg.error.message));
      else p.resolve(msg.result);
    }
  }
}
