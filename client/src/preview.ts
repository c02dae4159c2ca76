/**
 * The report preview: a webview beside the editor, like VS Code's Markdown preview, showing the
 * report as it is published (the official merged tables). The language server renders it from its
 * own analysis (`xxgk/preview`, features/preview.ts), on every edit after a short pause, so the
 * preview shows exactly the Problems view's findings; the webview:
 *
 * - marks the cells (and headings, paragraphs) a diagnostic sits on, with the message on hover;
 * - scrolls with the editor and moves the editor when scrolled (data-line attributes);
 * - puts the editor's cursor on a clicked cell;
 * - follows the light/dark theme, with a "print look" that shows the published page;
 * - keeps the last good rendering and shows the error when the source cannot be rendered.
 *
 * Security: a strict Content-Security-Policy with a nonce (no inline script, no remote loads),
 * local resources limited to media/, and every piece of the document's HTML sanitised.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import type { PreviewParams, PreviewUpdate, ShellOptions } from '../../server/src/features/preview';
import { registerExport, LANGUAGE_ID } from './export';
import { PreviewEditing, isEditMessage, type EditMessage } from './preview-edit';

export const VIEW_TYPE = 'xxgk.preview';
/** Well under the 150 ms the preview promises between a keystroke and the update. */
const RENDER_DELAY_MS = 90;
const PRINT_LOOK_KEY = 'xxgk.preview.printLook';

type FromWebview =
  | { type: 'ready' }
  | { type: 'reveal'; line: number; character: number; preserveFocus?: boolean }
  | { type: 'scroll'; line: number }
  | { type: 'printLook'; on: boolean }
  | EditMessage;

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return s;
}

class ReportPreview implements vscode.Disposable {
  private source: vscode.TextDocument;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  /** the editor was scrolled by the preview: ignore the echo */
  private editorScrolledByPreviewAt = 0;
  /** figures typed into the preview, quick fixes chosen there */
  private readonly editing: PreviewEditing;
  /** the latest rendering asked for: an older answer arriving later is dropped */
  private asked = 0;

