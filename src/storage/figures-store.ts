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
import { addContribution, emptyWeek, isOlder, sameFigures, weeksFromContributions, type Contribution, type WeekFigures } from '../domain';

export const ISSUE_FIGURES = 'issue-figures';
export const WEEK_FIGURES = 'week-figures';
const MAX_ATTEMPTS = 12;
const PAGE = 20;

const KindSchema = z.enum(['strategic', 'tactical', 'mixed']);
const KindsSchema = z.object({ strategic: z.number(), tactical: z.number(), mixed: z.number() });
const StoredContributionSchema = z.object({
  project: z.string(), week: z.string(), kind: KindSchema, points: z.number(), person: z.string(), version: z.number(), stamp: z.number(),
  /** A deleted issue's tombstone: it adds nothing, and no record read before the deletion can bring it back. */
  gone: z.boolean().optional(),
  /** An issue read as not classified: it adds nothing, but keeps its place in the order of reads. */
  absent: z.boolean().optional(),
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

async function readStored(issueId: string): Promise<StoredContribution | null> {
  const parsed = StoredContributionSchema.safeParse(await kvs.entity<StoredContribution>(ISSUE_FIGURES).get(issueId));
  return parsed.success ? parsed.data : null;
}

const counts = (s: StoredContribution | null): Contribution | null => (s && !s.gone && !s.absent ? fromStored(s) : null);

/** What the issue adds to its project's figures now (null: nothing, or the issue was deleted). */
export async function readContribution(issueId: string): Promise<Contribution | null> {
  return counts(await readStored(issueId));
}

async function readWeek(project: string, week: string): Promise<{ figures: WeekFigures; revision: number | null }> {
  const parsed = StoredWeekSchema.safeParse(await kvs.entity<StoredWeek>(WEEK_FIGURES).get(weekKey(project, week)));
  if (!parsed.success) return { figures: emptyWeek(project, week), revision: null };
  return { figures: { project, week, ...parsed.data.figures }, revision: parsed.data.revision };
}

/** applied: the figures changed; restamped: only the record's place in the order of reads moved. */
export type ApplyOutcome = 'applied' | 'restamped' | 'unchanged' | 'stale';

/** The tombstone's version: above every edit time, so nothing read before the deletion outranks it. */
const GONE_VERSION = Number.MAX_SAFE_INTEGER;

/**
 * What a writer learned about an issue: what it adds (`counts`), that it is not classified (`none`,
 * with the version and stamp of the read that saw it), or that it was deleted (a tombstone).
 */
export type FigureChange =
  | { kind: 'counts'; contribution: Contribution }
  | { kind: 'none'; project: string | null; version: number; stamp: number }
  | { kind: 'deleted' };

/** Applies a change to the issue's record, moving the weeks' sums with it; an older read never wins. */
export async function applyContribution(issueId: string, change: FigureChange): Promise<ApplyOutcome> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await applyOnce(issueId, change);
    } catch (e) {
      if (attempt + 1 >= MAX_ATTEMPTS || !isRetryable(e)) throw e;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * (attempt + 1)));
    }
  }
}

/** The record a change leaves, with its place in the order of reads. */
function recordOf(change: FigureChange, prev: StoredContribution | null): StoredContribution {
  const base = prev ?? { project: '', week: '', kind: 'tactical' as const, points: 0, person: '', version: 0, stamp: 0 };
  if (change.kind === 'counts') return toStored(change.contribution);
  if (change.kind === 'none') return { ...base, project: change.project ?? base.project, version: change.version, stamp: change.stamp, absent: true, gone: undefined };
  return { ...base, version: GONE_VERSION, stamp: Date.now(), gone: true, absent: undefined };
}

/** One try: read, compute, and write in one conditional transaction (which fails if anything moved). */
async function applyOnce(issueId: string, change: FigureChange): Promise<ApplyOutcome> {
  const stored = await readStored(issueId);
  if (stored?.gone) return 'stale';
  const next = recordOf(change, stored);
  if (stored && change.kind !== 'deleted' && isOlder(next as Contribution, stored as Contribution)) return 'stale';
  const prevFigures = counts(stored);
  const nextFigures = counts(next);
  const sameOrder = !!stored && stored.version === next.version && stored.stamp === next.stamp && !!stored.absent === !!next.absent;
  if (sameFigures(prevFigures, nextFigures) && sameOrder) return 'unchanged';
  const tx = kvs.transact();
  if (!sameFigures(prevFigures, nextFigures)) {
    const weeks = new Map<string, { project: string; week: string }>();
    for (const c of [prevFigures, nextFigures]) if (c) weeks.set(weekKey(c.project, c.week), { project: c.project, week: c.week });
    for (const [key, { project, week }] of weeks) {
      const current = await readWeek(project, week);
      let figures = current.figures;
      if (prevFigures && weekKey(prevFigures.project, prevFigures.week) === key) figures = addContribution(figures, prevFigures, -1);
      if (nextFigures && weekKey(nextFigures.project, nextFigures.week) === key) figures = addContribution(figures, nextFigures, 1);
      const { count, points, people } = figures;
      tx.set<StoredWeek>(key, { project, week, revision: (current.revision ?? 0) + 1, figures: { count, points, people } },
        { entityName: WEEK_FIGURES, conditions: revisionIs(current.revision) });
    }
  }
  const guard = stored
    ? new Filter<StoredContribution>().and('version', FilterConditions.equalTo(stored.version)).and('stamp', FilterConditions.equalTo(stored.stamp))
    : new Filter<StoredContribution>().and('version', FilterConditions.notExists());
  tx.set<StoredContribution>(issueId, JSON.parse(JSON.stringify(next)) as StoredContribution, { entityName: ISSUE_FIGURES, conditions: guard });
  await tx.execute();
  return sameFigures(prevFigures, nextFigures) ? 'restamped' : 'applied';
}

