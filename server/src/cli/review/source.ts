/**
 * Reading one input of `xxgk review` into the text of a report in the dialect: the one loader of
 * every door (cli/load.ts): a Markdown report as it is; a PDF, a Word file, a saved web page or
 * extracted text imported in memory, nothing written.
 */
import { loadReportSource } from '../load';
import type { Locale } from '../../messages';

export type SourceResult = { ok: true; text: string; imported: boolean } | { ok: false; reason: string };

/** One input file → the report's text in the dialect, or why it cannot be read (in `locale`). */
export async function loadReviewSource(path: string, locale: Locale = 'zh'): Promise<SourceResult> {
  try {
    const r = await loadReportSource(path, undefined, { unknownAsMarkdown: true, locale });
    return { ok: true, text: r.text, imported: r.imported };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
}
