/**
 * `xxgk render <file> --to html|docx [-o out]`: the report as it will be published. HTML is one
 * self-contained page (CSS inlined, no script); DOCX has the official merged table layout and the
 * typography of official documents. The output goes next to the report unless `-o` names a file
 * (`-o -` writes HTML to standard output). The file is written atomically.
 * Exit codes: 0 written, 2 usage or I/O failure.
 */
import type { Command, CommandContext } from './commands';
import { parseArgs, reportWriteFailure, usage } from './args';
import { translator } from '../messages';
import { readReport } from './read';
import { exportReport, EXPORT_FORMATS, type ExportFormat } from '../render/index';
import { defaultExportPath, writeFileAtomic } from '../render/write';

const USAGE = 'xxgk render <file> --to html|docx [-o out] [--theme print|auto]';

async function run(argv: string[], io: CommandContext): Promise<number> {
  const t = translator(io.locale ?? 'zh');
  const { positional, flags } = parseArgs(argv, ['--to', '-t', '-o', '--output', '--theme'], []);
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
    if (io.isTTY) io.stderr(`xxgk: ${t('cli.wrote', { path: out })}\n`);
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
