/**
 * Issue 14 row 9: the HTML export loads nothing. A report whose prose holds every way Markdown
 * and HTML can point at an image or another resource — Markdown images (inline and by
 * reference), `<img>` with `src` and `srcset`, `<picture><source srcset>`, `<video poster>`,
 * `<audio>`, `<input type=image>`, `<link>`, `<object>`, `<embed>`, `<iframe>`, SVG `<image>`,
 * CSS `url()` in a `style` attribute and in a `<style>` element, `background` attributes, a local
 * path — is exported and opened in Chromium: it makes no request beyond its own file, both as
 * exported and with its Content-Security-Policy removed (the offline pass alone holds). Images
 * show their alt text and address (the sanitiser already drops `data:` sources, so none is kept).
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { buildRenderModel } from '../../server/src/render/model';
import { renderHtmlDocument } from '../../server/src/render/html';
import { EXAMPLE, NOW, edit } from '../helpers/fixtures';
import { launchContext, skipBrowser } from '../helpers/browser';

const skip = skipBrowser;
const R = 'http://remote.invalid';
const PIXEL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

const LOADS = [
  `![图一](${R}/md.png "t")`,
  `![图二][ref]\n\n[ref]: ${R}/ref.png`,
  `<img src="${R}/img.png" alt="图三">`,
  `<img srcset="${R}/srcset.png 2x" src="${R}/img2.png" alt="图四">`,
  `<picture><source srcset="${R}/source.webp" type="image/webp"><img src="${R}/pic.png" alt="图五"></picture>`,
  `<video poster="${R}/poster.png" src="${R}/v.mp4"><source src="${R}/v.webm"></video>`,
  `<audio src="${R}/a.mp3"></audio>`,
  `<input type="image" src="${R}/input.png">`,
  `<link rel="stylesheet" href="${R}/x.css">`,
  `<object data="${R}/o.swf"></object><embed src="${R}/e.swf"><iframe src="${R}/frame.html"></iframe>`,
  `<svg><image href="${R}/svg.png"></image></svg>`,
  `<div style="background-image: url(${R}/style.png)">样式</div>`,
  `<style>body { background: url(${R}/sheet.png) }</style>`,
  `<table background="${R}/table.png"><tr><td background="${R}/td.png">格</td></tr></table>`,
  `![本地图](images/local.png)`,
  `![内嵌](${PIXEL})`,
].join('\n\n');

let dir = '';
let context: BrowserContext | undefined;
before(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'xxgk-offline-'));
  context = await launchContext(join(dir, 'profile'));
});
after(async () => {
  await context?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function requestsOf(html: string, name: string): Promise<string[]> {
  const file = join(dir, name);
  writeFileSync(file, html);
  const page = await context!.newPage();
  const seen: string[] = [];
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === pathToFileURL(file).href) return route.continue();
    seen.push(url);
    return route.abort();
  });
  page.on('request', (r) => {
    if (r.url() !== pathToFileURL(file).href && !r.url().startsWith('data:') && !seen.includes(r.url()))
      seen.push(r.url());
  });
  await page.goto(pathToFileURL(file).href);
  await page.waitForLoadState('load');
  await page.waitForTimeout(500);
  const text = await page.evaluate('document.body.innerText');
  const remoteImages = await page.evaluate('[...document.images].filter((i) => !i.src.startsWith("data:")).length');
  await page.close();
  assert.deepEqual(seen, [], `requests made by ${name}`);
  assert.match(String(text), /［图片：图一］（http:\/\/remote\.invalid\/md\.png）/);
  assert.match(String(text), /［图片：本地图］（images\/local\.png）/);
  assert.equal(remoteImages, 0, 'no image element points anywhere but data:');
  return seen;
}

describe('the HTML export in Chromium', { skip }, () => {
  test('opening it makes no request, with its policy and with the offline pass alone', async () => {
    const text = edit(
      EXAMPLE(),
      '严格按照省、市和区级主管部门要求管理政府信息。',
      `严格按照省、市和区级主管部门要求管理政府信息。\n\n${LOADS}`,
    );
    const html = renderHtmlDocument(buildRenderModel(text, { check: { now: NOW } }));
    assert.deepEqual(await requestsOf(html, 'export.html'), []);
    assert.match(html, /img-src data:;/);
    assert.doesNotMatch(html, /img-src[^;]*http/);
    const noPolicy = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    assert.notEqual(noPolicy, html);
    assert.deepEqual(await requestsOf(noPolicy, 'no-policy.html'), []);
  });
});
