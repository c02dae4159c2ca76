/** Folding: headings (to the next heading of the same or a higher level), tables, front matter, comments. */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { Report } from '../engine/model';

export function foldingRanges(report: Report): FoldingRange[] {
  const lines = report.doc.lines;
  const out: FoldingRange[] = [];
  const hs = report.doc.headings;
  const lastContentLine = (offset: number): number => {
    let l = lines.positionAt(offset).line;
    if (offset > 0 && lines.lineStart(l) === offset) l--;
    while (l > 0 && lines.lineText(l).trim() === '') l--;
    return l;
  };
  hs.forEach((h, i) => {
    const next = hs.slice(i + 1).find((x) => x.depth <= h.depth);
    const start = lines.positionAt(h.span.start).line;
    const end = lastContentLine(next ? next.span.start : report.doc.text.length);
    if (end > start) out.push({ startLine: start, endLine: end });
  });
  for (const t of report.doc.tables) {
    const s = lines.positionAt(t.span.start).line;
    const e = lines.positionAt(t.span.end).line;
    if (e > s) out.push({ startLine: s, endLine: e });
  }
  const fm = report.doc.frontMatter;
  if (fm)
    out.push({
      startLine: lines.positionAt(fm.span.start).line,
      endLine: lines.positionAt(fm.span.end).line,
      kind: FoldingRangeKind.Imports,
    });
  for (const c of report.doc.comments) {
    const s = lines.positionAt(c.span.start).line;
    const e = lines.positionAt(c.span.end).line;
    if (e > s) out.push({ startLine: s, endLine: e, kind: FoldingRangeKind.Comment });
  }
  return out;
}
