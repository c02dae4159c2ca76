#!/usr/bin/env node
'use strict';
// Runs dist/cli.js with V8's code cache: the bundle's compiled code is kept in dist/cli.js.cache
// (written once, after a run without it), so that a start-up does not compile the bundle again —
// about a tenth of the CPU time of `xxgk check one.md`. The cache is keyed by the bundle's size,
// modification time (ns) and inode and Node's version (V8 itself only checks the source's length); a cache V8 rejects (another Node version or flags) is
// rewritten; without a writable dist/ the bundle is simply compiled as before.
const { readFileSync, writeFileSync, renameSync, unlinkSync, statSync } = require('node:fs');
const { join, dirname } = require('node:path');

const file = join(__dirname, '..', 'dist', 'cli.js');
const cacheFile = `${file}.cache`;

function run() {
  const vm = require('node:vm');
  const Module = require('node:module');
  const source = readFileSync(file, 'utf8');
  const st = statSync(file, { bigint: true });
  const key = Buffer.from(`${st.size}:${st.mtimeNs}:${st.ino}:${process.version}:${process.arch}\n`.padEnd(80));
  let cached;
  try {
    const buf = readFileSync(cacheFile);
    if (buf.length > key.length && buf.subarray(0, key.length).equals(key)) cached = buf.subarray(key.length);
  } catch {
    /* no cache yet */
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData: cached });
  if (!cached || script.cachedDataRejected) {
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
