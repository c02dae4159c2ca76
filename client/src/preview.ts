/**
 * The report preview: a webview beside the editor, like VS Code's Markdown preview, showing the
 * report as it is published (the official merged tables). It renders in the extension host with
 * the pure render module, on every edit after a short pause, and:
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
import { previewShellHtml, renderForPreview } from '../../server/src/render/webview';
import type { Severity } from '../../server/src/engine/rule';
import { registerExport, LANGUAGE_ID } from './export';

export const VIEW_TYPE = 'xxgk.preview';
/** Well under the 150 ms the preview promises between a keystroke and the update. */
const RENDER_DELAY_MS = 90;
const PRINT_LOOK_KEY = 'xxgk.preview.printLook';

type FromWebview =
  | { type: 'ready' }
  | { type: 'reveal'; line: number; character: number }
  | { type: 'scroll'; line: number }
  | { type: 'printLook'; on: boolean };

/** The language of the report's messages: Chinese unless `xxgk.locale` says `en` (or `auto` in an English UI). */
function locale(): 'zh' | 'en' {
  const l = vscode.workspace.getConfiguration('xxgk').get<string>('locale', 'zh-CN');
  if (l === 'en') return 'en';
  if (l === 'auto') return vscode.env.language.toLowerCase().startsWith('en') ? 'en' : 'zh';
  return 'zh';
}

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

  constructor(
    readonly panel: vscode.WebviewPanel,
    source: vscode.TextDocument,
    private readonly context: vscode.ExtensionContext,
    private readonly onDispose: () => void,
  ) {
    this.source = source;
    panel.webview.options = {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media')],
    };
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'images', 'file-icon.svg');
    panel.webview.html = this.shell();
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
    this.render(true);
  }

  private updateTitle(): void {
    const name = this.source.uri.path.split('/').pop() ?? '';
    this.panel.title = vscode.l10n.t('Preview {0}', name);
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.render(false);
    }, RENDER_DELAY_MS);
  }

  private render(scroll: boolean): void {
    if (!this.ready) return;
    const severities = vscode.workspace.getConfiguration('xxgk').get<Record<string, Severity | 'off'>>('rules', {});
    try {
      const r = renderForPreview(this.source.getText(), locale(), severities);
      void this.panel.webview.postMessage(r);
    } catch (err) {
      // keep showing the last good rendering, and say why it is not current
      const msg = err instanceof Error ? err.message : String(err);
      void this.panel.webview.postMessage({ type: 'error', message: msg, locale: locale() });
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
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.render(true);
        break;
      case 'reveal': {
        const line = Math.max(0, Math.min(Math.floor(m.line), this.source.lineCount - 1));
        const pos = new vscode.Position(line, Math.max(0, Math.floor(m.character)));
        const existing = this.editorFor();
        const editor = await vscode.window.showTextDocument(this.source, {
          viewColumn: existing?.viewColumn ?? vscode.ViewColumn.One,
          preserveFocus: false,
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

  /** The webview's page: the strict CSP, the shared report stylesheet, the script, the first rendering. */
  private shell(): string {
    const webview = this.panel.webview;
    const media = (f: string): string =>
      webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'media', f)).toString();
    return previewShellHtml({
      cspSource: webview.cspSource,
      nonce: nonce(),
      styleHref: media('preview.css'),
      scriptHref: media('preview.js'),
      printLook: this.context.globalState.get<boolean>(PRINT_LOOK_KEY, false),
      title: this.panel.title,
    });
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
  current = new ReportPreview(panel, doc, context, () => {
    current = undefined;
  });
  return panel;
}

export function registerPreview(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('xxgk.showPreview', (uri?: vscode.Uri) => showPreview(context, false, uri)),
    vscode.commands.registerCommand('xxgk.showPreviewToSide', (uri?: vscode.Uri) => showPreview(context, true, uri)),
    { dispose: () => current?.panel.dispose() },
  );
}

/** The client feature: preview and export commands. */
export function previewAndExport(context: vscode.ExtensionContext): void {
  registerPreview(context);
  registerExport(context);
}
