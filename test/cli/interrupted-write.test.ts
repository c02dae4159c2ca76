/**
 * Issue 14 row 17: an interrupted write leaves no hidden temporary file. `xxgk render` is killed
 * at random moments of its run (seeded, spread over the whole run and weighted towards its end,
 * where the file is written), with SIGTERM and SIGINT in turn: no `.<name>.<pid>.<hex>.tmp` stays
 * in the folder, and the target is either absent or a whole earlier output. Killed outright
 * (SIGKILL, which no process can clean up after), the temporary files it leaves are removed by
 * the next write to the same target.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLE } from '../helpers/fixtures';
import { BIN } from '../helpers/cli';
import { rng } from '../hostile/inputs';

const KILLS = Number(process.env.KILL_RUNS ?? 20);
let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-kill-'));
  // a long report (the example's prose repeated), so that the run and its write take a while
  const text = EXAMPLE().replace(
    '严格按照省、市和区级主管部门要求管理政府信息。',
    '严格按照省、市和区级主管部门要求管理政府信息。'.repeat(3000),
  );
  writeFileSync(join(dir, 'r.xxgk.md'), text);
});
after(() => rmSync(dir, { recursive: true, force: true }));

const temps = (): string[] => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

function renderOnce(): number {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [BIN, 'render', 'r.xxgk.md', '--to', 'docx', '-o', 'out.docx', '--force'], {
    cwd: dir,
  });
  assert.equal(r.status, 0, String(r.stderr));
  return Date.now() - t0;
}

function killedAt(ms: number, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'render', 'r.xxgk.md', '--to', 'docx', '-o', 'out.docx', '--force'], {
      cwd: dir,
      stdio: 'ignore',
    });
    const timer = setTimeout(() => child.kill(signal), ms);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

const isDocx = (p: string): boolean => readFileSync(p).subarray(0, 2).toString() === 'PK';

test(
  'render killed by SIGTERM or SIGINT at random moments leaves no temporary file',
  { timeout: 600_000 },
  async () => {
    const full = renderOnce();
    const random = rng(17);
    for (let i = 0; i < KILLS; i++) {
      // a moment in the run, three times in four in its last third (the write)
      const at = random() < 0.75 ? full * (0.66 + 0.4 * random()) : full * random();
      await killedAt(Math.round(at), i % 2 ? 'SIGINT' : 'SIGTERM');
      assert.deepEqual(temps(), [], `after a kill at ${Math.round(at)} ms of ${full} ms`);
      assert.ok(isDocx(join(dir, 'out.docx')), 'the target is a whole file');
    }
  },
);

test('temporary files of a process killed outright are removed by the next write', { timeout: 600_000 }, async () => {
  const full = renderOnce();
  // what SIGKILL at the wrong moment leaves: a temporary file of a process that is gone
  const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  writeFileSync(join(dir, `.out.docx.${gone.stdout}.0123abcd.tmp`), 'partial');
  const random = rng(71);
  for (let i = 0; i < 5; i++) await killedAt(Math.round(full * (0.5 + 0.6 * random())), 'SIGKILL');
  renderOnce();
  assert.deepEqual(temps(), []);
});
