/**
 * The review's index.html in a real browser (headless Chromium, playwright-core): with scripts on,
 * the table sorts by a clicked column and the page's own CSP lets its one script run (and nothing
 * else); with scripts off, the table, the chart and the links are all there. A report page shows
 * its findings marked on the cells. With UPDATE_SCREENSHOTS=1 the index is saved as
 * docs/images/review.png for the README.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { ROOT } from '../helpers/fixtures';
import { launchBrowser, skipBrowser } from '../helpers/browser';
import { runXxgk } from '../helpers/cli';

const skip = skipBrowser;

let dir = '';
let browser: Browser | undefined;
let index = '';

before(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'xxgk-review-browser-'));
  const r = runXxgk(['review', 'test/fixtures', '-o', join(dir, 'out')], { cwd: ROOT });
  assert.equal(r.code, 1, r.stderr);
  index = pathToFileURL(join(dir, 'out', 'index.html')).href;
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const column = (name: string): string => `(() => {
  const heads = [...document.querySelectorAll('#reports thead th')];
  const i = heads.findIndex((h) => h.textContent.trim().replace(/[ ▲▼]/g, '') === ${JSON.stringify(name)});
  return [...document.querySelectorAll('#reports tbody tr')].map((r) => r.cells[i] ? r.cells[i].textContent.trim() : '');
})()`;

describe('review index.html in Chromium', { skip }, () => {
  test('scripts on: a click on 错误 sorts by it, a second click reverses; the CSP lets only its own script run', async () => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused/.test(m.text())) violations.push(m.text());
    });
    page.on('pageerror', (e) => violations.push(e.message));
    await page.goto(index);
    assert.equal(await page.evaluate('document.body.classList.contains("js")'), true);
    await page.click('#reports thead th:nth-child(9) button');
    const asc = (await page.evaluate<string[]>(column('错误'))).filter((x) => x !== '').map(Number);
    assert.deepEqual(
      asc,
      [...asc].sort((a, b) => a - b),
    );
    await page.click('#reports thead th:nth-child(9) button');
    const desc = (await page.evaluate<string[]>(column('错误'))).filter((x) => x !== '').map(Number);
    assert.deepEqual(
      desc,
      [...desc].sort((a, b) => b - a),
    );
    assert.ok(desc[0] > 0);
    assert.equal(await page.getAttribute('#reports thead th:nth-child(9)', 'aria-sort'), 'descending');
    // 机关 sorts as text
    await page.click('#reports thead th:nth-child(3) button');
    const names = await page.evaluate<string[]>(column('机关'));
    assert.ok(names.length > 10);
    assert.deepEqual(violations, []);
    if (process.env.UPDATE_SCREENSHOTS) {
      await page.reload();
      await page.click('#reports thead th:nth-child(9) button');
      await page.click('#reports thead th:nth-child(9) button');
      const shot = join(dir, 'review.png');
      await page.screenshot({ path: shot, clip: { x: 0, y: 0, width: 1280, height: 900 } });
      copyFileSync(shot, join(ROOT, 'docs', 'images', 'review.png'));
    }
    await context.close();
  });

  test('scripts off: the table, the chart and the links to the report pages are readable as they are', async () => {
    const context = await browser!.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(index);
    const rows = await page.$$eval('#reports tbody tr', (rs) => rs.length);
    assert.ok(rows >= 20, String(rows));
    assert.equal(await page.$$eval('#reports thead th button', (b) => b.length), 0);
    const heads = await page.$$eval('#reports thead th', (hs) => hs.map((h) => h.textContent?.trim()));
    assert.deepEqual(heads, [
      '#',
      '文件',
      '机关',
      '年度',
      '类型',
      '格式',
      '发布日期',
      '按时发布',
      '错误',
      '警告',
      '最严重的问题',
    ]);
    // the chart is drawn: bars with a size
    const bars = await page.$$eval('.chart svg rect', (rs) => rs.map((r) => r.getBoundingClientRect().width));
    assert.ok(bars.length > 3 && bars.every((w) => w > 0));
    // follow a link to a report page: its findings are marked on the cells
    const href = await page.$eval('#reports tbody a[href*="fixall-mixed"]', (a) => a.getAttribute('href'));
    await page.goto(new URL(href ?? '', index).href);
    const marked = await page.evaluate<[string, string | null][]>(
      `[...document.querySelectorAll('.xxgk-table .diag-error, .xxgk-table .diag-warning')]
      .map((c) => [getComputedStyle(c).boxShadow, c.getAttribute('title')])`,
    );
    assert.ok(marked.length >= 3, String(marked.length));
    assert.ok(marked.every(([shadow, title]) => shadow !== 'none' && !!title));
    assert.match((await page.textContent('ol.found')) ?? '', /sum-row/);
    await context.close();
  });
});
