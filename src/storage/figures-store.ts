/**
 * Where the project figures live: each issue's contribution (entity `issue-figures`, keyed by issue
 * id) and each project week's sums (entity `week-figures`, keyed `PROJECT:YYYY-MM-DD`, with a
 * revision). Why transactions with conditions, and not a queue serialised per project: the writer
 * that changes an issue (trigger, override, action, backfill) applies its own change at once, in one
 * atomic transaction that replaces the issue's contribution and moves the affected weeks' sums, on
 * condition that nobody changed them since they were read. A concurrent writer therefore fails and
 * retries on fresh values: no update is lost, and because the delta is taken against the issue's
 * stored contribution, a duplicate delivery or a retry adds nothing twice. A contribution older than
 * the stored one (by its version) never replaces it.
 */
import { Filter, FilterConditions, kvs, WhereConditions, type ForgeKvsAPIError } from '@forge/kvs';
import { z } from 'zod';
import { addContribution, emptyWeek, sameFigures, type Contribution, type WeekFigures } from '../domain';

export const ISSUE_FIGURES = 'issue-figures';
export const WEEK_FIGURES = 'week-figures';
const MAX_ATTEMPTS = 12;
const PAGE = 20;

const KindSchema = z.enum(['strategic', 'tactical', 'mixed']);
const KindsSchema = z.object({ strategic: z.number(), tactical: z.number(), mixed: z.number() });
const StoredContributionSchema = z.object({
  project: z.string(), week: z.string(), kind: KindSchema, points: z.number(), person: z.string(), version: z.number(),
});
const StoredWeekSchema = z.object({
  project: z.string(), week: z.string(), revision: z.number().int(),
  figures: z.object({ count: KindsSchema, points: KindsSchema, people: z.record(z.string(), KindsSchema) }),
});
type StoredContribution = z.infer<typeof StoredContributionSchema>;
type StoredWeek = z.infer<typeof StoredWeekSchema>;

const toStored = (c: Contribution): StoredContribution => ({ ...c, person: c.person ?? '' });
const fromStored = (s: StoredContribution): Contribution => ({ ...s, person: s.person || null });
const weekKey = (project: string, week: string) => `${project}:${week}`;

export async function readContribution(issueId: string): Promise<Contribution | null> {
  const parsed = StoredContributionSchema.safeParse(await kvs.entity<StoredContribution>(ISSUE_FIGURES).get(issueId));
  return parsed.success ? fromStored(parsed.data) : null;
}

async function readWeek(project: string, week: string): Promise<{ figures: WeekFigures; revision: number | null }> {
  const parsed = StoredWeekSchema.safeParse(await kvs.entity<StoredWeek>(WEEK_FIGURES).get(weekKey(project, week)));
  if (!parsed.success) return { figures: emptyWeek(project, week), revision: null };
  return { figures: { project, week, ...parsed.data.figures }, revision: parsed.data.revision };
}

export type ApplyOutcome = 'applied' | 'unchanged' | 'stale';

/** Makes `next` the issue's contribution (null: the issue no longer counts), moving the weeks' sums with it. */
export async function applyContribution(issueId: string, next: Contribution | null): Promise<ApplyOutcome> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const prev = await readContribution(issueId);
    if (prev && next && next.version < prev.version) return 'stale';
    if (sameFigures(prev, next) && (!prev || !next || prev.version === next.version)) return 'unchanged';
    const tx = kvs.transact();
    if (!sameFigures(prev, next)) {
      const weeks = new Map<string, { project: string; week: string }>();
      for (const c of [prev, next]) if (c) weeks.set(weekKey(c.project, c.week), { project: c.project, week: c.week });
      for (const [key, { project, week }] of weeks) {
        const current = await readWeek(project, week);
        let figures = current.figures;
        if (prev && weekKey(prev.project, prev.week) === key) figures = addContribution(figures, prev, -1);
        if (next && weekKey(next.project, next.week) === key) figures = addContribution(figures, next, 1);
        const { count, points, people } = figures;
        tx.set<StoredWeek>(key, { project, week, revision: (current.revision ?? 0) + 1, figures: { count, points, people } },
          { entityName: WEEK_FIGURES, conditions: revisionIs(current.revision) });
      }
    }
    const guard = prev ? new Filter<StoredContribution>().and('version', FilterConditions.equalTo(prev.version))
      : new Filter<StoredContribution>().and('version', FilterConditions.notExists());
    if (next) tx.set<StoredContribution>(issueId, toStored(next), { entityName: ISSUE_FIGURES, conditions: guard });
    else tx.delete<StoredContribution>(issueId, { entityName: ISSUE_FIGURES, conditions: guard });
    try {
      await tx.execute();
      return 'applied';
    } catch (e) {
      if (!isConflict(e)) throw e;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * (attempt + 1)));
    }
  }
  throw new Error(`The figures of issue ${issueId} changed under us ${MAX_ATTEMPTS} times in a row; the change will be retried.`);
}

function revisionIs(revision: number | null) {
  return revision === null ? new Filter<StoredWeek>().and('revision', FilterConditions.notExists())
    : new Filter<StoredWeek>().and('revision', FilterConditions.equalTo(revision));
}

/** A transaction whose condition failed: someone wrote in between (HTTP 409). */
function isConflict(e: unknown): boolean {
  const err = e as Partial<ForgeKvsAPIError>;
  return err?.responseDetails?.status === 409 || /CONDITION|CONFLICT/.test(String(err?.code ?? ''));
}

/** A project's weeks from `fromWeek` on (page by page, 20 a page as Forge allows). */
export async function readWeeks(project: string, fromWeek: string): Promise<WeekFigures[]> {
  const out: WeekFigures[] = [];
  let cursor: string | undefined;
  do {
    let q = kvs.entity<StoredWeek>(WEEK_FIGURES).query().index('by-project', { partition: [project] })
      .where(WhereConditions.greaterThanEqualTo(fromWeek)).limit(PAGE);
    if (cursor) q = q.cursor(cursor);
    const page = await q.getMany();
    for (const r of page.results) {
      const parsed = StoredWeekSchema.safeParse(r.value);
      if (parsed.success) out.push({ project, week: parsed.data.week, ...parsed.data.figures });
    }
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/** Every stored contribution of a project, by issue id (for the reconcile job). */
export async function listContributions(project: string): Promise<Map<string, Contribution>> {
  const out = new Map<string, Contribution>();
  let cursor: string | undefined;
  do {
    let q = kvs.entity<StoredContribution>(ISSUE_FIGURES).query().index('by-project', { partition: [project] }).limit(PAGE);
    if (cursor) q = q.cursor(cursor);
    const page = await q.getMany();
    for (const r of page.results) {
      const parsed = StoredContributionSchema.safeParse(r.value);
      if (parsed.success) out.set(r.key, fromStored(parsed.data));
    }
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}
