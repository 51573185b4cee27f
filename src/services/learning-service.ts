/**
 * Per-site learning from overrides: every override is kept in app storage (see app-storage.ts);
 * the adaptation learned from them is stored under `adaptation` and applied to every later
 * classification. An admin can reset it: learning then starts again from overrides made after.
 */
import { kvs, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import { learnAdaptation, measureAdaptation, type Adaptation, type LabeledOverride } from '../domain';
import { parseOverrideEntry, type OverrideEntry } from './app-storage';

/** Forge's largest query page (runtime-reference/storage-api-query: "up to a maximum of 20"). */
const PAGE_SIZE = 20;

const AdaptationRecordSchema = z.object({ signals: z.record(z.string(), z.object({ factor: z.number().min(0.25).max(4), overrides: z.number().int().nonnegative() })), learnedFrom: z.number().int(), learnedAt: z.string() });
export type AdaptationRecord = z.infer<typeof AdaptationRecordSchema>;

export async function readAdaptation(): Promise<Adaptation | undefined> {
  const parsed = AdaptationRecordSchema.safeParse(await kvs.get('adaptation'));
  return parsed.success && Object.keys(parsed.data.signals).length > 0 ? { signals: parsed.data.signals } : undefined;
}

export async function readAdaptationRecord(): Promise<AdaptationRecord | null> {
  const parsed = AdaptationRecordSchema.safeParse(await kvs.get('adaptation'));
  return parsed.success ? parsed.data : null;
}

/** Every override record, page by page. */
export async function listOverrideEntries(): Promise<OverrideEntry[]> {
  const out: OverrideEntry[] = [];
  let cursor: string | undefined;
  do {
    let query = kvs.query().where('key', WhereConditions.beginsWith('override:')).limit(PAGE_SIZE);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany();
    for (const r of page.results) {
      const entry = parseOverrideEntry(r.value);
      if (entry) out.push(entry);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

async function resetAt(): Promise<string> {
  const v = await kvs.get('adaptation-reset-at');
  return typeof v === 'string' ? v : '';
}

const toLabeled = (e: OverrideEntry): LabeledOverride => ({
  key: e.issueKey, automatic: e.automatic.kind, human: e.override.kind, signals: e.signals,
  item: { key: e.issueKey, type: e.item?.type ?? 'Task', summary: e.item?.summary ?? '', labels: e.item?.labels ?? [] },
});

/** Re-learns the adaptation from the overrides made since the last reset. */
export async function relearn(now = new Date()): Promise<AdaptationRecord> {
  const since = await resetAt();
  const entries = (await listOverrideEntries()).filter((e) => e.override.at > since);
  const learned = learnAdaptation(entries.map(toLabeled));
  const record = { signals: learned.signals, learnedFrom: entries.length, learnedAt: now.toISOString() };
  await kvs.set('adaptation', record);
  return record;
}

/** Admin reset: the classifier returns to its original weights; older overrides stop teaching. */
export async function resetAdaptation(now = new Date()): Promise<void> {
  await kvs.set('adaptation-reset-at', now.toISOString());
  await kvs.delete('adaptation');
}

export async function measureLearning() {
  return measureAdaptation((await listOverrideEntries()).filter((e) => e.item).map(toLabeled));
}
