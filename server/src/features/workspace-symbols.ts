/**
 * Workspace symbols (Ctrl+T): every report's title, sections and tables, named with the body and
 * the year (“某县交通运输局 2022 · 三、收到和处理政府信息公开申请情况”) so that typing either finds
 * them. The reports are those of the workspace index (files of the workspace folders, open
 * documents over their files).
 */
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver';
import type { Feature } from './types';
import type { IndexEntry } from '../workspace/index';

const KIND = { title: SymbolKind.File, section: SymbolKind.Module, table: SymbolKind.Struct } as const;
const MAX_RESULTS = 500;

const fold = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s、，,.（）()“”"·]/g, '');

/** Every query term found in the name (after folding), or the letters of a one-term query in order. */
export function symbolMatches(query: string, name: string): boolean {
  const hay = fold(name);
  const terms = query.trim().split(/\s+/).map(fold).filter(Boolean);
  if (terms.length === 0) return true;
  if (terms.every((t) => hay.includes(t))) return true;
  if (terms.length > 1) return false;
  let i = 0;
  for (const ch of hay) if (ch === terms[0][i]) i++;
  return i >= Array.from(terms[0]).length;
}

export function symbolsOf(entries: readonly IndexEntry[], query: string): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  const sorted = [...entries].sort(
    (a, b) =>
      (a.facts.agency ?? '').localeCompare(b.facts.agency ?? '') ||
      (b.facts.year ?? 0) - (a.facts.year ?? 0) ||
      a.uri.localeCompare(b.uri),
  );
  for (const e of sorted) {
    const who = [e.facts.agency, e.facts.year].filter((x) => x !== undefined && x !== '').join(' ');
    for (const item of e.outline()) {
      const name = item.kind === 'title' || !who ? item.name : `${who} · ${item.name}`;
      if (!symbolMatches(query, name)) continue;
      out.push({
        name,
        kind: KIND[item.kind],
        location: { uri: e.uri, range: item.range },
        containerName: who || undefined,
      });
      if (out.length >= MAX_RESULTS) return out;
    }
  }
  return out;
}

export const workspaceSymbolsFeature: Feature = {
  capabilities: () => ({ workspaceSymbolProvider: true }),
  register(ctx) {
    const ws = ctx.workspace;
    ctx.connection.onWorkspaceSymbol(async (params) => {
      try {
        await ws.ready();
        // open documents: their latest text
        ws.syncOpen();
        return symbolsOf(ws.index.entries(), params.query ?? '');
      } catch (err) {
        ctx.connection.console.error(
          `xxgk: workspace symbols failed: ${String(err instanceof Error ? err.stack : err)}`,
        );
        return [];
      }
    });
  },
};
