/**
 * What `xxgk check` of a Markdown report loads: dist/cli.js (and the check workers' dist/worker.js)
 * hold no PDF library, Word reader or writer, spreadsheet or HTML parser — those are bundles of their
 * own, loaded only when a file needs them (scripts/build.mjs) — and the language server does not parse
 * the PDF library at start-up either. Found by marker strings of each library in the built bundles.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function repoRoot(): string {
  let d = process.cwd();
  while (!existsSync(join(d, 'scripts', 'build.mjs'))) {
    const up = dirname(d);
    if (up === d) throw new Error('repository root not found');
    d = up;
  }
  return d;
}
const DIST = join(repoRoot(), 'dist');

/** a string each library's bundled code contains (checked below against the bundle that must hold it) */
const MARKERS: Record<string, { marker: string; home: string }> = {
  pdfjs: { marker: 'PDFDocumentLoadingTask', home: 'importer-pdf.js' },
  mammoth: { marker: 'convertToHtml', home: 'importer-docx.js' },
  docx: { marker: 'PatchType', home: 'cli-render.js' },
  parse5: { marker: 'abrupt-closing-of-empty-comment', home: 'importer-html.js' },
};

function bundle(name: string): string {
  const p = join(DIST, name);
  assert.ok(existsSync(p), `${p} is built (npm run build)`);
  return readFileSync(p, 'utf8');
}

test('each marker is found in the bundle that holds its library (so that its absence elsewhere means something)', () => {
  for (const [lib, { marker, home }] of Object.entries(MARKERS))
    assert.ok(bundle(home).includes(marker), `${lib}: ${marker} not in ${home}`);
});

test('dist/cli.js and dist/worker.js hold no PDF, Word or HTML library', () => {
  for (const name of ['cli.js', 'worker.js']) {
    const text = bundle(name);
    for (const [lib, { marker }] of Object.entries(MARKERS))
      assert.ok(!text.includes(marker), `${name} contains ${lib} (${marker})`);
  }
});

test('dist/server.js holds no PDF library and no Word reader (loaded when the editor imports such a file)', () => {
  const text = bundle('server.js');
  for (const lib of ['pdfjs', 'mammoth'])
    assert.ok(!text.includes(MARKERS[lib].marker), `server.js contains ${lib} (${MARKERS[lib].marker})`);
});
