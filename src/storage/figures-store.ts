/**
 * How the project figures are written (their records: figures-records.ts). Why transactions with
 * conditions, and not a queue serialised per project: the writer that changes an issue (trigger, override,
 * action, backfill) applies its own change at once, in one
 * atomic transaction that replaces the issue's contribution and moves the affected weeks' sums, on
 * condition that nobody changed them since they were read. A concurrent writer therefore fails and
 * retries on fresh values: no update is lost, and because the delta is taken against the issue's
 * stored contribution, a duplicate delivery or a retry adds nothing twice. A contribution older than
 * the stored one (by its version) never replaces it.
 */
import { Filter, FilterConditions, kvs } from '@forge/kvs';
import { addContribution, isOlder, sameFigures, type Contribution } from '../domain';
import {
  counts, ISSUE_FIGURES, readStored, readWeek, revisionIs, toStored, WEEK_FIGURES, weekKey, withRetries,
  type StoredContribution, type StoredWeek,
} from './figures-records';

/** What the issue adds to its project's figures now (null: nothing, or the issue was deleted). */
export async function readContribution(issueId: string): Promise<Contribution | null> {
  return counts(await readStored(issueId));
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
  return withRetries(() => applyOnce(issueId, change), 20);
}

/** The record a change leaves, with its place in the order of reads. */
function recordOf(change: FigureChange, prev: StoredContribution | null): StoredContribution {
  const base = prev ?? {
    project: '',
    week: '',
    kind: 'tactical' as const,
    points: 0,
    person: '',
    version: 0,
    stamp: 0,
  };
  if (change.kind === 'counts') return toStored(change.contribution);
  if (change.kind === 'none')
    return {
      ...base,
      project: change.project ?? base.project,
      version: change.version,
      stamp: change.stamp,
      absent: true,
      gone: undefined,
    };
  return { ...base, version: GONE_VERSION, stamp: Date.now(), gone: true, absent: undefined };
}

/** One try: read, compute, and write in one conditional transaction (which fails if anything moved). */
async function applyOnce(issueId: string, change: FigureChange): Promise<ApplyOutcome> {
  const stored = await readStored(issueId);
  if (stored?.gone) return 'stale';
  const next = recordOf(change, stored);
  if (stored && change.kind !== 'deleted' && isOlder(next as Contribution, stored as Contribution))
    return 'stale';
  const prevFigures = counts(stored);
  const nextFigures = counts(next);
  const sameOrder =
    !!stored &&
    stored.version === next.version &&
    stored.stamp === next.stamp &&
    !!stored.absent === !!next.absent;
  if (sameFigures(prevFigures, nextFigures) && sameOrder) return 'unchanged';
  const tx = kvs.transact();
  if (!sameFigures(prevFigures, nextFigures)) {
    const weeks = new Map<string, { project: string; week: string }>();
    for (const c of [prevFigures, nextFigures])
      if (c) weeks.set(weekKey(c.project, c.week), { project: c.project, week: c.week });
    for (const [key, { project, week }] of weeks) {
      const current = await readWeek(project, week);
      let figures = current.figures;
      if (prevFigures && weekKey(prevFigures.project, prevFigures.week) === key)
        figures = addContribution(figures, prevFigures, -1);
      if (nextFigures && weekKey(nextFigures.project, nextFigures.week) === key)
        figures = addContribution(figures, nextFigures, 1);
      const { count, points, people } = figures;
      tx.set<StoredWeek>(
        key,
        { project, week, revision: (current.revision ?? 0) + 1, figures: { count, points, people } },
        { entityName: WEEK_FIGURES, conditions: revisionIs(current.revision) },
      );
    }
  }
  const guard = stored
    ? new Filter<StoredContribution>()
        .and('version', FilterConditions.equalTo(stored.version))
        .and('stamp', FilterConditions.equalTo(stored.stamp))
    : new Filter<StoredContribution>().and('version', FilterConditions.notExists());
  tx.set<StoredContribution>(issueId, JSON.parse(JSON.stringify(next)) as StoredContribution, {
    entityName: ISSUE_FIGURES,
    conditions: guard,
  });
  await tx.execute();
  return sameFigures(prevFigures, nextFigures) ? 'restamped' : 'applied';
}
