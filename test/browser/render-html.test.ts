/**
 * The exported HTML and the preview's page in a real browser (Debian's headless Chromium driven
 * by playwright-core): the official merged cells are laid out, and nothing a document contains
 * (<script>, onerror=, javascript: links, <iframe>, …) runs — neither in the exported page nor in
 * the preview, whose script is exercised here with a stand-in for the VS Code webview API.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { buildRenderModel } from '../../server/src/render/model';
import { renderHtmlBody, renderHtmlDocument } from '../../server/src/render/html';
import { previewShellHtml, renderForPreview } from '../../server/src/render/webview';
import { EXAMPLE, NOW, ROOT, edit } from '../helpers/fixtures';
import { launchContext, skipBrowser } from '../helpers/browser';

const skip = skipBrowser;

/** Everything a hostile author might put in the prose; each sets window.__xxgkPwned if it runs. */
const HOSTILE = [
  '<script>window.__xxgkPwned = "script"</script>',
  '<img src=x onerror="window.__xxgkPwned = \'onerror\'">',
  '[点我](javascript:window.__xxgkPwned="link")',
  '<a id="jslink" href="javascript:window.__xxgkPwned=\'a-href\'">链接</a>',
  '<iframe src="javascript:parent.__xxgkPwned=\'iframe\'"></iframe>',
  '<iframe srcdoc="<script>parent.__xxgkPwned=\'srcdoc\'</script>"></iframe>',
  "<svg onload=\"window.__xxgkPwned='svg'\"><script>window.__xxgkPwned='svg-script'</script></svg>",
  '<details open ontoggle="window.__xxgkPwned=\'ontoggle\'">展开</details>',
  '<video><source onerror="window.__xxgkPwned=\'source\'"></video>',
  '<body onload="window.__xxgkPwned=\'body\'">',
].join('\n\n');

function hostileExample(): string {
  return edit(
    EXAMPLE(),
    '### （三）政府信息管理\n',
    `### （三）政府信息管理\n\n${HOSTILE}\n\n行内 <img src=x onerror="window.__xxgkPwned='inline'"> 与 <b onmouseover="window.__xxgkPwned='hover'">粗体</b>。\n`,
  );
}

let dir = '';
let context: BrowserContext | undefined;

async function open(url: string, init?: string): Promise<{ page: Page; dialogs: string[] }> {
  const page = await context!.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  if (init) await page.addInitScript(init);
  await page.goto(url);
  await page.waitForLoadState('load');
  return { page, dialogs };
}

async function pwned(page: Page): Promise<unknown> {
  // give timers, image errors and frames a moment to fire
  await page.waitForTimeout(300);
  return page.evaluate('window.__xxgkPwned');
}

