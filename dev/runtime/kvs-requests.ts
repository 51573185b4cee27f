/**
 * The bodies the local Forge storage service accepts, as `@forge/kvs` 1.6 sends them, and Forge's key and
 * value limits over every key and value one carries.
 */
import { z } from 'zod';
import { ClauseSchema, FilterGroupSchema } from './kvs-conditions';
import { MAX_QUERY_LIMIT } from './kvs-responses';
import { TtlSchema } from './kvs-store';
import { kvsKeyProblem, kvsValueProblem } from './platform-limits';

export const KeySchema = z.string().min(1).max(500);
export const SetOptionsSchema = z.object({
  ttl: TtlSchema.optional(),
  keyPolicy: z.enum(['OVERRIDE', 'FAIL_IF_EXISTS']).optional(),
  returnValue: z.enum(['PREVIOUS', 'LATEST']).optional(),
  returnMetadataFields: z.array(z.string()).optional(),
}).optional();
export const GetBody = z.object({ key: KeySchema, entityName: z.string().optional() });
export const SetBody = z.object({
  key: KeySchema,
  value: z.unknown().refine((v) => v !== undefined, 'value is required'),
  entityName: z.string().optional(),
  options: SetOptionsSchema,
});
export const QueryBody = z.object({
  limit: z.number().int().min(1).max(MAX_QUERY_LIMIT).optional(),
  after: z.string().optional(),
  where: z
    .array(ClauseSchema.extend({ property: z.literal('key'), condition: z.literal('BEGINS_WITH') }))
    .max(1)
    .optional(),
  options: z.object({ metadataFields: z.array(z.string()).optional() }).optional(),
});
export const BatchItems = z
  .array(
    z.object({
      key: KeySchema,
      value: z.unknown().optional(),
      entityName: z.string().optional(),
      options: SetOptionsSchema,
    }),
  )
  .min(1)
  .max(25);
export const TransactionBody = z.object({
  set: z
    .array(
      z.object({
        key: KeySchema,
        value: z.unknown(),
        entityName: z.string().optional(),
        conditions: FilterGroupSchema.optional(),
        options: SetOptionsSchema,
      }),
    )
    .optional(),
  delete: z
    .array(
      z.object({
        key: KeySchema,
        entityName: z.string().optional(),
        conditions: FilterGroupSchema.optional(),
      }),
    )
    .optional(),
  check: z
    .array(z.object({ key: KeySchema, entityName: z.string(), conditions: FilterGroupSchema }))
    .optional(),
});

/**
 * Forge's key and value limits (dev/runtime/platform-limits.ts) over every key and value a request
 * carries: a single op `{key, value}`, a batch `[{key, value}]`, a transaction `{set, delete, check}`.
 */
export function limitProblem(body: unknown): { code: string; message: string } | null {
  const items: unknown[] = Array.isArray(body) ? body : [body];
  if (!Array.isArray(body) && typeof body === 'object' && body !== null) {
    const t = body as { set?: unknown; delete?: unknown; check?: unknown };
    for (const list of [t.set, t.delete, t.check]) if (Array.isArray(list)) items.push(...list);
  }
  for (const item of items) {
    if (typeof item !== 'object' || item === null) continue;
    const { key, value } = item as { key?: unknown; value?: unknown };
    const keyProblem = typeof key === 'string' ? kvsKeyProblem(key) : null;
    if (keyProblem) return keyProblem;
    const valueProblem = value !== undefined ? kvsValueProblem(value) : null;
    if (valueProblem) return valueProblem;
  }
  return null;
}
