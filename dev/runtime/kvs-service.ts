/**
 * The local Forge storage service: answers every path `@forge/kvs` 1.6 sends through
 * `__forge_fetch__` (see node_modules/@forge/kvs/out/storage-api.js) with the bodies it expects.
 * Plain keys, secrets, batches, key queries (beginsWith only, as Forge) with cursor/limit, set options (ttl,
 * keyPolicy,
 * returnValue), custom entities with their manifest indexes, and transactions with conditions.
 */
import { z } from 'zod';
import { satisfies, satisfiesGroup } from './kvs-conditions';
import { queryEntities, EntityQuerySchema } from './kvs-entity-query';
import {
  DEFAULT_QUERY_LIMIT,
  entryBody,
  jsonResponse,
  keyNotFound,
  kvsError,
  pageOf,
  rowBody,
} from './kvs-responses';
import { entityNamespace, KvsStore, type Namespace } from './kvs-store';
import type { EntityDefinition } from './manifest-modules';
import { BatchItems, GetBody, limitProblem, QueryBody, SetBody, TransactionBody } from './kvs-requests';

export class KvsService {
  constructor(
    readonly store: KvsStore,
    private readonly entities: Map<string, EntityDefinition>,
  ) {}

  /** Answers one request; any thrown validation problem becomes Forge's 400 BAD_REQUEST. */
  handle(path: string, bodyText: string): Response {
    let body: unknown;
    try {
      body = bodyText ? JSON.parse(bodyText) : {};
    } catch {
      return kvsError(400, 'BAD_REQUEST', 'Provided request body is invalid');
    }
    const refused = limitProblem(body);
    if (refused) return kvsError(400, refused.code, refused.message);
    try {
      return this.route(path, body);
    } catch (e) {
      if (e instanceof z.ZodError)
        return kvsError(
          400,
          'BAD_REQUEST',
          'Provided request body is invalid: ' +
            e.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; '),
        );
      if (e instanceof UnknownEntityError) return kvsError(400, 'BAD_REQUEST', e.message);
      throw e;
    }
  }

  private ns(entityName: string | undefined): Namespace {
    if (entityName === undefined) return 'kv';
    if (!this.entities.has(entityName))
      throw new UnknownEntityError(
        `Entity "${entityName}" is not declared under app.storage.entities in manifest.yml`,
      );
    return entityNamespace(entityName);
  }

  private route(path: string, body: unknown): Response {
    const secret = path.startsWith('/api/v1/secret/');
    const entity = path.startsWith('/api/v1/entity/');
    const op = path.replace(/^\/api\/v1\/(secret\/|entity\/)?/, '');
    const nsFor = (b: { entityName?: string }): Namespace =>
      secret ? 'secret' : entity ? this.ns(z.string().parse(b.entityName)) : 'kv';
    switch (op) {
      case 'get': {
        const b = GetBody.parse(body);
        const e = this.store.get(nsFor(b), b.key);
        return e ? jsonResponse(200, entryBody(b.key, e)) : keyNotFound();
      }
      case 'set': {
        const b = SetBody.parse(body);
        return this.set(nsFor(b), b);
      }
      case 'delete': {
        const b = GetBody.parse(body);
        return this.store.delete(nsFor(b), b.key) ? jsonResponse(204) : keyNotFound();
      }
      case 'query':
        return entity ? this.queryEntity(body) : this.query(QueryBody.parse(body));
      case 'batch/set':
        return this.batch(BatchItems.parse(body), (ns, i) => {
          this.store.set(ns, i.key, i.value, i.options?.ttl);
          return undefined;
        });
      case 'batch/get':
        return this.batch(BatchItems.parse(body), (ns, i) => {
          const e = this.store.get(ns, i.key);
          return e ? { ...entryBody(i.key, e) } : null;
        });
      case 'batch/delete':
        return this.batch(BatchItems.parse(body), (ns, i) => {
          this.store.delete(ns, i.key);
          return undefined;
        });
      case 'transaction':
        return this.transact(TransactionBody.parse(body));
      default:
        return kvsError(404, 'NOT_FOUND', `The local Forge storage has no endpoint ${path}`);
    }
  }

