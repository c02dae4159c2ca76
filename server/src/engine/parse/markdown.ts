/** Markdown → mdast: unified + remark-parse + remark-gfm + remark-frontmatter, within the parse budget. */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root, Node } from 'mdast';
import { neutralize, restoreText } from './neutralize';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/** Parse Markdown into mdast (exported for renderers that need the full tree). */
export function parseMarkdown(text: string): Root {
  // blocks whose inline syntax would exceed the parse budget are read as plain text (neutralize.ts)
  const n = neutralize(text);
  const tree = processor.parse(n ? n.text : text);
  if (n) restoreText(tree, text, n.text, n.ranges);
  if (text.charCodeAt(0) === 0xfeff) countBom(tree);
  return tree;
}

/** micromark drops a leading byte-order mark and counts offsets without it: count it back in. */
function countBom(node: Node): void {
  const p = node.position;
  if (p) {
    for (const at of [p.start, p.end]) {
      if (at.offset !== undefined) at.offset++;
      if (at.line === 1) at.column++;
    }
  }
  const kids = (node as { children?: Node[] }).children;
  if (kids) for (const k of kids) countBom(k);
}

/** A node's start or end offset in the source. */
export function off(n: Node | undefined, which: 'start' | 'end'): number {
  return n?.position?.[which].offset ?? 0;
}
