/**
 * Custom requests the editor's commands use, so that the client stays thin:
 *   xxgk/newYear  { uri } → { text, fileName, year, carried }  next year's draft of an open report
 *   xxgk/import   { path | uri, agency?, year? } → { markdown, summary, fileName }  an existing report imported
 * Failures are answered as errors with a message for the user.
 */
import { ResponseError, ErrorCodes } from 'vscode-languageserver';
import { newYearDraft, newYearFileName, NewYearError } from '../engine/new-year';
import { importFileName, importKindOf, importReport, ImportError } from '../importers/index';
import type { Feature } from './types';
import { translator, type Translate } from '../messages';

export interface NewYearParams {
  uri: string;
}
export interface NewYearAnswer {
  text: string;
  fileName: string;
  year: number;
  carried: number;
}
export interface ImportParams {
  /** the file, as a platform path (Node: a file system path) … */
  path?: string;
  /** … or as a URI (the editor's; in a browser the only form) */
  uri?: string;
  agency?: string;
  year?: number;
}

const fail = (message: string): ResponseError<void> => new ResponseError(ErrorCodes.InvalidParams, message);

export const requestsFeature: Feature = {
  capabilities: () => ({}),
  register({ connection, documents, files, state }) {
    // the client shows these to the user: in the language of the messages
    const t = (uri?: string): Translate => translator(state.locale(uri));
    connection.onRequest('xxgk/newYear', async (params: NewYearParams): Promise<NewYearAnswer> => {
      const doc = documents.get(params?.uri ?? '');
      let text = doc?.getText();
      const path = files.uriToPath(params?.uri ?? '');
      if (text === undefined && path) {
        try {
          text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await files.readFile(path));
        } catch {
          /* reported below */
        }
      }
      if (text === undefined) throw fail(t(params?.uri)('request.no-last-year'));
      try {
        const d = newYearDraft(text);
        const name = path ? files.basename(path) : `${d.agency}-${d.year - 1}.xxgk.md`;
        return { text: d.text, fileName: newYearFileName(name, d.year - 1), year: d.year, carried: d.carried };
      } catch (err) {
        if (err instanceof NewYearError) throw fail(err.text(state.locale(params?.uri)));
        throw err;
      }
    });

    connection.onRequest('xxgk/import', async (params: ImportParams) => {
      const path = params?.path ?? (params?.uri ? files.uriToPath(params.uri) : undefined);
      if (!path) throw fail(params?.uri ? t()('request.cannot-read', { uri: params.uri }) : t()('request.no-file'));
      const kind = importKindOf(path);
      if (typeof kind !== 'string') throw fail(kind.error.text(state.locale(params?.uri)));
      let data: Uint8Array;
      try {
        data = await files.readFile(path);
      } catch (err) {
        throw fail(t()('cli.cannot-read', { path, reason: String((err as { code?: string }).code ?? err) }));
      }
      try {
        const r = await importReport(data, kind, {
          agency: params.agency,
          year: params.year,
          sourceName: files.basename(path),
        });
        if (r.summary.sections.length === 0 && r.summary.tables.every((t) => !t.found)) {
          throw fail(t()('cli.import.nothing-found'));
        }
        return { markdown: r.markdown, summary: r.summary, fileName: importFileName(files.basename(path)) };
      } catch (err) {
        if (err instanceof ImportError) throw fail(err.text(state.locale(params?.uri)));
        throw err;
      }
    });
  },
};
