/**
 * Modules loaded on demand in the browser worker. The web build (scripts/build.mjs, the
 * `xxgk-web-chunks` plugin) turns each `await import('./module')` of the server's code into a
 * stand-in whose functions load the module's own script (dist/web/chunks/<name>.js) the first
 * time one is called; that script registers the module's exports under its name here. So the
 * worker starts without what few reports need (the Word writer, the PDF reader): the web
 * bundle stays within its budget. In Node the build leaves `import()` as it is.
 */

type Chunks = Record<string, Record<string, unknown> | undefined>;

/** Runs a chunk's script in the worker (browserMain.ts: read through the extension, run from a Blob). */
export type ChunkLoader = (name: string) => Promise<void>;

let loader: ChunkLoader | undefined;
const loading = new Map<string, Promise<Record<string, unknown>>>();

export function setChunkLoader(l: ChunkLoader): void {
  loader = l;
}

const registry = (): Chunks => {
  const g = globalThis as { __xxgkChunks?: Chunks };
  return (g.__xxgkChunks ??= {});
};

/** The exports of chunk `name`, its script run once (a failed load is tried again next time). */
export function loadChunk(name: string): Promise<Record<string, unknown>> {
  let p = loading.get(name);
  if (!p) {
    p = (async () => {
      if (!registry()[name]) {
        if (!loader) throw new Error(`no way to load ${name} in this worker`);
        await loader(name);
      }
      const m = registry()[name];
      if (!m) throw new Error(`the script of ${name} did not register it`);
      return m;
    })();
    loading.set(name, p);
    p.catch(() => loading.delete(name));
  }
  return p;
}
