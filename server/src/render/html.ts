/**
 * The render model → HTML. The exported file is one self-contained page (CSS inlined, no script,
 * a Content-Security-Policy that forbids script and remote loads) that prints on A4 with the
 * margins of GB/T 9704 and can be pasted into a government site's CMS. The preview uses the same
 * body and stylesheet inside its webview.
 *
 * Prose is Markdown: it goes mdast → hast, raw HTML in it is parsed as a browser would (parse5)
 * and then sanitised (rehype-sanitize, GitHub's schema), so nothing written in a document can run
 * script: no <script>, no event-handler attributes, no javascript: URLs, no <iframe>, no style.
 */
import { EXPORT_CSP, offlineHtml } from './offline';
import type { Root as MdRoot, RootContent } from 'mdast';
import type { Element } from 'hast';
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeParse from 'rehype-parse';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Mark, RBlock, RCell, RenderDocument, RTable } from './model';
import { message } from '../messages';

export interface HtmlBodyOptions {
  /** data-line / data-ch attributes for scroll sync and click-to-source (the preview) */
  sourceMap?: boolean;
  /** classes and titles on what a diagnostic sits on (the preview) */
  marks?: boolean;
  /** English labels for the few words the renderer adds */
  locale?: 'zh' | 'en';
}

export interface HtmlDocumentOptions extends HtmlBodyOptions {
  /** `print`: the published page, black on white (default); `auto`: follows the reader's light/dark setting */
  theme?: 'print' | 'auto';
}

// ---------------------------------------------------------------------------------------------
// Escaping

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c]);
}

// ---------------------------------------------------------------------------------------------
// Prose: Markdown → sanitised HTML

const toHast = unified().use(remarkRehype, { allowDangerousHtml: true });
const rawStringify = unified().use(rehypeStringify, { allowDangerousHtml: true });
const reparse = unified().use(rehypeParse, { fragment: true });
const sanitize = unified().use(rehypeSanitize, defaultSchema);
const stringify = unified().use(rehypeStringify);

/** Rendered blocks, by syntax-tree node (the parser reuses the nodes of unchanged pieces). */
const proseCache = new WeakMap<RootContent, Map<string, string>>();

/** Sanitised HTML of a Markdown block, with `attrs` (our own, trusted) on its top-level elements. */
export function proseHtml(node: RootContent, attrs: Record<string, string> = {}, extraClass = ''): string {
  const key = JSON.stringify([attrs, extraClass]);
  let byAttrs = proseCache.get(node);
  const hit = byAttrs?.get(key);
  if (hit !== undefined) return hit;
  const html = proseHtmlUncached(node, attrs, extraClass);
  if (!byAttrs) {
    byAttrs = new Map();
    proseCache.set(node, byAttrs);
  }
  if (byAttrs.size > 8) byAttrs.clear();
  byAttrs.set(key, html);
  return html;
}

function proseHtmlUncached(node: RootContent, attrs: Record<string, string>, extraClass: string): string {
  const root: MdRoot = { type: 'root', children: [node] };
  const hast = toHast.runSync(root);
  // raw HTML in the Markdown: serialise, parse the whole block as a browser would, then sanitise
  const html = rawStringify.stringify(hast);
  const clean = sanitize.runSync(reparse.parse(html));
  for (const child of clean.children) {
    if (child.type !== 'element') continue;
    addAttrs(child, attrs, extraClass);
  }
  return stringify.stringify(clean);
}

function addAttrs(el: Element, attrs: Record<string, string>, extraClass: string): void {
  const props = el.properties;
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'title') props.title = v;
    else props[k.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = v;
  }
  if (extraClass) {
    const have = Array.isArray(props.className) ? props.className : props.className ? [String(props.className)] : [];
    props.className = [...have.map(String), ...extraClass.split(' ').filter(Boolean)];
  }
}

// ---------------------------------------------------------------------------------------------
// Marks

function worst(marks: Mark[]): Mark['severity'] | undefined {
  if (marks.some((m) => m.severity === 'error')) return 'error';
  if (marks.some((m) => m.severity === 'warning')) return 'warning';
  if (marks.some((m) => m.severity === 'info')) return 'info';
  return undefined;
}

