/**
 * The figures' records in Forge storage: each issue's contribution (entity `issue-figures`, keyed by issue
 * id) and each project week's sums (entity `week-figures`, keyed `PROJECT:YYYY-MM-DD`, with a revision),
 * validated on every read, and the conditions and retries every writer of them uses.
 */
import { Filter, FilterConditions, kvs, WhereConditions, type ForgeKvsAPIError } from '@forge/kvs';
import { z } from 'zod';
import { emptyWeek, type Contribution, type WeekFigures } from '../domain';

const MAX_ATTEMPTS = 12;
export const ISSUE_FIGURES = 'issue-figures';
export const WEEK_FIGURES = 'week-figures';
const PAGE = 20;

const KindSchema = z.enum(['strategic', 'tactical', 'mixed']);
const KindsSchema = z.object({ strategic: z.number(), tactical: z.number(), mixed: z.number() });
export const StoredContributionSchema = z.object({
  project: z.string(),
  week: z.string(),
  kind: KindSchema,
  points: z.number(),
  person: z.string(),
  version: z.number(),
  stamp: z.number(),
  /**
   * A deleted issue's tombstone: it adds nothing, and no record read before the deletion can bring it back.
   */
  gone: z.boolean().optional(),
  /** An issue read as not classified: it adds nothing, but keeps its place in the order of reads. */
  absent: z.boolean().optional(),
});
export const StoredWeekSchema = z.object({
  project: z.string(), week: z.string(), revision: z.number().int(),
  figures: z.object({ count: KindsSchema, points: KindsSchema, people: z.record(z.string(), KindsSchema) }),
});
export type StoredContribution = z.infer<typeof StoredContributionSchema>;
export type StoredWeek = z.infer<typeof StoredWeekSchema>;

export const toStored = (c: Contribution): StoredContribution => ({ ...c, person: c.person ?? '' });
export const fromStored = (s: StoredContribution): Contribution => ({ ...s, person: s.person || null });
export const weekKey = (project: string, week: string) => `${project}:${week}`;

export async function readStored(issueId: string): Promise<StoredContribution | null> {
  const parsed = StoredContributionSchema.safeParse(
    await kvs.entity<StoredContribution>(ISSUE_FIGURES).get(issueId),
  );
  return parsed.success ? parsed.data : null;
}

export const counts = (s: StoredContribution | null): Contribution | null =>
  s && !s.gone && !s.absent ? fromStored(s) : null;

export async function readWeek(
  project: string,
  week: string,
): Promise<{ figures: WeekFigures; revision: number | null }> {
  const parsed = StoredWeekSchema.safeParse(
    await kvs.entity<StoredWeek>(WEEK_FIGURES).get(weekKey(project, week)),
  );
  if (!parsed.success) return { figures: emptyWeek(project, week), revision: null };
  return { figures: { project, week, ...parsed.data.figures }, revision: parsed.data.revision };
}

export function revisionIs(revision: number | null) {
  return revision === null ? new Filter<StoredWeek>().and('revision', FilterConditions.notExists())
    : new Filter<StoredWeek>().and('revision', FilterConditions.equalTo(revision));
}

/**
 * Worth another try: a transaction whose condition failed (someone wrote in between, HTTP 409), or
 * storage answering 5xx. A retry is safe either way: it starts from a fresh read, and a write that did
 * land before its answer was lost now reads back as "unchanged".
 */
function isRetryable(e: unknown): boolean {
  const err = e as Partial<ForgeKvsAPIError>;
  const status = err?.responseDetails?.status ?? 0;
  return status === 409 || status >= 500 || /CONDITION|CONFLICT/.test(String(err?.code ?? ''));
}

/**
 * Runs `once` until it succeeds, again after a retryable failure (up to 12 tries, a growing random pause).
 */
export async function withRetries<T>(once: () => Promise<T>, pauseMs: number): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await once();
    } catch (e) {
      if (attempt + 1 >= MAX_ATTEMPTS || !isRetryable(e)) throw e;
      await new Promise((r) => setTimeout(r, Math.random() * pauseMs * (attempt + 1)));
    }
  }
}

/** Every item of an entity in one project, page by page (20 a page, Forge's largest), from `fromWeek` on. */
export async function allOfProject<T>(
  entity: string,
  project: string,
  fromWeek?: string,
): Promise<Array<{ key: string; value: unknown }>> {
  const out: Array<{ key: string; value: unknown }> = [];
  let cursor: string | undefined;
  do {
    let q = kvs
      .entity<T>(entity)
      .query()
      .index('by-project', { partition: [project] });
    if (fromWeek) q = q.where(WhereConditions.greaterThanEqualTo(fromWeek));
    q = q.limit(PAGE);
    if (cursor) q = q.cursor(cursor);
    const page = await q.getMany();
    out.push(...page.results);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}
