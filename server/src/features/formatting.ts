/**
 * Formatting (whole document and range): pipe tables only, aligned by display width (CJK and
 * full-width characters count two columns), numbers right-aligned, delimiter rows normalised.
 * Nothing outside the tables changes, and a cell's content never does.
 */
import type { DocumentFormattingParams, DocumentRangeFormattingParams, TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatTables } from '../engine/text/table-format';
import { LineIndex } from '../engine/text';
import type { Feature } from './types';
import type { ServerState } from './state';
import { diffEdits, toTextEdits } from './edit-util';

/** The formatting edits of a document; with the server's state, from its analysis's parse (no second parse). */
export function formatDocument(
  doc: TextDocument,
  range?: DocumentRangeFormattingParams['range'],
  state?: ServerState,
): TextEdit[] {
  const text = doc.getText();
  const parsed = state?.analyze(doc).report.doc;
  const lines = parsed?.text === text ? parsed.lines : new LineIndex(text);
  const span = range ? { start: lines.offsetAt(range.start), end: lines.offsetAt(range.end) } : undefined;
  const out: TextEdit[] = [];
  for (const e of formatTables(text, span, parsed)) {
    // only the lines that change, so the cursor elsewhere in the table stays put
    const old = text.slice(e.span.start, e.span.end);
    const small = diffEdits(old, e.newText).map((d) => ({
      span: { start: d.span.start + e.span.start, end: d.span.end + e.span.start },
      newText: d.newText,
    }));
    out.push(...toTextEdits(lines, small));
  }
  return out;
}

export const formattingFeature: Feature = {
  capabilities: () => ({ documentFormattingProvider: true, documentRangeFormattingProvider: true }),
  register({ connection, state, withDoc }) {
    connection.onDocumentFormatting((p: DocumentFormattingParams) =>
      withDoc(p.textDocument.uri, [] as TextEdit[], (doc) => formatDocument(doc, undefined, state)),
    );
    connection.onDocumentRangeFormatting((p: DocumentRangeFormattingParams) =>
      withDoc(p.textDocument.uri, [] as TextEdit[], (doc) => formatDocument(doc, p.range, state)),
    );
  },
};
