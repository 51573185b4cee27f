/**
 * App storage (@forge/kvs): settings, backfill progress and its lock, and human overrides. The
 * project figures have their own store (src/storage/figures-store.ts).
 */
import { kvs } from '@forge/kvs';
import { z } from 'zod';


import { AppSettingsSchema as SettingsSchema, BackfillStatusSchema, type AppSettingsData as AppSettings, type BackfillStatus } from '../contract';
export type { AppSettings };
const DEFAULT_SETTINGS: AppSettings = { labelSync: false, roles: {} };

export async function readSettings(): Promise<AppSettings> {
  const parsed = SettingsSchema.safeParse(await kvs.get('settings'));
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}
export async function saveSettings(settings: AppSettings): Promise<void> { await kvs.set('settings', SettingsSchema.parse(settings)); }

export async function readBackfill(projectKey: string): Promise<BackfillStatus | null> {
  const parsed = BackfillStatusSchema.safeParse(await kvs.get(`backfill:${projectKey}`));
  return parsed.success ? parsed.data : null;
}
export async function saveBackfill(status: BackfillStatus): Promise<void> { await kvs.set(`backfill:${status.projectKey}`, BackfillStatusSchema.parse(status)); }

/**
 * One backfill per project at a time: the lock is created only if absent (Forge's FAIL_IF_EXISTS),
 * so two "Classify them" clicks at once start one job. It expires by itself if a job dies.
 */
export async function takeBackfillLock(projectKey: string): Promise<boolean> {
  try {
    await kvs.set(`backfill-lock:${projectKey}`, { at: new Date().toISOString() }, { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: 2, unit: 'HOURS' } });
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === 'KEY_ALREADY_EXISTS' || (e as { responseDetails?: { status?: number } }).responseDetails?.status === 409) return false;
    throw e;
  }
}
export async function releaseBackfillLock(projectKey: string): Promise<void> { await kvs.delete(`backfill-lock:${projectKey}`); }

/**
 * Human overrides, also kept in app storage: the trigger checks here right before and after it
 * writes, so an override racing an automatic update always wins. The record is what learning from
 * overrides reads too (issue, text fingerprint, automatic result, human result, rules version).
 */
const OverrideEntrySchema = z.object({
  issueKey: z.string(), fingerprint: z.string(), rulesVersion: z.string(),
  automatic: z.object({ kind: z.enum(['strategic', 'tactical', 'mixed']), share: z.number() }),
  override: z.object({ kind: z.enum(['strategic', 'tactical', 'mixed']), note: z.string().optional(), by: z.string(), at: z.string() }),
  /** What the automatic result rested on, and enough of the item to re-classify it when measuring. */
  signals: z.array(z.object({ signal: z.string(), side: z.enum(['PM', 'PO']) })).max(6).default([]),
  item: z.object({ type: z.string(), summary: z.string().max(300), labels: z.array(z.string()).max(20) }).optional(),
});
export type OverrideEntry = z.infer<typeof OverrideEntrySchema>;

/** A stored override record, or null when the value does not have its shape. */
export function parseOverrideEntry(value: unknown): OverrideEntry | null {
  const parsed = OverrideEntrySchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export async function readOverrideEntry(issueKey: string): Promise<OverrideEntry | null> {
  return parseOverrideEntry(await kvs.get(`override:${issueKey}`));
}
export async function saveOverrideEntry(issueKey: string, entry: OverrideEntry | null): Promise<void> {
  if (entry) await kvs.set(`override:${issueKey}`, OverrideEntrySchema.parse(entry));
  else await kvs.delete(`override:${issueKey}`);
}
