/**
 * Helpers shared by the editing features: the user's language, span → LSP conversions, and a
 * line diff that turns "the text before / the text after" into small text edits (so fix-all and
 * formatting do not replace the whole document and the editor keeps the cursor where it was).
 */
import type { TextEdit } from 'vscode-languageserver';
import { LineIndex, type SpanEdit } from '../engine/text';

export { translator, type Translate } from '../messages';

export function toTextEdits(lines: LineIndex, edits: readonly SpanEdit[]): TextEdit[] {
  return edits.map((e) => ({ range: lines.range(e.span), newText: e.newText }));
}

/** Whether an action of `kind` is wanted by a request's `only` filter. */
export function kindWanted(kind: string, only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => o === '' || kind === o || kind.startsWith(`${o}.`));
}

/** Lines with their terminators, so that joining them gives back the text. */
function splitKeep(text: string): string[] {
  const out: string[] = [];
  let pos = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      out.push(text.slice(pos, i + 1));
      pos = i + 1;
    }
  }
  if (pos < text.length) out.push(text.slice(pos));
  return out;
}

/**
 * Myers' O((N+M)·D) diff of two line arrays: the runs of lines that differ, as
 * [oldStart, oldEnd, newStart, newEnd] (end exclusive).
 */
function diffLines(a: readonly string[], b: readonly string[]): [number, number, number, number][] {
  const ids = new Map<string, number>();
  const id = (s: string): number => {
    let x = ids.get(s);
    if (x === undefined) {
      x = ids.size;
      ids.set(s, x);
    }
    return x;
  };
  const A = a.map(id),
    B = b.map(id);
  const n = A.length,
    m = B.length,
    max = n + m;
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && A[x] === B[y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) break outer;
    }
  }
  // walk back from (n, m): each round d ends with one deletion or insertion after a common run
  const ops: { del: boolean; x: number; y: number }[] = [];
  let x = n,
    y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[off + k - 1] < vd[off + k + 1]) ? k + 1 : k - 1;
    const px = vd[off + prevK];
    const py = px - prevK;
    while (x > px && y > py) {
      x--;
      y--;
    }
    if (d > 0) ops.push({ del: x !== px, x: px, y: py });
    x = px;
    y = py;
  }
  ops.reverse();
  const runs: [number, number, number, number][] = [];
  for (const op of ops) {
    const r: [number, number, number, number] = op.del ? [op.x, op.x + 1, op.y, op.y] : [op.x, op.x, op.y, op.y + 1];
    const last = runs[runs.length - 1];
    if (last && last[1] === r[0] && last[3] === r[2]) {
      last[1] = r[1];
      last[3] = r[3];
    } else runs.push(r);
  }
  return runs;
}

/**
 * Small edits that turn `before` into `after`: a line diff, each differing run trimmed to the
 * characters that actually change.
 */
export function diffEdits(before: string, after: string): SpanEdit[] {
  if (before === after) return [];
  const a = splitKeep(before),
    b = splitKeep(after);
  const aStart: number[] = [0];
  for (const l of a) aStart.push(aStart[aStart.length - 1] + l.length);
  const bStart: number[] = [0];
  for (const l of b) bStart.push(bStart[bStart.length - 1] + l.length);
  const out: SpanEdit[] = [];
  for (const [a0, a1, b0, b1] of diffLines(a, b)) {
    let s = aStart[a0],
      e = aStart[a1];
    let ns = bStart[b0],
      ne = bStart[b1];
    while (s < e && ns < ne && before[s] === after[ns]) {
      s++;
      ns++;
    }
    while (e > s && ne > ns && before[e - 1] === after[ne - 1]) {
      e--;
      ne--;
    }
    // keep surrogate pairs whole
    if (s > 0 && /[\udc00-\udfff]/.test(before[s] ?? '')) {
      s--;
      ns--;
    }
    if (e < before.length && /[\udc00-\udfff]/.test(before[e] ?? '')) {
      e++;
      ne++;
    }
    out.push({ span: { start: s, end: e }, newText: after.slice(ns, ne) });
  }
  return out;
}