function revisionIs(revision: number | null) {
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

/** A project's weeks from `fromWeek` on (page by page, 20 a page as Forge allows). */
export async function readWeeks(project: string, fromWeek: string): Promise<WeekFigures[]> {
  return (await allOfProject<StoredWeek>(WEEK_FIGURES, project, fromWeek)).flatMap((r) => {
    const parsed = StoredWeekSchema.safeParse(r.value);
    return parsed.success ? [{ project, week: parsed.data.week, ...parsed.data.figures }] : [];
  });
}

/**
 * Recomputes a project's week sums from its stored contributions and rewrites the weeks that differ;
 * returns how many. The weeks are read before the contributions, and each rewrite is conditioned on
 * the revision it read: a writer that lands in between moves a revision, and the pass starts again.
 */
export async function repairWeeks(project: string): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await repairOnce(project);
    } catch (e) {
      if (attempt + 1 >= MAX_ATTEMPTS || !isRetryable(e)) throw e;
      await new Promise((r) => setTimeout(r, Math.random() * 50 * (attempt + 1)));
    }
  }
}

/** Every item of an entity in one project, page by page (20 a page, Forge's largest), from `fromWeek` on. */
async function allOfProject<T>(entity: string, project: string, fromWeek?: string): Promise<Array<{ key: string; value: unknown }>> {
  const out: Array<{ key: string; value: unknown }> = [];
  let cursor: string | undefined;
  do {
    let q = kvs.entity<T>(entity).query().index('by-project', { partition: [project] });
    if (fromWeek) q = q.where(WhereConditions.greaterThanEqualTo(fromWeek));
    q = q.limit(PAGE);
    if (cursor) q = q.cursor(cursor);
    const page = await q.getMany();
    out.push(...page.results);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

async function repairOnce(project: string): Promise<number> {
  const stored = new Map<string, { figures: WeekFigures; revision: number }>();
  for (const r of await allOfProject<StoredWeek>(WEEK_FIGURES, project)) {
    const parsed = StoredWeekSchema.safeParse(r.value);
    if (parsed.success) stored.set(parsed.data.week, { figures: { project, week: parsed.data.week, ...parsed.data.figures }, revision: parsed.data.revision });
  }
  const truth = new Map(weeksFromContributions([...(await listContributions(project)).values()]).map((w) => [w.week, w]));
  let repaired = 0;
  for (const week of new Set([...stored.keys(), ...truth.keys()])) {
    const want = truth.get(week) ?? emptyWeek(project, week);
    const have = stored.get(week);
    if (have && JSON.stringify(normalised(have.figures)) === JSON.stringify(normalised(want))) continue;
    const { count, points, people } = want;
    await kvs.transact().set<StoredWeek>(weekKey(project, week), { project, week, revision: (have?.revision ?? 0) + 1, figures: { count, points, people } },
      { entityName: WEEK_FIGURES, conditions: revisionIs(have?.revision ?? null) }).execute();
    repaired++;
  }
  return repaired;
}

const normalised = (w: WeekFigures) => ({ count: w.count, points: w.points, people: Object.fromEntries(Object.entries(w.people).sort()) });

/** Whether any figures are stored for the project. */
export async function hasFigures(project: string): Promise<boolean> {
  const page = await kvs.entity<StoredWeek>(WEEK_FIGURES).query().index('by-project', { partition: [project] }).limit(1).getMany();
  return page.results.length > 0;
}

/** Every stored contribution of a project, by issue id (for the reconcile job). */
export async function listContributions(project: string): Promise<Map<string, Contribution>> {
  const out = new Map<string, Contribution>();
  for (const r of await allOfProject<StoredContribution>(ISSUE_FIGURES, project)) {
    const parsed = StoredContributionSchema.safeParse(r.value);
    const c = parsed.success ? counts(parsed.data) : null;
    if (c) out.set(r.key, c);
  }
  return out;
}