function markTitle(marks: Mark[]): string {
  return marks.map((m) => `${m.message} [${m.rule}]`).join('\n');
}

function markAttrs(marks: Mark[], opts: HtmlBodyOptions): { cls: string; title?: string } {
  if (!opts.marks || marks.length === 0) return { cls: '' };
  const w = worst(marks);
  return w ? { cls: `diag diag-${w}`, title: markTitle(marks) } : { cls: '' };
}

// ---------------------------------------------------------------------------------------------
// Tables

/**
 * A figure of an official table: in the preview it can be edited in place (media/preview.js).
 * `data-end-ch` ends the cell's source range (a cell is on one line); an empty cell's range is the
 * blank between its pipes.
 */
function editableAttrs(c: RCell): string {
  if (!c.at || !c.span) return '';
  const end = c.at.character + (c.span.end - c.span.start);
  const invalid = c.marks.some((m) => m.severity === 'error' || m.severity === 'warning');
  return ` data-end-ch="${end}" data-edit="1" tabindex="-1"${invalid ? ' aria-invalid="true"' : ''}`;
}

/**
 * A short bracketed number — （三）, （七） — is never broken across lines: the narrow merged labels
 * of the official tables otherwise read “（三 / ）不 / 予公开”. Longer parentheses break between
 * words like the rest of the label (the stylesheet's line-break: strict keeps a closing bracket or
 * a comma off the start of a line).
 */
function keepTogether(html: string): string {
  return html.replace(/（[^（）\n]{1,4}）/g, (m) => `<span class="nb">${m}</span>`);
}

function cellHtml(c: RCell, opts: HtmlBodyOptions, editable = false): string {
  const tag = c.role === 'value' ? 'td' : 'th';
  const cls = [`r-${c.role}`, `a-${c.align}`];
  if (c.state && c.state !== 'ok') cls.push(`s-${c.state}`);
  const m = markAttrs(c.marks, opts);
  if (m.cls) cls.push(m.cls);
  let attrs = ` class="${cls.join(' ')}"`;
  if (c.colSpan > 1) attrs += ` colspan="${c.colSpan}"`;
  if (c.rowSpan > 1) attrs += ` rowspan="${c.rowSpan}"`;
  if (tag === 'th')
    attrs += c.role === 'head' || c.role === 'note' || c.role === 'caption' ? ' scope="col"' : ' scope="row"';
  if (m.title) attrs += ` title="${escapeHtml(m.title)}"`;
  if (opts.sourceMap && c.at) attrs += ` data-line="${c.at.line}" data-ch="${c.at.character}"`;
  if (opts.sourceMap && editable && c.role === 'value') attrs += editableAttrs(c);
  const text = keepTogether(escapeHtml(c.text)).replace(/\n/g, '<br>');
  return `<${tag}${attrs}>${text}</${tag}>`;
}

export function tableHtml(t: RTable, opts: HtmlBodyOptions, line?: number): string {
  const cls = ['xxgk-table', `layout-${t.layout}`];
  if (t.dense) cls.push('dense');
  const m = markAttrs(t.marks, opts);
  if (m.cls) cls.push(m.cls);
  const out: string[] = [];
  out.push(
    `<table class="${cls.join(' ')}"${m.title ? ` title="${escapeHtml(m.title)}"` : ''}${opts.sourceMap && line !== undefined ? ` data-line="${line}"` : ''}>`,
  );
  out.push('<colgroup>' + t.widths.map((w) => `<col width="${w}%">`).join('') + '</colgroup>');
  const head = t.rows.filter((r) => r.head);
  const body = t.rows.filter((r) => !r.head);
  const rowHtml = (r: RTable['rows'][number]): string =>
    `<tr${opts.sourceMap && r.line !== undefined ? ` data-line="${r.line}"` : ''}>${r.cells.map((c) => cellHtml(c, opts, t.dense)).join('')}</tr>`;
  // the 第二十条 blocks interleave caption/header rows with data rows: keep their order in one tbody
  if (t.layout === 'art20') {
    out.push('<tbody>' + t.rows.map(rowHtml).join('') + '</tbody>');
  } else {
    if (head.length) out.push('<thead>' + head.map(rowHtml).join('') + '</thead>');
    out.push('<tbody>' + body.map(rowHtml).join('') + '</tbody>');
  }
  out.push('</table>');
  return out.join('');
}

