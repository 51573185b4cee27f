/**
 * App storage (@forge/kvs): settings, when the app was installed, backfill and reconcile progress, locks,
 * and human overrides. The project figures have their own store (src/storage/figures-store.ts).
 */
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import {
  AppSettingsSchema as SettingsSchema,
  BackfillStatusSchema,
  ReconcileStatusSchema,
  type AppSettingsData as AppSettings,
  type BackfillStatus,
  type ReconcileStatus,
} from '../contract';
export type { AppSettings };
const DEFAULT_SETTINGS: AppSettings = { labelSync: false, roles: {} };

export async function readSettings(): Promise<AppSettings> {
  const parsed = SettingsSchema.safeParse(await kvs.get('settings'));
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}
export async function saveSettings(settings: AppSettings): Promise<void> {
  await kvs.set('settings', SettingsSchema.parse(settings));
}

export async function readBackfill(projectKey: string): Promise<BackfillStatus | null> {
  const parsed = BackfillStatusSchema.safeParse(await kvs.get(`backfill:${projectKey}`));
  return parsed.success ? parsed.data : null;
}
export async function saveBackfill(status: BackfillStatus): Promise<void> {
  await kvs.set(`backfill:${status.projectKey}`, BackfillStatusSchema.parse(status));
}

export async function readReconcile(projectKey: string): Promise<ReconcileStatus | null> {
  const parsed = ReconcileStatusSchema.safeParse(await kvs.get(`reconcile:${projectKey}`));
  return parsed.success ? parsed.data : null;
}
export async function saveReconcile(status: ReconcileStatus): Promise<void> {
  await kvs.set(`reconcile:${status.projectKey}`, ReconcileStatusSchema.parse(status));
}

/**
 * A lock that one writer holds at a time: created only if absent (Forge's FAIL_IF_EXISTS), so of two
 * writers at once exactly one gets it; it expires by itself if its holder dies.
 */
export async function takeLock(name: string, ttlSeconds: number): Promise<boolean> {
  try {
    await kvs.set(
      `lock:${name}`,
      { at: new Date().toISOString() },
      { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: ttlSeconds, unit: 'SECONDS' } },
    );
    return true;
  } catch (e) {
    if (alreadyExists(e)) return false;
    throw e;
  }
}

const alreadyExists = (e: unknown) =>
  (e as { code?: string }).code === 'KEY_ALREADY_EXISTS' ||
  (e as { responseDetails?: { status?: number } }).responseDetails?.status === 409;
export async function releaseLock(name: string): Promise<void> { await kvs.delete(`lock:${name}`); }

const InstalledSchema = z.object({ at: z.string().datetime() });

/**
 * When the app was installed on this site, as its installation event was handled: written once (Forge's
 * FAIL_IF_EXISTS), so a redelivered or concurrent event keeps the first time.
 */
export async function recordInstalledAt(at: string): Promise<void> {
  try {
    await kvs.set('installed', InstalledSchema.parse({ at }), { keyPolicy: 'FAIL_IF_EXISTS' });
  } catch (e) {
    if (!alreadyExists(e)) throw e;
  }
}
export async function readInstalledAt(): Promise<string | null> {
  const parsed = InstalledSchema.safeParse(await kvs.get('installed'));
  return parsed.success ? parsed.data.at : null;
}

/** One backfill per project at a time: two "Classify them" clicks at once start one job. */
export const takeBackfillLock = (projectKey: string) => takeLock(`backfill:${projectKey}`, 7200);
export const releaseBackfillLock = (projectKey: string) => releaseLock(`backfill:${projectKey}`);

/**
 * Human overrides, also kept in app storage: the trigger checks here right before and after it
 * writes, so an override racing an automatic update always wins. The record is what learning from
 * overrides reads too (issue, text fingerprint, automatic result, human result, rules version).
 */
const OverrideEntrySchema = z.object({
  issueKey: z.string(),
  fingerprint: z.string(),
  rulesVersion: z.string(),
  automatic: z.object({ kind: z.enum(['strategic', 'tactical', 'mixed']), share: z.number() }),
  override: z.object({
    kind: z.enum(['strategic', 'tactical', 'mixed']),
    note: z.string().optional(),
    by: z.string(),
    at: z.string(),
  }),
  /**
   * What the automatic result rested on (six evidence items, each with up to eight signals folded into its
   * quote), and enough of the item to re-classify it when measuring.
   */
  signals: z
    .array(z.object({ signal: z.string(), side: z.enum(['PM', 'PO']) }))
    .max(54)
    .default([]),
  item: z
    .object({ type: z.string(), summary: z.string().max(300), labels: z.array(z.string()).max(20) })
    .optional(),
});
export type OverrideEntry = z.infer<typeof OverrideEntrySchema>;

/** A stored override record, or null when the value does not have its shape. */
export function parseOverrideEntry(value: unknown): OverrideEntry | null {
  const parsed = OverrideEntrySchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The override records of many issues, 25 keys a call (Forge's batch limit). */
export async function readOverrideEntries(issueKeys: string[]): Promise<Map<string, OverrideEntry>> {
  const out = new Map<string, OverrideEntry>();
  for (let i = 0; i < issueKeys.length; i += 25) {
    const r = await kvs.batchGet<unknown>(issueKeys.slice(i, i + 25).map((k) => ({ key: `override:${k}` })));
    for (const hit of r.successfulKeys) {
      const entry = parseOverrideEntry(hit.value);
      if (entry) out.set(entry.issueKey, entry);
    }
  }
  return out;
}

export async function readOverrideEntry(issueKey: string): Promise<OverrideEntry | null> {
  return parseOverrideEntry(await kvs.get(`override:${issueKey}`));
}
/**
 * Saves (or, with null, deletes) an override record; a storage hiccup (5xx) is tried again, the write being
 * idempotent.
 */
export async function saveOverrideEntry(issueKey: string, entry: OverrideEntry | null): Promise<void> {
  await retryingStorage(async () => {
    if (entry) await kvs.set(`override:${issueKey}`, OverrideEntrySchema.parse(entry));
    else await kvs.delete(`override:${issueKey}`);
  });
}

async function retryingStorage<T>(write: () => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await write();
    } catch (e) {
      const status = (e as { responseDetails?: { status?: number } }).responseDetails?.status ?? 0;
      if (i >= attempts || status < 500) throw e;
      await new Promise((r) => setTimeout(r, 25 * i));
    }
  }
}
