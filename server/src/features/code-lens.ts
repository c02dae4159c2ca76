/**
 * Code lens above each table that has sums (勾稽关系): 全部平衡 ✓, or N 处不平衡 — clicking it
 * moves the cursor to the first problem. The move is a server command (`xxgk.revealRange`): the
 * language client forwards it here and the server asks the editor to show the range
 * (`window/showDocument`), so no client code is needed.
 */
import type { CodeLens, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { cellOf } from '../engine/arith/equations';
import type { Analysis } from '../engine/index';
import type { Feature } from './types';
import type { ServerState } from './state';
import { translator, type Translate } from './edit-util';

export const REVEAL_COMMAND = 'xxgk.revealRange';

export function codeLenses(state: ServerState, doc: TextDocument): CodeLens[] {
  return lensesOf(state.analyze(doc), doc.uri, translator(state.locale(doc.uri)));
}

/** The lenses of an analysis: per table with sums, what its arithmetic findings say. */
export function lensesOf(analysis: Analysis, uri: string, tr: Translate): CodeLens[] {
  const { report } = analysis;
  const lines = report.doc.lines;
  const out: CodeLens[] = [];
  for (const t of report.tables) {
    const sums = analysis.sums(t);
    if (!sums) continue;
    const problems = sums.findings.map((f) => ({ f, c: cellOf(t, f.cell) })).filter((x) => x.c);
    const firstBad = sums.firstUnreadable;
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
    } else if (sums.unchecked > 0 && firstBad) {
      out.push(reveal(lines.range(firstBad), tr('code-lens.some-unchecked', { count: sums.unchecked })));
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
    connection.onCodeLens((p) => withDoc(p.textDocument.uri, [] as CodeLens[], (doc) => codeLenses(state, doc)));
    connection.onExecuteCommand(async (p) => {
      if (p.command !== REVEAL_COMMAND) return null;
      const [uri, range] = (p.arguments ?? []) as [string, Range];
      if (typeof uri !== 'string' || !range) return null;
      const r = await connection.window.showDocument({ uri, selection: range, takeFocus: true });
      return r.success;
    });
  },
};
