/**
 * Inlay hints: beside a figure that does not add up, the value the sums give it (the same cell
 * and value the arithmetic diagnostics name, so one wrong figure shows one hint).
 */
import type { InlayHint, InlayHintParams } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { cellOf, findings } from '../engine/arith';
import { isSuppressed } from '../engine/model';
import { cellName, fmtNumber } from '../engine/rules/util';
import type { Feature } from './register';
import type { ServerState } from './state';
import { translator } from './edit-util';

export function inlayHints(state: ServerState, doc: TextDocument, params: InlayHintParams): InlayHint[] {
  const { report } = state.analyze(doc);
  const tr = translator(state.locale(doc.uri));
  const lines = report.doc.lines;
  const from = lines.offsetAt(params.range.start);
  const to = lines.offsetAt(params.range.end);
  const off = state.severities(doc.uri);
  const out: InlayHint[] = [];
  for (const t of report.tables) {
    if (!t.def || t.node.span.end < from || t.node.span.start > to) continue;
    for (const f of findings(t)) {
      if (off[f.rule] === 'off') continue;
      const c = cellOf(t, f.cell);
      if (!c) continue;
      const at = c.node.span.end;
      if (at < from || at > to) continue;
      // a line silenced for this rule shows no hint either
      const line = lines.positionAt(c.node.span.start).line;
      if (isSuppressed(report.suppressions, f.rule, line)) continue;
      const v = fmtNumber(f.expected);
      out.push({
        position: lines.positionAt(at),
        label: tr('inlay-hints.should', { v }),
        paddingLeft: true,
        tooltip: tr('inlay-hints.sums-should', { cell: cellName(t, f.cell), v, actual: fmtNumber(f.actual) }),
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
