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
import { parseArgs, reportWriteFailure, UsageError } from './args';
import { readReport } from './read';
import { exportReport, EXPORT_FORMATS, type ExportFormat } from '../render/index';
import { defaultExportPath, fileExists, sameFile, writeFileAtomic } from '../render/write';

const USAGE = 'xxgk render <file> --to html|docx [-o out|-] [--theme print|auto] [--force]';

async function run(argv: string[], io: CommandContext): Promise<number> {
  try {
    return await render(argv, io);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`xxgk: ${err.message}\n\nUsage:\n  ${USAGE}\n`);
    return 2;
  }
}

async function render(argv: string[], io: CommandContext): Promise<number> {
  const { positional, flags } = parseArgs(argv, ['--to', '-t', '-o', '--output', '--theme'], ['--force']);
  const toFlag = flags.get('--to') ?? flags.get('-t');
  if (toFlag === undefined) throw new UsageError('render needs --to html or --to docx');
  const to = String(toFlag).toLowerCase();
  if (!EXPORT_FORMATS.includes(to as ExportFormat))
    throw new UsageError(`unknown output format ${to} (use html or docx)`);
  const themeFlag = flags.get('--theme') ?? 'print';
  if (themeFlag !== 'print' && themeFlag !== 'auto')
    throw new UsageError(`unknown theme ${themeFlag} (use print or auto)`);
  if (positional.length !== 1)
    throw new UsageError(
      positional.length === 0 ? 'render needs the report file' : 'render takes exactly one report file',
    );
  const source = positional[0];
  const outFlag = flags.get('-o') ?? flags.get('--output');
  // only value flags are declared, so every flag holds a string
  const out = outFlag === undefined ? defaultExportPath(source, to as ExportFormat) : String(outFlag);
  if (out === '-' && to !== 'html') throw new UsageError('DOCX is binary: give an output file with -o');

  if (out !== '-' && sameFile(out, source)) {
    io.stderr(`xxgk: ${out}: this is the report itself; render never writes onto its source (choose another -o)\n`);
    return 2;
  }
  if (out !== '-' && !flags.has('--force') && fileExists(out)) {
    io.stderr(`xxgk: ${out}: already exists (use --force to overwrite, or -o to write elsewhere)\n`);
    return 2;
  }

  const r = readReport(source);
  if (!r.ok) {
    io.stderr(`xxgk: ${source}: cannot read: ${r.reason}\n`);
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
    io.stderr(`xxgk: wrote ${out} (${data.length} bytes)\n`);
  }
  const { errors } = model.counts;
  if (errors > 0) {
    io.stderr(
      `xxgk: note: ${source} has ${errors} error${errors === 1 ? '' : 's'} (run \`xxgk check ${source}\`); rendered as written\n`,
    );
  }
  return 0;
}

export const renderCommand: Command = {
  usage: USAGE,
  run,
};
