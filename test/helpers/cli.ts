/** Running the bundled CLI (bin/xxgk.js) as a user does: its own process, the output as text. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './fixtures';

export const BIN = join(ROOT, 'bin', 'xxgk.js');

export interface XxgkRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}
export interface XxgkOptions {
  cwd: string;
  /** added to the environment; messages are Chinese (LANG=zh_CN.UTF-8, no LC_ALL) unless this says otherwise */
  env?: Record<string, string>;
  timeout?: number;
  maxBuffer?: number;
}

/** `xxgk <args>` in `cwd`, to its end. */
export function runXxgk(args: readonly string[], o: XxgkOptions): XxgkRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: o.cwd,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: '', ...o.env },
    timeout: o.timeout,
    maxBuffer: o.maxBuffer,
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}
