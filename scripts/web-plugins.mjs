// esbuild plugins of the browser build (scripts/build.mjs): modules loaded on demand in the
// language server's worker, and pdfjs's worker code kept off the worker's own message port.
import { readFile } from 'node:fs/promises';
import { dirname, relative as relativePath, resolve as resolvePath } from 'node:path';

/**
 * Each `await import('./relative')` in the worker's code becomes a chunk loaded on demand
 * (server/src/browser/chunks.ts): the importer gets a stand-in module whose exported functions
 * load dist/web/chunks/<name>.js on their first call and then call the real one. Only exported
 * functions stand in (a module loaded this way is used through its functions: its constants and
 * classes are not reachable through the stand-in). `found`
 * collects the chunks (name → source path) for their own builds.
 */
export function webChunks(found) {
  const chunksModule = resolvePath('server/src/browser/chunks.ts');
  return {
    name: 'xxgk-web-chunks',
    setup(b) {
      b.onResolve({ filter: /^\./ }, async (args) => {
        if (args.kind !== 'dynamic-import' || args.namespace !== 'file') return undefined;
        const r = await b.resolve(args.path, { kind: 'import-statement', resolveDir: args.resolveDir });
        if (r.errors.length) return { errors: r.errors };
        return { path: r.path, namespace: 'xxgk-chunk' };
      });
      b.onLoad({ filter: /.*/, namespace: 'xxgk-chunk' }, async (args) => {
        const src = await readFile(args.path, 'utf8');
        const name = relativePath(resolvePath('server/src'), args.path)
          .replace(/\.[^.]+$/, '')
          .replace(/[\\/]/g, '-');
        found.set(name, args.path);
        const fns = [...src.matchAll(/^export\s+(?:async\s+)?function\s*\*?\s*(\w+)/gm)].map((m) => m[1]);
        const contents = [
          `import { loadChunk } from ${JSON.stringify(chunksModule)};`,
          ...fns.map(
            (f) => `export const ${f} = async (...a) => (await loadChunk(${JSON.stringify(name)})).${f}(...a);`,
          ),
        ].join('\n');
        return { contents, loader: 'js', resolveDir: dirname(args.path) };
      });
    },
  };
}

/**
 * pdfjs's worker code (pdf.worker.mjs) starts serving PDF requests on `self` when it finds itself
 * in a Web Worker. In the language server's worker, `self` is the connection to the editor: the
 * PDF reader runs pdfjs's worker code in the same thread instead (its "fake worker", handed the
 * module), so that start is switched off here. A pdfjs whose code no longer matches fails the build.
 */
export const pdfjsWorkerInWorker = {
  name: 'xxgk-pdfjs-worker-in-worker',
  setup(b) {
    b.onLoad({ filter: /pdfjs-dist[\\/].*pdf\.worker(\.min)?\.mjs$/ }, async (args) => {
      const src = await readFile(args.path, 'utf8');
      const start = 'if (typeof window === "undefined" && !isNodeJS && typeof self !== "undefined"';
      if (!src.includes(start))
        return { errors: [{ text: `${args.path}: pdfjs's self-start as a worker not found (a new pdfjs?)` }] };
      return { contents: src.replace(start, `if (false && ${start.slice(4)}`), loader: 'js' };
    });
  },
};
