/**
 * The dashboard gadget's data. Its Jira cost does not grow with the project: one project read,
 * four approximate counts on the indexed property (as the viewing user, so Jira leaves out what
 * they cannot browse), two one-page searches for the largest epics — 7 requests. Story points and
 * the trend come from the app's ledger in storage.
 */
import { ISSUE_PROPERTY_KEY, parseStoredClassification, PERIOD_DAYS, type GadgetConfig, type GadgetData, type IssueRef, type Tally, type TrendPoint } from '../contract';
import { driftFromTarget, strategicShareOf } from '../domain';
import { approximateCount, getProject, searchJql } from '../jira/jira-api';
import { readBackfill, readLedger, weekStart, type Ledger } from './app-storage';

const KINDS = ['strategic', 'tactical', 'mixed'] as const;
const emptyTally = (): Tally => ({ strategic: 0, tactical: 0, mixed: 0, unclassified: 0 });

export function gadgetJql(config: GadgetConfig): GadgetData['jql'] {
  const base = `project = "${config.projectKey}" AND created >= -${PERIOD_DAYS[config.period]}d`;
  return {
    all: `${base} ORDER BY created DESC`,
    strategic: `${base} AND ownershipKind = strategic ORDER BY created DESC`,
    tactical: `${base} AND ownershipKind = tactical ORDER BY created DESC`,
    mixed: `${base} AND ownershipKind = mixed ORDER BY created DESC`,
    unclassified: `${base} AND ownershipKind IS EMPTY ORDER BY created DESC`,
  };
}

export function trendFrom(ledger: Ledger, config: GadgetConfig, now: Date): { trend: TrendPoint[]; points: Tally } {
  const sinceWeek = weekStart(new Date(now.getTime() - PERIOD_DAYS[config.period] * 86400000).toISOString());
  const buckets = new Map<string, TrendPoint>();
  const points = emptyTally();
  for (const [week, kinds] of Object.entries(ledger.weeks).sort(([a], [b]) => a.localeCompare(b))) {
    if (week < sinceWeek) continue;
    const start = config.trend === 'month' ? `${week.slice(0, 7)}-01` : week;
    const point = buckets.get(start) ?? { start, count: emptyTally(), points: emptyTally() };
    for (const k of KINDS) {
      const b = kinds[k];
      if (!b) continue;
      point.count[k] += b.count;
      point.points[k] += b.points;
      points[k] += b.points;
    }
    buckets.set(start, point);
  }
  return { trend: [...buckets.values()], points };
}

async function topEpics(jql: string): Promise<IssueRef[]> {
  const page = await searchJql('user', jql, { fields: ['summary', 'issuetype'], properties: [ISSUE_PROPERTY_KEY], maxResults: 5 });
  return page.issues.map((i) => {
    const s = parseStoredClassification(i.properties?.[ISSUE_PROPERTY_KEY]);
    return { key: i.key, summary: i.fields?.summary ?? '', type: i.fields?.issuetype?.name ?? 'Epic', kind: s?.kind ?? null, share: s?.share ?? null };
  });
}

export async function gadgetData(config: GadgetConfig, now = new Date()): Promise<GadgetData> {
  const project = await getProject('user', config.projectKey);
  const jql = gadgetJql(config);
  const strip = (q: string) => q.replace(/ ORDER BY .*$/, '');
  const [strategic, tactical, mixed, unclassified] = await Promise.all(KINDS.map((k) => approximateCount('user', strip(jql[k]))).concat(approximateCount('user', strip(jql.unclassified))));
  const count: Tally = { strategic: strategic!, tactical: tactical!, mixed: mixed!, unclassified: unclassified! };
  const epicBase = `project = "${config.projectKey}" AND issuetype = Epic`;
  const [strategicEpics, tacticalEpics] = await Promise.all([
    topEpics(`${epicBase} AND ownershipKind = strategic ORDER BY ownershipShare DESC`),
    topEpics(`${epicBase} AND ownershipKind = tactical ORDER BY ownershipShare ASC`),
  ]);
  const { trend, points } = trendFrom(await readLedger(config.projectKey), config, now);
  const byCount = strategicShareOf(count);
  const byPoints = strategicShareOf(points);
  const actual = config.unit === 'points' ? byPoints : byCount;
  const totalPoints = points.strategic + points.tactical + points.mixed;
  const drift = driftFromTarget(actual, config.targetShare, config.unit === 'points' ? totalPoints : undefined);
  return {
    config, project: { key: project.key, name: project.name },
    balance: { count, points, strategicShareByCount: byCount, strategicShareByPoints: byPoints },
    trend, target: { share: config.targetShare, drift: drift.drift, message: drift.message }, jql,
    topEpics: { strategic: strategicEpics, tactical: tacticalEpics },
    backfill: await readBackfill(config.projectKey), generatedAt: now.toISOString(),
  };
}
