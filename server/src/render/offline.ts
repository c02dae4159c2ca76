/**
 * The exported HTML page loads nothing: it is meant to be read offline, archived and published
 * as one file, and opening it must not tell any server that it was opened. The sanitiser already
 * removes scripts, frames, objects, stylesheets, `style` attributes and event handlers; what it
 * lets through that a browser would fetch is images. In the export:
 * - an `<img>` whose source is a `data:` URL stays (it is part of the file);
 * - any other `<img>` — remote or a local path (the renderer reads no files, so the export does
 *   not depend on where it is opened) — becomes its alt text and its address, as text;
 * - `<source>` elements (of `<picture>`, `<audio>`, `<video>`) are dropped, and `srcset`,
 *   `poster`, `background` and `style` attributes removed wherever they are;
 * and the page's Content-Security-Policy allows images from `data:` only, so that anything this
 * pass missed is still not fetched. The preview is not affected (it shows images as written).
 */
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import type { Element, ElementContent, Root, RootContent } from 'hast';

const parse = unified().use(rehypeParse, { fragment: true });
const stringify = unified().use(rehypeStringify);

const DROP_ATTRS = ['srcSet', 'poster', 'background', 'style', 'sizes'];

function imageAsText(el: Element): ElementContent {
  const alt = typeof el.properties.alt === 'string' ? el.properties.alt : '';
  const src = typeof el.properties.src === 'string' ? el.properties.src : '';
  const label = alt ? `［图片：${alt}］` : '［图片］';
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['xxgk-image-link'], title: src },
    children: [{ type: 'text', value: src ? `${label}（${src}）` : label }],
  };
}

function visit(nodes: (RootContent | ElementContent)[]): (RootContent | ElementContent)[] {
  const out: (RootContent | ElementContent)[] = [];
  for (const n of nodes) {
    if (n.type !== 'element') {
      out.push(n);
      continue;
    }
    if (n.tagName === 'source') continue;
    for (const a of DROP_ATTRS) delete n.properties[a];
    if (n.tagName === 'img') {
      const src = typeof n.properties.src === 'string' ? n.properties.src.trim() : '';
      if (!/^data:image\//i.test(src)) {
        out.push(imageAsText(n));
        continue;
      }
    }
    n.children = visit(n.children) as ElementContent[];
    out.push(n);
  }
  return out;
}

/** HTML (a fragment) with nothing a browser would fetch: images as their alt text and address. */
export function offlineHtml(html: string): string {
  if (!/<(?:img|source)\b|srcset|poster|background|style=/i.test(html)) return html;
  const tree = parse.parse(html);
  const root: Root = { type: 'root', children: visit(tree.children) };
  return stringify.stringify(root);
}

/** The export page's policy: no script, no remote load of any kind, images from data: only. */
export const EXPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";
