/**
 * App storage (@forge/kvs): settings, backfill progress and the per-project ledger of points by
 * created week and kind (what the gadget cannot get from approximate-count).
 * Trade-off: the ledger is updated read-modify-write; two writers on the same project within the
 * same instant can lose one update. The backfill rebuilds it, and counts shown by the gadget never
 * depend on it (they come from Jira's index, as the viewing user).
 */
import { kvs } from '@forge/kvs';
import { z } from 'zod';

import type { Kind } from '../domain';

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

const Bucket = z.object({ count: z.number(), points: z.number() });
const PersonSchema = z.object({ name: z.string(), strategic: z.number(), tactical: z.number(), mixed: z.number() });
const LedgerSchema = z.object({ weeks: z.record(z.string(), z.record(z.string(), Bucket)), people: z.record(z.string(), PersonSchema).default({}) });
export type Ledger = z.infer<typeof LedgerSchema>;

export function weekStart(iso: string | undefined | null): string {
  const t = iso ? Date.parse(iso) : NaN;
  const d = new Date(Number.isNaN(t) ? 0 : t);
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

export async function readLedger(projectKey: string): Promise<Ledger> {
  const parsed = LedgerSchema.safeParse(await kvs.get(`ledger:${projectKey}`));
  return parsed.success ? parsed.data : { weeks: {}, people: {} };
}

/** One issue's share of the ledger: its created week, kind, points, and the person doing it (assignee, else reporter). */
export interface Contribution { projectKey: string; week: string; kind: Kind; points: number; person?: { id: string; name: string } | null }

/** Moves one issue's contribution in the ledger (from its previous kind/points to its new ones). */
export async function moveContribution(from: Contribution | null, to: Contribution | null): Promise<void> {
  const projectKey = to?.projectKey ?? from?.projectKey;
  if (!projectKey) return;
  const ledger = await readLedger(projectKey);
  const apply = (c: Contribution, sign: 1 | -1) => {
    const week = (ledger.weeks[c.week] ??= {});
    const b = (week[c.kind] ??= { count: 0, points: 0 });
    b.count = Math.max(0, b.count + sign);
    b.points = Math.max(0, b.points + sign * c.points);
    if (c.person) {
      const p = (ledger.people[c.person.id] ??= { name: c.person.name, strategic: 0, tactical: 0, mixed: 0 });
      p.name = c.person.name || p.name;
      p[c.kind] = Math.max(0, p[c.kind] + sign);
    }
  };
  if (from) apply(from, -1);
  if (to) apply(to, 1);
  await kvs.set(`ledger:${projectKey}`, ledger);
}

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
