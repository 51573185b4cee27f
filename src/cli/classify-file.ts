/**
 * Classifies the rows of a file, giving each item its parent's result as context when the parent is in the
 * file.
 */
import { classify, type Classification, type HierarchyContext } from '../domain';
import type { InputRow } from './read-work-items';

export interface ClassifiedRow extends InputRow { result: Classification }

export function classifyRows(rows: InputRow[]): ClassifiedRow[] {
  const byKey = new Map(rows.map((r) => [r.item.key, r]));
  const own = new Map<string, Classification>();
  const ownOf = (key: string): Classification => {
    let c = own.get(key);
    if (!c) { c = classify(byKey.get(key)!.item); own.set(key, c); }
    return c;
  };
  return rows.map((row) => {
    const parentKey = row.item.parent;
    let context: HierarchyContext | undefined;
    if (parentKey && parentKey !== row.item.key && byKey.has(parentKey)) {
      const p = ownOf(parentKey);
      context = { parent: { key: parentKey, kind: p.kind, strategicShare: p.strategicShare } };
    }
    return { ...row, result: context ? classify(row.item, context) : ownOf(row.item.key) };
  });
}
