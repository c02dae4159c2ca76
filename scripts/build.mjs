// Bundles the extension client, the language server and the CLI into CommonJS (dist/), and the
// tests and benchmark into out/. remark and unified are ESM-only: esbuild bundles them.
import { build } from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

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
      if (e !== 'fixtures' && e !== 'e2e' && e !== 'workspace') out.push(...findTests(p));
    } else if (/\.test\.ts$/.test(e) || (/^(runTest|index|helpers)\.ts$/.test(e) && dir.includes('vscode')))
      out.push(p);
  }
  return out;
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
      entryPoints: ['bench/bench.ts', 'bench/import.ts'],
      outdir: 'out/bench',
      outExtension: { '.js': '.cjs' },
    }),
  );
} catch {
  /* no bench yet */
}
await Promise.all(jobs);

// the TextMate grammar is generated from the forms data
await build({ ...common, entryPoints: ['scripts/gen-grammar.ts'], outfile: 'out/gen-grammar.cjs', sourcemap: false });
const { execFileSync } = await import('node:child_process');
execFileSync(process.execPath, ['out/gen-grammar.cjs'], { stdio: 'inherit' });

// README's rules table from the rule registry (only when asked: `npm run docs`)
if (process.argv.includes('--docs')) {
  await build({ ...common, entryPoints: ['scripts/gen-docs.ts'], outfile: 'out/gen-docs.cjs', sourcemap: false });
  execFileSync(process.execPath, ['out/gen-docs.cjs'], { stdio: 'inherit' });
}
