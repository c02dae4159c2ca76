// `npm start`: build, then show the checker at work on two reports — a clean one and a real one
// with its real mistakes — and say how to get the editor side running.
import { spawnSync } from 'node:child_process';

const run = (args) => spawnSync(process.execPath, args, { stdio: 'inherit' }).status;
if (run(['scripts/build.mjs']) !== 0) process.exit(1);
console.log('\n$ xxgk check test/fixtures/example-2022.xxgk.md test/fixtures/seed001-2020.xxgk.md\n');
const code = run(['bin/xxgk.js', 'check', 'test/fixtures/example-2022.xxgk.md', 'test/fixtures/seed001-2020.xxgk.md']);
console.log(`
(exit code ${code}: 0 = no error, 1 = errors found, 2 = usage or unreadable file)

Next:
  npx xxgk check <folder>                  check every report in a folder (--format json|sarif for scripts)
  npx xxgk render <report> --to html       the report as published (or --to docx)
  npm run package                          build xxgk-report.vsix → VS Code: Extensions: Install from VSIX…
  code --extensionDevelopmentPath="$PWD" test/fixtures   run the extension from this checkout in VS Code
`);
