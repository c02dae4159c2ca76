/**
 * Reading a report file: UTF-8 (BOM stripped), or UTF-16 with a BOM (Word's "Unicode text");
 * anything else is told apart from text with a reason: binary, another encoding (GBK is named),
 * not a regular file, or too large to read (see docs/robustness.md).
 */
import { readFileSync, statSync } from 'node:fs';
import { translator, type Locale } from '../messages';
import { ioReason } from './args';

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

/** Files larger than this are not read at all (the engine would not parse a tenth of it). */
export const MAX_READ_BYTES = 100 * 1024 * 1024;

/** Whether the bytes read as GBK / GB18030 text with Chinese in it. */
function looksGbk(buf: Uint8Array): boolean {
  try {
    const s = new TextDecoder('gb18030', { fatal: true }).decode(buf.subarray(0, 64 * 1024));
    return /[\u4e00-\u9fff]/.test(s);
  } catch {
    return false;
  }
}

/** The text of a report file, or why it cannot be read (in `locale`). */
export function readReport(path: string, locale: Locale = 'zh'): ReadResult {
  const t = translator(locale);
  let buf: Buffer;
  try {
    // a device or a pipe could be read forever: only regular files, and not huge ones
    const st = statSync(path);
    if (st.isDirectory()) return { ok: false, reason: t('cli.io.is-directory') };
    if (!st.isFile()) return { ok: false, reason: t('cli.io.not-regular') };
    if (st.size > MAX_READ_BYTES) {
      return {
        ok: false,
        reason: t('cli.io.too-large', { size: (st.size / 1024 / 1024).toFixed(0), max: MAX_READ_BYTES / 1024 / 1024 }),
      };
    }
    buf = readFileSync(path);
  } catch (err) {
    return { ok: false, reason: ioReason(err, locale) };
  }
  return decodeReport(buf, locale);
}

/** The text of a report file's bytes (see the module comment), or why it is not text. */
export function decodeReport(buf: Uint8Array, locale: Locale = 'zh'): ReadResult {
  const t = translator(locale);
  let text: string;
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    try {
      text = new TextDecoder(buf[0] === 0xff ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(buf);
    } catch {
      return { ok: false, reason: t('cli.io.bad-utf16') };
    }
  } else {
    if (buf.includes(0)) return { ok: false, reason: t('cli.io.binary') };
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    } catch {
      return {
        ok: false,
        reason: looksGbk(buf) ? t('cli.io.gbk') : t('cli.io.not-utf8'),
      };
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}
