/**
 * Code lens above each table that has sums (勾稽关系): 全部平衡 ✓, or N 处不平衡 — clicking it
 * moves the cursor to the first problem. The move is a server command (`xxgk.revealRange`): the
 * language client forwards it here and the server asks the editor to show the range
 * (`window/showDocument`), so no client code is needed.
 */
import type { CodeLens, CodeLensParams, Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { cellOf, findings, instancesOf, readable } from '../engine/arith';
import { isSuppressed, type Report } from '../engine/model';
import type { Feature } from './register';
import type { ServerState } from './state';
import { translator, type Translate } from './edit-util';

export const REVEAL_COMMAND = 'xxgk.revealRange';

export function codeLenses(state: ServerState, doc: TextDocument, _params?: CodeLensParams): CodeLens[] {
  const { report } = state.analyze(doc);
  return lensesOf(report, doc.uri, translator(state.locale(doc.uri)), state.severities(doc.uri));
}

export function lensesOf(
  report: Report,
  uri: string,
  tr: Translate,
  severities: Record<string, string> = {},
): CodeLens[] {
  const lines = report.doc.lines;
  const out: CodeLens[] = [];
  for (const t of report.tables) {
    if (!t.def || t.def.equations.length === 0) continue;
    const silenced = (rule: string, offset: number): boolean => {
      const line = lines.positionAt(offset).line;
      return severities[rule] === 'off' || isSuppressed(report.suppressions, rule, line);
    };
    const problems = findings(t)
      .map((f) => ({ f, c: cellOf(t, f.cell) }))
      .filter((x) => x.c && !silenced(x.f.rule, x.c.node.span.start))
      .sort((a, b) => a.c!.node.span.start - b.c!.node.span.start);
    // equations that could not be checked: a cell blank or unreadable
    const unchecked = instancesOf(t).filter((i) =>
      [...i.lhs, ...i.rhs].some((r) => t.rowById.has(r.row) && t.colById.has(r.col) && !readable(cellOf(t, r))),
    );
    const firstBad = t.rows
      .flatMap((r) =>
        r.def && !r.def.group && !r.duplicate ? r.cells.filter((c, j) => t.columns[j].def && !readable(c)) : [],
      )
      .sort((a, b) => a.node.span.start - b.node.span.start)[0];
    const range = lines.range(t.node.header.span);
    const reveal = (target: Range, title: string): CodeLens => ({
      range,
      command: { title, command: REVEAL_COMMAND, arguments: [uri, target] },
    });
    if (problems.length > 0) {
      const n = problems.length;
      out.push(
        reveal(
          lines.range(problems[0].c!.node.span),
          n === 1 ? tr('code-lens.one-problem') : tr('code-lens.problems', { count: n }),
        ),
      );
    } else if (unchecked.length > 0 && firstBad) {
      out.push(reveal(lines.range(firstBad.node.span), tr('code-lens.some-unchecked', { count: unchecked.length })));
    } else {
      out.push({ range, command: { title: tr('code-lens.balanced'), command: '' } });
    }
  }
  return out;
}

export const codeLensFeature: Feature = {
  capabilities: () => ({
    codeLensProvider: { resolveProvider: false },
    executeCommandProvider: { commands: [REVEAL_COMMAND] },
  }),
  register({ connection, state, withDoc }) {
    connection.onCodeLens((p) => withDoc(p.textDocument.uri, [] as CodeLens[], (doc) => codeLenses(state, doc, p)));
    connection.onExecuteCommand(async (p) => {
      if (p.command !== REVEAL_COMMAND) return null;
      const [uri, range] = (p.arguments ?? []) as [string, Range];
      if (typeof uri !== 'string' || !range) return null;
      const r = await connection.window.showDocument({ uri, selection: range, takeFocus: true });
      return r.success;
    });
  },
};
