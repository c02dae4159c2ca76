/**
 * The architecture as the code must keep it (ARCHITECTURE.md): no import cycles; the client holds
 * no engine or render code (it imports only types from server/src); the server core (server.ts and
 * everything it imports) uses no Node module, so that a browser worker can run it; no dependency
 * between the CLI and the server; and which files are reports is defined once, package.json agreeing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { REPORT_FILE, REPORT_GLOBS } from '../../server/src/engine/report-files';

function repoRoot(): string {
  let d = process.cwd();
  while (!existsSync(join(d, 'server', 'src', 'server.ts'))) {
    const up = dirname(d);
    if (up === d) throw new Error('repository root not found');
    d = up;
  }
  return d;
}
const ROOT = repoRoot();

interface Import {
  spec: string;
  /** the resolved source file, for relative imports */
  target?: string;
  typeOnly: boolean;
  line: number;
}

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (e.endsWith('.ts')) out.push(p);
  }
  return out;
}

function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  for (const c of [`${base}.ts`, join(base, 'index.ts'), base]) if (existsSync(c) && statSync(c).isFile()) return c;
  return undefined;
}

const importCache = new Map<string, Import[]>();
function importsOf(file: string): Import[] {
  const hit = importCache.get(file);
  if (hit) return hit;
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const out: Import[] = [];
  const add = (spec: string, typeOnly: boolean, node: ts.Node): void => {
    out.push({
      spec,
      target: resolveImport(file, spec),
      typeOnly,
      line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1,
    });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const c = node.importClause;
      const typeOnly =
        !!c &&
        (c.isTypeOnly ||
          (!c.name &&
            !!c.namedBindings &&
            ts.isNamedImports(c.namedBindings) &&
            c.namedBindings.elements.length > 0 &&
            c.namedBindings.elements.every((e) => e.isTypeOnly)));
      add(node.moduleSpecifier.text, typeOnly, node);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node.isTypeOnly, node);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      add(node.arguments[0].text, false, node);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  importCache.set(file, out);
  return out;
}

const rel = (f: string): string => relative(ROOT, f).split('\\').join('/');

/** Every cycle of the import graph (type-only imports count: they tie modules as much as the reader goes). */
function cycles(files: string[]): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string): void => {
    state.set(f, 'open');
    stack.push(f);
    for (const imp of importsOf(f)) {
      if (!imp.target) continue;
      const s = state.get(imp.target);
      if (s === 'open') found.push([...stack.slice(stack.indexOf(imp.target)), imp.target].map(rel));
      else if (!s) visit(imp.target);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of files) if (!state.has(f)) visit(f);
  return found;
}

/** The files `entry` reaches through value imports (what a bundle of it contains). */
function reach(entry: string): Map<string, Import[]> {
  const seen = new Map<string, Import[]>();
  const go = (f: string): void => {
    if (seen.has(f)) return;
    const imps = importsOf(f).filter((i) => !i.typeOnly);
    seen.set(f, imps);
    for (const i of imps) if (i.target) go(i.target);
  };
  go(entry);
  return seen;
}

const SERVER = join(ROOT, 'server', 'src');
const CLIENT = join(ROOT, 'client', 'src');

test('no import cycle in server/src or client/src', () => {
  const all = [...sources(SERVER), ...sources(CLIENT)];
  assert.deepEqual(cycles(all), []);
});

test('the client imports nothing from server/src but types', () => {
  const bad: string[] = [];
  for (const f of sources(CLIENT))
    for (const i of importsOf(f))
      if (i.target?.startsWith(SERVER) && !i.typeOnly) bad.push(`${rel(f)}:${i.line} ${i.spec}`);
  assert.deepEqual(bad, []);
  // and so the extension's bundle holds no engine, render or Markdown code
  const bundle = join(ROOT, 'dist', 'extension.js');
  if (existsSync(bundle)) {
    const text = readFileSync(bundle, 'utf8');
    for (const marker of ['codeFenced', 'xxgk-disable', 'w:tbl', 'www.w3.org/1999/xhtml'])
      assert.ok(!text.includes(marker), `dist/extension.js contains ${marker}`);
  }
});

test('the server core is platform neutral: no Node module, process or __dirname in what server.ts reaches', () => {
  const bad: string[] = [];
  const nodeModules = new Set(['fs', 'path', 'url', 'os', 'child_process', 'worker_threads', 'crypto', 'stream']);
  for (const [f, imps] of reach(join(SERVER, 'server.ts'))) {
    for (const i of imps)
      if (i.spec.startsWith('node:') || nodeModules.has(i.spec) || /^vscode-languageserver\/node$/.test(i.spec))
        bad.push(`${rel(f)}:${i.line} imports ${i.spec}`);
    const text = readFileSync(f, 'utf8');
    if (/\b__dirname\b|\bprocess\.(env|argv|on|cwd|exit|pid)\b/.test(text.replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '')))
      bad.push(`${rel(f)} uses process or __dirname`);
  }
  assert.deepEqual(bad, []);
  // and nothing in workspace/ or features/ does either, reached or not
  for (const dir of ['workspace', 'features'])
    for (const f of sources(join(SERVER, dir)))
      for (const i of importsOf(f)) assert.ok(!i.spec.startsWith('node:'), `${rel(f)} imports ${i.spec}`);
});

test('no dependency between the CLI and the server, nor from the workspace to the CLI', () => {
  const bad: string[] = [];
  const inDir = (f: string | undefined, d: string): boolean => !!f && f.startsWith(join(SERVER, d) + '/');
  const isServer = (f: string | undefined): boolean =>
    f === join(SERVER, 'server.ts') ||
    f === join(SERVER, 'serverMain.ts') ||
    inDir(f, 'features') ||
    inDir(f, 'workspace') ||
    inDir(f, 'node');
  for (const f of sources(SERVER))
    for (const i of importsOf(f)) {
      if (inDir(f, 'cli') && isServer(i.target)) bad.push(`${rel(f)} → ${i.spec}`);
      if (!inDir(f, 'cli') && inDir(i.target, 'cli')) bad.push(`${rel(f)} → ${i.spec}`);
    }
  assert.deepEqual(bad, []);
});

test('which files are reports: package.json agrees with the one definition', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    contributes: { languages: { id: string; extensions?: string[]; filenamePatterns?: string[] }[] };
  };
  const lang = pkg.contributes.languages.find((l) => l.id === 'xxgk-report');
  assert.ok(lang);
  const globs = [...(lang.extensions ?? []).map((e) => `*${e}`), ...(lang.filenamePatterns ?? [])];
  assert.deepEqual(globs.map((g) => `**/${g}`).sort(), [...REPORT_GLOBS].sort());
  // each glob's example names match the pattern, and names that are not reports do not
  for (const name of ['a.xxgk.md', 'X市2023年政府信息公开工作年度报告.md', '2022年报.md', 'a/b/年度报告-final.md'])
    assert.ok(REPORT_FILE.test(name), name);
  for (const name of ['README.md', 'a.xxgk.md.bak', 'notes.txt', '年度报告.txt'])
    assert.ok(!REPORT_FILE.test(name), name);
});
