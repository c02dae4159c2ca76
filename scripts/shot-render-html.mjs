#!/usr/bin/env node
/**
 * docs/images/render-html.png: the example report exported with `xxgk render --to html`, section 三
 * in view, photographed in headless Chromium (needs `npm run build` and a CJK font — run
 * `bash scripts/setup-system.sh`). `node scripts/shot-render-html.mjs`.
 */
/* global window -- page.evaluate callbacks run in the browser */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const fonts = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
if (fonts.status !== 0 || !fonts.stdout.trim()) {
  console.error('no CJK font (fc-list :lang=zh): the picture would show boxes; run bash scripts/setup-system.sh');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'xxgk-shot-'));
const html = join(dir, 'example.html');
const r = spawnSync(
  process.execPath,
  [
    join(ROOT, 'bin', 'xxgk.js'),
    'render',
    join(ROOT, 'test', 'fixtures', 'example-2022.xxgk.md'),
    '--to',
    'html',
    '-o',
    html,
  ],
  { encoding: 'utf8' },
);
if (r.status !== 0) {
  console.error(r.stderr);
  process.exit(1);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 1300 } });
  await page.goto(pathToFileURL(html).href);
  await page.locator('h2', { hasText: '三、收到和处理政府信息公开申请情况' }).scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -40));
  const out = join(ROOT, 'docs', 'images', 'render-html.png');
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
