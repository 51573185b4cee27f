/**
 * What the site learned from overrides (entity `learning`, one item): the summed steps per signal,
 * how many overrides taught them, and when learning was last reset. An override changes it by its
 * own steps in one conditional write (on the revision read), retried on conflict — so an override
 * costs a bounded number of storage calls however many came before, and two at once lose nothing.
 * The override records themselves are read page by page (20, Forge's largest page).
 */
import { Filter, FilterConditions, kvs, WhereConditions, type ForgeKvsAPIError } from '@forge/kvs';
import { z } from 'zod';
import { parseOverrideEntry, type OverrideEntry } from './app-storage';

const LEARNING = 'learning';
const KEY = 'site';
const MAX_ATTEMPTS = 12;

const StepsSchema = z.record(
  z.string(),
  z.object({ up: z.number().int(), down: z.number().int(), overrides: z.number().int() }),
);
const LearningSchema = z.object({
  revision: z.number().int(), steps: StepsSchema, learnedFrom: z.number().int().nonnegative(),
  /** When learning last changed ('' before any override taught it). */
  learnedAt: z.string(), resetAt: z.string(),
});
export type Learning = Omit<z.infer<typeof LearningSchema>, 'revision'>;

const EMPTY: Learning = { steps: {}, learnedFrom: 0, learnedAt: '', resetAt: '' };

async function readWithRevision(): Promise<{ learning: Learning; revision: number | null }> {
  const parsed = LearningSchema.safeParse(await kvs.entity(LEARNING).get(KEY));
  if (!parsed.success) return { learning: EMPTY, revision: null };
  const { revision, ...learning } = parsed.data;
  return { learning, revision };
}

export async function readLearning(): Promise<Learning> { return (await readWithRevision()).learning; }

/** Applies `change` to what was learned, atomically against concurrent changes. */
export async function updateLearning(change: (current: Learning) => Learning): Promise<Learning> {
  for (let attempt = 0; ; attempt++) {
    try {
      const { learning, revision } = await readWithRevision();
      const next = change(learning);
      const conditions =
        revision === null
          ? new Filter<{ revision: number }>().and('revision', FilterConditions.notExists())
          : new Filter<{ revision: number }>().and('revision', FilterConditions.equalTo(revision));
      await kvs
        .transact()
        .set(KEY, { ...next, revision: (revision ?? 0) + 1 }, { entityName: LEARNING, conditions })
        .execute();
      return next;
    } catch (e) {
      const status = (e as Partial<ForgeKvsAPIError>).responseDetails?.status ?? 0;
      if (attempt + 1 >= MAX_ATTEMPTS || (status !== 409 && status < 500)) throw e;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * (attempt + 1)));
    }
  }
}

/** Every override record, page by page. */
export async function listOverrideEntries(): Promise<OverrideEntry[]> {
  const out: OverrideEntry[] = [];
  let cursor: string | undefined;
  do {
    let query = kvs.query().where('key', WhereConditions.beginsWith('override:')).limit(20);
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
