/**
 * `xxgk review <files|folders|globs…> -o <dir> [--force] [--locale zh-CN|en]`: the supervising
 * office's view of a batch of reports. Writes into <dir>:
 *   index.html     one row per report, sortable; a chart of findings by rule; a page per report
 *   reports/*.html each report rendered with every finding marked on its cell or heading
 *   findings.csv   one row per finding (UTF-8 with BOM)
 *   figures.xlsx   one sheet per official table, one row per report, one column per official cell
 * A file that cannot be read is listed as unreadable and does not stop the others.
 * Exit codes as `xxgk check`: 0 no error-severity finding, 1 at least one, 2 bad input (an
 * unreadable or missing file, no report found, an output directory that is not empty without --force).
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CommandContext } from '../types';
import { localeOf, parseArgs, reportWriteFailure, usage } from '../args';
import { ProgressBar, runPool, threadsFor } from '../pool';
import { writeFileAtomic } from '../../render/write';
import { collectInputs } from './files';
import { WALKED_TYPES } from '../files';
import { translator, type PlainMessageId, type Translate } from '../../messages';
import { findingOf, reviewFailed, reviewJob, type ReviewJob, type ReviewOutcome } from './entry';
import { crossYearForAll } from '../../engine/check';
import { indexHtml, reportPageHtml, type IndexEntry } from './html';
import { findingsCsv } from './csv';
import { figuresXlsx } from './xlsx';

export { USAGE } from '../usage';

/** Below this many files one thread is quicker than starting workers (a review takes longer than a check). */
const MIN_FILES_FOR_THREADS = 24;

function safeName(path: string): string {
  const b = basename(path).replace(/\.(xxgk\.md|md|markdown|docx|html?|txt|pdf)$/i, '');
  return b.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 60) || 'report';
}

/** Whether `dir` can receive the outputs: it does not exist, or is an empty directory, or --force. */
function prepareDir(dir: string, force: boolean, io: CommandContext, t: Translate): boolean {
  let st;
  try {
    st = statSync(dir);
  } catch {
    try {
      mkdirSync(dir, { recursive: true });
      return true;
    } catch (err) {
      reportWriteFailure(dir, err, io);
      return false;
    }
  }
  if (!st.isDirectory()) {
    io.stderr(`xxgk: ${t('cli.review.not-directory', { path: dir })}\n`);
    return false;
  }
  if (!force && readdirSync(dir).length > 0) {
    io.stderr(`xxgk: ${t('cli.review.not-empty', { path: dir })}\n`);
    return false;
  }
  return true;
}

export async function runReview(argv: string[], io: CommandContext): Promise<number> {
  const { positional, flags } = parseArgs(argv, ['-o', '--output', '--locale'], ['--force']);
  const locale = localeOf(flags.get('--locale'), io.locale);
  const t = translator(locale);
  const outFlag = flags.get('-o') ?? flags.get('--output');
  if (positional.length === 0) throw usage('cli.review.needs-files');
  if (typeof outFlag !== 'string' || !outFlag.trim()) throw usage('cli.review.needs-output');
  const out = outFlag;
  const { files, missing, skipped } = collectInputs(positional);
  for (const m of missing) io.stderr(`xxgk: ${t('cli.not-found', { path: m })}\n`);
  if (files.length === 0) {
    io.stderr(`xxgk: ${t('cli.no-report-found', { paths: positional.join(' '), types: WALKED_TYPES, skipped })}\n`);
    return 2;
  }
  if (!prepareDir(out, flags.has('--force'), io, t)) return 2;
  try {
    mkdirSync(join(out, 'reports'), { recursive: true });
  } catch (err) {
    return reportWriteFailure(join(out, 'reports'), err, io);
  }

  const bar = files.length > 1 && io.isTTY() ? new ProgressBar(files.length, (s) => io.stderr(s)) : undefined;
  let outcomes: ReviewOutcome[];
  try {
    outcomes = await runPool<ReviewJob, ReviewOutcome>({
      inputs: files.map((path) => ({ path, locale })),
      run: reviewJob,
      failed: reviewFailed,
      script: join(__dirname, 'review-worker.js'),
      threads: threadsFor(files.length, MIN_FILES_FOR_THREADS),
      onResult: () => bar?.tick(),
    });
  } finally {
    bar?.clear();
  }
  // the cross-year rules, as `xxgk check` runs them: reports of one 机关 in adjacent 年度 of the batch
  const reviewed = outcomes.map((o) => (o.ok ? o : undefined));
  for (const [i, extra] of crossYearForAll(
    reviewed.map((o) => ({ facts: o?.facts, name: o?.path })),
    locale,
  )) {
    const o = reviewed[i];
    if (!o) continue;
    const more = extra.filter((d) => d.severity !== 'hint').map(findingOf);
    o.findings = [...o.findings, ...more].sort((a, b) => a.line - b.line);
    for (const f of more) {
      if (f.severity === 'error') o.counts.errors++;
      else if (f.severity === 'warning') o.counts.warnings++;
      else o.counts.infos++;
    }
  }
  const entries: IndexEntry[] = [];
  for (let i = 0; i < outcomes.length; i++) {
    const o = outcomes[i];
    if (!o.ok) {
      entries.push({ outcome: o });
      continue;
    }
    const href = `reports/${String(i + 1).padStart(4, '0')}-${safeName(o.path)}.html`;
    try {
      // the pages go into the fresh (or --force'd) directory: written plainly, without a flush
      // each (500 flushes cost more than reviewing the reports); the index is written last
      writeFileSync(join(out, href), reportPageHtml(o, '../index.html'));
    } catch (err) {
      return reportWriteFailure(join(out, href), err, io);
    }
    // the page is written: keep only what the index, the CSV and the workbook need
    outcomes[i] = { ...o, body: '', facts: undefined };
    entries.push({ outcome: outcomes[i], href });
  }
  const generated = new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  for (const [name, data] of [
    ['index.html', indexHtml(entries, generated)],
    ['findings.csv', findingsCsv(outcomes)],
    ['figures.xlsx', await figuresXlsx(outcomes)],
  ] as const) {
    try {
      writeFileAtomic(join(out, name), data);
    } catch (err) {
      return reportWriteFailure(join(out, name), err, io);
    }
  }
  const bad = outcomes.filter((o) => !o.ok);
  for (const b of bad)
    if (!b.ok) io.stderr(`xxgk: ${t('cli.review.unreadable', { path: b.path, reason: b.reason })}\n`);
  const ok = outcomes.filter((o) => o.ok);
  const errors = ok.reduce((n, o) => n + (o.ok ? o.counts.errors : 0), 0);
  const warnings = ok.reduce((n, o) => n + (o.ok ? o.counts.warnings : 0), 0);
  const count = (n: number, one: PlainMessageId, many: 'cli.errors' | 'cli.warnings' | 'cli.review.reports'): string =>
    n === 1 ? t(one) : t(many, { count: n });
  io.stdout(
    `${t('cli.review.summary', {
      reports: count(files.length, 'cli.review.one-report', 'cli.review.reports'),
      unreadable: bad.length ? t('cli.review.some-unreadable', { count: bad.length }) : '',
      errors: count(errors, 'cli.one-error', 'cli.errors'),
      warnings: count(warnings, 'cli.one-warning', 'cli.warnings'),
      index: join(out, 'index.html'),
    })}\n`,
  );
  if (missing.length || bad.length) return 2;
  return errors > 0 ? 1 : 0;
}
