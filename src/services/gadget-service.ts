/**
 * The dashboard gadget's data. Every figure — counts, points, trend, people — is summed from the same
 * per-project weeks of the app's figures (one population: classified issues created since the window's
 * first Monday), and each opens as the JQL that finds those issues. The viewer's own count of
 * classified issues checks them: when it is lower, the viewer cannot browse some issues (issue
 * security), and the figures are computed from the viewer's own search instead.
 *
 * Known edge: the window starts on a Monday in UTC, while Jira reads the JQL date in the viewer's
 * time zone, so issues created within hours of that midnight can differ between the two.
 */
import {
  ISSUE_PROPERTY_KEY,
  parseStoredClassification,
  PERIOD_DAYS,
  type GadgetConfig,
  type GadgetData,
  type IssueRef,
  type Tally,
} from '../contract';
import {
  driftFromTarget,
  figuresSince,
  nextWeek,
  strategicShareOf,
  weekOf,
  weeksFromContributions,
  type WindowFigures,
} from '../domain';
import { approximateCount, BASE_FIELDS, searchAll, searchJql, storyPointsField } from '../jira/jira-api';
import { getProject } from '../jira/jira-people';
import { readWeeks } from '../storage/figures-repair';
import { readBackfill } from '../storage/app-storage';
import { workItemOf } from './classify-issue';
import { contributionOf } from './figures-service';

const KINDS = ['strategic', 'tactical', 'mixed'] as const;
/** The most issues the viewer-search fallback reads (50 pages of 100). */
export const VIEWER_SEARCH_LIMIT = 5000;

export function windowStart(config: GadgetConfig, now: Date): string {
  return weekOf(new Date(now.getTime() - PERIOD_DAYS[config.period] * 86_400_000).toISOString());
}

export function gadgetJql(config: GadgetConfig, now = new Date()): GadgetData['jql'] {
  const base = `project = "${config.projectKey}" AND created >= "${windowStart(config, now)}"`;
  return {
    all: `${base} ORDER BY created DESC`,
    strategic: `${base} AND ownershipKind = strategic ORDER BY created DESC`,
    tactical: `${base} AND ownershipKind = tactical ORDER BY created DESC`,
    mixed: `${base} AND ownershipKind = mixed ORDER BY created DESC`,
    unclassified: `${base} AND ownershipKind IS EMPTY ORDER BY created DESC`,
  };
}

const strip = (q: string) => q.replace(/ ORDER BY .*$/, '');

/** The JQL of one trend point: the same project and classified issues, created in that week or month. */
function pointJql(config: GadgetConfig, start: string, from: string): string {
  const end = config.trend === 'month'
    ? new Date(Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)), 1)).toISOString().slice(0, 10)
    : nextWeek(start);
  const since = start < from ? from : start;
  return (
    `project = "${config.projectKey}" AND created >= "${since}" AND created < "${end}" ` +
    `AND ownershipKind IS NOT EMPTY ORDER BY created DESC`
  );
}

/** The figures computed from the viewer's own search: only issues they may browse can count. */
async function viewerFigures(
  config: GadgetConfig,
  from: string,
): Promise<{ figures: WindowFigures; truncated: boolean }> {
  const points = await storyPointsField('user');
  const jql =
    `project = "${config.projectKey}" AND created >= "${from}" AND ownershipKind IS NOT EMPTY ` +
    `ORDER BY created DESC`;
  const issues = await searchAll(
    'user',
    jql,
    { fields: [...BASE_FIELDS, ...(points ? [points] : [])], properties: [ISSUE_PROPERTY_KEY] },
    VIEWER_SEARCH_LIMIT,
  );
  const contributions = issues.flatMap((i) => {
    const c = contributionOf(
      workItemOf(i, points),
      i.fields?.updated,
      parseStoredClassification(i.properties?.[ISSUE_PROPERTY_KEY]),
    );
    return c ? [c] : [];
  });
  return {
    figures: figuresSince(weeksFromContributions(contributions), from, config.trend),
    truncated: issues.length >= VIEWER_SEARCH_LIMIT,
  };
}

