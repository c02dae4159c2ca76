/** Entry of the bundled CLI (dist/cli.js). */
import { join } from 'node:path';
import { main } from './main';
import { wantsProgress } from './pool';
import { autoCheck } from './check-file';
import type { CommandContext } from './types';
import { outputChannel } from './stdio';
import { terminalSafeLines } from './terminal';

const argv = process.argv.slice(2);
const out = outputChannel(1, () => process.stdout);
const err = outputChannel(2, () => process.stderr);
const io: CommandContext = {
  stdout: (s) => {
    out.write(s);
  },
  // stderr carries messages only, which may name files or quote their text: no raw control characters
  stderr: (s) => {
    err.write(terminalSafeLines(s));
  },
  // many files: worker threads on every core (dist/worker.js); a progress bar on a terminal
  check: autoCheck({
    get progress() {
      return wantsProgress(argv, out.isTTY, err.isTTY);
    },
    stderr: (s) => {
      err.write(s);
    },
  }),
  isTTY: () => err.isTTY,
  // `xxgk lsp --stdio`: the server's own bundle beside this one (dist/server.js), loaded only then
  startServer: () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(join(__dirname, 'server.js'));
  },
};
void main(argv, io).then((code) => {
  if (code >= 0) process.exitCode = code;
});
