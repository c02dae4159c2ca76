/**
 * Hostile inputs, generated (never committed): huge reports, binary and mis-encoded bytes, a
 * 10,000-column table, 10,000 nested block quotes and list levels, a 1 MB single line.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLE } from '../helpers/fixtures';

export const MB = 1024 * 1024;

/** A deterministic pseudo-random sequence (xorshift). */
export function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x100000000;
  };
}

/** Reports one after another, each with its own figures, up to `bytes` of UTF-8. */
export function bigReport(bytes: number): string {
  const example = EXAMPLE();
  const per = Buffer.byteLength(example, 'utf8');
  const r = rng(bytes);
  const parts: string[] = [];
  for (let n = 0; n * per < bytes; n++)
    parts.push(example.replace(/\| (\d+) \|/g, () => `| ${Math.floor(r() * 100)} |`));
  return parts.join('\n');
}

/** One report whose 总体情况 grows with prose paragraphs up to `bytes` of UTF-8 (one section, no repeats of the skeleton). */
export function longProseReport(bytes: number): string {
  const example = EXAMPLE();
  const at = example.indexOf('## 二、');
  const para =
    '2022年，我区公开发布信息5191条，整治了一批以新闻动态代替政务信息的历史遗留问题，全面推动政务公开标准化建设。\n\n';
  const n = Math.max(0, Math.ceil((bytes - Buffer.byteLength(example)) / Buffer.byteLength(para)));
  return example.slice(0, at) + para.repeat(n) + example.slice(at);
}

export function wideTable(columns: number): string {
  const head = `| 申请人情况 | ${Array.from({ length: columns }, (_, i) => `列${i}`).join(' | ')} |`;
  const delim = `| --- |${' --: |'.repeat(columns)}`;
  const row = `| 一、本年新收政府信息公开申请数量 |${' 1 |'.repeat(columns)}`;
  return `## 三、收到和处理政府信息公开申请情况\n\n${head}\n${delim}\n${row}\n`;
}

export const nestedQuotes = (depth: number): string => `${'>'.repeat(depth)} 引用\n`;
/** The last 200 lines of a quote deepening by one level a line, down to `depth`. */
export const nestedQuoteLines = (depth: number): string =>
  Array.from({ length: 200 }, (_, k) => `${'> '.repeat(depth - 199 + k)}第${depth - 199 + k}层`).join('\n');
export const nestedList = (depth: number): string => `${'- '.repeat(depth)}列表项\n`;
export const nestedListIndented = (depth: number): string =>
  Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- 第${i}层`).join('\n') + '\n';

/** One line of `bytes` UTF-8 bytes: CJK (three bytes each) or ASCII. */
export const singleLine = (bytes: number, cjk: boolean): string =>
  cjk ? '报'.repeat(Math.floor(bytes / 3)) : 'a'.repeat(bytes);

/** Random bytes, NULs included. */
export function binaryBytes(n: number, seed = 7): Buffer {
  const r = rng(seed);
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(r() * 256);
  return b;
}

/** The example's bytes with invalid UTF-8 sprinkled in (lone continuation bytes, truncated sequences). */
export function invalidUtf8(): Buffer {
  const b = Buffer.from(EXAMPLE(), 'utf8');
  const out = Buffer.from(b);
  for (let i = 100; i < out.length; i += 997) out[i] = 0xff;
  return Buffer.concat([out, Buffer.from([0xe6, 0x94])]);
}

/** “政府信息公开” and digits in GBK, as a GBK-encoded report would hold. */
export function gbkBytes(): Buffer {
  const line = Buffer.from('D5FEB8AED0C5CFA2B9ABBFAA', 'hex');
  return Buffer.concat([Buffer.from('# '), line, Buffer.from('\n\n| a | 1 |\n')]);
}

/** The example as UTF-16LE with a byte-order mark (Word's “Unicode text”). */
export function utf16le(): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(EXAMPLE(), 'utf16le')]);
}

/** Text from any UTF-16 code units: lone surrogates, NULs, controls. */
export function randomCodeUnits(n: number, seed = 11): string {
  const r = rng(seed);
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(Math.floor(r() * 0x10000));
  return s;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'xxgk-hostile-'));
}

export function write(dir: string, name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}
