/**
 * The data behind the local `@forge/kvs`: plain keys, secrets and custom entities, each entry with
 * Forge's metadata (createdAt, updatedAt, expireTime for a TTL). In memory, optionally mirrored to
 * a JSON file (the preview) so storage survives a restart.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

export interface StoredEntry { value: unknown; createdAt: number; updatedAt: number; expireTime?: string }
export type Namespace = 'kv' | 'secret' | `entity:${string}`;

const TtlSchema = z.object({
  value: z.number().positive(),
  unit: z.enum(['SECONDS', 'MINUTES', 'HOURS', 'DAYS']),
});
export type Ttl = z.infer<typeof TtlSchema>;
export { TtlSchema };

const UNIT_MS: Record<Ttl['unit'], number> = {
  SECONDS: 1000,
  MINUTES: 60_000,
  HOURS: 3_600_000,
  DAYS: 86_400_000,
};

const SavedFileSchema = z.object({
  version: z.literal(1),
  namespaces: z.record(
    z.string(),
    z.array(
      z.tuple([
        z.string(),
        z.object({
          value: z.unknown(),
          createdAt: z.number(),
          updatedAt: z.number(),
          expireTime: z.string().optional(),
        }),
      ]),
    ),
  ),
});

export const entityNamespace = (entityName: string): Namespace => `entity:${entityName}`;

export class KvsStore {
  private readonly namespaces = new Map<Namespace, Map<string, StoredEntry>>();
  private saveTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly file?: string,
    private readonly now: () => number = Date.now,
  ) {
    if (file && existsSync(file)) {
      const saved = SavedFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (!saved.success)
        throw new Error(
          `The storage file ${file} is not a local Forge storage file; move it away or pick another path.`,
        );
      for (const [ns, entries] of Object.entries(saved.data.namespaces))
        this.namespaces.set(ns as Namespace, new Map(entries));
    }
  }

  private space(ns: Namespace): Map<string, StoredEntry> {
    let m = this.namespaces.get(ns);
    if (!m) {
      m = new Map();
      this.namespaces.set(ns, m);
    }
    return m;
  }

  private expired(e: StoredEntry): boolean {
    return e.expireTime !== undefined && Date.parse(e.expireTime) <= this.now();
  }

  get(ns: Namespace, key: string): StoredEntry | undefined {
    const m = this.space(ns);
    const e = m.get(key);
    if (e && this.expired(e)) {
      m.delete(key);
      this.persist();
      return undefined;
    }
    return e;
  }

  set(ns: Namespace, key: string, value: unknown, ttl?: Ttl): StoredEntry {
    const now = this.now();
    const previous = this.get(ns, key);
    const entry: StoredEntry = {
      value,
      createdAt: previous?.createdAt ?? now,
      updatedAt: now,
      ...(ttl ? { expireTime: new Date(now + ttl.value * UNIT_MS[ttl.unit]).toISOString() } : {}),
    };
    this.space(ns).set(key, entry);
    this.persist();
    return entry;
  }

  delete(ns: Namespace, key: string): boolean {
    const had = this.space(ns).delete(key);
    if (had) this.persist();
    return had;
  }

  /** Live entries of a namespace, sorted by key. */
  entries(ns: Namespace): Array<[string, StoredEntry]> {
    return [...this.space(ns).keys()].sort().flatMap((k) => {
      const e = this.get(ns, k);
      return e ? [[k, e] as [string, StoredEntry]] : [];
    });
  }

  /** Plain keys by key; entities as `entity:<name>:<key>`; secrets are never shown. */
  snapshot(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const ns of this.namespaces.keys()) {
      if (ns === 'secret') continue;
      for (const [k, e] of this.entries(ns)) out[ns === 'kv' ? k : `${ns}:${k}`] = e.value;
    }
    return out;
  }

  clear(): void {
    this.namespaces.clear();
    this.persist();
  }

  private persist(): void {
    if (!this.file || this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      this.flush();
    }, 50);
    this.saveTimer.unref();
  }

  /** Writes the file now (atomically: a temporary file, then a rename). */
  flush(): void {
    if (!this.file) return;
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
    }
    mkdirSync(dirname(this.file), { recursive: true });
    const namespaces = Object.fromEntries([...this.namespaces].map(([ns, m]) => [ns, [...m]]));
    writeFileSync(`${this.file}.tmp`, JSON.stringify({ version: 1, namespaces }));
    renameSync(`${this.file}.tmp`, this.file);
  }
}
