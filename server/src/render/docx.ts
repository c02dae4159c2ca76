/**
 * The render model → a Word document (with the `docx` library). Pure: returns the bytes.
 *
 * Typography and page of Chinese official documents (GB/T 9704—2012 《党政机关公文格式》): A4,
 * 天头 37 mm, 订口 28 mm, 版心 156 mm × 225 mm (so right 26 mm, bottom 35 mm); 22 lines a page,
 * fixed line height; title in 方正小标宋简体 二号, body in 仿宋_GB2312 三号, first-level headings in
 * 黑体, second-level in 楷体_GB2312; page numbers “— 1 —” in 宋体 四号, odd pages right, even left.
 * The font table names a fallback (w:altName) for each font, so a computer without the
 * 方正/GB2312 fonts shows 宋体/仿宋/楷体 instead of an arbitrary face.
 *
 * Tables have real merged cells: `columnSpan` becomes w:gridSpan and `rowSpan` becomes w:vMerge.
 */
import { xmlSafeZip } from './xml-chars';
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  convertMillimetersToTwip,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type { RootContent as HastContent } from 'hast';
import type { PhrasingContent, RootContent } from 'mdast';
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import type { RBlock, RCell, RenderDocument, RTable } from './model';

// ---------------------------------------------------------------------------------------------
// Fonts and sizes

export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  hei: '黑体',
  kai: '楷体_GB2312',
  song: '宋体',
  latin: 'Times New Roman',
  mono: 'Courier New',
} as const;

/** Fallbacks written to the font table (w:altName): the faces every Chinese Windows has. */
const FONT_TABLE: { name: string; alt?: string; family: string; panose: string }[] = [
  { name: FONTS.title, alt: '宋体', family: 'script', panose: '02000000000000000000' },
  { name: FONTS.body, alt: '仿宋', family: 'modern', panose: '02010609030101010101' },
  { name: FONTS.kai, alt: '楷体', family: 'modern', panose: '02010609030101010101' },
  { name: FONTS.hei, alt: 'SimHei', family: 'modern', panose: '02010609060101010101' },
  { name: FONTS.song, alt: 'SimSun', family: 'auto', panose: '02010600030101010101' },
];

/** Sizes in half-points (the unit of w:sz): 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt, 五号 10.5 pt. */
const SIZE = { erHao: 44, sanHao: 32, siHao: 28, xiaoSi: 24, wuHao: 21 } as const;

const A4 = { width: 11906, height: 16838 };
/** 版心 width: 156 mm. */
const TEXT_WIDTH = convertMillimetersToTwip(156);
/** 225 mm / 22 lines ≈ 28.95 pt a line. */
const LINE = 579;
/** two characters of 三号 (the first-line indent of Chinese prose) */
const INDENT_2 = 640;

function font(eastAsia: string, latin: string = FONTS.latin): IRunOptions['font'] {
  return { ascii: latin, hAnsi: latin, eastAsia, cs: latin, hint: 'eastAsia' };
}

// ---------------------------------------------------------------------------------------------
// Inline content

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  code?: boolean;
  font?: string;
  size?: number;
}

/** Runs of text; a line break in the text becomes a break before the next run. */
function textRuns(text: string, st: RunStyle): TextRun[] {
  return text.split('\n').map(
    (part, i) =>
      new TextRun({
        text: part,
        break: i > 0 ? 1 : undefined,
        bold: st.bold,
        italics: st.italics,
        strike: st.strike,
        size: st.code ? Math.max(18, (st.size ?? SIZE.sanHao) - 6) : st.size,
        font: st.code ? font(st.font ?? FONTS.body, FONTS.mono) : st.font ? font(st.font) : undefined,
      }),
  );
}

const SAFE_URL = /^(https?:|mailto:)/i;

