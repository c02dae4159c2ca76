#!/usr/bin/env node
'use strict';
// Runs dist/cli.js with V8's code cache: the bundle's compiled code is kept in dist/cli.js.cache,
// so that a start-up does not compile the bundle again — about a tenth of the CPU time of
// `xxgk check one.md`. The cache is written after a run (so that it holds the functions the run
// compiled): when there is none, when V8 rejects it (another Node version or flags), or when it
// was made by another command than `check` and this run is a check (a cache made by `--help`
// lacks the checker). `npm run build` makes it with a check of an example report. It is keyed by
// the bundle's size, modification time (ns) and inode and Node's version (V8 itself only checks
// the source's length); without a writable dist/ the bundle is simply compiled as before.
const { readFileSync, writeFileSync, renameSync, unlinkSync, statSync } = require('node:fs');
const { join, dirname } = require('node:path');

const file = join(__dirname, '..', 'dist', 'cli.js');
const cacheFile = `${file}.cache`;
const KEY_BYTES = 96;

function run() {
  const vm = require('node:vm');
  const Module = require('node:module');
  const source = readFileSync(file, 'utf8');
  const st = statSync(file, { bigint: true });
  const isCheck = process.argv[2] === 'check';
  const id = `${st.size}:${st.mtimeNs}:${st.ino}:${process.version}:${process.arch}:`;
  const key = Buffer.from(`${id}${isCheck ? 'check' : 'other'}\n`.padEnd(KEY_BYTES));
  let cached;
  let made = '';
  try {
    const buf = readFileSync(cacheFile);
    const head = buf.subarray(0, KEY_BYTES).toString();
    if (buf.length > KEY_BYTES && head.startsWith(id)) {
      cached = buf.subarray(KEY_BYTES);
      made = head.slice(id.length).trim();
    }
  } catch {
    /* no cache yet */
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData: cached });
  if (!cached || script.cachedDataRejected || (isCheck && made !== 'check')) {
    // after the run, so that the cache holds the functions the run compiled
    process.once('exit', () => {
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      try {
        writeFileSync(tmp, Buffer.concat([key, script.createCachedData()]));
        renameSync(tmp, cacheFile);
      } catch {
        try {
          unlinkSync(tmp);
        } catch {
          /* nothing written */
        }
      }
    });
  }
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(dirname(file));
  const req = Module.createRequire(file);
  script.runInThisContext().call(mod.exports, mod.exports, req, mod, file, dirname(file));
}

run();
