/** Rendering a report's source to the published forms: HTML (self-contained page) and DOCX. */
import type { Analysis } from '../engine/index';
import { buildRenderModel, type RenderDocument } from './model';
import { renderHtmlDocument } from './html';

export type ExportFormat = 'html' | 'docx';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['html', 'docx'];

export interface ExportResult {
  data: Uint8Array;
  model: RenderDocument;
}

/** The report as the bytes of an exported file. Diagnostics are counted, never drawn in the export. */
export async function exportReport(
  text: string,
  to: ExportFormat,
  options: { theme?: 'print' | 'auto'; analysis?: Pick<Analysis, 'report' | 'diagnostics'> } = {},
): Promise<ExportResult> {
  const model = buildRenderModel(text, { diagnostics: false, analysis: options.analysis });
  if (to === 'html')
    return { data: new TextEncoder().encode(renderHtmlDocument(model, { theme: options.theme })), model };
  // the Word writer (and its libraries) only when a DOCX is asked for: in the browser worker a chunk loaded on demand
  const { renderDocx } = await import('./docx');
  return { data: await renderDocx(model), model };
}

/** The default export path: next to the report, `.xxgk.md`/`.md` replaced by the format's extension. */
export function defaultExportPath(source: string, to: ExportFormat): string {
  const base = source.replace(/(\.xxgk)?\.(md|markdown)$/i, '');
  return `${base === source ? source : base}.${to}`;
}

export { buildRenderModel, renderHtmlDocument };
export type { RenderDocument };
