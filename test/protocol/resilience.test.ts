/**
 * Server resilience: the real server process (dist/server.js over stdio) takes thousands of
 * random incremental edits — cells, prose, structure, line breaks of every kind, random Unicode,
 * several changes in one notification, whole-text replacements — on several documents, with
 * opens, closes and requests of every kind interleaved and not awaited. At the end it is alive,
 * every request was answered, nothing was logged as failed, and each document's last published
 * diagnostics are exactly what a fresh check of its final text gives.
 *
 * RESILIENCE_STEPS sets the number of steps (default 3000); the seed is fixed.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { checkText } from '../../server/src/engine/check';
import { LspClient, positionAt, type LspDiagnostic, type Position } from './client';
import { EXAMPLE, fixture } from '../helpers/fixtures';
import { rng } from '../hostile/inputs';

const STEPS = Number(process.env.RESILIENCE_STEPS ?? 3000);
const SEED = Number(process.env.RESILIENCE_SEED ?? 20230131);
/** cross-year findings depend on the other reports in the workspace, not on the text alone */
const CROSS_YEAR = new Set(['carryover', 'valid-docs']);
const SEVERITY: Record<string, number> = { error: 1, warning: 2, info: 3, hint: 4 };

const r = rng(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (n: number): number => Math.floor(r() * n);

const CELLS = [
  '0',
  '1',
  '7',
  '12',
  '3984',
  '',
  '—',
  '无',
  '1,756',
  '１２',
  '-3',
  '2.5',
  'abc',
  '**4**',
  '6件',
  '\u200b5',
];
const SNIPPETS = [
  '## 七、其他事项\n',
  '# 标题\n',
  '### （六）小节\n',
  '```\n',
  '~~~\n',
  '<!--\n',
  '-->\n',
  '<div>\n',
  '\n',
  '> 引用\n',
  '- 列表\n',
  '1. 编号\n',
  '| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n',
  '| 一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n',
  '=====\n',
  '[a]: http://x\n',
  '<!-- xxgk-disable-next-line cell-empty -->\n',
  '收到申请3件。\n',
  '---\n',
  '\\\n',
];
const CHARS = [
  '|',
  ' | ',
  '\r\n',
  '\r',
  '\n',
  '\t',
  '\u3000',
  '\ufeff',
  '\u200b',
  '\ud800',
  '\udc00',
  '😀',
  '#',
  '`',
  '*',
  '１',
  '5',
  '件',
  '（',
  '）',
  '“',
  '\u0000',
  '\u2028',
];

interface Doc {
  uri: string;
  start: string;
  text: string;
  version: number;
  open: boolean;
}

/** An offset that does not fall between the \r and \n of a CRLF (LSP positions cannot say it). */
function settle(text: string, o: number): number {
  return text.charCodeAt(o - 1) === 13 && text.charCodeAt(o) === 10 ? o + 1 : o;
}

/** A random change [start, end) → newText on `text`. */
function randomChange(text: string): { start: number; end: number; newText: string } {
  const k = r();
  if (k < 0.35) {
    // a table cell: between two pipes of one line
    const pipes: number[] = [];
    for (let i = text.indexOf('|'); i >= 0 && pipes.length < 2000; i = text.indexOf('|', i + 1)) pipes.push(i);
    if (pipes.length > 1) {
      const a = int(pipes.length - 1);
      const s = pipes[a] + 1,
        e = pipes[a + 1];
      if (!/[\r\n]/.test(text.slice(s, e))) return { start: s, end: e, newText: ` ${pick(CELLS)} ` };
    }
  }
  const at = settle(text, int(text.length + 1));
  if (k < 0.6) return { start: at, end: at, newText: pick(CHARS) };
  if (k < 0.72) {
    const ls = text.lastIndexOf('\n', at - 1) + 1;
    return { start: ls, end: ls, newText: pick(SNIPPETS) };
  }
  if (k < 0.82) {
    // a few lines of a real report pasted at a line start
    const ex = EXAMPLE();
    const from = ex.lastIndexOf('\n', int(ex.length)) + 1;
    const to = ex.indexOf('\n', Math.min(ex.length, from + int(600)));
    const ls = text.lastIndexOf('\n', at - 1) + 1;
    return { start: ls, end: ls, newText: ex.slice(from, to < 0 ? ex.length : to + 1) };
  }
  if (k < 0.9) {
    const end = settle(text, Math.min(text.length, at + 1 + int(20)));
    return { start: at, end, newText: '' };
  }
  const end = settle(text, Math.min(text.length, at + int(10)));
  let s = '';
  for (let i = int(6); i > 0; i--) s += String.fromCharCode(int(0x10000));
  return { start: at, end, newText: s };
}

const client = new LspClient({ timeoutMs: 60_000, settings: { debounceMs: 20 } });
before(async () => {
  await client.start();
});
after(async () => {
  await client.shutdown();
});

test(`the server survives ${STEPS} random steps and ends consistent`, { timeout: 600_000 }, async (t) => {
  const docs: Doc[] = [
    { uri: client.uri('resilience-a.xxgk.md'), start: EXAMPLE(), text: '', version: 0, open: false },
    {
      uri: client.uri('resilience-b.xxgk.md'),
      start: fixture('seed001-2020.xxgk.md'),
      text: '',
      version: 0,
      open: false,
    },
    {
      uri: client.uri('resilience-c.xxgk.md'),
      start: EXAMPLE().replace(/\n/g, '\r\n'),
      text: '',
      version: 0,
      open: false,
    },
    { uri: client.uri('resilience-d.xxgk.md'), start: '', text: '', version: 0, open: false },
  ];
  for (const d of docs) d.text = d.start;
  const open = (d: Doc): void => {
    d.version++;
    d.open = true;
    client.notify('textDocument/didOpen', {
      textDocument: { uri: d.uri, languageId: 'xxgk-report', version: d.version, text: d.text },
    });
  };
  let pending: Promise<unknown>[] = [];
  const failures: string[] = [];
  let answered = 0;
  const settleRequests = async (): Promise<void> => {
    const results = await Promise.allSettled(pending);
    pending = [];
    for (const x of results) {
      if (x.status === 'fulfilled') answered++;
      // a method a feature has not registered yet answers MethodNotFound: fine; anything else is not
      else if (!/\(-32601\)/.test(String(x.reason))) failures.push(String(x.reason).split('\n')[0]);
    }
  };
  const requestAbout = (d: Doc): void => {
    const lines = d.text.split(/\r\n|\r|\n/).length;
    const position: Position =
      r() < 0.9
        ? positionAt(d.text, settle(d.text, int(d.text.length + 1)))
        : { line: int(lines + 5), character: int(200) };
    const whole = { start: { line: 0, character: 0 }, end: { line: lines + 1, character: 0 } };
    const td = { textDocument: { uri: d.uri } };
    const [method, params] = pick<[string, unknown]>([
      ['textDocument/completion', { ...td, position }],
      ['textDocument/hover', { ...td, position }],
      ['textDocument/codeAction', { ...td, range: { start: position, end: position }, context: { diagnostics: [] } }],
      ['textDocument/codeAction', { ...td, range: whole, context: { diagnostics: [], only: ['source.fixAll.xxgk'] } }],
      ['textDocument/documentSymbol', td],
      ['textDocument/foldingRange', td],
      ['textDocument/formatting', { ...td, options: { tabSize: 2, insertSpaces: true } }],
      [
        'textDocument/rangeFormatting',
        {
          ...td,
          range: { start: { line: 0, character: 0 }, end: position },
          options: { tabSize: 2, insertSpaces: true },
        },
      ],
      ['textDocument/codeLens', td],
      ['textDocument/inlayHint', { ...td, range: whole }],
      ['workspace/symbol', { query: pick(['', '三', '西塞山', 'x']) }],
    ]);
    pending.push(client.request(method, params));
  };

  for (const d of docs) open(d);
  let edits = 0,
    closes = 0;
  for (let step = 0; step < STEPS; step++) {
    const d = pick(docs);
    if (!d.open) {
      open(d);
      continue;
    }
    const k = r();
    if (k < 0.65) {
      let contentChanges: unknown[];
      if (r() < 0.03) {
        // the whole text at once, as some editors send it (now and then the report as it began)
        const c = randomChange(d.text);
        d.text = r() < 0.3 ? d.start : d.text.slice(0, c.start) + c.newText + d.text.slice(c.end);
        contentChanges = [{ text: d.text }];
      } else {
        // one to three changes, each on the text the previous one left
        contentChanges = [];
        for (let n = 1 + (r() < 0.2 ? int(3) : 0); n > 0; n--) {
          const c = randomChange(d.text);
          contentChanges.push({
            range: { start: positionAt(d.text, c.start), end: positionAt(d.text, c.end) },
            text: c.newText,
          });
          d.text = d.text.slice(0, c.start) + c.newText + d.text.slice(c.end);
        }
      }
      d.version++;
      client.notify('textDocument/didChange', { textDocument: { uri: d.uri, version: d.version }, contentChanges });
      edits++;
    } else if (k < 0.97) {
      requestAbout(d);
    } else {
      client.notify('textDocument/didClose', { textDocument: { uri: d.uri } });
      d.open = false;
      closes++;
      if (r() < 0.5) requestAbout(d); // about a closed document: an empty answer
    }
    if (step % 100 === 99) await settleRequests();
  }
  for (const d of docs) if (!d.open) open(d);
  await settleRequests();
  assert.deepEqual(failures, [], 'every request was answered');
  assert.ok(
    edits > STEPS / 2 && closes > 0 && answered > STEPS / 5,
    `${edits} edits, ${closes} closes, ${answered} answers`,
  );
  t.diagnostic(
    `${edits} edits, ${closes} closes, ${answered} requests answered; final lengths ${docs.map((d) => d.text.length).join(', ')}`,
  );

  // consistent: the last diagnostics of each document are those of a fresh check of its text
  const norm = (ds: { code?: string | number; severity?: number; message: string; range: LspDiagnostic['range'] }[]) =>
    ds
      .filter((x) => !CROSS_YEAR.has(String(x.code)))
      .map((x) => ({ code: String(x.code), severity: x.severity, message: x.message, range: x.range }));
  for (const d of docs) {
    const published = await client.waitForDiagnostics(d.uri, (_, p) => p.version === d.version, 60_000);
    const fresh = checkText(d.text, { locale: 'zh' }).diagnostics.map((x) => ({
      code: x.rule,
      severity: SEVERITY[x.severity],
      message: x.message,
      range: x.range,
    }));
    assert.deepStrictEqual(
      norm(published),
      norm(fresh),
      `${d.uri}: the published diagnostics are those of the final text`,
    );
    t.diagnostic(
      `${d.uri.replace(/.*\//, '')}: ${published.length} diagnostics (${[...new Set(published.map((x) => x.code))].join(' ')})`,
    );
    // and the server's view of the text is the client's: the outline of the final text comes back
    const syms = await client.request('textDocument/documentSymbol', { textDocument: { uri: d.uri } });
    assert.ok(Array.isArray(syms));
  }
  const logged = client.notifications
    .filter((n) => n.method === 'window/logMessage' && (n.params as { type: number }).type === 1)
    .map((n) => (n.params as { message: string }).message)
    .filter((m) => /failed|unhandled/.test(m));
  assert.deepEqual(logged, [], 'nothing logged as failed');
});
