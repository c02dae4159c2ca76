/**
 * Entry of the integration suite inside the extension host: the `extensionTestsPath` contract of
 * VS Code (a module exporting `run(): Promise<void>`), shared by @vscode/test-electron
 * (test/vscode/runTest.ts) and code-server (test/e2e/run.mjs exthost). Runs every *.test.cjs
 * next to this file with mocha; a failing test rejects, which the host turns into exit code 1.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  const grep = process.env.XXGK_TEST_GREP;
  if (grep) mocha.grep(grep);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.cjs'))
    .sort();
  if (files.length === 0)
    return Promise.reject(new Error(`no *.test.cjs next to ${__dirname}: run node scripts/build.mjs`));
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
