/**
 * A rule that throws: its findings are replaced by one `internal` diagnostic naming it, every
 * other rule still reports, and the language server publishes that, logs it and keeps answering.
 * The server runs in this process (over in-memory streams) so that a failing rule can be put in.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { checkText } from '../../server/src/engine/check';
import { IncrementalChecker } from '../../server/src/engine/incremental';
import { RULES } from '../../server/src/engine/rules';
import { defineRule, type Rule } from '../../server/src/engine/rule';
import { createServer } from '../../server/src/server';
import { nodeServerDeps } from '../../server/src/node/platform';
import { EXAMPLE, NOW, edit } from '../helpers/fixtures';

const WRONG = edit(
  EXAMPLE(),
  '| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |',
  '| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 5 |',
);

function throwing(id: string, what: () => never): Rule {
  return defineRule({
    id,
    severity: 'error',
    fixable: false,
    tables: 'none',
    description: 'internal.description',
    check() {
      what();
    },
  });
}
const boom = throwing('boom', () => {
  throw new Error('kaboom');
});
const recursive = throwing('deep', () => {
  const f = (n: number): number => f(n + 1) + 1;
  f(0);
  throw new Error('unreachable');
});
const notAnError = throwing('odd', () => {
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- the case under test: a rule that throws a non-Error
  throw 'a string';
});

/** Run `f` with `rule` put among the registered rules (second place), then take it out. */
function withRule<T>(rule: Rule, f: () => T): T {
  const rules = RULES as Rule[];
  rules.splice(1, 0, rule);
  try {
    return f();
  } finally {
    rules.splice(rules.indexOf(rule), 1);
  }
}

test('a throwing rule becomes one internal diagnostic; the other rules still report', () => {
  const baseline = checkText(WRONG, { now: NOW }).diagnostics;
  assert.ok(baseline.some((d) => d.rule === 'sum-row'));
  for (const rule of [boom, recursive, notAnError]) {
    for (const incremental of [true, false]) {
      const ds = withRule(rule, () => checkText(WRONG, { now: NOW, incremental }).diagnostics);
      const internal = ds.filter((d) => d.rule === 'internal');
      assert.equal(internal.length, 1, rule.id);
      assert.equal(internal[0].fingerprint, `internal/${rule.id}`);
      assert.match(internal[0].message, new RegExp(`规则 ${rule.id} 在检查本文件时出错，已跳过`));
      assert.deepEqual(
        ds.filter((d) => d.rule !== 'internal'),
        baseline,
        `${rule.id}: every other finding is still there`,
      );
    }
  }
  // as an extra (cross-file) rule, and through the incremental checker the server uses
  const viaExtra = checkText(WRONG, { now: NOW, extraRules: [boom] }).diagnostics;
  assert.deepEqual(
    viaExtra.filter((d) => d.rule === 'internal').map((d) => d.fingerprint),
    ['internal/boom'],
  );
  const inc = new IncrementalChecker();
  const first = withRule(boom, () => inc.check(WRONG, { now: NOW }).diagnostics);
  assert.equal(first.filter((d) => d.rule === 'internal').length, 1);
  const again = withRule(boom, () => inc.check(EXAMPLE(), { now: NOW }).diagnostics);
  assert.deepEqual(
    again.map((d) => d.rule),
    ['internal'],
    'the clean example draws only the failure',
  );
  assert.match(
    checkText(WRONG, { now: NOW, locale: 'en', extraRules: [boom] }).diagnostics.find((d) => d.rule === 'internal')!
      .message,
    /Rule boom failed on this file and was skipped: kaboom/,
  );
});

test('the language server publishes and logs the failure, and keeps answering', { timeout: 30_000 }, async () => {
  const toServer = new PassThrough();
  const fromServer = new PassThrough();
  const rules = RULES as Rule[];
  rules.splice(1, 0, boom);
  const serverConnection = createConnection(ProposedFeatures.all, toServer, fromServer);
  const client = createMessageConnection(new StreamMessageReader(fromServer), new StreamMessageWriter(toServer));
  const logs: string[] = [];
  const published: { uri: string; diagnostics: { code?: string | number; message: string }[] }[] = [];
  client.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
  });
  client.onNotification(
    'textDocument/publishDiagnostics',
    (p: { uri: string; diagnostics: { code?: string | number; message: string }[] }) => {
      published.push(p);
    },
  );
  client.onRequest(() => null);
  client.listen();
  try {
    createServer(serverConnection, nodeServerDeps());
    await client.sendRequest('initialize', {
      processId: null,
      rootUri: null,
      capabilities: {},
      initializationOptions: { debounceMs: 0 },
    });
    client.sendNotification('initialized', {});
    const uri = 'untitled:rule-failure.xxgk.md';
    client.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'xxgk-report', version: 1, text: WRONG },
    });
    const syms = await client.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(Array.isArray(syms) && syms.length === 1, 'the outline is still answered');
    const deadline = Date.now() + 20_000;
    while (!published.some((p) => p.uri === uri) && Date.now() < deadline)
      await new Promise((res) => setTimeout(res, 20));
    const last = published.filter((p) => p.uri === uri).at(-1)!;
    assert.deepEqual(last.diagnostics.map((d) => d.code).sort(), ['internal', 'sum-row']);
    assert.ok(
      logs.some((m) => /a check failed on untitled:rule-failure\.xxgk\.md: 规则 boom/.test(m)),
      logs.join('\n'),
    );
    const hover = await client.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: 0 },
    });
    assert.notEqual(hover, undefined);
  } finally {
    // the streams stay open: the server exits the process when its input ends
    rules.splice(rules.indexOf(boom), 1);
    client.dispose();
    serverConnection.dispose();
  }
});
