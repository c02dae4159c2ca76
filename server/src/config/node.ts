/**
 * The file-system part of `.xxgkrc.json` (config/index.ts is the pure part): finding the nearest
 * file above a report, reading it, and a cache per folder for the language server.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE, parseConfig, type FoundConfig } from './index';
import { CONFIGURABLE_RULES } from './rules';

export { CONFIGURABLE_RULES, SCHEMA_RULES } from './rules';
export type { FoundConfig } from './index';

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The nearest `.xxgkrc.json` in `dir` or a folder above it. */
export function findConfigFile(dir: string): string | undefined {
  let d = resolve(dir);
  for (;;) {
    const p = join(d, CONFIG_FILE);
    if (isFile(p)) return p;
    const up = dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

/** Reads and validates one configuration file. */
export function readConfigFile(path: string): FoundConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    return {
      path,
      ok: false,
      problems: [{ path: '', message: { id: 'config.cannot-read', params: { reason: code } } }],
    };
  }
  const r = parseConfig(text, CONFIGURABLE_RULES);
  return r.ok ? { path, ok: true, config: r.config } : { path, ok: false, problems: r.problems };
}

/** The configuration that applies to a file: the nearest `.xxgkrc.json` above it, if any. */
export function configFor(file: string): FoundConfig | undefined {
  const p = findConfigFile(dirname(resolve(file)));
  return p ? readConfigFile(p) : undefined;
}

/**
 * The language server's cache: the configuration of each folder, read once and kept until a
 * `.xxgkrc.json` changes (the client watches `**\/.xxgkrc.json`), then read again.
 */
export class ConfigCache {
  private byDir = new Map<string, FoundConfig | undefined>();

  forFile(file: string): FoundConfig | undefined {
    const dir = dirname(resolve(file));
    if (this.byDir.has(dir)) return this.byDir.get(dir);
    const found = configFor(file);
    this.byDir.set(dir, found);
    return found;
  }

  clear(): void {
    this.byDir.clear();
  }
}