async function topEpics(jql: string): Promise<IssueRef[]> {
  const page = await searchJql('user', jql, {
    fields: ['summary', 'issuetype'],
    properties: [ISSUE_PROPERTY_KEY],
    maxResults: 5,
  });
  return page.issues.map((i) => {
    const s = parseStoredClassification(i.properties?.[ISSUE_PROPERTY_KEY]);
    return {
      key: i.key,
      summary: i.fields?.summary ?? '',
      type: i.fields?.issuetype?.name ?? 'Epic',
      kind: s?.kind ?? null,
      share: s?.share ?? null,
    };
  });
}

/**
 * The window's figures as the viewer may see them: the project's stored figures, unless the viewer's
 * own count of classified issues is lower (issue security), then the viewer's own search.
 */
export async function visibleFigures(
  config: GadgetConfig,
  now = new Date(),
): Promise<{ figures: WindowFigures; scope: NonNullable<GadgetData['scope']> }> {
  const from = windowStart(config, now);
  const base = `project = "${config.projectKey}" AND created >= "${from}"`;
  const [weeks, visibleClassified] = await Promise.all([
    readWeeks(config.projectKey, from),
    approximateCount('user', `${base} AND ownershipKind IS NOT EMPTY`),
  ]);
  const figures = figuresSince(weeks, from, config.trend);
  const stored = figures.count.strategic + figures.count.tactical + figures.count.mixed;
  if (visibleClassified < stored) {
    const mine = await viewerFigures(config, from);
    const limit = mine.truncated ? ` (the first ${VIEWER_SEARCH_LIMIT})` : '';
    return {
      figures: mine.figures,
      scope: {
        source: 'your-search',
        message:
          'Some issues in this project are hidden from you, so these figures count only the issues you ' +
          `can see${limit}.`,
      },
    };
  }
  const behind = visibleClassified - stored;
  return {
    figures,
    scope: {
      source: 'project-figures',
      message:
        behind > 0 ? `${behind} newly classified issues are still being added to these figures.` : null,
    },
  };
}

export async function gadgetData(config: GadgetConfig, now = new Date()): Promise<GadgetData> {
  const project = await getProject('user', config.projectKey);
  const from = windowStart(config, now);
  const jql = gadgetJql(config, now);
  const [{ figures, scope }, unclassified] = await Promise.all([
    visibleFigures(config, now),
    approximateCount('user', strip(jql.unclassified)),
  ]);
  const epicBase = `project = "${config.projectKey}" AND issuetype = Epic`;
  const [strategicEpics, tacticalEpics] = await Promise.all([
    topEpics(`${epicBase} AND ownershipKind = strategic ORDER BY ownershipShare DESC`),
    topEpics(`${epicBase} AND ownershipKind = tactical ORDER BY ownershipShare ASC`),
  ]);
  const count: Tally = { ...figures.count, unclassified };
  const points: Tally = { ...figures.points, unclassified: 0 };
  const byCount = strategicShareOf(count);
  const byPoints = strategicShareOf(points);
  const actual = config.unit === 'points' ? byPoints : byCount;
  const totalPoints = KINDS.reduce((s, k) => s + points[k], 0);
  const drift = driftFromTarget(
    actual,
    config.targetShare,
    config.unit === 'points' ? totalPoints : undefined,
  );
  return {
    config,
    project: { key: project.key, name: project.name },
    balance: { count, points, strategicShareByCount: byCount, strategicShareByPoints: byPoints },
    trend: figures.trend.map((t) => ({
      start: t.start,
      count: { ...t.count, unclassified: 0 },
      points: { ...t.points, unclassified: 0 },
      jql: pointJql(config, t.start, from),
    })),
    target: { share: config.targetShare, drift: drift.drift, message: drift.message },
    jql,
    topEpics: { strategic: strategicEpics, tactical: tacticalEpics },
    backfill: await readBackfill(config.projectKey),
    scope,
    generatedAt: now.toISOString(),
  };
}
