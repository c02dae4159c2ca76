/**
 * The workspace index: every report file of the workspace folders (and next to each open
 * report), read from disk, reduced to its cross-year facts and its outline, keyed by path; an open
 * document stands in for its file while it is open. It answers “last year’s report of this body”
 * and “the reports that depend on this one”, and lists sections and tables for workspace symbols.
 */
import { buildReport, type Report } from '../engine/model';
import { parseDocument } from '../engine/parse';
import { assessText } from '../engine/parse/limits';
import { extractFacts, isPreviousYear, type YearFacts } from '../engine/model/crossyear';
import { tableName } from '../engine/model/names';
import type { Range } from '../engine/text';
import { isReportFileName, isSkippedDir } from '../engine/report-files';
import type { FileAccess } from '../platform';

export interface OutlineItem {
  name: string;
  kind: 'title' | 'section' | 'table';
  range: Range;
}

export interface IndexEntry {
  /** the document URI */
  uri: string;
  /** the file system path, for file: URIs */
  path?: string;
  facts: YearFacts;
  /** what dependents read from this report: when it changes, they are checked again */
  signature: string;
  open: boolean;
  outline(): OutlineItem[];
}

const MAX_FILE_BYTES = 5_000_000;
const MAX_FILES = 20_000;

export { isReportFileName };

/** The sections and tables of a report, with ranges. */
export function outlineOf(report: Report): OutlineItem[] {
  const lines = report.doc.lines;
  const out: OutlineItem[] = [];
  const title = report.titles[0];
  if (title) out.push({ name: title.text.trim(), kind: 'title', range: lines.range(title.span) });
  for (const s of report.sections)
    out.push({
      name: s.heading.text.trim() || `${s.def.numeral}、${s.def.title}`,
      kind: 'section',
      range: lines.range(s.heading.span),
    });
  for (const t of report.tables)
    out.push({ name: tableName(t), kind: 'table', range: lines.range(t.node.header.span) });
  return out;
}

/** What a dependent (next year’s report) reads from this one. */
export function signatureOf(f: YearFacts): string {
  const vals = (cells: Record<string, { value?: number; state: string }> | undefined): unknown =>
    cells && Object.fromEntries(Object.entries(cells).map(([k, c]) => [k, `${c.state}:${c.value ?? ''}`]));
  return JSON.stringify([
    f.agencyKey,
    f.year,
    f.format,
    vals(f.carryNext?.cells),
    f.docs && Object.fromEntries(Object.entries(f.docs).map(([k, r]) => [k, vals(r.cells)])),
  ]);
}

/** An index entry for a report; `facts` when already extracted. */
export function summarize(
  uri: string,
  path: string | undefined,
  report: Report,
  open: boolean,
  facts?: YearFacts,
): IndexEntry {
  const f = facts ?? extractFacts(report);
  let outline: OutlineItem[] | undefined = open ? undefined : outlineOf(report);
  return {
    uri,
    path,
    facts: f,
    signature: signatureOf(f),
    open,
    outline: () => (outline ??= outlineOf(report)),
  };
}

/** A change of the index: a report added (`before` absent), changed, or removed (`after` absent). */
export type IndexChange = (before: IndexEntry | undefined, after: IndexEntry | undefined) => void;

export class WorkspaceIndex {
  private readonly listeners: IndexChange[] = [];

  /** The file access is the platform's (platform.ts): the index itself reads nothing directly. */
  constructor(private readonly files: FileAccess) {}

  /** Tell `listener` about every entry that changes what dependents read (its signature). */
  onDidChange(listener: IndexChange): void {
    this.listeners.push(listener);
  }

  private changed(before: IndexEntry | undefined, after: IndexEntry | undefined): void {
    if (before?.uri === after?.uri && before?.signature === after?.signature) return;
    for (const l of this.listeners) l(before, after);
  }

  private entryKey(uri: string): string {
    return this.files.uriToPath(uri) ?? uri;
  }

  /** The entry of an open document's report. */
  entryFor(uri: string, report: Report, facts?: YearFacts): IndexEntry {
    return summarize(uri, this.files.uriToPath(uri), report, true, facts);
  }

  private readonly disk = new Map<string, IndexEntry>();
  private readonly opened = new Map<string, IndexEntry>();
  private readonly scannedDirs = new Set<string>();
  private readonly scannedTrees = new Set<string>();

  /** by 机关 + 年度, rebuilt after a change */
  private byYear: Map<string, IndexEntry[]> | undefined;

  /** Every report known: open documents over their files. */
  entries(): IndexEntry[] {
    const out = new Map(this.disk);
    for (const [k, e] of this.opened) out.set(k, e);
    return [...out.values()];
  }

  private reportsOf(agencyKey: string, year: number): IndexEntry[] {
    if (!this.byYear) {
      this.byYear = new Map();
      for (const e of this.entries()) {
        if (!e.facts.agencyKey || e.facts.year === undefined) continue;
        const k = `${e.facts.agencyKey}\u0000${e.facts.year}`;
        const list = this.byYear.get(k);
        if (list) list.push(e);
        else this.byYear.set(k, [e]);
      }
    }
    return this.byYear.get(`${agencyKey}\u0000${year}`) ?? [];
  }

  get(uri: string): IndexEntry | undefined {
    const k = this.entryKey(uri);
    return this.opened.get(k) ?? this.disk.get(k);
  }

  /** Last year’s report of the same body (an open one first). */
  previousOf(facts: YearFacts, self?: string): IndexEntry | undefined {
    if (!facts.agencyKey || facts.year === undefined) return undefined;
    const all = this.reportsOf(facts.agencyKey, facts.year - 1).filter(
      (e) => e.uri !== self && isPreviousYear(facts, e.facts),
    );
    return all.find((e) => e.open) ?? [...all].sort((a, b) => a.uri.localeCompare(b.uri))[0];
  }

