/**
 * The conditions `@forge/kvs` sends (WhereConditions, FilterConditions, entity filters and
 * transaction conditions), evaluated against stored values.
 */
import { z } from 'zod';

export const ClauseSchema = z.object({
  condition: z.enum([
    'BEGINS_WITH',
    'BETWEEN',
    'EQUAL_TO',
    'NOT_EQUAL_TO',
    'GREATER_THAN',
    'GREATER_THAN_EQUAL_TO',
    'LESS_THAN',
    'LESS_THAN_EQUAL_TO',
    'CONTAINS',
    'NOT_CONTAINS',
    'EXISTS',
    'NOT_EXISTS',
  ]),
  values: z.array(z.union([z.string(), z.number(), z.boolean()])),
});
export type Clause = z.infer<typeof ClauseSchema>;

export const PropertyClauseSchema = ClauseSchema.extend({ property: z.string() });
export type PropertyClause = z.infer<typeof PropertyClauseSchema>;

/** `{ and: [...] }` or `{ or: [...] }`, as `new Filter().and(...)` serialises. */
export const FilterGroupSchema = z.union([
  z.object({ and: z.array(PropertyClauseSchema) }),
  z.object({ or: z.array(PropertyClauseSchema) }),
]);
export type FilterGroup = z.infer<typeof FilterGroupSchema>;

type Scalar = string | number | boolean;

function compare(a: Scalar, b: Scalar): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

const isScalar = (v: unknown): v is Scalar =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** Whether `value` (undefined when the attribute or item is missing) satisfies the clause. */
export function satisfies(value: unknown, clause: Clause): boolean {
  const [first, second] = clause.values;
  switch (clause.condition) {
    case 'EXISTS':
      return value !== undefined && value !== null;
    case 'NOT_EXISTS':
      return value === undefined || value === null;
    case 'CONTAINS':
      return Array.isArray(value)
        ? value.includes(first)
        : typeof value === 'string' && value.includes(String(first));
    case 'NOT_CONTAINS':
      return !(Array.isArray(value)
        ? value.includes(first)
        : typeof value === 'string' && value.includes(String(first)));
    case 'NOT_EQUAL_TO':
      return value !== first;
    default:
      break;
  }
  if (!isScalar(value) || first === undefined) return false;
  switch (clause.condition) {
    case 'BEGINS_WITH': return String(value).startsWith(String(first));
    case 'EQUAL_TO': return value === first;
    case 'GREATER_THAN': return compare(value, first) > 0;
    case 'GREATER_THAN_EQUAL_TO': return compare(value, first) >= 0;
    case 'LESS_THAN': return compare(value, first) < 0;
    case 'LESS_THAN_EQUAL_TO': return compare(value, first) <= 0;
    case 'BETWEEN': return second !== undefined && compare(value, first) >= 0 && compare(value, second) <= 0;
    default: return false;
  }
}

const attribute = (item: unknown, property: string): unknown =>
  item !== null && typeof item === 'object' ? (item as Record<string, unknown>)[property] : undefined;

/** An `and`/`or` group of property clauses against an entity value (undefined when absent). */
export function satisfiesGroup(item: unknown, group: FilterGroup | undefined): boolean {
  if (!group) return true;
  if ('and' in group) return group.and.every((c) => satisfies(attribute(item, c.property), c));
  return group.or.some((c) => satisfies(attribute(item, c.property), c));
}

export function valueOf(item: unknown, property: string): unknown {
  return attribute(item, property);
}

export function compareValues(a: unknown, b: unknown): number {
  if (isScalar(a) && isScalar(b)) return compare(a, b);
  if (a === undefined || a === null) return b === undefined || b === null ? 0 : -1;
  return 1;
}