  constructor(
    readonly panel: vscode.WebviewPanel,
    source: vscode.TextDocument,
    private readonly context: vscode.ExtensionContext,
    private readonly client: () => LanguageClient | undefined,
    private readonly onDispose: () => void,
  ) {
    this.source = source;
    this.editing = new PreviewEditing(
      () => this.source,
      (m) => void this.panel.webview.postMessage(m),
    );
    panel.webview.options = {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media')],
    };
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'images', 'file-icon.svg');
    void this.loadShell();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: FromWebview) => this.onMessage(m)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.source) this.schedule();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('xxgk')) this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((ed) => {
        if (ed && ed.document.languageId === LANGUAGE_ID && ed.document !== this.source) this.show(ed.document);
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.onEditorScroll(e)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d === this.source) this.panel.dispose();
      }),
    );
    this.updateTitle();
  }

  get document(): vscode.TextDocument {
    return this.source;
  }

  /** Shows another report in this preview. */
  show(doc: vscode.TextDocument): void {
    if (doc === this.source) return;
    this.source = doc;
    this.updateTitle();
    void this.render(true);
  }

  private updateTitle(): void {
    const name = this.source.uri.path.split('/').pop() ?? '';
    this.panel.title = vscode.l10n.t('Preview {0}', name);
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.render(false);
    }, RENDER_DELAY_MS);
  }

  /** The server's rendering of the source (for a document the server does not hold, the text goes along). */
  private request(): Promise<PreviewUpdate> {
    const c = this.client();
    if (!c) return Promise.reject(new Error(vscode.l10n.t('The language server is not running.')));
    const doc = this.source;
    const params: PreviewParams = {
      uri: doc.uri.toString(),
      text: doc.languageId === LANGUAGE_ID ? undefined : doc.getText(),
    };
    return c.sendRequest<PreviewUpdate>('xxgk/preview', params);
  }

  private async render(scroll: boolean): Promise<void> {
    if (!this.ready) return;
    const asked = ++this.asked;
    try {
      // the version lets an edit typed into the preview be checked against the text it was typed over
      // (the server answers for the text it holds, which is this version: changes reach it before requests)
      const version = this.source.version;
      const r = await this.request();
      if (asked !== this.asked) return;
      void this.panel.webview.postMessage({ ...r, version });
    } catch (err) {
      if (asked !== this.asked) return;
      // keep showing the last good rendering, and say why it is not current
      const msg = err instanceof Error ? err.message : String(err);
      void this.panel.webview.postMessage({ type: 'error', message: msg });
    }
    if (scroll) {
      const editor = this.editorFor();
      if (editor) this.postScroll(editor);
    }
  }

  private editorFor(): vscode.TextEditor | undefined {
    return vscode.window.visibleTextEditors.find((e) => e.document === this.source);
  }

  private postScroll(editor: vscode.TextEditor): void {
    const range = editor.visibleRanges[0];
    if (!range) return;
    void this.panel.webview.postMessage({ type: 'scrollTo', line: range.start.line });
  }

  private onEditorScroll(e: vscode.TextEditorVisibleRangesChangeEvent): void {
    if (e.textEditor.document !== this.source || !this.panel.visible) return;
    if (Date.now() - this.editorScrolledByPreviewAt < 300) return;
    this.postScroll(e.textEditor);
  }

  private async onMessage(m: FromWebview): Promise<void> {
    if (isEditMessage(m)) return this.editing.handle(m);
    switch (m.type) {
      case 'ready':
        this.ready = true;
        void this.render(true);
        break;
      case 'reveal': {
        const line = Math.max(0, Math.min(Math.floor(m.line), this.source.lineCount - 1));
        const pos = new vscode.Position(line, Math.max(0, Math.floor(m.character)));
        const existing = this.editorFor();
        // the preview scrolls with the editor: not this time
        this.editorScrolledByPreviewAt = Date.now();
        const editor = await vscode.window.showTextDocument(this.source, {
          viewColumn: existing?.viewColumn ?? vscode.ViewColumn.One,
          preserveFocus: !!m.preserveFocus,
          selection: new vscode.Range(pos, pos),
        });
        editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        break;
      }
      case 'scroll': {
        const editor = this.editorFor();
        if (!editor || !Number.isFinite(m.line)) return;
        const line = Math.max(0, Math.min(Math.floor(m.line), this.source.lineCount - 1));
        this.editorScrolledByPreviewAt = Date.now();
        editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
        break;
      }
      case 'printLook':
        await this.context.globalState.update(PRINT_LOOK_KEY, !!m.on);
        break;
    }
  }

  /** The webview's page from the server: the strict CSP, the shared report stylesheet, the script. */
  private async loadShell(): Promise<void> {
    const webview = this.panel.webview;
    const media = (f: string): string =>
      webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'media', f)).toString();
    const options: ShellOptions & { uri: string } = {
      uri: this.source.uri.toString(),
      cspSource: webview.cspSource,
      nonce: nonce(),
      styleHref: media('preview.css'),
      scriptHref: media('preview.js'),
      printLook: this.context.globalState.get<boolean>(PRINT_LOOK_KEY, false),
      title: this.panel.title,
    };
    try {
      const c = this.client();
      if (!c) throw new Error(vscode.l10n.t('The language server is not running.'));
      webview.html = await c.sendRequest<string>('xxgk/previewShell', options);
    } catch (err) {
      const msg = (err instanceof Error ? err.message : String(err)).replace(
        /[&<>"]/g,
        (ch) => `&#${ch.charCodeAt(0)};`,
      );
      webview.html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head><body><p>${vscode.l10n.t('The preview is unavailable: {0}', msg)}</p></body></html>`;
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.onDispose();
  }
}

let current: ReportPreview | undefined;

async function showPreview(
  context: vscode.ExtensionContext,
  client: () => LanguageClient | undefined,
  toSide: boolean,
  uri?: vscode.Uri,
): Promise<vscode.WebviewPanel | undefined> {
  let doc: vscode.TextDocument | undefined;
  if (uri instanceof vscode.Uri) doc = await vscode.workspace.openTextDocument(uri);
  else {
    const ed = vscode.window.activeTextEditor;
    if (ed && (ed.document.languageId === LANGUAGE_ID || ed.document.languageId === 'markdown')) doc = ed.document;
    else
      doc =
        current?.document ??
        vscode.window.visibleTextEditors.find((e) => e.document.languageId === LANGUAGE_ID)?.document;
  }
  if (!doc) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open an annual report first.'));
    return undefined;
  }
  const active = vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.One;
  const column = toSide ? vscode.ViewColumn.Beside : active;
  if (current) {
    current.show(doc);
    current.panel.reveal(column, toSide);
    return current.panel;
  }
  const panel = vscode.window.createWebviewPanel(
    VIEW_TYPE,
    vscode.l10n.t('Preview'),
    { viewColumn: column, preserveFocus: toSide },
    {
      enableScripts: true,
      enableFindWidget: true,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media')],
    },
  );
  current = new ReportPreview(panel, doc, context, client, () => {
    current = undefined;
  });
  return panel;
}

export function registerPreview(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('xxgk.showPreview', (uri?: vscode.Uri) => showPreview(context, client, false, uri)),
    vscode.commands.registerCommand('xxgk.showPreviewToSide', (uri?: vscode.Uri) =>
      showPreview(context, client, true, uri),
    ),
    {
      dispose: () => {
        current?.panel.dispose();
      },
    },
  );
}

/** The client feature: preview and export commands. */
export function previewAndExport(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  registerPreview(context, client);
  registerExport(context, client);
}
