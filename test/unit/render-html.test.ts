/**
 * HTML rendering: the official merged tables as rowspan/colspan, the page self-contained and free
 * of script, and the Markdown's HTML sanitised so nothing in a document can run script.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { buildRenderModel } from '../../server/src/render/model';
import { renderHtmlBody, renderHtmlDocument, proseHtml } from '../../server/src/render/html';
import { parseMarkdown } from '../../server/src/engine/parse';
import { EXAMPLE, NOW, edit } from '../helpers/fixtures';

const HOSTILE = [
  '<script>window.__xxgkPwned = 1</script>',
  '<img src=x onerror="window.__xxgkPwned = 2">',
  '[点我](javascript:window.__xxgkPwned=3)',
  '<a href="javascript:window.__xxgkPwned=4">链接</a>',
  '<iframe src="javascript:parent.__xxgkPwned=5"></iframe>',
  '<iframe srcdoc="<script>parent.__xxgkPwned=6</script>"></iframe>',
  '<svg><script>window.__xxgkPwned=7</script></svg>',
  '<div style="background:url(javascript:alert(1))" onclick="window.__xxgkPwned=8">样式</div>',
  '<object data="javascript:alert(1)"></object><embed src="x.swf">',
  '<form action="javascript:alert(1)"><button>提交</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<details open ontoggle="window.__xxgkPwned=9">x</details>',
].join('\n\n');

/** The example with hostile HTML in its prose. */
function hostileExample(): string {
  return edit(
    EXAMPLE(),
    '### （三）政府信息管理\n',
    `### （三）政府信息管理\n\n${HOSTILE}\n\n行内 <img src=x onerror=alert(1)> 与 <b onmouseover="alert(1)">粗体</b>。\n`,
  );
}

function html(text: string, opts: Parameters<typeof renderHtmlBody>[1] = {}): string {
  return renderHtmlBody(buildRenderModel(text, { diagnostics: !!opts.marks, check: { now: NOW } }), opts);
}

describe('the official tables in HTML', () => {
  const out = renderHtmlDocument(buildRenderModel(EXAMPLE(), { check: { now: NOW } }));
  test('section 三: the note cell, the header spans and the merged row labels', () => {
    assert.match(
      out,
      /<th class="r-note[^"]*" colspan="3" rowspan="3"[^>]*>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）<\/th>/,
    );
    assert.match(out, /<th[^>]*colspan="7"[^>]*>申请人情况<\/th>/);
    assert.match(
      out,
      /<th[^>]*rowspan="2"[^>]*>自然人<\/th><th[^>]*colspan="5"[^>]*>法人或其他组织<\/th><th[^>]*rowspan="2"[^>]*>总计<\/th>/,
    );
    assert.match(out, /<th[^>]*rowspan="22"[^>]*>三、本年度办理结果<\/th>/);
    assert.match(
      out,
      /<th[^>]*rowspan="8"[^>]*><span class="nb">（三）<\/span>不予公开<\/th><th[^>]*>1\.属于国家秘密<\/th>/,
    );
  });
  test('section 四: 行政复议 over five columns, 行政诉讼 over ten', () => {
    assert.match(out, /<th[^>]*colspan="5"[^>]*>行政复议<\/th><th[^>]*colspan="10"[^>]*>行政诉讼<\/th>/);
    assert.match(out, /<th[^>]*colspan="5"[^>]*>未经复议直接起诉<\/th><th[^>]*colspan="5"[^>]*>复议后起诉<\/th>/);
  });
  test('section 二: caption rows and 信息内容 headers', () => {
    assert.match(out, /<th class="r-caption[^"]*" colspan="4"[^>]*>第二十条第<span class="nb">（一）<\/span>项<\/th>/);
    assert.equal(out.match(/>信息内容</g)?.length, 4);
    assert.match(out, /<td[^>]*colspan="3"[^>]*>3984<\/td>/);
  });
});

