/**
 * Headless Chromium for the browser tests (playwright-core driving Debian's chromium, or
 * CHROMIUM_PATH). Where it is not installed the tests are skipped, except in CI (CI=true), where a
 * missing browser fails the run instead (scripts/setup-system.sh installs it).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext } from 'playwright-core';
import FLAGS from './chromium-flags.json';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** `describe(…, { skip: skipBrowser })`: why the browser tests are skipped here, or false. */
export const skipBrowser: string | false =
  existsSync(CHROMIUM) || process.env.CI === 'true'
    ? false
    : `Chromium is not installed at ${CHROMIUM} (apt-get install chromium): browser tests skipped`;

/**
 * Headless, no sandbox (containers), nothing fetched in the background, no first-run pages; the
 * flags are shared with the real-editor tests (test/e2e/run.mjs).
 */
const ARGS = ['--headless', ...FLAGS];

function playwright(): typeof import('playwright-core') {
  if (!existsSync(CHROMIUM)) assert.fail(`CI=true and Chromium is missing at ${CHROMIUM}: run scripts/setup-system.sh`);
  // required at run time, not bundled into the test
  return createRequire(__filename)('playwright-core') as typeof import('playwright-core');
}

/** Chromium with its own profile in `profileDir` (a persistent context). */
export function launchContext(
  profileDir: string,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<BrowserContext> {
  return playwright().chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    ...options,
  });
}

/** Chromium without a profile, for pages of their own. */
export function launchBrowser(): Promise<Browser> {
  return playwright().chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}
