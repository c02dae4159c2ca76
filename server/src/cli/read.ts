/** Reading a report file: BOM stripped, invalid UTF-8 told apart from text. */
import { readFileSync } from 'node:fs';

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

export function readReport(path: string): ReadResult {
  let buf: Buffer;
  try { buf = readFileSync(path); } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'EISDIR' ? 'is a directory' : code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String((err as Error).message) };
  }
  if (buf.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes), not a text report' };
  let text: string;
  try { text = new TextDecoder('utf-8', { fatal: true }).decode(buf); } catch {
    return { ok: false, reason: 'not valid UTF-8 text (save the report as UTF-8)' };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}
