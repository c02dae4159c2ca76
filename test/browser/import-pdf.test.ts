/**
 * PDF import on layouts we control: a report rendered to HTML (the project's own render) and
 * printed to PDF by Chromium, with CSS that makes the hard cases happen — a page so small that
 * table 三 is split over pages and Chromium repeats its header rows on each, row labels wrapped
 * over two or three lines beside their centred numbers, every character its own text run, and
 * a text layer that maps 人/一 to Kangxi radicals (Noto CJK). Each PDF must import with every cell
 * of every official table equal to the report it was printed from. A page with no text (a
 * drawing only: what a scan is to the importer) gets the no-text-layer message.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { buildRenderModel } from '../../server/src/render/model';
import { renderHtmlDocument } from '../../server/src/render/html';
import { importReport } from '../../server/src/importers/index';
import { EXAMPLE, NOW, fixture } from '../helpers/fixtures';
import { tablesOf } from '../fixtures/import/official-layout';
import { launchContext, skipBrowser } from '../helpers/browser';

const skip = skipBrowser;

let dir = '';
let context: BrowserContext | undefined;

before(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'xxgk-pdf-'));
  context = await launchContext(join(dir, 'profile'));
});
after(async () => {
  await context?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The report rendered, with extra CSS, printed to PDF by Chromium. */
async function printed(report: string, css: string, format = 'A4'): Promise<Uint8Array> {
  const html = renderHtmlDocument(buildRenderModel(report, { check: { now: NOW } })).replace(
    '</head>',
    `<style>${css}</style></head>`,
  );
  const page = await context!.newPage();
  await page.setContent(html, { waitUntil: 'load' });
  const pdf = await page.pdf({ format, printBackground: false });
  await page.close();
  return new Uint8Array(pdf);
}

const SPLIT = {
  css: '@page { margin: 8mm } body { font-size: 9pt } .xxgk-table { font-size: 7pt }',
  format: 'A6',
};

describe('PDFs printed by Chromium from rendered reports', { skip }, () => {
  for (const name of ['example-2022.xxgk.md', 'real-town-2023.xxgk.md']) {
    test(`${name} on A6 pages: tables split over pages with their header rows repeated, labels wrapped over two and three lines, Kangxi-radical text layer — every official cell as in the report`, async () => {
      const source = name === 'example-2022.xxgk.md' ? EXAMPLE() : fixture(name);
      const pdf = await printed(source, SPLIT.css, SPLIT.format);
      const { markdown, summary } = await importReport(pdf, 'pdf', { sourceName: name });
      assert.deepEqual(tablesOf(markdown), tablesOf(source), markdown);
      assert.deepEqual(summary.unplaced, []);
      assert.equal(summary.cellsRead, summary.cellsExpected);
      assert.equal(summary.sections.length, 6, summary.sections.join());
    });
  }

  // pages as people print them: A4 and A5, serif and sans, 9–12 pt, label columns from their own
  // width down to four characters (labels over two and three lines beside centred figures), with
  // table 三's merged group labels set upright as the preview sets them
  const sized = (format: string, font: string, size: string, label: string): [string, string, string] => [
    format,
    `@page { margin: 20mm } body { font-family: ${font}; font-size: ${size} } .xxgk-table { font-size: ${size} }` +
      (label === 'auto'
        ? ''
        : ` .xxgk-table td:first-child, .xxgk-table th:first-child { width: ${label}; max-width: ${label} }`),
    `${format}, ${font} ${size}, label column ${label}`,
  ];
  const LAYOUTS: [format: string, css: string, layout: string][] = [
    ['A4', '', 'A4 as the preview prints'],
    sized('A4', 'serif', '12pt', '4em'),
    sized('A5', 'sans-serif', '9pt', '6em'),
    sized('A5', 'serif', '10.5pt', 'auto'),
  ];
  for (const name of ['example-2022.xxgk.md', 'real-town-2023.xxgk.md'])
    for (const [format, css, layout] of LAYOUTS)
      test(`${name} printed ${layout}: every official cell as in the report, nothing unplaced`, async () => {
        const source = name === 'example-2022.xxgk.md' ? EXAMPLE() : fixture(name);
        const { markdown, summary } = await importReport(await printed(source, css, format), 'pdf', {
          sourceName: name,
        });
        assert.deepEqual(tablesOf(markdown), tablesOf(source), markdown);
        assert.deepEqual(summary.unplaced, []);
        assert.equal(summary.cellsRead, summary.cellsExpected);
      });

  test('a page without text (a drawing: what a scan is to the importer): the no-text-layer message', async () => {
    const page = await context!.newPage();
    await page.setContent(
      '<svg width="400" height="400"><rect x="10" y="10" width="300" height="200" fill="#888"/><circle cx="200" cy="300" r="60"/></svg>',
    );
    const pdf = new Uint8Array(await page.pdf({ format: 'A4' }));
    await page.close();
    await assert.rejects(importReport(pdf, 'pdf'), /PDF 没有文字层.*OCR/);
  });
});
