/** The labeled rows of a file as the model fit reads them: gold, gold share and source per item. */
import { Readings, type LabeledItem } from '../domain/model-fit';
import type { InputRow } from './read-work-items';

/** `owner/repo` of a row's `source` (`owner/repo:path@commit`). */
export const sourceOf = (source: string | undefined) => (source ? source.split(':')[0]! : '(no source)');

export function labeledSet(rows: InputRow[]): { labeled: LabeledItem[]; readings: Readings } {
  const labeled = rows.filter((r) => r.gold).map((r) => ({
    item: r.item, source: sourceOf(r.source), gold: r.gold!,
    goldShare: r.goldShare ?? (r.gold === 'strategic' ? 1 : r.gold === 'tactical' ? 0 : 0.5),
  }));
  return { labeled, readings: new Readings(new Map(rows.map((r) => [r.item.key, r.item]))) };
}
