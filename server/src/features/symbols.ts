/** Document outline: the title, the sections with their sub-headings and tables. */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { Report } from '../engine/model';
import { tableName } from '../engine/model/names';

export function documentSymbols(report: Report): DocumentSymbol[] {
  const lines = report.doc.lines;
  const text = report.doc.text;
  const headings = report.doc.headings;
  type Node = { sym: DocumentSymbol; depth: number; end: number };
  const roots: DocumentSymbol[] = [];
  const stack: Node[] = [];
  const sectionOf = new Map(report.sections.map((s) => [s.heading, s]));
  const items: { start: number; kind: 'h' | 't'; idx: number }[] = [
    ...headings.map((h, i) => ({ start: h.span.start, kind: 'h' as const, idx: i })),
    ...report.doc.tables.map((t, i) => ({ start: t.span.start, kind: 't' as const, idx: i })),
  ].sort((a, b) => a.start - b.start);
  const endOf = (i: number): number => {
    const h = headings[i];
    const next = headings.slice(i + 1).find((x) => x.depth <= h.depth);
    let end = next ? next.span.start : text.length;
    while (end > h.span.end && /\s/.test(text[end - 1])) end--;
    return Math.max(end, h.span.end);
  };
  const tableByNode = new Map(report.tables.map((t) => [t.node, t]));
  for (const it of items) {
    let sym: DocumentSymbol;
    let depth: number;
    if (it.kind === 'h') {
      const h = headings[it.idx];
      const sec = sectionOf.get(h);
      depth = h.depth;
      const name = h.text.trim() || (sec ? `${sec.def.numeral}、${sec.def.title}` : '（空标题）');
      sym = {
        name,
        detail: sec ? (sec.headingMatch === 'exact' ? '' : `${sec.def.numeral}、${sec.def.title}`) : undefined,
        kind:
          depth === 1
            ? SymbolKind.File
            : depth === 2
              ? sec
                ? SymbolKind.Module
                : SymbolKind.Namespace
              : SymbolKind.String,
        range: lines.range({ start: h.span.start, end: endOf(it.idx) }),
        selectionRange: lines.range(h.textSpan.end > h.textSpan.start ? h.textSpan : h.span),
        children: [],
      };
    } else {
      const t = report.doc.tables[it.idx];
      const rt = tableByNode.get(t);
      depth = 99;
      sym = {
        name: rt ? tableName(rt) : t.header.cells[0]?.text || '表格',
        detail: rt?.def ? `${t.rows.length} 行` : '表格',
        kind: SymbolKind.Struct,
        range: lines.range(t.span),
        selectionRange: lines.range(t.header.span),
        children: [],
      };
    }
    while (stack.length && stack[stack.length - 1].depth >= depth) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.sym.children!.push(sym);
    else roots.push(sym);
    if (it.kind === 'h') stack.push({ sym, depth, end: 0 });
  }
  return roots;
}
