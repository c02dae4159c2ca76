/**
 * Writing an exported file atomically: the bytes go to a temporary file in the same directory,
 * are flushed to disk, and the temporary file is renamed over the target. A failure at any step
 * removes the temporary file and leaves an existing target untouched.
 *
 * The temporary file is `.<target name>.<pid>.<8 hex digits>.tmp`. It never outlives the write:
 * - on an error it is removed;
 * - on SIGINT, SIGTERM or SIGHUP the process removes the temporary files it is writing, then
 *   dies of the signal as it would have (the handlers are installed by the first write);
 * - a process killed outright (SIGKILL, a power cut) cannot clean up: the next write to the same
 *   target removes the temporary files of that target whose process is no longer running.
 */
import {
  closeSync,
  fsyncSync,
  openSync,
  readdirSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  chmodSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** Eight random hex digits for a temporary file's name; node:crypto is loaded only when one is written. */
function randomHex(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { randomBytes } = require('node:crypto') as typeof import('node:crypto');
  return randomBytes(4).toString('hex');
}

/** The temporary files being written by this process. */
const pending = new Set<string>();
let handlersInstalled = false;

function removePending(): void {
  for (const p of pending) {
    try {
      unlinkSync(p);
    } catch {
      /* already gone */
    }
  }
  pending.clear();
}

function installSignalHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = (): void => {
      removePending();
      // die of the signal, as without this handler (exit status 128 + signal number)
      process.removeListener(sig, onSignal);
      process.kill(process.pid, sig);
    };
    process.on(sig, onSignal);
  }
  process.on('exit', removePending);
}

const TEMP = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remove the temporary files of `path` left by processes that no longer run. */
function removeStaleTemps(path: string): void {
  const dir = dirname(path);
  const name = basename(path);
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const e of entries) {
    const m = TEMP.exec(e);
    if (!m || m[1] !== name) continue;
    const pid = Number(m[2]);
    if (pid === process.pid || isRunning(pid)) continue;
    try {
      unlinkSync(join(dir, e));
    } catch {
      /* raced with another cleaner */
    }
  }
}

export function writeFileAtomic(path: string, data: Uint8Array | string): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const dir = dirname(path);
  installSignalHandlers();
  removeStaleTemps(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomHex()}.tmp`);
  pending.add(tmp);
  let mode: number | undefined;
  try {
    mode = statSync(path).mode & 0o777;
  } catch {
    /* a new file */
  }
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', mode ?? 0o644);
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (mode !== undefined) {
      try {
        chmodSync(tmp, mode);
      } catch {
        /* keep the default */
      }
    }
    renameSync(tmp, path);
    pending.delete(tmp);
  } catch (err) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        /* already failing */
      }
    }
    try {
      unlinkSync(tmp);
    } catch {
      /* never created */
    }
    pending.delete(tmp);
    throw err;
  }
}

/** Whether a path exists (for asking before overwriting). */
export function fileExists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether two paths name the same file: the same path once resolved, or (for links, hard links,
 * another spelling of the path) the same device and inode. A path that does not exist is no file.
 */
export function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}
