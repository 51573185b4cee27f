/**
 * Forge app storage (`@forge/kvs`) kept in memory, optionally mirrored to a JSON file for the
 * preview. Answers the request paths the real package sends (/api/v1/get, set, delete, query,
 * batch/*, secret/*) with the bodies it expects.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

interface Entry { value: unknown; createdAt: number; updatedAt: number }

const json = (status: number, body?: unknown) => new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const notFound = () => json(404, { code: 'KEY_NOT_FOUND', message: 'The key was not found.' });

export class MemoryKvs {
  private readonly entries = new Map<string, Entry>();
  private readonly secrets = new Map<string, Entry>();
  private saveTimer: NodeJS.Timeout | null = null;

  constructor(private readonly file?: string) {
    if (file && existsSync(file)) {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as { entries?: Array<[string, Entry]> };
      for (const [k, v] of saved.entries ?? []) this.entries.set(k, v);
    }
  }

  snapshot(): Record<string, unknown> { return Object.fromEntries([...this.entries].map(([k, v]) => [k, v.value])); }
  clear(): void { this.entries.clear(); this.secrets.clear(); }

  private persist(): void {
    if (!this.file || this.saveTimer) return;
    this.saveTimer = setTimeout(() => { this.saveTimer = null; this.flush(); }, 50);
    this.saveTimer.unref();
  }
  flush(): void { if (this.file) writeFileSync(this.file, JSON.stringify({ entries: [...this.entries] })); }

  private put(store: Map<string, Entry>, key: string, value: unknown): Entry {
    const now = Date.now();
    const e = { value, createdAt: store.get(key)?.createdAt ?? now, updatedAt: now };
    store.set(key, e);
    this.persist();
    return e;
  }

  handle(path: string, bodyText: string): Response {
    const body = (bodyText ? JSON.parse(bodyText) : {}) as Record<string, unknown>;
    const key = body.key as string;
    const secret = path.startsWith('/api/v1/secret/');
    const store = secret ? this.secrets : this.entries;
    switch (path.replace('/secret', '')) {
      case '/api/v1/get': { const e = store.get(key); return e ? json(200, { key, value: e.value, createdAt: e.createdAt, updatedAt: e.updatedAt }) : notFound(); }
      case '/api/v1/set': {
        if (typeof key !== 'string' || !key || body.value === undefined) return json(400, { code: 'INVALID_REQUEST', message: 'A key and a value are required.' });
        const e = this.put(store, key, body.value);
        return json(200, { key, value: e.value, createdAt: e.createdAt, updatedAt: e.updatedAt });
      }
      case '/api/v1/delete': store.delete(key); this.persist(); return json(204);
      case '/api/v1/query': {
        const where = (body.where as Array<{ property: string; condition: string; values: unknown[] }> | undefined)?.[0];
        const keys = [...this.entries.keys()].sort().filter((k) => !where || (where.condition === 'BEGINS_WITH' && k.startsWith(String(where.values[0]))));
        const start = body.after ? keys.findIndex((k) => k > String(body.after)) : 0;
        const limit = Math.min(100, Number(body.limit ?? 10));
        const page = start < 0 ? [] : keys.slice(start, start + limit);
        const more = start >= 0 && start + limit < keys.length;
        return json(200, { data: page.map((k) => ({ key: k, value: this.entries.get(k)!.value })), cursor: more ? page[page.length - 1] : undefined });
      }
      case '/api/v1/batch/set': {
        const items = (body as unknown as Array<{ key: string; value: unknown }>) ?? [];
        for (const i of items) this.put(this.entries, i.key, i.value);
        return json(200, { successfulKeys: items.map((i) => ({ key: i.key })), failedKeys: [] });
      }
      case '/api/v1/batch/get': {
        const items = (body as unknown as Array<{ key: string }>) ?? [];
        return json(200, { successfulKeys: items.filter((i) => this.entries.has(i.key)).map((i) => ({ key: i.key, value: this.entries.get(i.key)!.value })), failedKeys: items.filter((i) => !this.entries.has(i.key)).map((i) => ({ key: i.key, error: { code: 'KEY_NOT_FOUND', message: 'not found' } })) });
      }
      case '/api/v1/batch/delete': {
        const items = (body as unknown as Array<{ key: string }>) ?? [];
        for (const i of items) this.entries.delete(i.key);
        this.persist();
        return json(200, { successfulKeys: items.map((i) => ({ key: i.key })), failedKeys: [] });
      }
      default: return json(400, { code: 'NOT_SUPPORTED', message: `The local runtime does not support ${path}.` });
    }
  }
}
