/**
 * Form editing in the preview: the extension's side of the messages media/preview.js sends when a
 * figure is typed into a cell of an official table, or a finding's quick fix is chosen there.
 *
 * - `editCell` becomes an ordinary WorkspaceEdit of the text document (not a file write), so the
 *   text editor's undo takes it back and the language server sees a normal change: the sums,
 *   marks and diagnostics of the preview update with the next rendering. An edit made against
 *   an older rendering than the document's version is refused (the cell may have moved).
 * - `actions` asks VS Code for the code actions at the cell's (or block's) range — the very quick
 *   fixes of the light bulb, from the language server — and `applyAction` applies the chosen one.
 */
import * as vscode from 'vscode';

export type EditMessage =
  | { type: 'editCell'; version: number; line: number; character: number; endCharacter: number; value: string }
  | { type: 'actions'; id: number; line: number; character: number; endLine: number; endCharacter: number }
  | { type: 'applyAction'; id: number; index: number };

export type EditReply =
  | { type: 'actions'; id: number; actions: { title: string; preferred: boolean }[] }
  | { type: 'editRejected'; message: string };

export function isEditMessage(m: { type: string }): m is EditMessage {
  return m.type === 'editCell' || m.type === 'actions' || m.type === 'applyAction';
}

/** The text written into a cell for what was typed: one line, pipes escaped, padded inside an empty cell. */
export function cellText(typed: string, current: string): string {
  const v = typed
    .replace(/[\r\n]+/g, ' ')
    .trim()
    .replace(/(?<!\\)\|/g, '\\|');
  // an empty cell's range is the blank between its pipes: keep a space on each side
  if (current.trim() === '' && current.length > 0) return v ? ` ${v} ` : current;
  return v;
}

export class PreviewEditing {
  /** the code actions of the last `actions` request, by its id */
  private actions = new Map<number, (vscode.CodeAction | vscode.Command)[]>();

  constructor(
    private readonly document: () => vscode.TextDocument,
    private readonly reply: (m: EditReply) => void,
  ) {}

  async handle(m: EditMessage): Promise<void> {
    switch (m.type) {
      case 'editCell':
        return this.editCell(m);
      case 'actions':
        return this.codeActions(m);
      case 'applyAction':
        return this.apply(m);
    }
  }

  private async editCell(m: Extract<EditMessage, { type: 'editCell' }>): Promise<void> {
    const doc = this.document();
    if (m.version !== doc.version) {
      this.reply({
        type: 'editRejected',
        message: vscode.l10n.t('The report changed while you were typing; enter the figure again.'),
      });
      return;
    }
    const line = Math.floor(m.line);
    if (!(line >= 0 && line < doc.lineCount)) return;
    const range = doc.validateRange(new vscode.Range(line, m.character, line, m.endCharacter));
    const current = doc.getText(range);
    const text = cellText(m.value, current);
    if (text === current) return;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, range, text);
    const ok = await vscode.workspace.applyEdit(edit);
    if (!ok)
      this.reply({ type: 'editRejected', message: vscode.l10n.t('The figure could not be written into the report.') });
  }

  private async codeActions(m: Extract<EditMessage, { type: 'actions' }>): Promise<void> {
    const doc = this.document();
    const range = doc.validateRange(new vscode.Range(m.line, m.character, m.endLine, m.endCharacter));
    let found: (vscode.CodeAction | vscode.Command)[] = [];
    try {
      found =
        (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
          'vscode.executeCodeActionProvider',
          doc.uri,
          range,
          vscode.CodeActionKind.QuickFix.value,
        )) ?? [];
    } catch {
      found = [];
    }
    // the report's own fixes only (other extensions may add theirs), the light bulb's order
    const ours = found.filter((a) => !('kind' in a) || !a.kind || vscode.CodeActionKind.QuickFix.contains(a.kind));
    this.actions.clear();
    this.actions.set(m.id, ours);
    this.reply({
      type: 'actions',
      id: m.id,
      actions: ours.map((a) => ({ title: a.title, preferred: 'isPreferred' in a && !!a.isPreferred })),
    });
  }

  private async apply(m: Extract<EditMessage, { type: 'applyAction' }>): Promise<void> {
    const a = this.actions.get(m.id)?.[m.index];
    if (!a) return;
    if ('edit' in a && a.edit) await vscode.workspace.applyEdit(a.edit);
    const command: vscode.Command | undefined =
      a instanceof vscode.CodeAction ? a.command : typeof a.command === 'string' ? a : undefined;
    if (command) {
      const args: unknown[] = (command.arguments as unknown[] | undefined) ?? [];
      await vscode.commands.executeCommand(command.command, ...args);
    }
  }
}