// ---------------------------------------------------------------------------------------------
// Blocks

function blockHtml(b: RBlock, opts: HtmlBodyOptions): string {
  const lineAttrs = (line: number, endLine: number): Record<string, string> =>
    opts.sourceMap ? { 'data-line': String(line), 'data-end-line': String(endLine) } : {};
  switch (b.type) {
    case 'table':
      return `<div class="table-wrap"${opts.sourceMap ? ` data-line="${b.line}" data-end-line="${b.endLine}"` : ''}>${tableHtml(b.table, opts, b.line)}</div>`;
    case 'title':
    case 'heading':
    case 'prose': {
      const m = markAttrs(b.marks, opts);
      const attrs = lineAttrs(b.line, b.endLine);
      if (m.title) attrs.title = m.title;
      const cls = [b.type === 'title' ? 'xxgk-title' : '', m.cls].filter(Boolean).join(' ');
      return proseHtml(b.node, attrs, cls);
    }
  }
}

/** The report as an HTML fragment: `<article class="xxgk-doc">…</article>`. */
export function renderHtmlBody(doc: RenderDocument, opts: HtmlBodyOptions = {}): string {
  const parts = doc.blocks.map((b) => {
    try {
      return blockHtml(b, opts);
    } catch (err) {
      // one block that cannot be rendered does not take the page down
      const msg = err instanceof Error ? err.message : String(err);
      return `<p class="render-error">${escapeHtml(message(opts.locale ?? 'zh', 'render.block-failed', { reason: msg }))}</p>`;
    }
  });
  return `<article class="xxgk-doc" lang="zh-CN">\n${parts.join('\n')}\n</article>`;
}