before(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'xxgk-browser-'));
  context = await launchContext(join(dir, 'profile'), { viewport: { width: 1000, height: 1200 } });
});
after(async () => {
  await context?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the exported page in Chromium', { skip }, () => {
  test('the official merged cells are laid out', async () => {
    const file = join(dir, 'example.html');
    writeFileSync(file, renderHtmlDocument(buildRenderModel(EXAMPLE(), { check: { now: NOW } })));
    const { page } = await open(pathToFileURL(file).href);
    const spans = (await page.evaluate(`(() => {
      const cell = (text) => [...document.querySelectorAll('th,td')].find((c) => c.textContent === text);
      const s = (text) => { const c = cell(text); return c ? [c.rowSpan, c.colSpan] : null; };
      return {
        results: s('三、本年度办理结果'), notOpen: s('（三）不予公开'), applicant: s('申请人情况'), natural: s('自然人'),
        legal: s('法人或其他组织'), review: s('行政复议'), suit: s('行政诉讼'), direct: s('未经复议直接起诉'),
        caption: s('第二十条第（一）项'), note: (() => { const c = document.querySelector('th.r-note'); return [c.rowSpan, c.colSpan, c.textContent]; })(),
      };
    })()`)) as Record<string, unknown>;
    assert.deepEqual(spans, {
      results: [22, 1],
      notOpen: [8, 1],
      applicant: [1, 7],
      natural: [2, 1],
      legal: [1, 5],
      review: [1, 5],
      suit: [1, 10],
      direct: [1, 5],
      caption: [1, 4],
      note: [3, 3, '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'],
    });
    // the merged label really covers its 22 rows on the page
    const geometry = (await page.evaluate(`(() => {
      const cell = [...document.querySelectorAll('th')].find((c) => c.textContent === '三、本年度办理结果');
      const rows = [...cell.closest('tbody').rows];
      const i = rows.indexOf(cell.parentElement);
      const first = rows[i].getBoundingClientRect(), last = rows[i + 21].getBoundingClientRect();
      return { cell: cell.getBoundingClientRect().height, rows: last.bottom - first.top };
    })()`)) as { cell: number; rows: number };
    assert.ok(Math.abs(geometry.cell - geometry.rows) < 2, JSON.stringify(geometry));
    await page.close();
  });

  test('nothing in the document runs: script, onerror, javascript: links, frames', async () => {
    const file = join(dir, 'hostile.html');
    writeFileSync(file, renderHtmlDocument(buildRenderModel(hostileExample(), { check: { now: NOW } })));
    const { page, dialogs } = await open(pathToFileURL(file).href);
    assert.equal(await pwned(page), undefined);
    assert.equal(await page.evaluate('document.querySelectorAll("script, iframe, object, embed, svg").length'), 0);
    // clicking the links and hovering the bold text does nothing either
    for (const a of await page.$$('a')) await a.click({ force: true }).catch(() => undefined);
    await page.hover('b').catch(() => undefined);
    assert.equal(await pwned(page), undefined);
    assert.deepEqual(dialogs, []);
    assert.match((await page.evaluate('document.body.textContent')) as string, /粗体/);
    await page.close();
  });

  test('the sanitiser alone suffices: the body in a page with no CSP runs nothing', async () => {
    const file = join(dir, 'nocsp.html');
    const body = renderHtmlBody(buildRenderModel(hostileExample(), { check: { now: NOW } }));
    writeFileSync(file, `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${body}</body></html>`);
    const { page, dialogs } = await open(pathToFileURL(file).href);
    for (const a of await page.$$('a')) await a.click({ force: true }).catch(() => undefined);
    assert.equal(await pwned(page), undefined);
    assert.deepEqual(dialogs, []);
    await page.close();
  });
});

/** The preview page with media/preview.js, and a stand-in for the webview API recording messages. */
async function openPreview(printLook = false): Promise<{ page: Page; dialogs: string[] }> {
  const media = (f: string): string => pathToFileURL(join(ROOT, 'media', f)).href;
  const file = join(dir, `preview-${Math.random().toString(36).slice(2)}.html`);
  writeFileSync(
    file,
    previewShellHtml({
      cspSource: 'file:',
      nonce: 'n0nce',
      styleHref: media('preview.css'),
      scriptHref: media('preview.js'),
      printLook,
      title: 'preview',
    }),
  );
  const stub = `window.__posted = []; let __state; window.acquireVsCodeApi = () => ({
    postMessage: (m) => window.__posted.push(m), getState: () => __state, setState: (s) => { __state = s; } });`;
  const r = await open(pathToFileURL(file).href, stub);
  await until(r.page, 'window.__posted.some((m) => m.type === "ready")');
  return r;
}

