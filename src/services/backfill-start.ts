/**
 * Starting a backfill (its chunks run in backfill-service). Two kinds start one:
 * - a person, from the gadget or the admin page: every pending issue of the project — untagged, or tagged
 *   automatically under another version (staleJql);
 * - the daily sweep, at the end of each project's reconcile (reconcile-service), after the classifier's
 *   rules change (a new RULES_VERSION ships with an app update) or the site's people taught it a lesson
 *   (learning from overrides moved a signal or the site's shift: tagVersion): a refresh of the stale tags. It
 *   never tags an issue the app has not tagged (a person decides that) and never touches an override. It
 *   runs as the app: no person acts here — "Scheduled triggers run without a user context" (Forge
 *   manifest reference, scheduledTrigger) — so there is no one whose rights to check; it rewrites the
 *   app's own property on issues it tagged.
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

/** The project's issues tagged automatically under another version: older rules or older lessons. */
export function staleJql(projectKey: string, version: string): string {
  return (
    `project = "${projectKey}" AND ownershipRulesVersion IS NOT EMPTY AND ` +
    `ownershipRulesVersion != "${version}" AND ownershipOverridden != "true" ORDER BY key ASC`
  );
}

export const jqlOf = (scope: BackfillScope, projectKey: string, version: string) =>
  scope === 'stale' ? staleJql(projectKey, version) : pendingJql(projectKey, version);

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
 * Starts a refresh of the project's stale tags, unless none is stale or a backfill already runs there.
 * Returns the status it started, or null.
 */
export async function startRefresh(projectKey: string, now = new Date()): Promise<BackfillStatus | null> {
  if ((await readBackfill(projectKey))?.state === 'running') return null;
  const total = await approximateCount('app', withoutOrder(staleJql(projectKey, await currentTagVersion())));
  if (total === 0 || !(await takeBackfillLock(projectKey))) return null;
  const status = runningStatus(projectKey, total, now, 'stale');
  try {
    await saveBackfill(status);
    await pushJob(BACKFILL_QUEUE, { projectKey, scope: 'stale' satisfies BackfillScope });
  } catch (e) {
    await releaseBackfillLock(projectKey);
    throw e;
  }
  return status;
}