/** One self-contained HTML page: the report, its stylesheet inlined, no script. */
export function renderHtmlDocument(doc: RenderDocument, opts: HtmlDocumentOptions = {}): string {
  const theme = opts.theme ?? 'print';
  // nothing remote: images from data: only, others shown as text (render/offline.ts)
  const csp = EXPORT_CSP;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="xxgk-report">
<title>${escapeHtml(doc.title)}</title>
<style>
${REPORT_CSS}
</style>
</head>
<body class="xxgk theme-${theme}">
<main class="xxgk-page">
${offlineHtml(renderHtmlBody(doc, { ...opts, sourceMap: false, marks: false }))}
</main>
</body>
</html>
`;
}

// ---------------------------------------------------------------------------------------------
// The stylesheet (shared with the preview)

/**
 * Typography of Chinese official documents (GB/T 9704—2012): title in 方正小标宋简体 二号, body in
 * 仿宋_GB2312 三号, first-level headings in 黑体, second-level in 楷体; each with the fonts found
 * on Windows, macOS and Linux as fallbacks. A4 with 37 mm top, 28 mm inner margins when printed.
 */
export const REPORT_CSS = `
.xxgk {
  --font-title: "方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong", "宋体", "SimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif;
  --font-body: "仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "华文仿宋", "Noto Serif CJK SC", "Source Han Serif SC", serif;
  --font-hei: "黑体", "SimHei", "Heiti SC", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif;
  --font-kai: "楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", "华文楷体", "AR PL UKai CN", "Noto Serif CJK SC", serif;
  --font-table: "宋体", "SimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif;
  --ink: #000;
  --paper: #fff;
  --desk: #e9e9e9;
  --rule: #000;
  --muted: #555;
  --link: #0645ad;
  --err: #d32f2f;
  --err-bg: rgba(229, 57, 53, 0.16);
  --warn: #b26a00;
  --warn-bg: rgba(255, 179, 0, 0.22);
  --info: #1565c0;
  --info-bg: rgba(30, 136, 229, 0.14);
  margin: 0;
  color: var(--ink);
  background: var(--desk);
}
.xxgk.theme-auto { background: var(--paper); }
@media (prefers-color-scheme: dark) {
  .xxgk.theme-auto {
    --ink: #e6e6e6; --paper: #1e1e1e; --desk: #1e1e1e; --rule: #8a8a8a; --muted: #aaa; --link: #8ab4f8;
  }
}
.xxgk-page {
  box-sizing: border-box;
  max-width: 210mm;
  margin: 12px auto;
  padding: 25mm 26mm 25mm 28mm;
  background: var(--paper);
  box-shadow: 0 1px 6px rgba(0, 0, 0, 0.25);
}
.xxgk.theme-auto .xxgk-page { box-shadow: none; margin: 0 auto; }
.xxgk-doc {
  font-family: var(--font-body);
  font-size: 16pt;
  line-height: 1.75;
  color: var(--ink);
  text-align: justify;
  word-wrap: break-word;
}
.xxgk-doc h1, .xxgk-doc .xxgk-title {
  font-family: var(--font-title);
  font-size: 22pt;
  font-weight: normal;
  line-height: 1.5;
  text-align: center;
  margin: 0.2em 0 1em;
}
.xxgk-doc h2 { font-family: var(--font-hei); font-size: 16pt; font-weight: normal; margin: 0.6em 0 0.2em; text-indent: 2em; }
.xxgk-doc h3 { font-family: var(--font-kai); font-size: 16pt; font-weight: normal; margin: 0.3em 0 0.1em; text-indent: 2em; }
.xxgk-doc h4, .xxgk-doc h5, .xxgk-doc h6 { font-family: var(--font-body); font-size: 16pt; font-weight: bold; margin: 0.2em 0 0; text-indent: 2em; }
.xxgk-doc p { margin: 0; text-indent: 2em; }
.xxgk-doc li p, .xxgk-doc td p, .xxgk-doc blockquote p { text-indent: 0; }
.xxgk-doc ul, .xxgk-doc ol { margin: 0 0 0 2em; padding-left: 1.2em; }
.xxgk-doc blockquote { margin: 0.4em 0 0.4em 2em; padding-left: 1em; border-left: 3px solid var(--muted); color: var(--muted); }
.xxgk-doc a { color: var(--link); }
.xxgk-doc code { font-family: ui-monospace, "Cascadia Mono", Consolas, monospace; font-size: 0.85em; }
.xxgk-doc pre { white-space: pre-wrap; font-size: 12pt; line-height: 1.4; margin: 0.4em 0; }
.xxgk-doc hr { border: 0; border-top: 1px solid var(--rule); margin: 1em 0; }
.xxgk-doc img { max-width: 100%; }
.xxgk-doc .table-wrap { margin: 0.6em 0 0.8em; overflow-x: auto; }
.xxgk-table {
  width: 100%;
  border-collapse: collapse;
  table-layout: fixed;
  font-family: var(--font-table);
  font-size: 12pt;
  line-height: 1.45;
  text-align: center;
  text-indent: 0;
  color: var(--ink);
}
.xxgk-table.dense { font-size: 10.5pt; }
.xxgk-table th, .xxgk-table td {
  border: 1px solid var(--rule);
  padding: 3px 4px;
  font-weight: normal;
  vertical-align: middle;
  word-break: break-all;
  overflow-wrap: anywhere;
}
.xxgk-table .a-left { text-align: left; }
.xxgk-table .a-right { text-align: right; }
.xxgk-table .a-center { text-align: center; }
.xxgk-table .r-caption { font-family: var(--font-hei); text-align: left; padding-left: 0.6em; }
.xxgk-table .r-note { font-size: 0.95em; text-align: left; }
.xxgk-table .r-group { text-align: center; }
.xxgk-table th { word-break: normal; line-break: strict; }
.xxgk-table .nb { white-space: nowrap; }
/* the narrow merged labels of table 三 stand upright in their column, as on the official form */
.xxgk-table.layout-applications .r-group { writing-mode: vertical-rl; text-orientation: mixed; letter-spacing: 0.1em; padding: 4px 2px; }
.xxgk-doc .render-error { color: var(--err); text-indent: 0; }
@media print {
  @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
  .xxgk, .xxgk.theme-auto { background: #fff; --ink: #000; --paper: #fff; --rule: #000; }
  .xxgk-page { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  .xxgk-table { page-break-inside: auto; }
  .xxgk-table tr { page-break-inside: avoid; }
}
`;
