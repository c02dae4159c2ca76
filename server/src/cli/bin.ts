/** Entry of the bundled CLI (dist/cli.js). */
import { join } from 'node:path';
import { main } from './main';
import { wantsProgress } from './pool';
import { autoCheck } from './check-file';
import type { CommandContext } from './types';
import { terminalSafeLines } from './terminal';

const argv = process.argv.slice(2);
const io: CommandContext = {
  stdout: (s) => {
    process.stdout.write(s);
  },
  // stderr carries messages only, which may name files or quote their text: no raw control characters
  stderr: (s) => {
    process.stderr.write(terminalSafeLines(s));
  },
  // many files: worker threads on every core (dist/worker.js); a progress bar on a terminal
  check: autoCheck({
    progress: wantsProgress(argv, !!process.stdout.isTTY, !!process.stderr.isTTY),
    stderr: (s) => {
      process.stderr.write(s);
    },
  }),
  isTTY: !!process.stderr.isTTY,
  // `xxgk lsp --stdio`: the server's own bundle beside this one (dist/server.js), loaded only then
  startServer: () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(join(__dirname, 'server.js'));
  },
};
void main(argv, io).then((code) => {
  if (code >= 0) process.exitCode = code;
});