  private set(ns: Namespace, b: z.infer<typeof SetBody>): Response {
    const previous = this.store.get(ns, b.key);
    if (b.options?.keyPolicy === 'FAIL_IF_EXISTS' && previous)
      return kvsError(409, 'KEY_ALREADY_EXISTS', `Key "${b.key}" already exists`);
    const latest = this.store.set(ns, b.key, b.value, b.options?.ttl);
    if (b.options?.returnValue === 'LATEST') return jsonResponse(200, entryBody(b.key, latest));
    if (b.options?.returnValue === 'PREVIOUS')
      return previous ? jsonResponse(200, entryBody(b.key, previous)) : jsonResponse(204);
    return jsonResponse(204);
  }

  private query(b: z.infer<typeof QueryBody>): Response {
    const where = b.where?.[0];
    const rows = this.store
      .entries('kv')
      .filter(([k]) => !where || satisfies(k, where))
      .map(([key, e]) => ({ key, e }));
    const { page, cursor } = pageOf(rows, b.after, b.limit ?? DEFAULT_QUERY_LIMIT, true);
    return jsonResponse(200, {
      data: page.map((r) => rowBody(r.key, r.e, b.options?.metadataFields)),
      ...(cursor ? { cursor } : {}),
    });
  }

  private queryEntity(body: unknown): Response {
    const b = EntityQuerySchema.parse(body);
    const def = this.entities.get(b.entityName);
    if (!def)
      throw new UnknownEntityError(
        `Entity "${b.entityName}" is not declared under app.storage.entities in manifest.yml`,
      );
    const result = queryEntities(def, this.store.entries(entityNamespace(b.entityName)), b);
    return 'error' in result
      ? kvsError(400, 'BAD_REQUEST', result.error)
      : jsonResponse(200, { data: result.data, ...(result.cursor ? { cursor: result.cursor } : {}) });
  }

  private batch(
    items: z.infer<typeof BatchItems>,
    op: (
      ns: Namespace,
      item: z.infer<typeof BatchItems>[number],
    ) => Record<string, unknown> | null | undefined,
  ): Response {
    const successfulKeys: Array<Record<string, unknown>> = [];
    const failedKeys: Array<Record<string, unknown>> = [];
    for (const item of items) {
      const ids = { key: item.key, ...(item.entityName ? { entityName: item.entityName } : {}) };
      let ns: Namespace;
      try {
        ns = this.ns(item.entityName);
      } catch (e) {
        failedKeys.push({ ...ids, error: { code: 'VALIDATION_ERROR', message: (e as Error).message } });
        continue;
      }
      const r = op(ns, item);
      if (r === null)
        failedKeys.push({ ...ids, error: { code: 'KEY_NOT_FOUND', message: 'Provided key does not exist' } });
      else successfulKeys.push({ ...ids, ...(r ?? {}) });
    }
    return jsonResponse(200, { successfulKeys, failedKeys });
  }

  /** All conditions are checked against the current values first; then every write applies, or none. */
  private transact(b: z.infer<typeof TransactionBody>): Response {
    const ops = [...(b.set ?? []), ...(b.delete ?? []), ...(b.check ?? [])];
    if (ops.length === 0) return kvsError(400, 'BAD_REQUEST', 'A transaction needs at least one operation');
    const keys = ops.map((o) => `${o.entityName ?? ''}\u0000${o.key}`);
    if (new Set(keys).size !== keys.length)
      return kvsError(400, 'BAD_REQUEST', 'A transaction may touch each key only once');
    for (const o of ops) {
      if (!('conditions' in o) || !o.conditions) continue;
      const current = this.store.get(this.ns(o.entityName), o.key)?.value;
      if (!satisfiesGroup(current, o.conditions))
        return kvsError(
          409,
          'CONDITION_FAILED',
          `The transaction's condition on key "${o.key}" was not met; nothing was written`,
        );
    }
    for (const s of b.set ?? []) this.store.set(this.ns(s.entityName), s.key, s.value, s.options?.ttl);
    for (const d of b.delete ?? []) this.store.delete(this.ns(d.entityName), d.key);
    return jsonResponse(204);
  }
}

class UnknownEntityError extends Error {}
