#!/usr/bin/env node
/**
 * Real-editor tests: the extension inside VS Code 1.100 (code-server, installed by
 * scripts/setup-code-server.sh), driven by playwright-core in Debian's chromium.
 *
 *   node test/e2e/run.mjs exthost   the mocha suite (out/vscode-test/index.cjs) inside the extension
 *                                   host, the extension loaded from source (dev mode); exits with
 *                                   the suite's code (0 pass, 1 fail)
 *   node test/e2e/run.mjs ui        installs the packaged .vsix and checks the workbench itself:
 *                                   status bar, Problems, Outline, lightbulb quick fix, completion,
 *                                   preview; screenshots in test-results/
 *   node test/e2e/run.mjs web       as exthost, in code-server's web-worker extension host (the
 *                                   user setting remote.extensionKind puts the extension there):
 *                                   the browser build (package.json `browser`) and the browser-built
 *                                   suite (out/web-test/index.js)
 *   node test/e2e/run.mjs web-ui    as ui, in the web-worker extension host, plus a DOCX export
 *                                   from the command palette; screenshots web-*.png
 *
 * Exit codes: 0 pass, 1 failure, 2 setup error or watchdog timeout (E2E_TIMEOUT_MS).
 *
 * Environment: CODE_SERVER_DIR (default .cache/code-server), CHROMIUM_PATH (/usr/bin/chromium),
 * E2E_TIMEOUT_MS (default 300000), SHOTS (screenshot folder, default test-results),
 * SHOTS_TO_DOCS=1 (ui: also copy the screenshots to docs/images/), VSIX (default xxgk-report.vsix),
 * DEV_PATH (exthost: extension folder, default the repository), TESTS_PATH (exthost: test entry),
 * E2E_VERBOSE=1 (print the workbench's own log lines too). Variables such as XXGK_BREAK_SERVER
 * reach the extension host and the language server, which inherit code-server's environment.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  readdirSync,
  mkdtempSync,
  mkdirSync,
  writeFileSync,
  readFileSync,
  cpSync,
  rmSync,
  createWriteStream,
  copyFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { chromium } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MODE = process.argv[2];
const CS_DIR = resolve(process.env.CODE_SERVER_DIR ?? join(ROOT, '.cache', 'code-server'));
const ENTRY = join(CS_DIR, 'package', 'out', 'node', 'entry.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = JSON.parse(readFileSync(new URL('../helpers/chromium-flags.json', import.meta.url), 'utf8'));
const TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS ?? 300_000);
const SHOTS = resolve(ROOT, process.env.SHOTS ?? 'test-results');
const VSIX = resolve(ROOT, process.env.VSIX ?? 'xxgk-report.vsix');
const DEV_PATH = resolve(process.env.DEV_PATH ?? ROOT);
const WEB = MODE === 'web' || MODE === 'web-ui';
const TESTS_PATH = resolve(
  process.env.TESTS_PATH ??
    (WEB ? join(ROOT, 'out', 'web-test', 'index.js') : join(ROOT, 'out', 'vscode-test', 'index.cjs')),
);
const EXTENSION_ID = 'xxgk-report.xxgk-report';
const VERBOSE = process.env.E2E_VERBOSE === '1';
const STEP_MS = 25_000; // one UI wait; a failing check costs at most a few of these

const SECTIONS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];
// official row labels of the section 三 table (2021 format), for the completion check
const APPLICATION_LABELS = [
  '一、本年新收政府信息公开申请数量',
  '二、上年结转政府信息公开申请数量',
  '三、本年度办理结果',
  '（一）予以公开',
  '（二）部分公开',
  '（三）不予公开',
  '1.属于国家秘密',
  '2.其他法律行政法规禁止公开',
  '3.危及“三安全一稳定”',
  '4.保护第三方合法权益',
  '5.属于三类内部事务信息',
  '6.属于四类过程性信息',
  '7.属于行政执法案卷',
  '8.属于行政查询事项',
  '（四）无法提供',
  '1.本机关不掌握相关政府信息',
  '2.没有现成信息需要另行制作',
  '3.补正后申请内容仍不明确',
  '（五）不予处理',
  '1.信访举报投诉类申请',
  '2.重复申请',
  '3.要求提供公开出版物',
  '4.无正当理由大量反复申请',
  '5.要求行政机关确认或重新出具已获取信息',
  '（六）其他处理',
  '1.申请人无正当理由逾期不补正',
  '2.申请人逾期未按收费通知要求缴纳费用',
  '3.其他',
  '（七）总计',
  '四、结转下年度继续办理',
];

const log = (...a) => console.log(`[e2e ${MODE}]`, ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const EXTHOST = MODE === 'exthost' || MODE === 'web';
if (!['exthost', 'ui', 'web', 'web-ui'].includes(MODE ?? '')) {
  console.error('usage: node test/e2e/run.mjs exthost|ui|web|web-ui');
  process.exit(2);
}
if (!existsSync(ENTRY)) {
  console.error(`code-server is not installed (${ENTRY} missing): run bash scripts/setup-code-server.sh`);
  process.exit(2);
}
if (!existsSync(CHROMIUM)) {
  console.error(
    `chromium not found at ${CHROMIUM}: run bash scripts/setup-system.sh (apt-get install -y chromium), or set CHROMIUM_PATH`,
  );
  process.exit(2);
}
// without a CJK font every Chinese character in the screenshots is a box: say so, and refuse to
// refresh docs/images (or to pass in CI) with such pictures
if (MODE === 'ui' || MODE === 'web-ui') {
  const fonts = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  if (fonts.status !== 0 || !fonts.stdout.trim()) {
    const msg = 'no CJK font found (fc-list :lang=zh): screenshots would show boxes; run bash scripts/setup-system.sh';
    if (process.env.SHOTS_TO_DOCS === '1' || process.env.CI === 'true') {
      console.error(msg);
      process.exit(2);
    }
    console.warn(`warning: ${msg}`);
  }
}
if (EXTHOST && !existsSync(TESTS_PATH)) {
  console.error(`${TESTS_PATH} is missing: run node scripts/build.mjs`);
  process.exit(2);
}
if (!EXTHOST && !existsSync(VSIX)) {
  console.error(`${VSIX} is missing: run npm run package`);
  process.exit(2);
}

// ---- a fresh profile per run: user data, extensions, config, sockets, workspace copy ----
const BASE_TMP = tmpdir();
const DIR = mkdtempSync(join(BASE_TMP, `xe-${WEB ? 'w' : ''}${MODE.replace('web-', '')[0]}-`));
const UD = join(DIR, 'ud');
const EXT = join(DIR, 'ext');
const TMP = join(DIR, 't');
const WS = join(DIR, 'ws');
const CONFIG = join(DIR, 'config.yaml');
for (const d of [join(UD, 'User'), EXT, TMP]) mkdirSync(d, { recursive: true });
writeFileSync(CONFIG, '');
cpSync(join(ROOT, 'test', 'e2e', 'workspace'), WS, { recursive: true });
writeFileSync(
  join(UD, 'User', 'settings.json'),
  JSON.stringify(
    {
      'security.workspace.trust.enabled': false,
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'extensions.ignoreRecommendations': true,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'git.enabled': false,
      'editor.minimap.enabled': false,
      // full-width punctuation is normal in Chinese text: no "ambiguous character" boxes in the screenshots
      'editor.unicodeHighlight.ambiguousCharacters': false,
      'outline.collapseItems': 'alwaysExpand',
      'xxgk.locale': 'zh-CN',
      // web modes: the extension runs in the browser's web-worker extension host, not in Node
      ...(WEB ? { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } } : {}),
    },
    null,
    2,
  ),
);
// sockets of code-server, the extension host and chromium land in the profile, not in /tmp
process.env.TMPDIR = TMP;
process.env.XDG_RUNTIME_DIR = TMP;
const serverLog = createWriteStream(join(DIR, 'server.log'));
const browserLog = createWriteStream(join(DIR, 'browser.log'));

function childEnv() {
  const env = { ...process.env, TMPDIR: TMP, XDG_RUNTIME_DIR: TMP };
  // VSCODE_IPC_HOOK_CLI (a VS Code terminal) would hand the folder to another instance
  for (const k of Object.keys(env)) if (k.startsWith('VSCODE_')) delete env[k];
  return env;
}

let server;
let browser;
let finished = false;

async function stopServer() {
  if (!server) return;
  const pid = server.pid;
  // the extension host and the language server are in code-server's process group: stop them all
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + 5000;
  while (alive() && Date.now() < deadline) await sleep(100);
  if (alive()) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
}

async function finish(code, why) {
  if (finished) return;
  finished = true;
  if (why) log(why);
  try {
    await browser?.close();
  } catch {
    /* already closed */
  }
  await stopServer();
  serverLog.end();
  browserLog.end();
  if (code === 0) rmSync(DIR, { recursive: true, force: true });
  else log(`profile kept for inspection: ${DIR} (server.log, browser.log)`);
  log(code === 0 ? 'PASS' : `FAIL (exit ${code})`);
  process.exit(code);
}

