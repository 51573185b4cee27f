/**
 * Starting a backfill (its chunks run in backfill-service). Two kinds start one:
 * - a person, from the gadget or the admin page: every pending issue of the project — untagged, or tagged
 *   automatically under another version (pendingJql);
 * - the daily sweep, at the end of each project's reconcile (reconcile-service): a refresh (staleJql) of
 *   the tags stored under another version — the classifier's rules changed (a new RULES_VERSION ships
 *   with an app update) or the site's people taught it a lesson (tagVersion) — and of the untagged issues
 *   edited since the previous run, whose event Forge gave up on (refused past its retries): the trigger
 *   would have tagged them. It never tags an issue nobody edited since the app came (a person decides
 *   that: the backfill above) and never touches an override. It runs as the app: no person acts here —
 *   "Scheduled triggers run without a user context" (Forge manifest reference, scheduledTrigger) — so
 *   there is no one whose rights to check; it writes the app's own property where the trigger would have.
 * One backfill per project at a time (the backfill lock); a running one covers a refresh's issues too.
 */
import type { BackfillStatus } from '../contract';
import { approximateCount } from '../jira/jira-api';
import { JiraError } from '../jira/jira-error';
import { canEditProject, getProject, isJiraAdmin } from '../jira/jira-people';
import { readBackfill, releaseBackfillLock, saveBackfill, takeBackfillLock } from '../storage/app-storage';
import { BACKFILL_QUEUE, pushJob } from '../storage/jobs';
import { currentTagVersion } from './learning-service';

/** Which issues a backfill classifies: every pending one, or only the stale tags (staleJql). */
export type BackfillScope = NonNullable<BackfillStatus['scope']>;

/**
 * Every pending issue of the project: untagged, or tagged automatically under another `version` (older rules,
 * or before the site's latest lesson: tagVersion).
 */
export function pendingJql(projectKey: string, version: string): string {
  return (
    `project = "${projectKey}" AND (ownershipRulesVersion IS EMPTY OR ` +
    `(ownershipRulesVersion != "${version}" AND ownershipOverridden != "true")) ORDER BY key ASC`
  );
}

/**
 * What a refresh tags: the project's issues tagged automatically under another version (older rules or
 * older lessons), and — given `missedSince` — the untagged ones edited since then, whose trigger event
 * was lost. The time is relative ("-90m": JQL's period format), so no time zone reads it differently.
 */
export function staleJql(
  projectKey: string, version: string, missedSince: string | null = null, now = new Date(),
): string {
  const stale = 'ownershipRulesVersion IS NOT EMPTY AND ' +
    `ownershipRulesVersion != "${version}" AND ownershipOverridden != "true"`;
  const since = missedSince === null ? NaN : Date.parse(missedSince);
  if (Number.isNaN(since)) return `project = "${projectKey}" AND ${stale} ORDER BY key ASC`;
  const minutes = Math.max(1, Math.ceil((now.getTime() - since) / 60000));
  const missed = `ownershipRulesVersion IS EMPTY AND updated >= "-${minutes}m"`;
  return `project = "${projectKey}" AND ((${stale}) OR (${missed})) ORDER BY key ASC`;
}

/** The JQL a run's chunks search: its scope's, for its project (a refresh: since its `missedSince`). */
export const jqlOf = (
  status: Pick<BackfillStatus, 'projectKey' | 'scope' | 'missedSince'>, version: string,
) =>
  status.scope === 'stale'
    ? staleJql(status.projectKey, version, status.missedSince ?? null)
    : pendingJql(status.projectKey, version);

const withoutOrder = (jql: string) => jql.replace(/ ORDER BY .*$/, '');

export const runningStatus = (
  projectKey: string,
  total: number,
  now: Date,
  scope: BackfillScope = 'pending',
): BackfillStatus => ({
  projectKey,
  state: 'running',
  scope,
  done: 0,
  total,
  errors: [],
  startedAt: now.toISOString(),
  updatedAt: now.toISOString(),
});

/**
 * Starts (or reports) a backfill. It writes every pending issue of the project, so the person who
 * asks must hold Edit issues there, or be a Jira admin; a viewer is refused before anything is written.
 */
export async function startBackfill(projectKey: string, now = new Date()): Promise<BackfillStatus> {
  await getProject('user', projectKey);
  if (!(await canEditProject('user', projectKey)) && !(await isJiraAdmin('user'))) {
    throw new JiraError(
      403,
      'FORBIDDEN',
      'Classifying a whole project needs the Edit issues permission in it (or Jira admin).',
    );
  }
  const existing = await readBackfill(projectKey);
  if (existing?.state === 'running') return existing;
  if (!(await takeBackfillLock(projectKey)))
    return (await readBackfill(projectKey)) ?? runningStatus(projectKey, 0, now);
  const version = await currentTagVersion();
  const total = await approximateCount('user', withoutOrder(pendingJql(projectKey, version)));
  const status: BackfillStatus = {
    ...runningStatus(projectKey, total, now),
    state: total > 0 ? 'running' : 'done',
  };
  await saveBackfill(status);
  if (total > 0) await pushJob(BACKFILL_QUEUE, { projectKey, scope: 'pending' satisfies BackfillScope });
  else await releaseBackfillLock(projectKey);
  return status;
}

/**
 * Starts a refresh of the project's stale tags and lost events, unless there is none or a backfill already
 * runs there. Returns the status it started, or null. Lost events are looked for since the previous run's
 * start (the app was installed by then, so the trigger saw every edit since), or — when that run did not
 * finish — since where it looked from; in a project no backfill ever ran in, since `installedBy`: a time
 * the app was installed by (the previous daily reconcile's start, or the installation's own time).
 */
export async function startRefresh(
  projectKey: string, now = new Date(), installedBy: string | null = null,
): Promise<BackfillStatus | null> {
  const previous = await readBackfill(projectKey);
  if (previous?.state === 'running') return null;
  const missedSince = previous
    ? (previous.state === 'done' ? previous.startedAt : previous.missedSince ?? previous.startedAt)
    : installedBy;
  const jql = staleJql(projectKey, await currentTagVersion(), missedSince, now);
  const total = await approximateCount('app', withoutOrder(jql));
  if (total === 0 || !(await takeBackfillLock(projectKey))) return null;
  const status = { ...runningStatus(projectKey, total, now, 'stale'), missedSince };
  try {
    await saveBackfill(status);
    await pushJob(BACKFILL_QUEUE, { projectKey, scope: 'stale' satisfies BackfillScope });
  } catch (e) {
    await releaseBackfillLock(projectKey);
    throw e;
  }
  return status;
}
