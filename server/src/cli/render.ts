/**
 * `xxgk render <file> --to html|docx [-o out]`: the report as it will be published. HTML is one
 * self-contained page (CSS inlined, no script); DOCX has the official merged table layout and the
 * typography of official documents. The output goes next to the report unless `-o` names a file
 * (`-o -` writes HTML to standard output). The file is written atomically, and named on stderr.
 * An existing file is replaced only with `--force` (as `new` and `import` do), and never the
 * report itself, whatever the flags: `-o r.xxgk.md` on r.xxgk.md (or a link to it) is refused.
 * Exit codes: 0 written, 2 usage or I/O failure, or a refused target.
 */
import type { Command, CommandContext } from './types';
import { parseArgs, reportWriteFailure, usage } from './args';
import { translator } from '../messages';
import { readReport } from './read';
import { defaultExportPath, exportReport, EXPORT_FORMATS, type ExportFormat } from '../render/index';
import { fileExists, sameFile, writeFileAtomic } from '../render/write';

const USAGE = 'xxgk render <file> --to html|docx [-o out|-] [--theme print|auto] [--force]';

async function run(argv: string[], io: CommandContext): Promise<number> {
  const t = translator(io.locale ?? 'zh');
  const { positional, flags } = parseArgs(argv, ['--to', '-t', '-o', '--output', '--theme'], ['--force']);
  const toFlag = flags.get('--to') ?? flags.get('-t');
  if (toFlag === undefined) throw usage('cli.render.needs-to');
  const to = String(toFlag).toLowerCase();
  if (!EXPORT_FORMATS.includes(to as ExportFormat)) throw usage('cli.render.unknown-format', { value: to });
  const themeFlag = flags.get('--theme') ?? 'print';
  if (themeFlag !== 'print' && themeFlag !== 'auto')
    throw usage('cli.render.unknown-theme', { value: String(themeFlag) });
  if (positional.length !== 1)
    throw positional.length === 0 ? usage('cli.render.needs-file') : usage('cli.render.one-file');
  const source = positional[0];
  const outFlag = flags.get('-o') ?? flags.get('--output');
  // only value flags are declared, so every flag holds a string
  const out = outFlag === undefined ? defaultExportPath(source, to as ExportFormat) : String(outFlag);
  if (out === '-' && to !== 'html') throw usage('cli.render.docx-stdout');

  if (out !== '-' && sameFile(out, source)) {
    io.stderr(`xxgk: ${t('cli.render.own-source', { path: out })}\n`);
    return 2;
  }
  if (out !== '-' && !flags.has('--force') && fileExists(out)) {
    io.stderr(`xxgk: ${t('cli.exists', { path: out })}\n`);
    return 2;
  }

  const r = readReport(source, io.locale);
  if (!r.ok) {
    io.stderr(`xxgk: ${t('cli.cannot-read', { path: source, reason: r.reason })}\n`);
    return 2;
  }
  const { data, model } = await exportReport(r.text, to as ExportFormat, { theme: themeFlag });
  if (out === '-') {
    io.stdout(new TextDecoder().decode(data));
  } else {
    try {
      writeFileAtomic(out, data);
    } catch (err) {
      return reportWriteFailure(out, err, io);
    }
    io.stderr(`xxgk: ${t('cli.wrote-bytes', { path: out, bytes: data.length })}\n`);
  }
  const { errors } = model.counts;
  if (errors > 0) {
    io.stderr(`xxgk: ${t('cli.render.has-errors', { path: source, count: errors })}\n`);
  }
  return 0;
}

export const renderCommand: Command = {
  usage: USAGE,
  help: 'cli.help.render',
  run,
};
