/** Rendering a report's source to the published forms: HTML (self-contained page) and DOCX. */
import { buildRenderModel, type RenderDocument } from './model';
import { renderHtmlDocument } from './html';
import { renderDocx } from './docx';

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
  options: { theme?: 'print' | 'auto' } = {},
): Promise<ExportResult> {
  const model = buildRenderModel(text, { diagnostics: false });
  if (to === 'html')
    return { data: new TextEncoder().encode(renderHtmlDocument(model, { theme: options.theme })), model };
  return { data: await renderDocx(model), model };
}

export { buildRenderModel, renderHtmlDocument, renderDocx };
export type { RenderDocument };
