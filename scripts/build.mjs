// Bundles the extension client, the language server and the CLI into CommonJS (dist/), and the
// tests and benchmark into out/. remark and unified are ESM-only: esbuild bundles them.
import { build } from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pdfjsWorkerInWorker, webChunks } from './web-plugins.mjs';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
};

/**
 * The browser builds (package.json `browser`): the extension for a browser's extension host
 * (CommonJS, `vscode` external) and the language server for a Web Worker (one classic script:
 * the extension starts it from a Blob). The `worker` condition, or a dependency's browser build
 * reaches for `document`. No Node built-in may be reached: the build fails if one is.
 */
export const WEB_BUDGET_BYTES = 3 * 1024 * 1024;

function webBuilds() {
  const web = {
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    sourcemap: true,
    logLevel: 'warning',
    legalComments: 'none',
    minify: !watch,
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  };
  return [
    // the integration suite for a browser's extension host (test/web/index.ts; node test/e2e/run.mjs web)
    build({
      ...web,
      minify: false,
      entryPoints: { index: 'test/web/index.ts' },
      outdir: 'out/web-test',
      format: 'cjs',
      external: ['vscode'],
      alias: { 'node:assert/strict': './test/web/assert.ts' },
      loader: { '.md': 'text', '.html': 'text' },
    }),
    build({
      ...web,
      entryPoints: { extension: 'client/src/web.ts' },
      outdir: 'dist/web',
      format: 'cjs',
      external: ['vscode'],
    }),
    (async () => {
      const chunks = new Map();
      const worker = {
        ...web,
        format: 'iife',
        conditions: ['worker', 'browser'],
        plugins: [webChunks(chunks), pdfjsWorkerInWorker],
      };
      await build({ ...worker, entryPoints: { server: 'server/src/browserMain.ts' }, outdir: 'dist/web' });
      // each chunk: one script that registers the module's exports under its name (chunks.ts)
      await Promise.all(
        [...chunks].map(([name, path]) =>
          build({
            ...worker,
            stdin: {
              contents: `import * as m from ${JSON.stringify(path)};\n(globalThis.__xxgkChunks ??= {})[${JSON.stringify(name)}] = m;`,
              resolveDir: dirname(path),
              loader: 'js',
            },
            outfile: `dist/web/chunks/${name}.js`,
          }),
        ),
      );
    })(),
  ];
}

function findTests(dir) {
  const out = [];
  let entries = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) {
      if (e !== 'fixtures' && e !== 'e2e' && e !== 'workspace' && e !== 'web') out.push(...findTests(p));
    } else if (/\.test\.ts$/.test(e) || (/^(runTest|index|helpers)\.ts$/.test(e) && dir.includes('vscode')))
      out.push(p);
  }
  return out;
}

// the official forms: validated and compiled to server/src/engine/forms/forms.generated.json, which
// every bundle below includes (an invalid form stops the build here, with zod's message)
await build({ ...common, entryPoints: ['scripts/gen-forms.ts'], outfile: 'out/gen-forms.cjs', sourcemap: false });
{
  const { execFileSync } = await import('node:child_process');
  execFileSync(process.execPath, ['out/gen-forms.cjs'], { stdio: 'inherit' });
}

