/**
 * The agreement monitor for Jira admins: how often people confirmed or overrode the automatic tag, and what
 * was learned.
 */
import type { Agreement } from '../contract';
import { approximateCount } from '../jira/jira-api';
import { weekOf as weekStart } from '../domain';
import { listOverrideEntries, measureLearning, readAdaptationRecord } from './learning-service';

export async function agreement(): Promise<Agreement> {
  const entries = await listOverrideEntries();
  const tally = () => ({ confirmed: 0, overridden: 0 });
  const byKind = { strategic: tally(), tactical: tally(), mixed: tally() };
  const reviewed = tally();
  const weeks = new Map<string, { confirmed: number; overridden: number }>();
  for (const e of entries) {
    const field = e.override.kind === e.automatic.kind ? 'confirmed' : 'overridden';
    byKind[e.automatic.kind][field]++;
    reviewed[field]++;
    const w = weekStart(e.override.at);
    const t = weeks.get(w) ?? tally();
    t[field]++;
    weeks.set(w, t);
  }
  const record = await readAdaptationRecord();
  return {
    classified: await approximateCount('user', 'ownershipKind IS NOT EMPTY'),
    reviewed,
    byKind,
    byWeek: [...weeks.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([start, t]) => ({ start, ...t })),
    adaptation: record
      ? {
          learnedFrom: record.learnedFrom,
          learnedAt: record.learnedAt,
          calibration: record.shift ?? null,
          signals: Object.entries(record.signals)
            .map(([signal, v]) => ({ signal, ...v }))
            .sort((a, b) => Math.abs(b.factor - 1) - Math.abs(a.factor - 1))
            .slice(0, 20),
        }
      : null,
    heldOut: await measureLearning(entries),
  };
}
