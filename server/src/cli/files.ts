/**
 * Finding report files: directories walked, globs expanded, files named explicitly taken as they are.
 *
 * A walk takes `*.xxgk.md` and other Markdown files (a `.md` is a report when its name says so or
 * its front matter names 机关/年度: `check` looks inside), and the published formats `.pdf`, `.docx`,
 * `.html`/`.htm` and `.txt` (imported in memory). Every other file is skipped and counted. A walk
 * visits each real directory and each real file once: symbolic links are followed, but a link
 * back to a directory already walked (`a -> .`) is not walked again, and a file reached through
 * two links is listed once.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { REPORT_FILE, SKIP_DIRS } from '../engine/report-files';

export { REPORT_FILE };
/** Files a walk takes: Markdown (looked into) and the published formats (imported). */
export const WALKED_FILE = /\.(md|markdown|pdf|docx|html?|txt)$/i;
/** Named in messages: the types a walk looks for. */
export const WALKED_TYPES = '.xxgk.md、.md（带前置元数据）、.pdf、.docx、.html、.txt';

export interface Expanded {
  files: string[];
  missing: string[];
  /** files found by walking a folder or a glob (not named on the command line) */
  walked: Set<string>;
  /** files a walk passed over because of their type */
  skipped: number;
}

/** A walker that remembers the real paths it has seen. */
class Walker {
  /** `dedupe`: list each real file once (a glob's walker lists every name, and dedupes its matches) */
  constructor(private readonly dedupe = true) {}
  private readonly dirs = new Set<string>();
  private readonly seen = new Set<string>();
  skipped = 0;

  private real(p: string): string | undefined {
    try {
      return realpathSync(p);
    } catch {
      return undefined;
    }
  }

  /** Whether the real file behind `p` has not been listed yet (and list it). */
  fresh(p: string): boolean {
    const r = this.real(p) ?? p;
    if (this.seen.has(r)) return false;
    this.seen.add(r);
    return true;
  }

  /** Every file under `dir` (each real path once), `take` deciding which to keep. */
  walk(dir: string, out: string[], take: (name: string) => boolean, hidden: boolean): void {
    const r = this.real(dir);
    if (r === undefined || this.dirs.has(r)) return;
    this.dirs.add(r);
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(dir, e);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) {
        if (!SKIP_DIRS.has(e) && (hidden || !e.startsWith('.'))) this.walk(p, out, take, hidden);
      } else if (take(e)) {
        if (!this.dedupe || this.fresh(p)) out.push(p);
      } else if (!e.startsWith('.')) this.skipped++;
    }
  }
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        re += '.*';
        i++;
        if (glob[i + 1] === '/') i++;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if ('\\^$+.()|{}[]'.includes(c)) re += `\\${c}`;
    else re += c;
  }
  return new RegExp(`^${re}$`);
}

export function expandArgs(args: string[], take: (name: string) => boolean = (n) => WALKED_FILE.test(n)): Expanded {
  const files: string[] = [];
  const missing: string[] = [];
  const walked = new Set<string>();
  const walker = new Walker();
  for (const a of args) {
    if (/[*?]/.test(a)) {
      const norm = a.split(sep).join('/');
      const base = norm.slice(0, norm.search(/[*?]/)).replace(/[^/]*$/, '') || '.';
      const re = globToRegExp(norm.replace(/^\.\//, ''));
      const all: string[] = [];
      new Walker(false).walk(base, all, () => true, true);
      const hits = all.filter((p) => re.test(relative('.', p).split(sep).join('/')) || re.test(p.split(sep).join('/')));
      if (hits.length === 0) missing.push(a);
      for (const h of hits) {
        if (!take(h.split(/[\\/]/).pop() ?? h)) {
          walker.skipped++;
          continue;
        }
        if (!walker.fresh(h)) continue;
        files.push(h);
        walked.add(h);
      }
      continue;
    }
    let st;
    try {
      st = statSync(a);
    } catch {
      missing.push(a);
      continue;
    }
    if (st.isDirectory()) {
      const found: string[] = [];
      walker.walk(a, found, take, false);
      for (const f of found) {
        files.push(f);
        walked.add(f);
      }
    } else if (walker.fresh(a)) files.push(a);
  }
  return { files, missing, walked, skipped: walker.skipped };
}
