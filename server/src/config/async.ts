/**
 * `.xxgkrc.json` for a platform whose files can only be read asynchronously (the server in a Web
 * Worker asks the extension for each file). The server core asks for a folder's configuration
 * synchronously (ConfigSource.forFile): this cache answers with what it has read, starts the walk
 * up from a folder it has not seen, and tells its listeners when a file is found, so that the
 * open reports are checked again with it. Until then a report is checked with the defaults and
 * the editor's settings; a folder with no file above it costs one walk and no second check.
 */
import type { ConfigSource, FileAccess } from '../platform';
import { CONFIG_FILE, parseConfig, type FoundConfig } from './index';
import { CONFIGURABLE_RULES } from './rules';

export class AsyncConfigCache implements ConfigSource {
  private byDir = new Map<string, FoundConfig | undefined>();
  private pending = new Set<string>();
  private listeners: (() => void)[] = [];
  /** bumped by clear(): a walk started before it does not store what it found */
  private generation = 0;

  constructor(
    private readonly files: FileAccess,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  forFile(path: string): FoundConfig | undefined {
    const dir = this.files.dirname(path);
    if (this.byDir.has(dir)) return this.byDir.get(dir);
    this.load(dir);
    return undefined;
  }

  clear(): void {
    this.byDir.clear();
    this.pending.clear();
    this.generation++;
  }

  onDidLoad(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** The configuration of `dir`, once read: resolves when it is in the cache. */
  async whenLoaded(path: string): Promise<FoundConfig | undefined> {
    const dir = this.files.dirname(path);
    if (!this.byDir.has(dir)) await this.read(dir, this.generation);
    return this.byDir.get(dir);
  }

  private load(dir: string): void {
    if (this.pending.has(dir)) return;
    this.pending.add(dir);
    const generation = this.generation;
    void this.read(dir, generation).then(
      (found) => {
        if (found && generation === this.generation) for (const l of this.listeners) l();
      },
      (err: unknown) => this.log(`reading ${CONFIG_FILE} above ${dir} failed: ${String(err)}`),
    );
  }

  private async read(dir: string, generation: number): Promise<FoundConfig | undefined> {
    const found = await this.find(dir);
    if (generation === this.generation) {
      this.byDir.set(dir, found);
      this.pending.delete(dir);
    }
    return found;
  }

  /** The nearest `.xxgkrc.json` in `dir` or a folder above it, read and validated. */
  private async find(dir: string): Promise<FoundConfig | undefined> {
    const f = this.files;
    for (let d = dir; ;) {
      // a folder already known answers for every folder below it
      if (d !== dir && this.byDir.has(d)) return this.byDir.get(d);
      const path = f.join(d, CONFIG_FILE);
      const info = await f.stat(path).catch(() => undefined);
      if (info?.isFile) {
        let text: string;
        try {
          text = new TextDecoder('utf-8').decode(await f.readFile(path));
        } catch (err) {
          const reason = err instanceof Error ? err.message : String(err);
          return {
            path,
            ok: false,
            problems: [{ path: '', message: { id: 'config.cannot-read', params: { reason } } }],
          };
        }
        const r = parseConfig(text, CONFIGURABLE_RULES);
        return r.ok ? { path, ok: true, config: r.config } : { path, ok: false, problems: r.problems };
      }
      const up = f.dirname(d);
      if (up === d) return undefined;
      d = up;
    }
  }
}
