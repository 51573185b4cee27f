/** Response helpers shared by the local KVS endpoints: Forge's error body `{ code, message }`. */
import type { StoredEntry } from './kvs-store';

export const jsonResponse = (status: number, body?: unknown): Response =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

export const kvsError = (status: number, code: string, message: string): Response =>
  jsonResponse(status, { code, message });

export const keyNotFound = (): Response => kvsError(404, 'KEY_NOT_FOUND', 'Provided key does not exist');

/** A stored entry as the KVS API returns it (metadata included; the client picks what was asked). */
export const entryBody = (key: string, e: StoredEntry): Record<string, unknown> => ({
  key,
  value: e.value,
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
  ...(e.expireTime ? { expireTime: e.expireTime } : {}),
});

/** A query row: key and value, plus only the metadata fields the caller asked for. */
export function rowBody(key: string, e: StoredEntry, metadataFields: string[] = []): Record<string, unknown> {
  return {
    key, value: e.value,
    ...(metadataFields.includes('CREATED_AT') ? { createdAt: e.createdAt } : {}),
    ...(metadataFields.includes('UPDATED_AT') ? { updatedAt: e.updatedAt } : {}),
    ...(metadataFields.includes('EXPIRE_TIME') && e.expireTime ? { expireTime: e.expireTime } : {}),
  };
}

/** Opaque cursors over a sorted key list. */
export const encodeCursor = (key: string): string => Buffer.from(key, 'utf8').toString('base64url');
export const decodeCursor = (cursor: string): string => Buffer.from(cursor, 'base64url').toString('utf8');

/** Forge's page size cap (runtime-reference/storage-api-query: "up to a maximum of 20"). */
export { KVS_MAX_QUERY_LIMIT as MAX_QUERY_LIMIT } from './platform-limits';
export const DEFAULT_QUERY_LIMIT = 10;

/**
 * One page after the cursor (the last key of the previous page), and the cursor for the next page
 * when there is one. Rows ordered by key resume after the cursor key even if it was deleted since.
 */
export function pageOf<T extends { key: string }>(
  rows: T[],
  after: string | undefined,
  limit: number,
  orderedByKey: boolean,
): { page: T[]; cursor?: string } {
  let start = 0;
  if (after !== undefined) {
    const last = decodeCursor(after);
    const at = rows.findIndex((r) => r.key === last);
    start = at >= 0 ? at + 1 : orderedByKey ? rows.findIndex((r) => r.key > last) : rows.length;
    if (start < 0) start = rows.length;
  }
  const page = rows.slice(start, start + limit);
  const more = start + limit < rows.length;
  return { page, ...(more && page.length > 0 ? { cursor: encodeCursor(page[page.length - 1]!.key) } : {}) };
}