// out/ is not wiped: several builds may run at once; stale outputs are harmless (tests are found by name)
const jobs = [
  build({
    ...common,
    entryPoints: { extension: 'client/src/extension.ts' },
    outdir: 'dist',
    external: ['vscode'],
    minify: !watch,
  }),
  build({
    ...common,
    entryPoints: {
      server: 'server/src/serverMain.ts',
      cli: 'server/src/cli/bin.ts',
      worker: 'server/src/cli/worker.ts',
      review: 'server/src/cli/review/command.ts',
      'review-worker': 'server/src/cli/review/worker.ts',
      // the CLI's other commands, each its own bundle: `xxgk check` loads none of them
      'cli-render': 'server/src/cli/render.ts',
      'cli-new': 'server/src/cli/new.ts',
      'cli-import': 'server/src/cli/import.ts',
      // the PDF library, the Word and the HTML readers: loaded only when such a file is imported
      'importer-pdf': 'server/src/importers/pdf.ts',
      'importer-docx': 'server/src/importers/docx.ts',
      'importer-html': 'server/src/importers/html.ts',
    },
    outdir: 'dist',
    minify: !watch,
    // cli/commands.ts imports the commands lazily: at run time, from their own bundles
    supported: { 'dynamic-import': false },
    plugins: [
      {
        name: 'cli-command-bundles',
        setup(b) {
          b.onResolve({ filter: /^\.\/(render|new|import)$/ }, (args) =>
            /cli[\\/]commands\.ts$/.test(args.importer)
              ? { path: `./cli-${args.path.slice(2)}.js`, external: true }
              : undefined,
          );
          b.onResolve({ filter: /^\.\/review\/command$/ }, (args) =>
            /cli[\\/]commands\.ts$/.test(args.importer) ? { path: './review.js', external: true } : undefined,
          );
          // importers/index.ts imports the PDF, Word and HTML readers lazily: from their own bundles, so
          // that neither dist/cli.js nor dist/server.js parses pdfjs, mammoth or parse5 at start-up
          b.onResolve({ filter: /^\.\/(pdf|docx|html)$/ }, (args) =>
            /importers[\\/]index\.ts$/.test(args.importer)
              ? { path: `./importer-${args.path.slice(2)}.js`, external: true }
              : undefined,
          );
        },
      },
    ],
  }),
  ...webBuilds(),
];
const tests = findTests('test');
if (tests.length) {
  const vscodeTests = tests.filter((p) => p.includes(`${'vscode'}`) && p.startsWith(join('test', 'vscode')));
  const plain = tests.filter((p) => !vscodeTests.includes(p));
  jobs.push(
    build({
      ...common,
      entryPoints: plain,
      outdir: 'out/test',
      outbase: 'test',
      outExtension: { '.js': '.cjs' },
      external: ['vscode'],
    }),
  );
  if (vscodeTests.length)
    jobs.push(
      build({
        ...common,
        entryPoints: vscodeTests,
        outdir: 'out/vscode-test',
        outbase: 'test/vscode',
        outExtension: { '.js': '.cjs' },
        external: ['vscode', 'mocha', '@vscode/test-electron'],
      }),
    );
}
try {
  statSync('bench/bench.ts');
  jobs.push(
    build({
      ...common,
      entryPoints: ['bench/bench.ts', 'bench/import.ts', 'bench/web.ts'],
      outdir: 'out/bench',
      outExtension: { '.js': '.cjs' },
      external: ['playwright-core'],
    }),
  );
} catch {
  /* no bench yet */
}
await Promise.all(jobs);

// the web bundles (the worker's server and the browser extension) within their budget
if (!watch) {
  const webBytes = ['dist/web/server.js', 'dist/web/extension.js'].reduce((n, f) => n + statSync(f).size, 0);
  if (webBytes > WEB_BUDGET_BYTES)
    throw new Error(`the web bundles are ${webBytes} bytes, over the budget of ${WEB_BUDGET_BYTES} (3 MB)`);
}

// the CLI's code cache (bin/xxgk.js): made now, by a check of the example report, rather than by
// whatever command runs first (a cache made by `xxgk --help` would lack the checker)
if (!watch) {
  const { spawnSync } = await import('node:child_process');
  spawnSync(process.execPath, ['bin/xxgk.js', 'check', 'test/fixtures/example-2022.xxgk.md'], { stdio: 'ignore' });
}

// the TextMate grammar is generated from the forms data
await build({ ...common, entryPoints: ['scripts/gen-grammar.ts'], outfile: 'out/gen-grammar.cjs', sourcemap: false });
const { execFileSync } = await import('node:child_process');
execFileSync(process.execPath, ['out/gen-grammar.cjs'], { stdio: 'inherit' });

// README's rules table from the rule registry (only when asked: `npm run docs`)
if (process.argv.includes('--docs')) {
  await build({ ...common, entryPoints: ['scripts/gen-docs.ts'], outfile: 'out/gen-docs.cjs', sourcemap: false });
  execFileSync(process.execPath, ['out/gen-docs.cjs'], { stdio: 'inherit' });
}
