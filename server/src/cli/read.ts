/**
 * Reading a report file: UTF-8 (BOM stripped), or UTF-16 with a BOM (Word's "Unicode text");
 * anything else is told apart from text with a reason: binary, another encoding (GBK is named),
 * not a regular file, or too large to read (see docs/robustness.md).
 */
import { readFileSync, statSync } from 'node:fs';

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

/** Files larger than this are not read at all (the engine would not parse a tenth of it). */
export const MAX_READ_BYTES = 100 * 1024 * 1024;

function ioReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'EISDIR'
    ? 'is a directory'
    : code === 'ENOENT'
      ? 'no such file'
      : code === 'EACCES'
        ? 'permission denied'
        : String((err as Error).message);
}

/** Whether the bytes read as GBK / GB18030 text with Chinese in it. */
function looksGbk(buf: Uint8Array): boolean {
  try {
    const s = new TextDecoder('gb18030', { fatal: true }).decode(buf.subarray(0, 64 * 1024));
    return /[\u4e00-\u9fff]/.test(s);
  } catch {
    return false;
  }
}

export function readReport(path: string): ReadResult {
  let buf: Buffer;
  try {
    // a device or a pipe could be read forever: only regular files, and not huge ones
    const st = statSync(path);
    if (st.isDirectory()) return { ok: false, reason: 'is a directory' };
    if (!st.isFile()) return { ok: false, reason: 'not a regular file' };
    if (st.size > MAX_READ_BYTES) {
      return {
        ok: false,
        reason: `file too large (${(st.size / 1024 / 1024).toFixed(0)} MB; reports are read up to ${MAX_READ_BYTES / 1024 / 1024} MB)`,
      };
    }
    buf = readFileSync(path);
  } catch (err) {
    return { ok: false, reason: ioReason(err) };
  }
  return decodeReport(buf);
}

/** The text of a report file's bytes (see the module comment), or why it is not text. */
export function decodeReport(buf: Uint8Array): ReadResult {
  let text: string;
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    try {
      text = new TextDecoder(buf[0] === 0xff ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(buf);
    } catch {
      return { ok: false, reason: 'not valid UTF-16 text despite its byte-order mark (save the report as UTF-8)' };
    }
  } else {
    if (buf.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes), not a text report' };
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    } catch {
      return {
        ok: false,
        reason: looksGbk(buf)
          ? 'not valid UTF-8 text: it looks like GBK/GB18030 (save the report as UTF-8)'
          : 'not valid UTF-8 text (save the report as UTF-8)',
      };
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}