const watchdog = setTimeout(() => {
  void finish(2, `watchdog: no result after ${TIMEOUT_MS} ms`);
}, TIMEOUT_MS);
watchdog.unref();
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'])
  process.on(sig, () => {
    void finish(2, `interrupted (${sig})`);
  });
// a closed pipe (e.g. `| head`) must not kill the driver before it has stopped code-server
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});
process.on('uncaughtException', (err) => {
  void finish(1, `uncaught: ${err?.stack ?? err}`);
});
process.on('unhandledRejection', (err) => {
  void finish(1, `unhandled rejection: ${err?.stack ?? err}`);
});
// last resort on any exit: code-server keeps the extension host alive for hours after the browser goes
process.on('exit', () => {
  if (server?.pid) {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
});

function startServer() {
  return new Promise((resolveUrl, reject) => {
    server = spawn(
      process.execPath,
      [
        ENTRY,
        '--config',
        CONFIG,
        '--auth',
        'none',
        '--bind-addr',
        '127.0.0.1:0',
        '--user-data-dir',
        UD,
        '--extensions-dir',
        EXT,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        WS,
      ],
      { detached: true, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let buf = '';
    const t = setTimeout(
      () => reject(new Error('code-server did not report its address within 60 s (see server.log)')),
      60_000,
    );
    const onData = (chunk) => {
      serverLog.write(chunk);
      buf += chunk.toString();
      const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\/?/.exec(buf);
      if (m) {
        clearTimeout(t);
        resolveUrl(m[1]);
      }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.once('exit', (code, sig) => {
      clearTimeout(t);
      reject(new Error(`code-server exited early (code ${code}, signal ${sig}); see ${join(DIR, 'server.log')}`));
    });
  });
}

async function launchBrowser() {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    // the browser tests' flags (test/helpers/chromium-flags.json), the workbench in English
    args: [...CHROMIUM_FLAGS, '--lang=en-US'],
    env: childEnv(),
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  page.on('pageerror', (e) => browserLog.write(`pageerror: ${e.stack ?? e}\n`));
  page.on('console', (m) => browserLog.write(`${m.type()}: ${m.text()}\n`));
  return page;
}

// ---------------------------------------------------------------- exthost ----
async function runExthost() {
  const base = await startServer();
  log(`code-server at ${base}; extension from ${DEV_PATH}; tests ${TESTS_PATH}`);
  const page = await launchBrowser();
  let exit;
  const exited = new Promise((r) => {
    exit = r;
  });
  const noise =
    /vsda|open-vsx|ENOTFOUND|same-origin iframe|Resolving connection token|Extension host .* is started|Started initializing|Resolved connection token|\[remote\]|The web worker extension host|^Creating a socket|Updating additional builtin extensions cache|ChatSessionStore|\[Service Worker\]/i;
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = format(...(Array.isArray(args) ? args : [args]));
    browserLog.write(`[${type}] ${line}\n`);
    if (VERBOSE || !noise.test(line)) console.log(line);
  });
  await page.exposeFunction('codeAutomationExit', (code) => {
    exit(Number(code));
  });
  const host = new URL(base).host;
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${host}${DEV_PATH}`],
    ['extensionTestsPath', `vscode-remote://${host}${TESTS_PATH}`],
    ['skipWelcome', 'true'],
  ];
  await page.goto(`${base}/?folder=${encodeURIComponent(WS)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  const code = await exited;
  log(`extension host tests exited with ${code}`);
  return code === 0 ? 0 : 1;
}

// --------------------------------------------------------------------- ui ----
async function installVsix() {
  const r = spawnSync(
    process.execPath,
    [ENTRY, '--config', CONFIG, '--user-data-dir', UD, '--extensions-dir', EXT, '--install-extension', VSIX],
    { env: childEnv(), encoding: 'utf8', timeout: 120_000 },
  );
  serverLog.write(`--install-extension: ${r.stdout}\n${r.stderr}\n`);
  if (r.status !== 0 || !/successfully installed/i.test(r.stdout + r.stderr)) {
    throw new Error(`installing ${VSIX} failed (exit ${r.status}): ${(r.stdout + r.stderr).trim()}`);
  }
  log(`installed ${VSIX.replace(ROOT + '/', '')}`);
}

function lineOf(file, prefix) {
  const lines = readFileSync(join(WS, file), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.startsWith(prefix));
  if (i < 0) throw new Error(`no line starting with ${prefix} in ${file}`);
  return { line: i + 1, text: lines[i] };
}

async function runUi() {
  await installVsix();
  const base = await startServer();
  log(`code-server at ${base}`);
  const page = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
  for (const f of readdirSync(SHOTS)) if (/^(web-)?FAILED-\d+\.png$/.test(f)) rmSync(join(SHOTS, f));
  const shot = async (name) => {
    const p = join(SHOTS, `${WEB ? 'web-' : ''}${name}.png`);
    await page.screenshot({ path: p });
    log(`  screenshot ${p.replace(ROOT + '/', '')}`);
  };
  await page.goto(`${base}/?folder=${encodeURIComponent(WS)}`);
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: 60_000 });

  const quickOpen = async (keys, text, rowSelector) => {
    await page.keyboard.press(keys);
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: STEP_MS });
    // a focus change still settling (a tab just clicked, a webview just left) can take the keys
    // away from the box: give it the focus, and type only into it
    await input.focus();
    await input.pressSequentially(text);
    if (!(await input.inputValue()).includes(text))
      throw new Error(`the quick input did not receive “${text}” (it holds “${await input.inputValue()}”)`);
    // pressing Enter before the row is there is lost: wait for it
    await page.locator(rowSelector).first().waitFor({ timeout: STEP_MS });
    await page.keyboard.press('Enter');
  };
  const openFile = async (name) => {
    await quickOpen('Control+P', name, `.quick-input-list .monaco-list-row[aria-label*="${name}"]`);
    await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: STEP_MS });
    await page
      .locator('.editor-group-container.active .monaco-editor .view-lines')
      .first()
      .waitFor({ timeout: STEP_MS });
    await page.locator('.editor-group-container.active .monaco-editor textarea').first().focus();
  };
  const runCommand = async (title) => {
    await quickOpen('F1', title, `.quick-input-list .monaco-list-row:has-text("${title}")`);
  };
  const goTo = async (line, col) => {
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget .quick-input-box input').waitFor({ state: 'visible', timeout: STEP_MS });
    await page.keyboard.type(`${line}:${col}`);
    await sleep(200);
    await page.keyboard.press('Enter');
    await sleep(300);
  };
  const problemsLabel = async () =>
    page.evaluate(() => {
      const el = document.getElementById('status.problems');
      if (!el) return '';
      return (
        el.getAttribute('aria-label') ||
        el.querySelector('[aria-label]')?.getAttribute('aria-label') ||
        el.textContent ||
        ''
      );
    });
  const waitProblems = async (re) => {
    const deadline = Date.now() + STEP_MS;
    let last = '';
    while (Date.now() < deadline) {
      last = await problemsLabel();
      if (re.test(last)) return last;
      await sleep(200);
    }
    throw new Error(`status bar problems: expected ${re}, got “${last}”`);
  };
  const visibleLines = async () =>
    (await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText()).replace(
      /\u00a0/g,
      ' ',
    );
  const closePanel = async () => {
    if (
      await page
        .locator('.part.panel')
        .isVisible()
        .catch(() => false)
    )
      await page.keyboard.press('Control+J');
  };

  const checks = [];
  const check = (name, fn) => checks.push({ name, fn });
  const wrong = lineOf('mistakes-2022.xxgk.md', '| 一、本年新收政府信息公开申请数量');

  check('mistakes: language, squiggles, status-bar error count, Problems view', async () => {
    await openFile('mistakes-2022.xxgk.md');
    await page.locator('[id="status.editor.mode"]', { hasText: '政府信息公开年度报告' }).waitFor({ timeout: STEP_MS });
    await goTo(wrong.line, 1); // squiggles are drawn for the lines in view only
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: STEP_MS });
    const label = await waitProblems(/^Errors: 2\b/);
    log(`  status bar: ${label}`);
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows.filter({ hasText: '本年新收政府信息公开申请数量' }).first().waitFor({ timeout: STEP_MS });
    await rows.filter({ hasText: '五、存在的主要问题及改进情况' }).first().waitFor({ timeout: STEP_MS });
    const texts = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
    for (const t of texts) log(`  problem: ${t.length > 100 ? `${t.slice(0, 60)} … ${t.slice(-36)}` : t}`);
    if (!texts.some((t) => t.includes('sum-row')) || !texts.some((t) => t.includes('section-missing')))
      throw new Error('the Problems view does not show the rule ids sum-row and section-missing');
    await shot('problems');
  });

  check('lightbulb quick fix changes the wrong total', async () => {
    await closePanel();
    await openFile('mistakes-2022.xxgk.md');
    const col = wrong.text.lastIndexOf('| 2 |') + 3; // 1-based column of the wrong total
    await goTo(wrong.line, col);
    // VS Code 1.100 draws the lightbulb in the gutter (glyph margin) or, when that is off, as a content widget
    const bulb = page
      .locator('.monaco-editor .lightBulbWidget, .monaco-editor .glyph-margin-widgets [class*="gutter-lightbulb"]')
      .filter({ visible: true })
      .first();
    await bulb.waitFor({ state: 'visible', timeout: STEP_MS });
    await bulb.click();
    const menu = page.locator('.action-widget .monaco-list-row');
    try {
      await menu.first().waitFor({ timeout: 5000 });
    } catch {
      log('  the lightbulb click opened no menu; trying Ctrl+.');
      await page.keyboard.press('Control+.');
      await menu.first().waitFor({ timeout: STEP_MS });
    }
    const titles = (await menu.allInnerTexts()).map((t) => t.trim());
    for (const t of titles) log(`  action: ${t}`);
    const fix = menu.filter({ hasText: /改为\s*6/ }).first();
    await fix.waitFor({ timeout: 5000 });
    await shot('quickfix');
    // choose it with the keyboard (the menu's pointer overlay swallows synthetic clicks)
    const focused = () =>
      page
        .locator('.action-widget .monaco-list-row.focused')
        .first()
        .innerText({ timeout: 1000 })
        .catch(() => '');
    for (let i = 0; i < titles.length && !/改为\s*6/.test(await focused()); i++) await page.keyboard.press('ArrowDown');
    if (!/改为\s*6/.test(await focused())) throw new Error('could not focus the fix in the menu');
    await page.keyboard.press('Enter');
    const deadline = Date.now() + STEP_MS;
    let row = '';
    while (Date.now() < deadline) {
      row = (await visibleLines()).split('\n').find((l) => l.startsWith('| 一、本年新收政府信息公开申请数量')) ?? '';
      if (/\| 6 \| 0 \| 0 \| 0 \| 0 \| 0 \| 6 \|\s*$/.test(row)) break;
      await sleep(200);
    }
    if (!/\| 6 \|\s*$/.test(row)) throw new Error(`the total was not changed to 6: “${row}”`);
    log(`  row now: ${row.trim()}`);
    log(`  status bar: ${await waitProblems(/^Errors: 1\b/)}`);
    await page.keyboard.press('Control+Z');
  });

  check('Outline lists the six sections', async () => {
    await closePanel();
    await openFile('example-2022.xxgk.md');
    await page.keyboard.press('Control+Shift+E');
    const header = page.locator('.sidebar .pane-header', { hasText: 'Outline' }).first();
    await header.waitFor({ timeout: STEP_MS });
    // give the Outline the whole side bar: collapse the other panes, expand it
    for (const h of await page.locator('.sidebar .pane-header[aria-expanded="true"]').all()) {
      if (!/outline/i.test(await h.innerText())) await h.click();
    }
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    const rows = page.locator('.sidebar .pane:has(.pane-header:has-text("Outline")) .monaco-list-row');
    await rows.filter({ hasText: SECTIONS[0] }).first().waitFor({ timeout: STEP_MS });
    const deadline = Date.now() + STEP_MS;
    let texts = [];
    while (Date.now() < deadline) {
      texts = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
      if (SECTIONS.every((s) => texts.some((t) => t.includes(s)))) break;
      await sleep(300);
    }
    const missing = SECTIONS.filter((s) => !texts.some((t) => t.includes(s)));
    if (missing.length) throw new Error(`Outline lacks ${missing.join(', ')}; rows: ${JSON.stringify(texts)}`);
    log(`  outline: ${texts.length} rows, the six sections present`);
    await shot('outline');
  });

  check('completion in the first column of the section 三 table offers the official labels', async () => {
    await closePanel();
    await openFile('example-2022.xxgk.md');
    const at = lineOf('example-2022.xxgk.md', '| （一）予以公开');
    await goTo(at.line, 1);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('| ');
    const widget = page.locator('.editor-widget.suggest-widget.visible');
    let how = 'opened while typing';
    try {
      await widget.waitFor({ timeout: 2500 });
    } catch {
      how = 'opened with Ctrl+Space';
      await page.keyboard.press('Control+Space');
      await widget.waitFor({ timeout: STEP_MS });
    }
    const rows = widget.locator('.monaco-list-row');
    await rows.first().waitFor({ timeout: STEP_MS });
    await sleep(500);
    const texts = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    const official = texts.filter((t) => APPLICATION_LABELS.some((l) => t.includes(l)));
    log(
      `  suggest widget ${how}: ${texts.length} rows visible, ${official.length} official labels, e.g. ${JSON.stringify(texts.slice(0, 4))}`,
    );
    if (official.length < 3)
      throw new Error(`expected the official labels of the section 三 table; widget shows ${JSON.stringify(texts)}`);
    const foreign = texts.filter((t) => /行政许可|行政处罚|行政复议/.test(t));
    if (foreign.length) throw new Error(`labels of other tables offered: ${JSON.stringify(foreign)}`);
    await shot('completion');
    await page.keyboard.press('Escape');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Z');
  });

  check('preview opens and shows the merged table', async () => {
    await closePanel();
    await openFile('example-2022.xxgk.md');
    if (
      await page
        .locator('.part.sidebar')
        .isVisible()
        .catch(() => false)
    )
      await page.keyboard.press('Control+B'); // room for editor + preview
    await runCommand('Open Report Preview to the Side');
    const deadline = Date.now() + STEP_MS;
    let found;
    while (!found && Date.now() < deadline) {
      for (const f of page.frames()) {
        if (f === page.mainFrame()) continue;
        const info = await f
          .evaluate(() => {
            const b = document.body;
            if (!b) return undefined;
            return {
              text: b.innerText,
              tables: document.querySelectorAll('table').length,
              merged: document.querySelectorAll('td[rowspan], th[rowspan], td[colspan], th[colspan]').length,
              scripts: document.querySelectorAll('script:not([nonce])').length,
            };
          })
          .catch(() => undefined);
        if (info && info.text.includes('法人或其他组织') && info.merged > 0) {
          found = info;
          break;
        }
      }
      if (!found) await sleep(300);
    }
    if (!found) throw new Error('no webview frame shows the section 三 table with 法人或其他组织 and merged cells');
    for (const want of ['西塞山区2022年政府信息公开工作年度报告', SECTIONS[2], '予以公开', '本列数据的勾稽关系']) {
      if (!found.text.includes(want)) throw new Error(`the preview lacks “${want}”`);
    }
    log(`  preview: ${found.tables} tables, ${found.merged} merged cells`);
    await shot('preview');
  });

  /** The text editor's visible lines, whichever group is active (the preview may hold the focus). */
  const sourceLines = async () =>
    (await page.locator('.monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');

  check(
    'form editing in the preview: type a figure, the source changes, the error goes, undo restores it',
    async () => {
      await closePanel();
      // the focus may be in the preview: give it back to the first editor group, then open the report there
      const group = page.locator('.editor-group-container').first();
      await group.locator('.tabs-container .tab', { hasText: 'mistakes-2022.xxgk.md' }).first().click();
      await group.locator('.monaco-editor textarea').first().focus();
      await goTo(wrong.line, 1);
      const line0 = wrong.line - 1; // data-line is 0-based
      const cellSel = `td[data-edit][data-line="${line0}"].diag-error`;
      // the preview beside follows the active report
      const deadline = Date.now() + STEP_MS;
      let frame;
      while (!frame && Date.now() < deadline) {
        for (const f of page.frames()) {
          if (f === page.mainFrame()) continue;
          const n = await f.evaluate((sel) => document.querySelectorAll(sel).length, cellSel).catch(() => 0);
          if (n > 0) {
            frame = f;
            break;
          }
        }
        if (!frame) await sleep(300);
      }
      if (!frame) throw new Error(`the preview shows no editable figure marked as an error on line ${wrong.line}`);
      log(`  status bar before: ${await waitProblems(/^Errors: 2\b/)}`);
      const cell = frame.locator(cellSel).first();
      if ((await cell.innerText()).trim() !== '2') throw new Error(`the wrong total reads “${await cell.innerText()}”`);
      await cell.click();
      // the finding and the editor's own quick fixes for it, as buttons under the cell
      const buttons = frame.locator('#xxgk-cellinfo .xxgk-fixes button');
      await buttons
        .filter({ hasText: /改为\s*6/ })
        .first()
        .waitFor({ timeout: STEP_MS });
      const titles = (await buttons.allInnerTexts()).map((t) => t.trim());
      for (const t of titles) log(`  fix button: ${t}`);
      await cell.scrollIntoViewIfNeeded();
      await shot('preview-edit');
      // type over the figure, Enter applies it
      await cell.focus();
      await page.keyboard.type('6');
      await page.keyboard.press('Enter');
      let row = '';
      const end = Date.now() + STEP_MS;
      while (Date.now() < end) {
        row = (await sourceLines()).split('\n').find((l) => l.startsWith('| 一、本年新收政府信息公开申请数量')) || '';
        if (/\| 6 \|\s*$/.test(row)) break;
        await sleep(200);
      }
      if (!/\| 6 \|\s*$/.test(row)) throw new Error(`the source row was not changed to 6: “${row}”`);
      log(`  source row now: ${row.trim()}`);
      log(`  status bar after: ${await waitProblems(/^Errors: 1\b/)}`);
      // the preview re-renders without the mark, the focus stays on the cell
      const cleared = Date.now() + STEP_MS;
      while ((await frame.locator(cellSel).count()) > 0) {
        if (Date.now() > cleared) throw new Error('the preview still marks the total as wrong');
        await sleep(200);
      }
      const focused = await frame.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
      log(`  preview focus after the edit: “${focused}”`);
      await shot('preview-edited');
      // undo in the text editor takes the figure back
      await page.locator('.editor-group-container').first().locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+Z');
      const undone = Date.now() + STEP_MS;
      while (Date.now() < undone) {
        row = (await sourceLines()).split('\n').find((l) => l.startsWith('| 一、本年新收政府信息公开申请数量')) || '';
        if (/\| 2 \|\s*$/.test(row.replace(/\s*应为\s*\d+/g, ''))) break;
        await sleep(200);
      }
      if (!/\| 2 \|\s*$/.test(row.replace(/\s*应为\s*\d+/g, '')))
        throw new Error(`undo did not restore the figure: “${row}”`);
      log(`  after undo: ${row.trim()}; status bar ${await waitProblems(/^Errors: 2\b/)}`);
    },
  );

  check('新建年度报告 asks for 机关, 类型 and 年度 and opens the skeleton of the right form', async () => {
    await closePanel();
    const group = page.locator('.editor-group-container').first();
    await group.locator('.tabs-container .tab').first().click();
    await sleep(300);
    await runCommand('New Annual Report');
    const title = page.locator('.quick-input-widget .quick-input-title');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    const step = async (n) => {
      await title.filter({ hasText: `(${n}/4)` }).waitFor({ timeout: STEP_MS });
      await input.waitFor({ state: 'visible', timeout: STEP_MS });
    };
    await step(1);
    await page.keyboard.type('某某市人民政府办公室');
    await page.keyboard.press('Enter');
    await step(2);
    await page.keyboard.type('政府');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: '政府' }).first().waitFor({ timeout: STEP_MS });
    await page.keyboard.press('Enter');
    await step(3);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2020');
    await page.keyboard.press('Enter');
    await step(4);
    await page.keyboard.press('Enter'); // the first choice: a new untitled report
    await page.locator('[id="status.editor.mode"]', { hasText: '政府信息公开年度报告' }).waitFor({ timeout: STEP_MS });
    const deadline = Date.now() + STEP_MS;
    let text = '';
    while (Date.now() < deadline) {
      text = await visibleLines();
      if (text.includes('某某市人民政府办公室2020年政府信息公开工作年度报告')) break;
      await sleep(200);
    }
    for (const want of [
      '机关: 某某市人民政府办公室',
      '年度: 2020',
      '格式: 2019',
      '类型: 政府',
      '# 某某市人民政府办公室2020年',
    ]) {
      if (!text.includes(want)) throw new Error(`the new report lacks “${want}”: ${text.slice(0, 300)}`);
    }
    log('  new untitled report: 2019 form for 年度 2020, in the report language');
    await shot('new-report');
  });

  if (WEB)
    check('export as DOCX from the command palette writes a Word file next to the report', async () => {
      await closePanel();
      // the example report, in the first group (the checks before left a new untitled report active there)
      const group = page.locator('.editor-group-container').first();
      await group.locator('.tabs-container .tab', { hasText: 'example-2022.xxgk.md' }).first().click();
      await group
        .locator('.tabs-container .tab.active', { hasText: 'example-2022.xxgk.md' })
        .waitFor({ timeout: STEP_MS });
      await group.locator('.monaco-editor textarea').first().focus();
      await page
        .locator('[id="status.editor.mode"]', { hasText: '政府信息公开年度报告' })
        .waitFor({ timeout: STEP_MS });
      const target = join(WS, 'example-2022.docx');
      rmSync(target, { force: true });
      await runCommand('Export as Word (DOCX)');
      await page
        .locator('.notifications-toasts .notification-toast', { hasText: 'Exported' })
        .first()
        .waitFor({ timeout: STEP_MS });
      const deadline = Date.now() + STEP_MS;
      while (!existsSync(target) && Date.now() < deadline) await sleep(200);
      if (!existsSync(target)) throw new Error(`no ${target} after the export`);
      const bytes = readFileSync(target);
      if (bytes.length < 5000 || bytes[0] !== 0x50 || bytes[1] !== 0x4b)
        throw new Error(`${target} is not a Word file (${bytes.length} bytes)`);
      log(`  exported example-2022.docx: ${bytes.length} bytes`);
      await shot('export');
      // the notification's Download hands the file to the browser
      const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'Exported' }).first();
      await toast.hover();
      const downloaded = page.waitForEvent('download', { timeout: STEP_MS });
      // the workbench is in English (the browser's locale): the extension's own strings are too
      await toast.locator('.monaco-button', { hasText: 'Download' }).first().click();
      const dl = await downloaded;
      const file = join(DIR, 'downloaded.docx');
      await dl.saveAs(file);
      const got = readFileSync(file);
      if (dl.suggestedFilename() !== 'example-2022.docx' || !got.equals(bytes))
        throw new Error(`the download is ${dl.suggestedFilename()} (${got.length} bytes), not the exported file`);
      log(`  downloaded ${dl.suggestedFilename()}: ${got.length} bytes`);
    });

  let failed = 0;
  for (const c of checks) {
    try {
      await c.fn();
      log(`ok   ${c.name}`);
    } catch (err) {
      failed++;
      log(`FAIL ${c.name}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
      await shot(`FAILED-${checks.indexOf(c) + 1}`).catch(() => {});
      await page.keyboard.press('Escape').catch(() => {});
    }
  }
  log(`${checks.length - failed}/${checks.length} UI checks passed`);
  if (failed === 0 && process.env.SHOTS_TO_DOCS === '1') {
    const docs = join(ROOT, 'docs', 'images');
    mkdirSync(docs, { recursive: true });
    const names = WEB
      ? ['web-preview', 'web-export']
      : ['problems', 'quickfix', 'outline', 'completion', 'preview', 'preview-edit'];
    for (const n of names) copyFileSync(join(SHOTS, `${n}.png`), join(docs, `${n}.png`));
    log(`copied the screenshots to ${docs}`);
  }
  return failed === 0 ? 0 : 1;
}

try {
  const code = EXTHOST ? await runExthost() : await runUi();
  await finish(code);
} catch (err) {
  await finish(1, `error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
}
