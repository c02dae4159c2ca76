/**
 * Entry of the integration suite inside a browser's extension host (code-server's web-worker
 * host, started by `node test/e2e/run.mjs web`): the `extensionTestsPath` contract (a CommonJS
 * module exporting `run(): Promise<void>`), built for the browser (out/web-test/index.js): mocha's
 * browser build, the shared suite (test/vscode/extension.test.ts) and the browser-only checks
 * (web.test.ts). A failing test rejects, which the host turns into exit code 1.
 */
import 'mocha/mocha.js';

interface BrowserMocha {
  setup(options: { ui: string; reporter: string; timeout: number; color: boolean }): void;
  run(done: (failures: number) => void): void;
}
declare const mocha: BrowserMocha;

export async function run(): Promise<void> {
  mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 60_000, color: false });
  // the suites register with mocha's globals (describe, it) when they load, so after setup
  await import('../vscode/extension.test');
  await import('./web.test');
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