/** Polls an expression (the preview's CSP forbids the eval that page.waitForFunction uses). */
async function until(page: Page, expr: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await page.evaluate(expr))) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${expr}`);
    await page.waitForTimeout(20);
  }
}

async function post(page: Page, msg: unknown): Promise<void> {
  await page.evaluate(`window.postMessage(${JSON.stringify(msg)}, '*')`);
  await page.waitForTimeout(50);
}

describe('the preview page in Chromium', { skip }, () => {
  test('shows an update, marks diagnostics, and keeps the last good rendering on an error', async () => {
    const { page } = await openPreview();
    const wrong = edit(
      EXAMPLE(),
      '| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |',
      '| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 5 |',
    );
    await post(page, renderForPreview(wrong, 'zh', {}, NOW));
    assert.equal(await page.evaluate('document.querySelectorAll("#xxgk-root table").length'), 3);
    assert.match((await page.textContent('#xxgk-status')) ?? '', /个错误/);
    const title = (await page.evaluate('document.querySelector("td.diag-error").title')) as string;
    assert.match(title, /sum-row/);
    await post(page, { type: 'error', message: '渲染失败', locale: 'zh' });
    assert.equal(
      await page.evaluate('document.querySelectorAll("#xxgk-root table").length'),
      3,
      'the last good rendering stays',
    );
    assert.equal(await page.isVisible('#xxgk-error'), true);
    assert.match((await page.textContent('#xxgk-error')) ?? '', /渲染失败/);
    await post(page, renderForPreview(EXAMPLE(), 'zh', {}, NOW));
    assert.equal(await page.isVisible('#xxgk-error'), false);
    await page.close();
  });

  test('malformed sources render without going blank', async () => {
    const { page } = await openPreview();
    for (const text of [
      '',
      '| a |\n| - |\n| b | c | d |',
      '---\n机关: [\n',
      hostileExample().slice(0, 1234),
      '## 三、收到和处理政府信息公开申请情况\n\n| 申请人情况 | 自然人 |\n|---|---|\n| （三）不予公开 | |\n',
    ]) {
      await post(page, renderForPreview(text, 'zh', {}, NOW));
      assert.equal(await page.isVisible('#xxgk-error'), false);
      assert.equal(await page.evaluate('!!document.querySelector("#xxgk-root article.xxgk-doc")'), true);
    }
    await page.close();
  });

  test('the CSP blocks script even in HTML the sanitiser never saw', async () => {
    const { page, dialogs } = await openPreview();
    await post(page, renderForPreview(hostileExample(), 'zh', {}, NOW));
    assert.equal(await pwned(page), undefined);
    await post(page, {
      type: 'update',
      html: '<img src="x" onerror="window.__xxgkPwned=1"><a href="javascript:window.__xxgkPwned=2" id="x">x</a>',
      counts: { errors: 0, warnings: 0, infos: 0 },
      loose: [],
      locale: 'zh',
    });
    await page.click('#x').catch(() => undefined);
    assert.equal(await pwned(page), undefined);
    assert.deepEqual(dialogs, []);
    await page.close();
  });

  test('clicking a cell asks the editor to put the cursor on it', async () => {
    const { page } = await openPreview();
    await post(page, renderForPreview(EXAMPLE(), 'zh', {}, NOW));
    await page.click('td:text-is("3984")');
    const msg = (await page.evaluate('window.__posted.filter((m) => m.type === "reveal").pop()')) as {
      line: number;
      character: number;
    };
    const line = EXAMPLE().split('\n')[msg.line];
    assert.equal(line.slice(msg.character, msg.character + 4), '3984');
    await page.close();
  });

  test('scrolls to an editor line, and reports its own scrolling as a line', async () => {
    const { page } = await openPreview();
    await page.setViewportSize({ width: 900, height: 500 });
    await post(page, renderForPreview(EXAMPLE(), 'zh', {}, NOW));
    const lines = EXAMPLE().split('\n');
    const target = lines.findIndex((l) => l.startsWith('## 四、'));
    await post(page, { type: 'scrollTo', line: target });
    const y = (await page.evaluate('window.scrollY')) as number;
    const headingTop = (await page.evaluate(
      `document.querySelector('h2[data-line="${target}"]').getBoundingClientRect().top`,
    )) as number;
    const bar = (await page.evaluate('document.getElementById("xxgk-bar").offsetHeight')) as number;
    assert.ok(
      y > 0 && headingTop >= bar - 2 && headingTop < bar + 40,
      `scrolled to ${y}, heading at ${headingTop} under a ${bar}px toolbar`,
    );
    // the user scrolls the preview: the editor is told which line is on top
    await page.waitForTimeout(300);
    await page.evaluate(
      `window.scrollTo(0, document.querySelector('h2[data-line="${lines.findIndex((l) => l.startsWith('## 三、'))}"]').getBoundingClientRect().top + window.scrollY - ${bar} - 6)`,
    );
    await until(page, 'window.__posted.some((m) => m.type === "scroll")');
    const scroll = (await page.evaluate('window.__posted.filter((m) => m.type === "scroll").pop()')) as {
      line: number;
    };
    assert.ok(Math.abs(scroll.line - lines.findIndex((l) => l.startsWith('## 三、'))) < 1.5, `line ${scroll.line}`);
    await page.close();
  });

  test('the print look toggles and is remembered', async () => {
    const { page } = await openPreview(false);
    await page.click('#xxgk-print');
    assert.equal(await page.evaluate('document.body.classList.contains("print-look")'), true);
    const msg = await page.evaluate('window.__posted.filter((m) => m.type === "printLook").pop()');
    assert.deepEqual(msg, { type: 'printLook', on: true });
    await page.close();
  });
});
