/**
 * One loader for every door that takes a report from disk: `xxgk check`, `xxgk import`, the
 * editor's import request (and `xxgk review`).
 *
 * `loadReportSource(pathOrBytes, name?, options?)` → `{ text, origin, imported, inferred, notes, summary }`
 *
 * - `pathOrBytes`: a file path (read here, with the import limits: regular files only — never a
 *   device or a FIFO —, and no larger than the limit for its kind), or the bytes themselves
 *   (`Uint8Array`; then `name` says what they are, by its extension).
 * - `.md` / `.markdown` (and a `.txt` whose text opens with report front matter) is a report in the
 *   dialect: `text` is the file's text (UTF-8 or UTF-16 with BOM, BOM removed), `origin` 'markdown',
 *   `imported` false.
 * - `.pdf`, `.docx`, `.html`/`.htm`, `.txt` are imported in memory (importers/): `text` is the draft in
 *   the dialect, `origin` the kind, `imported` true, `summary` the import summary (cells read, what
 *   was not placed), `inferred` the front matter fields filled in with their evidence, `notes` what
 *   the writer should check.
 * - Failure throws `LoadError` with a message for the user (Chinese first): unreadable, not a
 *   regular file, too large, an unsupported type, a scan, an encrypted or damaged PDF, or — with
 *   `notReport` set — a file in which no part of a report was found (a caller walking a folder
 *   skips such files and counts them).
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, basename } from 'node:path';
import {
  importKindOf,
  importReport,
  decodeText,
  ImportError,
  IMPORT_LIMITS,
  type ImportKind,
  type ImportSummary,
  type Inferred,
} from '../importers/index';
import { MAX_READ_BYTES, decodeReport } from './read';
import { ioReason } from './args';
import { translator, type Locale } from '../messages';

export type Origin = 'markdown' | ImportKind;

export interface LoadedSource {
  /** the report in the dialect */
  text: string;
  origin: Origin;
  imported: boolean;
  inferred: Inferred[];
  notes: string[];
  summary?: ImportSummary;
}

export interface LoadOptions {
  agency?: string;
  year?: number;
  /** a file of no known type is read as a report in the dialect (as `check` reads a file named on its command line) */
  unknownAsMarkdown?: boolean;
  /** the language of the messages (Chinese by default) */
  locale?: Locale;
}

export class LoadError extends Error {
  constructor(
    message: string,
    /** no part of a report was found in the file (not a failure when walking a folder) */
    readonly notReport = false,
  ) {
    super(message);
  }
}

const MARKDOWN = /\.(md|markdown)$/i;

/** Whether a text opens with front matter naming 机关 or 年度 (a report, whatever its name). */
export function hasReportFrontMatter(text: string): boolean {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(t.slice(0, 20000));
  return !!m && /^(?:机关|年度|agency|year)\s*:/m.test(m[1]);
}

let cmaps: string | undefined | null = null;
/** pdfjs's CJK character maps, when the package is on disk beside the program. */
function cMapUrl(): string | undefined {
  if (cmaps === null) {
    try {
      cmaps = `${dirname(require.resolve('pdfjs-dist/package.json'))}/cmaps/`;
    } catch {
      cmaps = undefined;
    }
  }
  return cmaps;
}

/** The bytes of a file, within the limits of its kind; never reads a device, a FIFO or a directory. */
export function readSourceBytes(path: string, kind: Origin, locale: Locale = 'zh'): Uint8Array {
  const t = translator(locale);
  let st;
  try {
    st = statSync(path);
  } catch (err) {
    throw new LoadError(ioReason(err, locale));
  }
  if (st.isDirectory()) throw new LoadError(t('cli.io.is-directory'));
  if (!st.isFile()) throw new LoadError(t('cli.not-regular-file'));
  const max = kind === 'markdown' ? MAX_READ_BYTES : IMPORT_LIMITS.bytes[kind];
  if (st.size > max)
    throw new LoadError(
      t('cli.file-too-large', {
        size: (st.size / 1024 / 1024).toFixed(0),
        kind: kind === 'markdown' ? '.md' : `.${kind === 'text' ? 'txt' : kind}`,
        max: (max / 1024 / 1024).toFixed(0),
      }),
    );
  try {
    const buf = readFileSync(path);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (err) {
    throw new LoadError(ioReason(err, locale));
  }
}

/** Read (or take) a report source and return the report in the dialect; see the module comment. */
export async function loadReportSource(
  src: string | Uint8Array,
  name?: string,
  options: LoadOptions = {},
): Promise<LoadedSource> {
  const fileName = name ?? (typeof src === 'string' ? src : 'report');
  let kind: Origin;
  if (MARKDOWN.test(fileName)) kind = 'markdown';
  else {
    const k = importKindOf(fileName);
    if (typeof k === 'string') kind = k;
    else if (
      options.unknownAsMarkdown &&
      !/\.(docx?|wps|odt|rtf|xlsx?|pptx?|zip|rar|7z|ofd|png|jpe?g|gif|tiff?)$/i.test(fileName)
    )
      kind = 'markdown';
    else throw new LoadError(k.error.text(options.locale ?? 'zh'));
  }
  const data = typeof src === 'string' ? readSourceBytes(src, kind, options.locale) : src;
  if (kind === 'markdown') {
    // a report in the dialect is read as `check` always read it (UTF-8, or UTF-16 with a BOM)
    const r = decodeReport(data, options.locale);
    if (!r.ok) throw new LoadError(r.reason);
    return { text: r.text, origin: 'markdown', imported: false, inferred: [], notes: [] };
  }
  if (kind === 'text') {
    let text: string;
    try {
      text = decodeText(data);
    } catch (err) {
      throw new LoadError(err instanceof Error ? err.message : String(err));
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (hasReportFrontMatter(text)) return { text, origin: 'markdown', imported: false, inferred: [], notes: [] };
  }
  try {
    const r = await importReport(data, kind, {
      agency: options.agency,
      year: options.year,
      sourceName: basename(fileName),
      cMapUrl: kind === 'pdf' ? cMapUrl() : undefined,
    });
    const s = r.summary;
    if (s.sections.length === 0 && s.tables.every((t) => !t.found))
      throw new LoadError(translator(options.locale ?? 'zh')('cli.import.nothing-found'), true);
    return { text: r.markdown, origin: kind, imported: true, inferred: s.inferred, notes: s.notes, summary: s };
  } catch (err) {
    if (err instanceof ImportError) throw new LoadError(err.text(options.locale ?? 'zh'));
    throw err;
  }
}