function inlines(nodes: PhrasingContent[], st: RunStyle): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
        out.push(...textRuns(n.value.replace(/\r?\n/g, ''), st));
        break;
      case 'strong':
        out.push(...inlines(n.children, { ...st, bold: true }));
        break;
      case 'emphasis':
        out.push(...inlines(n.children, { ...st, italics: true }));
        break;
      case 'delete':
        out.push(...inlines(n.children, { ...st, strike: true }));
        break;
      case 'inlineCode':
        out.push(...textRuns(n.value, { ...st, code: true }));
        break;
      case 'break':
        out.push(new TextRun({ break: 1 }));
        break;
      case 'link': {
        const children = inlines(n.children, st).filter((c): c is TextRun => c instanceof TextRun);
        if (SAFE_URL.test(n.url) && children.length) out.push(new ExternalHyperlink({ link: n.url, children }));
        else out.push(...children);
        break;
      }
      case 'image':
        if (n.alt) out.push(...textRuns(`［${n.alt}］`, st));
        break;
      case 'html':
        if (/^<br\s*\/?>$/i.test(n.value.trim())) out.push(new TextRun({ break: 1 }));
        break;
      case 'footnoteReference':
        out.push(new TextRun({ text: `[${n.label ?? n.identifier}]`, superScript: true, size: st.size }));
        break;
      default: {
        const c = (n as { children?: PhrasingContent[] }).children;
        if (c) out.push(...inlines(c, st));
        else if ('value' in n && typeof n.value === 'string') out.push(...textRuns(n.value, st));
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Blocks

interface BlockStyle {
  indentLeft: number;
  firstLine: number;
}

const htmlParser = unified().use(rehypeParse, { fragment: true });
const htmlSanitizer = unified().use(rehypeSanitize, defaultSchema);

/** The text of an HTML block, as the sanitised page would show it, paragraph by paragraph. */
export function htmlBlockText(html: string): string[] {
  const tree = htmlSanitizer.runSync(htmlParser.parse(html));
  const paras: string[] = [''];
  const BLOCK = /^(p|div|h[1-6]|li|tr|blockquote|pre|section|article|table|ul|ol)$/;
  const walk = (nodes: HastContent[]): void => {
    for (const n of nodes) {
      if (n.type === 'text') paras[paras.length - 1] += n.value.replace(/\s+/g, ' ');
      else if (n.type === 'element') {
        if (n.tagName === 'br') {
          paras[paras.length - 1] += '\n';
          continue;
        }
        const block = BLOCK.test(n.tagName);
        if (block && paras[paras.length - 1].trim()) paras.push('');
        walk(n.children);
        if (block && paras[paras.length - 1].trim()) paras.push('');
      }
    }
  };
  walk(tree.children);
  return paras.map((p) => p.trim()).filter(Boolean);
}

function bodyParagraph(
  children: ParagraphChild[],
  bs: BlockStyle,
  extra: Partial<ConstructorParameters<typeof Paragraph>[0] & object> = {},
): Paragraph {
  return new Paragraph({
    children,
    alignment: AlignmentType.BOTH,
    indent: { left: bs.indentLeft || undefined, firstLine: bs.firstLine || undefined },
    ...extra,
  });
}

function proseBlocks(n: RootContent, bs: BlockStyle): Paragraph[] {
  switch (n.type) {
    case 'paragraph':
      return [bodyParagraph(inlines(n.children, {}), bs)];
    case 'heading':
      return [bodyParagraph(inlines(n.children, { bold: true }), bs)];
    case 'list': {
      const out: Paragraph[] = [];
      const start = n.start ?? 1;
      n.children.forEach((item, i) => {
        const marker = n.ordered
          ? `${start + i}. `
          : item.checked === true
            ? '☑ '
            : item.checked === false
              ? '☐ '
              : '• ';
        const inner = { indentLeft: bs.indentLeft + INDENT_2, firstLine: 0 };
        item.children.forEach((c, k) => {
          const ps = proseBlocks(c, inner);
          if (k === 0 && c.type === 'paragraph') {
            out.push(
              bodyParagraph(
                [...textRuns(marker, {}), ...inlines(c.children, {})],
                { indentLeft: inner.indentLeft, firstLine: 0 },
                { indent: { left: inner.indentLeft, hanging: 320 } },
              ),
            );
          } else out.push(...ps);
        });
      });
      return out;
    }
    case 'blockquote':
      return n.children.flatMap((c) => proseBlocks(c, { indentLeft: bs.indentLeft + INDENT_2, firstLine: 0 }));
    case 'code':
      return n.value.split(/\r?\n/).map(
        (l) =>
          new Paragraph({
            children: textRuns(l, { code: true }),
            indent: { left: bs.indentLeft || undefined },
            spacing: { line: 360, lineRule: LineRuleType.EXACT },
          }),
      );
    case 'thematicBreak':
      return [
        new Paragraph({
          children: [],
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
        }),
      ];
    case 'html':
      return htmlBlockText(n.value).map((t) => bodyParagraph(textRuns(t, {}), bs));
    case 'footnoteDefinition':
      return n.children.flatMap((c, k) => {
        const ps = proseBlocks(c, { indentLeft: bs.indentLeft, firstLine: 0 });
        if (k === 0 && c.type === 'paragraph') {
          return [
            bodyParagraph([...textRuns(`[${n.label ?? n.identifier}] `, {}), ...inlines(c.children, {})], {
              indentLeft: bs.indentLeft,
              firstLine: 0,
            }),
          ];
        }
        return ps;
      });
    case 'table':
      // a table nested in a list or quote: its rows as lines of text
      return n.children.map((r) =>
        bodyParagraph(
          textRuns(
            r.children.map((c) => c.children.map((x) => ('value' in x ? x.value : '')).join('')).join(' | '),
            {},
          ),
          bs,
        ),
      );
    default:
      return [];
  }
}

function headingParagraph(text: PhrasingContent[], depth: number): Paragraph {
  const f = depth === 2 ? FONTS.hei : depth === 3 ? FONTS.kai : FONTS.body;
  return new Paragraph({
    children: inlines(text, { font: f, bold: depth >= 4 ? true : undefined }),
    indent: { firstLine: INDENT_2 },
    keepNext: true,
    alignment: AlignmentType.BOTH,
  });
}

function titleParagraph(text: PhrasingContent[]): Paragraph[] {
  return [
    new Paragraph({
      children: inlines(text, { font: FONTS.title, size: SIZE.erHao }),
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT },
      keepNext: true,
    }),
    // one blank line between the title and the body (GB/T 9704 §7.3.3)
    new Paragraph({ children: [] }),
  ];
}

