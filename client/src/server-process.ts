/**
 * How the language server's Node process is started by the extension (and by the bench, which
 * measures it as started so). V8 keeps a pool of helper threads — the optimizing compiler, the
 * concurrent and parallel collector — of four by default whatever the machine. On a two-core
 * machine those threads and the check take turns, and a check the scheduler interrupts waits a
 * whole tick (4 ms): at one thread fewer than the cores, a core is left to the check.
 */
export function serverExecArgv(cores: number): string[] {
  return [`--v8-pool-size=${Math.max(1, cores - 1)}`];
}