describe('the exported page', () => {
  const out = renderHtmlDocument(buildRenderModel(hostileExample(), { check: { now: NOW } }));
  test('is one self-contained file: CSS inlined, nothing loaded from elsewhere', () => {
    assert.match(out, /^<!DOCTYPE html>/);
    assert.match(out, /<meta charset="utf-8">/);
    assert.match(out, /<style>[\s\S]*\.xxgk-table[\s\S]*<\/style>/);
    assert.doesNotMatch(out, /<link\b/i);
    assert.doesNotMatch(out, /\ssrc="(?!x")/);
  });
  test('forbids script with its own Content-Security-Policy', () => {
    assert.match(
      out,
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';/,
    );
  });
  test('carries no script, event handler, javascript: URL, frame, object, form, style attribute or base', () => {
    const body = out.slice(out.indexOf('<body'));
    assert.doesNotMatch(body, /<script/i);
    assert.doesNotMatch(body, /\son[a-z]+\s*=/i);
    assert.doesNotMatch(body, /javascript:/i);
    assert.doesNotMatch(body, /<(iframe|object|embed|form|meta|base|svg)\b/i);
    assert.doesNotMatch(body, /\sstyle=/i);
    assert.doesNotMatch(body, /srcdoc/i);
  });
  test('keeps the harmless text of the hostile prose', () => {
    assert.match(out, /粗体/);
    assert.match(out, /点我/);
  });
  test('has no source map or diagnostic marks', () => {
    const wrong = edit(EXAMPLE(), '| 行政许可 | 3984 |', '| 行政许可 | |');
    const page = renderHtmlDocument(buildRenderModel(wrong, { check: { now: NOW } }));
    assert.doesNotMatch(page, /data-line|diag-/);
  });
  test('the page title is the report title, escaped', () => {
    assert.match(out, /<title>西塞山区2022年政府信息公开工作年度报告<\/title>/);
    const evil = edit(
      EXAMPLE(),
      '# 西塞山区2022年政府信息公开工作年度报告',
      '# 西塞山区2022年政府信息公开工作年度报告</title><script>x</script>',
    );
    assert.doesNotMatch(renderHtmlDocument(buildRenderModel(evil, { check: { now: NOW } })), /<script>x/);
  });
});

describe('the preview body', () => {
  test('blocks, rows and cells carry their source lines', () => {
    const body = html(EXAMPLE(), { sourceMap: true });
    assert.ok(
      /<h1(?=[^>]*class="xxgk-title")(?=[^>]*data-line="7")(?=[^>]*data-end-line="7")[^>]*>/.test(body),
      'the title has its line',
    );
    assert.ok(/<tr data-line="\d+"><th[^>]*>行政许可<\/th>/.test(body), 'a row has its line');
    assert.ok(
      /<td[^>]*data-line="\d+" data-ch="\d+" data-end-ch="\d+" data-edit="1"[^>]*>3984<\/td>/.test(body),
      'a cell has its line and character',
    );
  });
  test('a cell with a diagnostic is marked, with the message as its title', () => {
    const wrong = edit(
      EXAMPLE(),
      '| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |',
      '| （一）予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 5 |',
    );
    const body = html(wrong, { sourceMap: true, marks: true });
    const cell = body.match(/<td class="([^"]*)"[^>]*title="([^"]*)"[^>]*>5<\/td>/);
    assert.ok(cell, 'the wrong total is marked');
    assert.match(cell[1], /diag diag-error/);
    assert.match(cell[2], /sum-row/);
  });
  test('a heading with a diagnostic is marked', () => {
    const wrong = edit(EXAMPLE(), '## 五、存在的主要问题及改进情况', '## 五、存在的问题');
    const body = html(wrong, { marks: true });
    assert.ok(
      /<h2(?=[^>]*class="diag diag-warning")(?=[^>]*title="[^"]*section-heading)[^>]*>五、存在的问题<\/h2>/.test(body),
      'the heading is marked',
    );
  });
  test('text that looks like HTML in a table cell is shown as text', () => {
    const text = edit(EXAMPLE(), '| 行政许可 | 3984 |', '| 行政许可<script>alert(1)</script> | 3984 |');
    const body = html(text);
    assert.doesNotMatch(body, /<script/);
    assert.match(body, /行政许可&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });
});

describe('prose sanitising', () => {
  const one = (md: string): string => proseHtml(parseMarkdown(md).children[0]);
  test('emphasis, links and lists survive', () => {
    assert.equal(one('**加粗** 与 *强调*'), '<p><strong>加粗</strong> 与 <em>强调</em></p>');
    assert.equal(one('[门户](https://www.gov.cn)'), '<p><a href="https://www.gov.cn">门户</a></p>');
    assert.match(one('1. 一\n2. 二'), /^<ol>\s*<li>一<\/li>\s*<li>二<\/li>\s*<\/ol>$/);
  });
  test('inline HTML is parsed as a browser would and then cleaned', () => {
    assert.equal(one('上标 <sup>2</sup> 平方'), '<p>上标 <sup>2</sup> 平方</p>');
    assert.equal(one('<b onclick="alert(1)">粗</b>'), '<p><b>粗</b></p>');
    assert.equal(one('<img src="x" onerror="alert(1)">'), '<img src="x">');
  });
  test('script and frames vanish with their content', () => {
    assert.equal(one('<script>alert(1)</script>'), '');
    assert.equal(one('<iframe src="https://example.org"></iframe>'), '');
  });
  test('javascript: and data: links lose their target', () => {
    assert.equal(one('[x](javascript:alert(1))'), '<p><a>x</a></p>');
    assert.equal(one('<a href="data:text/html,<script>alert(1)</script>">x</a>'), '<p><a>x</a></p>');
  });
});
