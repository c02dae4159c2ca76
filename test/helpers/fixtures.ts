/** Fixture access for tests: files under test/fixtures, read relative to the repository root. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkText, type CheckOptions, type Diagnostic } from '../../server/src/engine/check';

/** The repository root: the nearest folder above this (bundled) test that holds package.json. */
export const ROOT = ((): string => {
  let d = __dirname;
  while (!existsSync(join(d, 'package.json')) && dirname(d) !== d) d = dirname(d);
  return d;
})();
export const NOW = new Date('2026-11-25T00:00:00Z');

export function fixture(name: string): string {
  return readFileSync(join(ROOT, 'test', 'fixtures', name), 'utf8');
}
export const EXAMPLE = (): string => fixture('example-2022.xxgk.md');

export function check(text: string, options: CheckOptions = {}): Diagnostic[] {
  return checkText(text, { now: NOW, ...options }).diagnostics;
}

/** The rule ids of the error and warning diagnostics (infos left out), in document order. */
export function ids(text: string, options: CheckOptions = {}): string[] {
  return check(text, options)
    .filter((d) => d.severity === 'error' || d.severity === 'warning')
    .map((d) => d.rule);
}

/** Replace exactly one occurrence (fails loudly when the fixture changed). */
export function edit(text: string, from: string, to: string): string {
  const i = text.indexOf(from);
  if (i < 0 || text.indexOf(from, i + 1) >= 0) throw new Error(`fixture edit: “${from}” must occur exactly once`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}

/** The source text a diagnostic's span covers. */
export function covered(text: string, d: Diagnostic): string {
  return text.slice(d.span.start, d.span.end);
}
