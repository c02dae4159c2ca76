/** `xxgk-disable` comments. */
import type { ParsedDocument } from '../parse';

// ---------------------------------------------------------------------------------------------
// Directives: <!-- xxgk-disable-next-line ids -->, <!-- xxgk-disable ids --> … <!-- xxgk-enable ids -->

export interface Suppression {
  rules: Set<string> | 'all';
  fromLine: number;
  toLine: number;
}

/** Whether a `xxgk-disable` comment silences `rule` on `line` (rules as a set, or as a list once serialised). */
export function isSuppressed(
  suppressions: readonly { rules: ReadonlySet<string> | readonly string[] | 'all'; fromLine: number; toLine: number }[],
  rule: string,
  line: number,
): boolean {
  return suppressions.some(
    (s) =>
      line >= s.fromLine &&
      line <= s.toLine &&
      (s.rules === 'all' || ('has' in s.rules ? s.rules.has(rule) : s.rules.includes(rule))),
  );
}

export function readDirectives(doc: ParsedDocument): Suppression[] {
  const out: Suppression[] = [];
  const open = new Map<string, number>();
  const ids = (s: string): string[] => s.split(/[\s,]+/).filter(Boolean);
  for (const c of doc.comments) {
    const m = /^xxgk-(disable-next-line|disable-line|disable|enable)\b(.*)$/s.exec(c.value);
    if (!m) continue;
    const line = doc.lines.positionAt(c.span.start).line;
    const endLine = doc.lines.positionAt(c.span.end).line;
    const list = ids(m[2]);
    if (m[1] === 'disable-next-line')
      out.push({ rules: list.length ? new Set(list) : 'all', fromLine: endLine + 1, toLine: endLine + 1 });
    else if (m[1] === 'disable-line')
      out.push({ rules: list.length ? new Set(list) : 'all', fromLine: line, toLine: line });
    else if (m[1] === 'disable')
      for (const id of list.length ? list : ['*']) {
        if (!open.has(id)) open.set(id, line);
      }
    else {
      for (const id of list.length ? list : [...open.keys()]) {
        const from = open.get(id);
        if (from === undefined) continue;
        open.delete(id);
        out.push({ rules: id === '*' ? 'all' : new Set([id]), fromLine: from, toLine: line });
      }
    }
  }
  for (const [id, from] of open)
    out.push({ rules: id === '*' ? 'all' : new Set([id]), fromLine: from, toLine: Number.MAX_SAFE_INTEGER });
  return out;
}
