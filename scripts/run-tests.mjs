// Runs the bundled unit, protocol and CLI tests (out/test/**/*.test.cjs) with Node's test runner.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function find(dir) {
  const out = [];
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...find(p));
    else if (e.endsWith('.test.cjs')) out.push(p);
  }
  return out;
}
const only = process.argv.slice(2);
const files = find('out/test')
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
if (files.length === 0) {
  console.error('no tests found in out/test (run npm run build first)');
  process.exit(2);
}
const reporter = process.env.TEST_REPORTER ?? 'spec';
const r = spawnSync(process.execPath, ['--test', `--test-reporter=${reporter}`, '--test-concurrency=2', ...files], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
