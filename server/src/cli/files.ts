/** Finding report files: directories walked, globs expanded, files named explicitly taken as they are. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { REPORT_FILE, SKIP_DIRS, isSkippedDir } from '../engine/report-files';

export { REPORT_FILE };

function walk(dir: string, out: string[]): void {
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
      if (!isSkippedDir(e)) walk(p, out);
    } else if (REPORT_FILE.test(e)) out.push(p);
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

export interface Expanded {
  files: string[];
  missing: string[];
}

export function expandArgs(args: string[]): Expanded {
  const files: string[] = [];
  const missing: string[] = [];
  for (const a of args) {
    if (/[*?]/.test(a)) {
      const norm = a.split(sep).join('/');
      const base = norm.slice(0, norm.search(/[*?]/)).replace(/[^/]*$/, '') || '.';
      const re = globToRegExp(norm.replace(/^\.\//, ''));
      const all: string[] = [];
      const walkAll = (d: string): void => {
        let entries: string[];
        try {
          entries = readdirSync(d).sort();
        } catch {
          return;
        }
        for (const e of entries) {
          const p = join(d, e);
          let st;
          try {
            st = statSync(p);
          } catch {
            continue;
          }
          if (st.isDirectory()) {
            if (!SKIP_DIRS.has(e)) walkAll(p);
          } else all.push(p);
        }
      };
      walkAll(base);
      const hits = all.filter((p) => re.test(relative('.', p).split(sep).join('/')) || re.test(p.split(sep).join('/')));
      if (hits.length === 0) missing.push(a);
      files.push(...hits);
      continue;
    }
    let st;
    try {
      st = statSync(a);
    } catch {
      missing.push(a);
      continue;
    }
    if (st.isDirectory()) walk(a, files);
    else files.push(a);
  }
  return { files: [...new Set(files)], missing };
}
