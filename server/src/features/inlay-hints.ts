/**
 * Inlay hints: beside a figure that does not add up, the value the sums give it (the same cell
 * and value the arithmetic diagnostics name, so one wrong figure shows one hint).
 */
import type { InlayHint, InlayHintParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { cellOf } from '../engine/arith/equations';
import { cellName } from '../engine/model/names';
import { formatFigure } from '../engine/model/figures';
import type { Feature } from './types';
import type { ServerState } from './state';
import { translator } from './edit-util';

export function inlayHints(state: ServerState, doc: TextDocument, params: InlayHintParams): InlayHint[] {
  const analysis = state.analyze(doc);
  const { report } = analysis;
  const tr = translator(state.locale(doc.uri));
  const lines = report.doc.lines;
  const from = lines.offsetAt(params.range.start);
  const to = lines.offsetAt(params.range.end);
  const out: InlayHint[] = [];
  for (const t of report.tables) {
    if (!t.def || t.node.span.end < from || t.node.span.start > to) continue;
    // the figures the diagnostics name (a rule turned off or a silenced line shows no hint either)
    for (const f of analysis.sums(t)?.findings ?? []) {
      const c = cellOf(t, f.cell);
      if (!c) continue;
      const at = c.node.span.end;
      if (at < from || at > to) continue;
      const v = formatFigure(f.expected);
      out.push({
        position: lines.positionAt(at),
        label: tr('inlay-hints.should', { v }),
        paddingLeft: true,
        tooltip: tr('inlay-hints.sums-should', { cell: cellName(t, f.cell), v, actual: formatFigure(f.actual) }),
      });
    }
  }
  return out;
}

export const inlayHintsFeature: Feature = {
  capabilities: () => ({ inlayHintProvider: true }),
  register({ connection, state, withDoc }) {
    connection.languages.inlayHint.on((p) =>
      withDoc(p.textDocument.uri, [] as InlayHint[], (doc) => inlayHints(state, doc, p)),
    );
  },
};
