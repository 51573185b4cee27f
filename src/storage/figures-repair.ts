/**
 * Reading a project's figures back: its weeks, its contributions, and the repair that recomputes the
 * weeks from the contributions (the reconcile job's last step).
 */
import { kvs } from '@forge/kvs';
import { emptyWeek, weeksFromContributions, type Contribution, type WeekFigures } from '../domain';
import {
  allOfProject,
  counts,
  ISSUE_FIGURES,
  revisionIs,
  StoredContributionSchema,
  StoredWeekSchema,
  WEEK_FIGURES,
  weekKey,
  withRetries,
  type StoredContribution,
  type StoredWeek,
} from './figures-records';

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
  return withRetries(() => repairOnce(project), 50);
}

async function repairOnce(project: string): Promise<number> {
  const stored = new Map<string, { figures: WeekFigures; revision: number }>();
  for (const r of await allOfProject<StoredWeek>(WEEK_FIGURES, project)) {
    const parsed = StoredWeekSchema.safeParse(r.value);
    if (parsed.success)
      stored.set(parsed.data.week, {
        figures: { project, week: parsed.data.week, ...parsed.data.figures },
        revision: parsed.data.revision,
      });
  }
  const truth = new Map(
    weeksFromContributions([...(await listContributions(project)).values()]).map((w) => [w.week, w]),
  );
  let repaired = 0;
  for (const week of new Set([...stored.keys(), ...truth.keys()])) {
    const want = truth.get(week) ?? emptyWeek(project, week);
    const have = stored.get(week);
    if (have && JSON.stringify(normalised(have.figures)) === JSON.stringify(normalised(want))) continue;
    const { count, points, people } = want;
    await kvs
      .transact()
      .set<StoredWeek>(
        weekKey(project, week),
        { project, week, revision: (have?.revision ?? 0) + 1, figures: { count, points, people } },
        { entityName: WEEK_FIGURES, conditions: revisionIs(have?.revision ?? null) },
      )
      .execute();
    repaired++;
  }
  return repaired;
}

const normalised = (w: WeekFigures) => ({
  count: w.count,
  points: w.points,
  people: Object.fromEntries(Object.entries(w.people).sort()),
});

/** Whether any figures are stored for the project. */
export async function hasFigures(project: string): Promise<boolean> {
  const page = await kvs
    .entity<StoredWeek>(WEEK_FIGURES)
    .query()
    .index('by-project', { partition: [project] })
    .limit(1)
    .getMany();
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