// ---------------------------------------------------------------------------------------------
// Tables

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function docxCell(c: RCell, t: RTable, widths: number[], col: number): TableCell {
  const size = t.dense ? SIZE.wuHao : SIZE.xiaoSi;
  const f = c.role === 'caption' ? FONTS.hei : FONTS.song;
  const lines = c.text.split('\n');
  const width = widths.slice(col, col + c.colSpan).reduce((a, b) => a + b, 0);
  return new TableCell({
    columnSpan: c.colSpan > 1 ? c.colSpan : undefined,
    rowSpan: c.rowSpan > 1 ? c.rowSpan : undefined,
    verticalAlign: VerticalAlignTable.CENTER,
    width: { size: width, type: WidthType.DXA },
    margins: { left: 57, right: 57, top: 28, bottom: 28 },
    children: [
      new Paragraph({
        children: lines.flatMap((l, i) => [
          ...(i > 0 ? [new TextRun({ break: 1 })] : []),
          new TextRun({ text: l, size, font: font(f) }),
        ]),
        alignment:
          c.align === 'left' ? AlignmentType.LEFT : c.align === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER,
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
        indent: { firstLine: 0 },
      }),
    ],
  });
}

export function docxTable(t: RTable): Table {
  const widths = t.widths.map((w) => Math.max(200, Math.round((w / 100) * TEXT_WIDTH)));
  // column positions: a cell starts at the first grid column not covered from above or the left
  const covered: number[] = Array<number>(t.columns).fill(0);
  const rows = t.rows.map((r) => {
    let col = 0;
    const cells: TableCell[] = [];
    for (const c of r.cells) {
      while (col < t.columns && covered[col] > 0) col++;
      cells.push(docxCell(c, t, widths, col));
      for (let k = 0; k < c.colSpan && col + k < t.columns; k++)
        covered[col + k] = Math.max(covered[col + k], c.rowSpan);
      col += c.colSpan;
    }
    for (let k = 0; k < t.columns; k++) covered[k] = Math.max(0, covered[k] - 1);
    return new TableRow({
      children: cells,
      tableHeader: r.head && t.layout !== 'art20' ? true : undefined,
      cantSplit: true,
    });
  });
  return new Table({
    rows,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
  });
}