  /** Open reports whose previous year is the report `facts` describes. */
  dependentsOf(facts: YearFacts): IndexEntry[] {
    return [...this.opened.values()].filter((e) => isPreviousYear(e.facts, facts));
  }

  /** Record an open document’s state; returns the entry before, if any. */
  setOpen(entry: IndexEntry): IndexEntry | undefined {
    const k = this.entryKey(entry.uri);
    const before = this.opened.get(k) ?? this.disk.get(k);
    if (this.opened.get(k) !== entry) {
      this.opened.set(k, entry);
      this.byYear = undefined;
      this.changed(before, entry);
    }
    return before;
  }

  /** The document was closed: its file (if indexed) speaks for it again. Returns what it was. */
  close(uri: string): { was?: IndexEntry; now?: IndexEntry } {
    const k = this.entryKey(uri);
    const was = this.opened.get(k);
    this.opened.delete(k);
    this.byYear = undefined;
    const now = this.disk.get(k);
    if (was) this.changed(was, now);
    return { was, now };
  }

  /** Read one file from disk into the index. Returns the entries before and after. */
  async readFile(path: string): Promise<{ before?: IndexEntry; after?: IndexEntry }> {
    const p = this.files.resolve(path);
    const before = this.disk.get(p);
    let text: string | undefined;
    try {
      const st = await this.files.stat(p);
      if (st?.isFile && st.size <= MAX_FILE_BYTES) {
        const buf = await this.files.readFile(p);
        if (!buf.includes(0)) text = new TextDecoder('utf-8', { fatal: false }).decode(buf).replace(/^\ufeff/, '');
      }
    } catch {
      /* gone or unreadable */
    }
    // beyond the engine's limits (engine/parse/limits.ts) a file is not indexed: its tables are not read
    let after: IndexEntry | undefined;
    const uri = this.files.pathToUri(p);
    try {
      if (text !== undefined && assessText(text).tier === 'full')
        after = summarize(uri, p, buildReport(parseDocument(text, { incremental: false })), false);
    } catch {
      /* an engine failure on one file does not stop the scan */
    }
    if (after === undefined) {
      this.disk.delete(p);
      this.byYear = undefined;
      if (before && !this.opened.has(p)) this.changed(before, undefined);
      return { before };
    }
    this.disk.set(p, after);
    this.byYear = undefined;
    if (!this.opened.has(p)) this.changed(before, after);
    return { before, after };
  }

  /** Forget a deleted file, or every file under a deleted folder. Returns the entries removed. */
  remove(path: string): IndexEntry[] {
    const p = this.files.resolve(path);
    const out: IndexEntry[] = [];
    for (const [k, e] of this.disk) {
      if (this.files.isUnder(k, p)) {
        out.push(e);
        this.disk.delete(k);
      }
    }
    if (out.length) this.byYear = undefined;
    for (const e of out) if (!this.opened.has(this.entryKey(e.uri))) this.changed(e, undefined);
    return out;
  }

  /** A workspace folder removed: forget its files (and that it was scanned). */
  removeTree(root: string): IndexEntry[] {
    const r = this.files.resolve(root);
    this.scannedTrees.delete(r);
    for (const d of [...this.scannedDirs]) if (this.files.isUnder(d, r)) this.scannedDirs.delete(d);
    return this.remove(r);
  }

  /** Index the report files of a folder and its subfolders (once). */
  async scanTree(root: string): Promise<IndexEntry[]> {
    const r = this.files.resolve(root);
    if ([...this.scannedTrees].some((t) => this.files.isUnder(r, t))) return [];
    this.scannedTrees.add(r);
    const found: string[] = [];
    const walk = async (dir: string, depth: number): Promise<void> => {
      if (depth > 16 || found.length >= MAX_FILES) return;
      let entries;
      try {
        entries = await this.files.readDir(dir);
      } catch {
        return;
      }
      entries.sort((a, b) => a.name.localeCompare(b.name));
      for (const e of entries) {
        if (e.isDirectory) {
          if (!isSkippedDir(e.name)) await walk(this.files.join(dir, e.name), depth + 1);
        } else if (e.isFile && isReportFileName(e.name)) found.push(this.files.join(dir, e.name));
      }
    };
    await walk(r, 0);
    const out: IndexEntry[] = [];
    for (const f of found) {
      const { after } = await this.readFile(f);
      if (after) out.push(after);
    }
    return out;
  }

  /** Index the report files right next to a file (once per folder, not its subfolders). */
  async scanSiblings(path: string): Promise<IndexEntry[]> {
    const dir = this.files.dirname(this.files.resolve(path));
    if (this.scannedDirs.has(dir) || [...this.scannedTrees].some((t) => this.files.isUnder(dir, t))) return [];
    this.scannedDirs.add(dir);
    let names: string[];
    try {
      names = (await this.files.readDir(dir)).map((e) => e.name).sort();
    } catch {
      return [];
    }
    const out: IndexEntry[] = [];
    for (const n of names) {
      if (!isReportFileName(n)) continue;
      const { after } = await this.readFile(this.files.join(dir, n));
      if (after) out.push(after);
    }
    return out;
  }

  /** Whether a path lies in a folder the index watches (a scanned tree or a scanned folder). */
  covers(path: string): boolean {
    const p = this.files.resolve(path);
    return (
      [...this.scannedTrees].some((t) => p !== t && this.files.isUnder(p, t)) ||
      this.scannedDirs.has(this.files.dirname(p))
    );
  }
}
