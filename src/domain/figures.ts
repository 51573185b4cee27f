/**
 * The project figures as pure functions of per-issue contributions. Each classified issue contributes
 * once, to the week it was created in (UTC, weeks start on Monday): its kind, its story points and
 * its person (assignee, else reporter). A week's figures are the sum of its issues' contributions;
 * the gadget's counts, points, trend and people are all read from the same weeks, so they cover the
 * same issues and the same dates.
 */
import type { Kind } from './types';

export const KINDS: readonly Kind[] = ['strategic', 'tactical', 'mixed'];

/** What one issue adds to its project's figures. */
export interface Contribution {
  project: string;
  /** Monday (YYYY-MM-DD, UTC) of the week the issue was created. */
  week: string;
  kind: Kind;
  points: number;
  /** Account id of the assignee, else the reporter; null when neither is known. */
  person: string | null;
  /**
   * Orders writes for one issue, so that an older contribution never replaces a newer one: `version`
   * is when the issue was last edited in Jira as the writer read it, `stamp` when its classification
   * was last decided (classified, overridden, cleared), which breaks ties between writers of one edit.
   */
  version: number;
  stamp: number;
}

/** Whether `next` is older than `prev` (by the edit, then by the classification's decision). */
export function isOlder(next: Contribution, prev: Contribution): boolean {
  return next.version < prev.version || (next.version === prev.version && next.stamp < prev.stamp);
}

export type KindNumbers = Record<Kind, number>;

/** One week of one project: counts and points by kind, and each person's count by kind. */
export interface WeekFigures {
  project: string;
  week: string;
  count: KindNumbers;
  points: KindNumbers;
  people: Record<string, KindNumbers>;
}

export const zeroKinds = (): KindNumbers => ({ strategic: 0, tactical: 0, mixed: 0 });

export function emptyWeek(project: string, week: string): WeekFigures {
  return { project, week, count: zeroKinds(), points: zeroKinds(), people: {} };
}

/** Monday (UTC) of the week holding `iso`; the Unix epoch's week when the date is missing or invalid. */
export function weekOf(iso: string | null | undefined): string {
  const t = iso ? Date.parse(iso) : NaN;
  const d = new Date(Number.isNaN(t) ? 0 : t);
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/** The week after `week`. */
export function nextWeek(week: string): string {
  const d = new Date(`${week}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 7);
  return d.toISOString().slice(0, 10);
}

/** Adds (sign 1) or removes (sign −1) one contribution; counts never go below zero. */
export function addContribution(week: WeekFigures, c: Contribution, sign: 1 | -1): WeekFigures {
  const next: WeekFigures = {
    ...week,
    count: { ...week.count },
    points: { ...week.points },
    people: { ...week.people },
  };
  next.count[c.kind] = Math.max(0, next.count[c.kind] + sign);
  next.points[c.kind] = Math.max(0, round(next.points[c.kind] + sign * c.points));
  if (c.person) {
    const p = { ...(next.people[c.person] ?? zeroKinds()) };
    p[c.kind] = Math.max(0, p[c.kind] + sign);
    if (p.strategic + p.tactical + p.mixed === 0) delete next.people[c.person];
    else next.people[c.person] = p;
  }
  return next;
}

/** Whether two contributions add the same figures (versions aside). */
export function sameFigures(a: Contribution | null, b: Contribution | null): boolean {
  if (!a || !b) return a === b;
  return (
    a.project === b.project &&
    a.week === b.week &&
    a.kind === b.kind &&
    a.points === b.points &&
    a.person === b.person
  );
}

/** The weeks' figures recomputed from scratch: the truth that maintained weeks must always equal. */
export function weeksFromContributions(contributions: Contribution[]): WeekFigures[] {
  const weeks = new Map<string, WeekFigures>();
  for (const c of contributions) {
    const id = `${c.project}|${c.week}`;
    weeks.set(id, addContribution(weeks.get(id) ?? emptyWeek(c.project, c.week), c, 1));
  }
  return [...weeks.values()].sort((a, b) => a.week.localeCompare(b.week));
}

export interface WindowFigures {
  count: KindNumbers;
  points: KindNumbers;
  /** Per week or month from the window's start: counts and points by kind. */
  trend: Array<{ start: string; count: KindNumbers; points: KindNumbers }>;
  people: Record<string, KindNumbers>;
}

/** Sums the weeks from `fromWeek` on, with the trend by week or by calendar month of the week's Monday. */
export function figuresSince(weeks: WeekFigures[], fromWeek: string, trend: 'week' | 'month'): WindowFigures {
  const out: WindowFigures = { count: zeroKinds(), points: zeroKinds(), trend: [], people: {} };
  const buckets = new Map<string, { start: string; count: KindNumbers; points: KindNumbers }>();
  for (const w of [...weeks].sort((a, b) => a.week.localeCompare(b.week))) {
    if (w.week < fromWeek) continue;
    const start = trend === 'month' ? `${w.week.slice(0, 7)}-01` : w.week;
    const bucket = buckets.get(start) ?? { start, count: zeroKinds(), points: zeroKinds() };
    for (const k of KINDS) {
      bucket.count[k] += w.count[k];
      bucket.points[k] = round(bucket.points[k] + w.points[k]);
      out.count[k] += w.count[k];
      out.points[k] = round(out.points[k] + w.points[k]);
    }
    buckets.set(start, bucket);
    for (const [person, kinds] of Object.entries(w.people)) {
      const p = (out.people[person] ??= zeroKinds());
      for (const k of KINDS) p[k] += kinds[k];
    }
  }
  out.trend = [...buckets.values()];
  return out;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
