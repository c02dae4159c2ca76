/** Entry of the bundled CLI (dist/cli.js). */
import { main, checkSequential } from './main';
import type { CommandContext } from './commands';

const io: CommandContext = {
  stdout: (s) => { process.stdout.write(s); },
  stderr: (s) => { process.stderr.write(s); },
  check: checkSequential,
  isTTY: !!process.stderr.isTTY,
};
void main(process.argv.slice(2), io).then((code) => {
  if (code >= 0) process.exitCode = code;
});