// ---------------------------------------------------------------------------------------------
// The document

function blockChildren(b: RBlock): (Paragraph | Table)[] {
  switch (b.type) {
    case 'title':
      return titleParagraph(b.node.children);
    case 'heading':
      return [headingParagraph(b.node.children, b.depth)];
    case 'table':
      return [docxTable(b.table), new Paragraph({ children: [], spacing: { line: 240, lineRule: LineRuleType.AUTO } })];
    case 'prose':
      return proseBlocks(b.node, { indentLeft: 0, firstLine: INDENT_2 });
  }
}

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: 280 } : { left: 280 },
        children: [
          new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: SIZE.siHao, font: font(FONTS.song) }),
        ],
      }),
    ],
  });
}

/** The report as a .docx file. */
export async function renderDocx(doc: RenderDocument): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  for (const b of doc.blocks) {
    try {
      children.push(...blockChildren(b));
    } catch (err) {
      children.push(
        new Paragraph({
          children: [
            new TextRun({
              text: `此处内容无法导出：${err instanceof Error ? err.message : String(err)}`,
              color: 'C00000',
            }),
          ],
        }),
      );
    }
  }
  if (children.length === 0) children.push(new Paragraph({ children: [] }));
  const document = new Document({
    title: doc.title,
    creator: doc.agency ?? 'xxgk-report',
    description: '政府信息公开工作年度报告',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font(FONTS.body), size: SIZE.sanHao },
          paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height },
            margin: {
              top: convertMillimetersToTwip(37),
              bottom: convertMillimetersToTwip(35),
              left: convertMillimetersToTwip(28),
              right: convertMillimetersToTwip(26),
              header: convertMillimetersToTwip(15),
              footer: convertMillimetersToTwip(25),
            },
          },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
  // an ArrayBuffer, not a Node Buffer: the same code runs in the browser worker
  const buf = await Packer.toArrayBuffer(document);
  // characters XML 1.0 forbids would make the package unreadable (render/xml-chars.ts)
  return withFontFallbacks(xmlSafeZip(new Uint8Array(buf)));
}

/** Adds the fonts and their fallbacks (w:altName, GB2312 charset) to word/fontTable.xml. */
export function withFontFallbacks(zip: Uint8Array): Uint8Array {
  const files = unzipSync(zip);
  const name = 'word/fontTable.xml';
  const xml = files[name] ? strFromU8(files[name]) : undefined;
  if (!xml) return zip;
  const entries = FONT_TABLE.map(
    (f) =>
      `<w:font w:name="${f.name}">${f.alt ? `<w:altName w:val="${f.alt}"/>` : ''}<w:panose1 w:val="${f.panose}"/><w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`,
  ).join('');
  let patched: string;
  if (/<w:fonts\b[^>]*\/>/.test(xml)) patched = xml.replace(/<w:fonts\b([^>]*)\/>/, `<w:fonts$1>${entries}</w:fonts>`);
  else if (xml.includes('</w:fonts>')) patched = xml.replace('</w:fonts>', `${entries}</w:fonts>`);
  else return zip;
  files[name] = strToU8(patched);
  return zipSync(files, { level: 6 });
}
