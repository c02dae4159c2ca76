/**
 * The CLI's standard output and error. Text is written to the file descriptor directly
 * (fs.writeSync) rather than through process.stdout/stderr: touching those builds a stream (a
 * socket for a pipe), a few milliseconds of a `xxgk check one.md` that takes a few dozen, and the
 * output of a command is complete when it returns. A descriptor that cannot take a synchronous
 * write (EAGAIN: a non-blocking pipe shared with another process) hands the rest, in order, to the
 * stream. When the reader has gone (EPIPE: `xxgk check | head`), further output is dropped and
 * the exit code stays the command's. On Windows everything goes through the stream: a console
 * there takes text as UTF-16 (the stream's way), not as the UTF-8 bytes a descriptor is given.
 */
import { writeSync } from 'node:fs';

export interface OutputChannel {
  write(s: string): void;
  readonly isTTY: boolean;
}

export function outputChannel(fd: 1 | 2, stream: () => NodeJS.WriteStream): OutputChannel {
  let mode: 'sync' | 'stream' | 'closed' = process.platform === 'win32' ? 'stream' : 'sync';
  let out: NodeJS.WriteStream | undefined;
  const viaStream = (data: string | Buffer): void => {
    if (!out) {
      out = stream();
      out.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'EPIPE') mode = 'closed';
        else throw err;
      });
    }
    mode = 'stream';
    if (data.length) out.write(data);
  };
  let tty: boolean | undefined;
  return {
    // asked only when it matters (a progress bar): node:tty loads node:net and the streams
    get isTTY(): boolean {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      tty ??= (require('node:tty') as typeof import('node:tty')).isatty(fd);
      return tty;
    },
    write(text: string): void {
      if (mode === 'closed' || text === '') return;
      if (mode === 'stream') return viaStream(text);
      const bytes = Buffer.from(text, 'utf8');
      let done = 0;
      while (done < bytes.length) {
        try {
          done += writeSync(fd, bytes, done, bytes.length - done);
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          if (code === 'EAGAIN') return viaStream(bytes.subarray(done));
          if (code === 'EPIPE') {
            mode = 'closed';
            return;
          }
          throw err;
        }
      }
    },
  };
}
