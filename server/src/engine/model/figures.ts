/** Figures, defined once: when a cell's number can be read, and how messages, fixes and hovers write a number. */
import type { CellState } from './types';

/** A cell (of a table, or of last year's facts) whose number can be read. */
export function readable<C extends { state: CellState; value?: number }>(c: C | undefined): c is C & { value: number } {
  return !!c && (c.state === 'ok' || c.state === 'normalizable') && typeof c.value === 'number';
}

/** A computed figure rounded to six decimals (sums of decimals carry binary noise). */
export function roundFigure(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** A figure as the messages, fixes and hovers write it. */
export function formatFigure(n: number): string {
  return Number.isInteger(n) ? String(n) : String(roundFigure(n));
}
