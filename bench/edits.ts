/**
 * The benchmarks' single-cell edits, one definition for the engine case and the server cases of
 * `npm run bench` and for `npm run bench:web`: a random number cell of the report gets another
 * number. The seeds and draws are those the benches always used, so their figures stay comparable.
 */
import { LineIndex } from '../server/src/engine/text';
import { numberCells, rng } from './gen';
import type { BenchClient, Pos } from './lsp';

/** One didChange of one cell, as an editor sends it. */
export interface CellEdit {
  version: number;
  range: { start: Pos; end: Pos };
  text: string;
}

/** A random number cell of `text` on each call (offsets), drawn from `r`. */
function cellPicker(text: string, r: () => number): () => { start: number; end: number } {
  const cells = numberCells(text);
  return () => cells[Math.floor(r() * cells.length)];
}

/**
 * The text with one random number cell changed, on each call: a small or a large number, never
 * the one there (the engine case times the check of each).
 */
export function editedTexts(text: string, seed: number): () => string {
  const r = rng(seed);
  const pick = cellPicker(text, r);
  return () => {
    const c = pick();
    const old = text.slice(c.start, c.end);
    let v = String(Math.floor(r() * (r() < 0.5 ? 10 : 10000)));
    if (v === old) v = String(Number(old) + 1);
    return text.slice(0, c.start) + v + text.slice(c.end);
  };
}

/**
 * `rounds` random number cells of `text`, each changed (to 8, or 9 where it is 8) and changed
 * back: two didChange edits per round, so that every edit is one cell away from the clean report.
 * Versions count on from `version`; `r` draws the cells (a caller may go on drawing from it).
 */
export function cellEditPairs(text: string, rounds: number, r: () => number, version = 1): CellEdit[] {
  const lines = new LineIndex(text);
  const pick = cellPicker(text, r);
  const out: CellEdit[] = [];
  for (let i = 0; i < rounds; i++) {
    const c = pick();
    const old = text.slice(c.start, c.end);
    const v = old === '8' ? '9' : '8';
    const range = lines.range(c);
    for (const [from, to] of [
      [old, v],
      [v, old],
    ] as const) {
      const end = { line: range.start.line, character: range.start.character + from.length };
      out.push({ version: ++version, range: { start: range.start, end }, text: to });
    }
  }
  return out;
}

/**
 * Applies each edit in turn and times it until `settled(edit)` resolves (its diagnostics, the
 * preview…); the first `warm` edits warm the server up and are not counted.
 */
export async function timeEdits(
  list: readonly CellEdit[],
  apply: (e: CellEdit) => Promise<unknown>,
  warm: number,
): Promise<number[]> {
  const xs: number[] = [];
  for (let i = 0; i < list.length; i++) {
    const t = performance.now();
    await apply(list[i]);
    if (i >= warm) xs.push(performance.now() - t);
  }
  return xs;
}

/** Sends an edit to the server and waits for the diagnostics of its version (for timeEdits). */
export const untilDiagnosed =
  (client: BenchClient, uri: string) =>
  (e: CellEdit): Promise<number> => {
    client.change(uri, e.version, e.range, e.text);
    return client.diagnosticsOf(uri, e.version);
  };
