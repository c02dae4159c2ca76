/**
 * Custom requests the editor's commands use, so that the client stays thin:
 *   xxgk/newYear  { uri } → { text, fileName, year, carried }  next year's draft of an open report
 *   xxgk/import   { path, agency?, year? } → { markdown, summary, fileName }  an existing report imported
 * Failures are answered as errors with a message for the user.
 */
import { promises as fsp } from 'node:fs';
import { basename } from 'node:path';
import { ResponseError, ErrorCodes } from 'vscode-languageserver/node';
import { newYearDraft, newYearFileName, NewYearError } from '../engine/new-year';
import { importFileName } from '../importers/index';
import { loadReportSource, LoadError } from '../cli/load';
import type { FeatureContext } from '../features/register';
import { uriToPath } from './index';

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
  path: string;
  agency?: string;
  year?: number;
}

export function registerWorkspaceRequests(ctx: FeatureContext): void {
  const { connection, documents } = ctx;
  const fail = (message: string): ResponseError<void> => new ResponseError(ErrorCodes.InvalidParams, message);

  connection.onRequest('xxgk/newYear', async (params: NewYearParams): Promise<NewYearAnswer> => {
    const doc = documents.get(params?.uri ?? '');
    let text = doc?.getText();
    const path = uriToPath(params?.uri ?? '');
    if (text === undefined && path) {
      try {
        text = await fsp.readFile(path, 'utf8');
      } catch {
        /* reported below */
      }
    }
    if (text === undefined) throw fail('找不到上年报告 (last year’s report cannot be read)');
    try {
      const d = newYearDraft(text);
      const name = path ? basename(path) : `${d.agency}-${d.year - 1}.xxgk.md`;
      return { text: d.text, fileName: newYearFileName(name, d.year - 1), year: d.year, carried: d.carried };
    } catch (err) {
      if (err instanceof NewYearError) throw fail(err.message);
      throw err;
    }
  });

  connection.onRequest('xxgk/import', async (params: ImportParams) => {
    const path = params?.path;
    if (!path) throw fail('没有指定要导入的文件 (no file to import)');
    // the same loader and limits as the command line: regular files only, sizes, spans, time
    try {
      const r = await loadReportSource(path, undefined, { agency: params.agency, year: params.year });
      if (!r.imported || !r.summary) throw fail('已经是 xxgk 格式的报告，无需导入 (already a report in the dialect)');
      return { markdown: r.text, summary: r.summary, fileName: importFileName(basename(path)) };
    } catch (err) {
      if (err instanceof LoadError) throw fail(err.message);
      throw err;
    }
  });
}
