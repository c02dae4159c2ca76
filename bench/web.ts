/**
 * The language server in a browser (issue 15): edit → diagnostics in a Chromium Web Worker
 * (dist/web/server.js, the browser build) against the Node server (dist/server.js over stdio), on
 * the 100 KB realistic report, with the same random cell edits (each changed and changed back).
 * The worker's client runs inside the page, so no DevTools round trip is timed. Writes the
 * `web` part of bench/results.json (the rest is `npm run bench`'s) and prints it.
 *
 *   npm run bench:web            (playwright-core, Debian's chromium: CHROMIUM_PATH)
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { DEFAULT_SETTINGS } from '../server/src/features/state';
import { realisticReport, rng } from './gen';
import { BenchClient } from './lsp';
import { cellEditPairs, timeEdits, untilDiagnosed, type CellEdit } from './edits';

const ROOT = ((): string => {
  let d = __dirname;
  while (!existsSync(join(d, 'package.json')) && dirname(d) !== d) d = dirname(d);
  return d;
})();
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROUNDS = Number(process.env.BENCH_WEB_ROUNDS ?? 100);
const WARM = 10;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(0.5 * s.length) - 1))];
}

async function nodeRun(text: string, list: CellEdit[]): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-bench-web-'));
  const client = new BenchClient(join(ROOT, 'dist', 'server.js'), { ...DEFAULT_SETTINGS, debounceMs: 0 }, dir);
  try {
    await client.start();
    const uri = pathToFileURL(join(dir, 'report.xxgk.md')).toString();
    await client.open(uri, text);
    return await timeEdits(list, untilDiagnosed(client, uri), WARM * 2);
  } finally {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs in the page: starts the worker from its script, opens the report, times each edit → its diagnostics. */
function inPage(arg: { script: string; text: string; edits: CellEdit[]; settings: unknown }): Promise<number[]> {
  const g = globalThis as unknown as {
    Blob: new (parts: string[], o: { type: string }) => object;
    URL: { createObjectURL(b: object): string };
    Worker: new (u: string) => {
      postMessage(m: unknown): void;
      onmessage: ((e: { data: Record<string, unknown> }) => void) | null;
      terminate(): void;
    };
  };
  const worker = new g.Worker(g.URL.createObjectURL(new g.Blob([arg.script], { type: 'text/javascript' })));
  const uri = 'file:///bench/report.xxgk.md';
  let id = 0;
  const answers = new Map<number, (v: unknown) => void>();
  const published = new Map<number, () => void>();
  let latest = 0;
  worker.onmessage = (e) => {
    const m = e.data;
    if (typeof m.id === 'number' && !m.method) answers.get(m.id)?.(m.result);
    else if (m.id !== undefined && typeof m.method === 'string')
      // the server's own requests (files next to the report): nothing to read here
      worker.postMessage({ jsonrpc: '2.0', id: m.id, error: { code: -32603, message: 'no files in the bench' } });
    else if (m.method === 'textDocument/publishDiagnostics') {
      const v = (m.params as { version?: number }).version ?? 0;
      latest = Math.max(latest, v);
      published.get(v)?.();
    }
  };
  const request = (method: string, params: unknown): Promise<unknown> =>
    new Promise((resolve) => {
      answers.set(++id, resolve);
      worker.postMessage({ jsonrpc: '2.0', id, method, params });
    });
  const notify = (method: string, params: unknown): void => worker.postMessage({ jsonrpc: '2.0', method, params });
  const diagnosticsOf = (v: number): Promise<void> =>
    latest >= v ? Promise.resolve() : new Promise((r) => published.set(v, r));
  return (async () => {
    await request('initialize', {
      processId: null,
      rootUri: null,
      workspaceFolders: null,
      locale: 'zh-cn',
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
      initializationOptions: arg.settings,
    });
    notify('initialized', {});
    notify('textDocument/didOpen', { textDocument: { uri, languageId: 'xxgk-report', version: 1, text: arg.text } });
    await diagnosticsOf(1);
    const xs: number[] = [];
    for (const e of arg.edits) {
      const t = performance.now();
      notify('textDocument/didChange', {
        textDocument: { uri, version: e.version },
        contentChanges: [{ range: e.range, text: e.text }],
      });
      await diagnosticsOf(e.version);
      xs.push(performance.now() - t);
    }
    worker.terminate();
    return xs;
  })();
}

async function workerRun(text: string, list: CellEdit[]): Promise<number[]> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent('<!DOCTYPE html><title>xxgk web bench</title>');
    const script = readFileSync(join(ROOT, 'dist', 'web', 'server.js'), 'utf8');
    const xs = await page.evaluate(inPage, {
      script,
      text,
      edits: list,
      settings: { ...DEFAULT_SETTINGS, debounceMs: 0 },
    });
    return xs.slice(WARM * 2);
  } finally {
    await browser.close();
  }
}

const round = (x: number, d = 3): number => Math.round(x * 10 ** d) / 10 ** d;

async function main(): Promise<void> {
  const example = readFileSync(join(ROOT, 'test', 'fixtures', 'example-2022.xxgk.md'), 'utf8');
  const text = realisticReport(example);
  // the edits of the Node bench's server case: a random number cell changed, then changed back
  const list = cellEditPairs(text, ROUNDS + WARM, rng(11));
  const node = median(await nodeRun(text, list));
  const worker = median(await workerRun(text, list));
  const size = (f: string): number => statSync(join(ROOT, 'dist', 'web', f)).size;
  const web = {
    date: new Date().toISOString(),
    chromium: CHROMIUM,
    reportBytes: Buffer.byteLength(text),
    edits: ROUNDS * 2,
    editMedianMsNode: round(node),
    editMedianMsWorker: round(worker),
    editRatio: round(worker / node, 2),
    editRatioGoal: 2,
    bundleBytes: { server: size('server.js'), extension: size('extension.js') },
    bundleBudgetBytes: 3 * 1024 * 1024,
    note: 'edit → publishDiagnostics of that version, debounce 0, 100 KB realistic report: dist/server.js over stdio vs dist/web/server.js in a Chromium dedicated worker (the client inside the page)',
  };
  const file = join(ROOT, 'bench', 'results.json');
  const all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  all.web = web;
  writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(web, null, 2)}\n`);
  if (web.editRatio > web.editRatioGoal) process.exitCode = 1;
}

void main();
