/**
 * Custom entity queries (`kvs.entity(name).query().index(i, {partition}).where(range).filters(f)
 * .sort(s).cursor(c).limit(n)`), answered from the entity's indexes declared in manifest.yml.
 * An item belongs to an index only when it has the index's range attribute, as in Forge.
 */
import { z } from 'zod';
import {
  ClauseSchema,
  FilterGroupSchema,
  compareValues,
  satisfies,
  satisfiesGroup,
  valueOf,
} from './kvs-conditions';
import { DEFAULT_QUERY_LIMIT, MAX_QUERY_LIMIT, pageOf, rowBody } from './kvs-responses';
import type { StoredEntry } from './kvs-store';
import type { EntityDefinition } from './manifest-modules';

export const EntityQuerySchema = z.object({
  entityName: z.string().min(1),
  indexName: z.string().min(1),
  partition: z.array(z.union([z.string(), z.number(), z.boolean()])).optional(),
  range: ClauseSchema.optional(),
  filters: FilterGroupSchema.optional(),
  sort: z.enum(['ASC', 'DESC']).optional(),
  cursor: z.string().optional(),
  limit: z.number().int().min(1).max(MAX_QUERY_LIMIT).optional(),
  options: z.object({ metadataFields: z.array(z.string()).optional() }).optional(),
});
export type EntityQuery = z.infer<typeof EntityQuerySchema>;

export function queryEntities(
  def: EntityDefinition,
  entries: Array<[string, StoredEntry]>,
  q: EntityQuery,
): { data: Array<Record<string, unknown>>; cursor?: string } | { error: string } {
  const index = def.indexes.find((i) => i.name === q.indexName);
  if (!index) return { error: `Entity "${def.name}" has no index "${q.indexName}" in manifest.yml` };
  const partition = q.partition ?? [];
  if (partition.length !== index.partition.length)
    return {
      error:
        `Index "${index.name}" needs ${index.partition.length} partition value(s), ` +
        `got ${partition.length}`,
    };
  const rangeAttr = index.range[0];
  const rows = entries
    .filter(([, e]) => rangeAttr === undefined || valueOf(e.value, rangeAttr) !== undefined)
    .filter(([, e]) => index.partition.every((attr, i) => valueOf(e.value, attr) === partition[i]))
    .filter(([, e]) => !q.range || rangeAttr === undefined || satisfies(valueOf(e.value, rangeAttr), q.range))
    .filter(([, e]) => satisfiesGroup(e.value, q.filters))
    .map(([key, e]) => ({ key, e }));
  rows.sort(
    (a, b) =>
      (rangeAttr ? compareValues(valueOf(a.e.value, rangeAttr), valueOf(b.e.value, rangeAttr)) : 0) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  if (q.sort === 'DESC') rows.reverse();
  const { page, cursor } = pageOf(rows, q.cursor, q.limit ?? DEFAULT_QUERY_LIMIT, false);
  return {
    data: page.map((r) => rowBody(r.key, r.e, q.options?.metadataFields)),
    ...(cursor ? { cursor } : {}),
  };
}
