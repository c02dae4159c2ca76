/**
 * The preview and export, answered from the server's own analysis, so that the preview shows
 * exactly the findings of the Problems view (cross-year ones included) and the client holds no
 * engine or render code:
 *   xxgk/previewShell  ShellOptions → string                   the webview's page (CSP, styles, script)
 *   xxgk/preview       { uri, text? } → PreviewUpdate          the report rendered with its marks
 *   xxgk/export        { uri, format, text? } → ExportAnswer   the exported file's bytes (base64)
 * `text` is sent for a document the server does not hold (a Markdown file not in the report language).
 */
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../engine/index';
import { EXPORT_FORMATS, defaultExportPath, exportReport, type ExportFormat } from '../render/index';
import { previewShellHtml, renderForPreview, type PreviewUpdate, type ShellOptions } from '../render/webview';
import type { Feature, FeatureContext } from './types';
import { translator } from '../messages';

export interface PreviewParams {
  uri: string;
  /** the text, when the server does not hold the document */
  text?: string;
}
export interface ExportParams extends PreviewParams {
  format: ExportFormat;
}
export interface ExportAnswer {
  /** the file's bytes, base64 */
  data: string;
  /** error-severity findings in the report (the export itself draws none) */
  errors: number;
  /** the default name of the exported file (the report's, with the format's extension) */
  fileName: string;
}
export type { PreviewUpdate, ShellOptions };

/** Base64 of bytes, without a platform buffer type. */
export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK)
    bin += String.fromCharCode(...bytes.subarray(i, Math.min(i + CHUNK, bytes.length)));
  return btoa(bin);
}

function source(ctx: FeatureContext, p: PreviewParams): { text: string; analysis: Analysis } {
  const doc: TextDocument | undefined = ctx.documents.get(p?.uri ?? '');
  if (doc) {
    return { text: doc.getText(), analysis: ctx.state.analyze(doc) };
  }
  if (typeof p?.text !== 'string')
    throw new ResponseError(ErrorCodes.InvalidParams, translator(ctx.state.locale())('request.open-a-report'));
  const { state } = ctx;
  return { text: p.text, analysis: analyze(p.text, { locale: state.locale(), severities: state.settings.rules }) };
}

export const previewFeature: Feature = {
  capabilities: () => ({}),
  register(ctx) {
    const { connection, state } = ctx;
    connection.onRequest('xxgk/previewShell', (o: ShellOptions & { uri?: string }): string =>
      previewShellHtml({ ...o, locale: state.locale(o?.uri) }),
    );
    connection.onRequest('xxgk/preview', (p: PreviewParams): PreviewUpdate => {
      const { text, analysis } = source(ctx, p);
      return renderForPreview(text, state.locale(), state.settings.rules, undefined, analysis);
    });
    connection.onRequest('xxgk/export', async (p: ExportParams): Promise<ExportAnswer> => {
      if (!EXPORT_FORMATS.includes(p?.format))
        throw new ResponseError(ErrorCodes.InvalidParams, `unknown export format ${String(p?.format)}`);
      const { text, analysis } = source(ctx, p);
      const r = await exportReport(text, p.format, { analysis });
      const name =
        decodeURIComponent(
          p.uri
            .replace(/[?#].*$/, '')
            .split('/')
            .pop() ?? '',
        ) || 'report';
      return { data: toBase64(r.data), errors: r.model.counts.errors, fileName: defaultExportPath(name, p.format) };
    });
  },
};
