/**
 * `xxgk render <file> --to html|docx [-o out]`: the report as it will be published. HTML is one
 * self-contained page (CSS inlined, no script); DOCX has the official merged table layout and the
 * typography of official documents. The output goes next to the report unless `-o` names a file
 * (`-o -` writes HTML to standard output). The file is written atomically.
 * Exit codes: 0 written, 2 usage or I/O failure.
 */
import type { Command, CommandContext } from './commands';
import { readReport } from './read';
import { exportReport, EXPORT_FORMATS, type ExportFormat } from '../render/index';
import { defaultExportPath, writeFileAtomic } from '../render/write';

const USAGE = 'xxgk render <file> --to html|docx [-o out] [--theme print|auto]';

class UsageError extends Error {}

/** `--flag value` and `--flag=value`; this module does not import main.ts (which imports the commands). */
function parseFlags(argv: string[], withValue: string[]): { positional: string[]; flags: Map<string, string> } {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') { positional.push(...argv.slice(i + 1)); break; }
    if (a.startsWith('-') && a !== '-') {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(0, eq) : a;
      if (!withValue.includes(name)) throw new UsageError(`unknown option ${a}`);
      const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined) throw new UsageError(`option ${name} needs a value`);
      flags.set(name, v);
    } else positional.push(a);
  }
  return { positional, flags };
}

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
  const { positional, flags } = parseFlags(argv, ['--to', '-t', '-o', '--output', '--theme']);
  const toFlag = flags.get('--to') ?? flags.get('-t');
  if (toFlag === undefined) throw new UsageError('render needs --to html or --to docx');
  const to = String(toFlag).toLowerCase();
  if (!EXPORT_FORMATS.includes(to as ExportFormat)) throw new UsageError(`unknown output format ${to} (use html or docx)`);
  const themeFlag = flags.get('--theme') ?? 'print';
  if (themeFlag !== 'print' && themeFlag !== 'auto') throw new UsageError(`unknown theme ${themeFlag} (use print or auto)`);
  if (positional.length !== 1) throw new UsageError(positional.length === 0 ? 'render needs the report file' : 'render takes exactly one report file');
  const source = positional[0]!;
  const outFlag = flags.get('-o') ?? flags.get('--output');
  const out = outFlag ?? defaultExportPath(source, to as ExportFormat);
  if (out === '-' && to !== 'html') throw new UsageError('DOCX is binary: give an output file with -o');

  const r = readReport(source);
  if (!r.ok) { io.stderr(`xxgk: ${source}: cannot read: ${r.reason}\n`); return 2; }
  const { data, model } = await exportReport(r.text, to as ExportFormat, { theme: themeFlag });
  if (out === '-') {
    io.stdout(new TextDecoder().decode(data));
  } else {
    try {
      writeFileAtomic(out, data);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      const why = e.code === 'ENOENT' ? 'no such directory' : e.code === 'EACCES' || e.code === 'EPERM' ? 'permission denied' : e.code === 'EISDIR' ? 'is a directory' : e.message;
      io.stderr(`xxgk: ${out}: cannot write: ${why}\n`);
      return 2;
    }
    if (io.isTTY) io.stderr(`xxgk: wrote ${out}\n`);
  }
  const { errors } = model.counts;
  if (errors > 0) {
    io.stderr(`xxgk: note: ${source} has ${errors} error${errors === 1 ? '' : 's'} (run \`xxgk check ${source}\`); rendered as written\n`);
  }
  return 0;
}

export const renderCommand: Command = {
  usage: USAGE,
  run,
};
