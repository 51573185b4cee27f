/**
 * The reconcile job: recomputes a project's figures from Jira and reports the drift it fixed. It runs
 * as the app, in queued chunks of one search page (100 issues, in key order), each recording every
 * issue's figures from what Jira holds — idempotent, so a repeated chunk changes nothing. The last
 * chunk checks the contributions still stored for issues the search no longer finds (deleted, moved):
 * they are read again and recorded or forgotten, and the week sums are recomputed from the
 * contributions (a sum changed by anything else is put right). Started on demand by a Jira admin, and daily
 * for every project with figures (a sweep over the site's projects, a page at a time); the daily run ends
 * by starting a refresh of the stale tags (older rules or lessons: backfill-start.ts).
 */
import { ISSUE_PROPERTY_KEY, parseStoredClassification } from '../contract';
import { BASE_FIELDS, bulkFetch, searchJql, storyPointsField } from '../jira/jira-api';
import { JiraError } from '../jira/jira-error';
import { listProjectsPage } from '../jira/jira-people';
import type { ReconcileStatus } from '../contract';
import { hasFigures, listContributions, repairWeeks } from '../storage/figures-repair';
import { readContribution } from '../storage/figures-store';
import { pushJob, RECONCILE_QUEUE } from '../storage/jobs';
import { readInstalledAt, readReconcile, saveReconcile } from '../storage/app-storage';
import { workItemOf } from './classify-issue';
import { forgetFigures, recordFigures } from './figures-service';
import { startRefresh } from './backfill-start';

export type ReconcileEvent =
  | { kind: 'project'; projectKey: string; nextPageToken?: string | null; refresh?: boolean }
  | { kind: 'sweep'; startAt: number };

/**
 * Queues the first chunk and reports the job as started: on demand by a Jira admin, or by the daily sweep,
 * whose run ends with a refresh of the stale tags (`refresh`; backfill-start.ts).
 */
export async function startReconcile(
  projectKey: string,
  now = new Date(),
  refresh = false,
): Promise<ReconcileStatus> {
  const previous = await readReconcile(projectKey);
  const status: ReconcileStatus = {
    projectKey,
    state: 'running',
    checked: 0,
    fixed: { added: 0, changed: 0, removed: 0, weeks: 0 },
    startedAt: now.toISOString(),
    finishedAt: null,
    previousStartedAt: previous?.startedAt ?? null,
  };
  await saveReconcile(status);
  await pushJob(RECONCILE_QUEUE, { kind: 'project', projectKey, ...(refresh ? { refresh } : {}) });
  return status;
}

/**
 * One chunk: a page of the project's issues, recorded from Jira; the last chunk sweeps what Jira no longer
 * has.
 */
export async function reconcileChunk(
  event: Extract<ReconcileEvent, { kind: 'project' }>,
  now = new Date(),
): Promise<void> {
  const { projectKey, refresh } = event;
  const status = (await readReconcile(projectKey)) ?? {
    projectKey,
    state: 'running' as const,
    checked: 0,
    fixed: { added: 0, changed: 0, removed: 0, weeks: 0 },
    startedAt: now.toISOString(),
    finishedAt: null,
  };
  const points = await storyPointsField('app');
  const readAt = Date.now();
  const page = await searchJql('app', `project = "${projectKey}" ORDER BY key ASC`, {
    fields: [...BASE_FIELDS, ...(points ? [points] : [])],
    properties: [ISSUE_PROPERTY_KEY],
    maxResults: 100,
    nextPageToken: event.nextPageToken,
  });
  for (const issue of page.issues) {
    const stored = parseStoredClassification(issue.properties?.[ISSUE_PROPERTY_KEY]);
    const before = await readContribution(issue.id);
    const outcome = await recordFigures(
      issue.id,
      workItemOf(issue, points),
      issue.fields?.updated,
      stored,
      readAt,
    );
    if (outcome === 'applied') status.fixed[before ? (stored ? 'changed' : 'removed') : 'added']++;
  }
  status.checked += page.issues.length;
  const more = page.issues.length > 0 && page.isLast === false && !!page.nextPageToken;
  if (more) {
    await saveReconcile(status);
    const next = { kind: 'project', projectKey, nextPageToken: page.nextPageToken };
    await pushJob(RECONCILE_QUEUE, refresh ? { ...next, refresh } : next);
    return;
  }
  status.fixed.removed += await sweepVanished(projectKey, points);
  status.fixed.weeks += await repairWeeks(projectKey);
  await saveReconcile({ ...status, state: 'done', finishedAt: new Date().toISOString() });
  // A refresh Jira refuses outright does not fail the reconcile: tomorrow's run tries again.
  if (!refresh) return;
  // Lost events are looked for from a time the app was watching by: the previous daily run's start, or
  // — on the first daily run — when the app was installed.
  const watchingSince = status.previousStartedAt ?? (await readInstalledAt());
  await startRefresh(projectKey, now, watchingSince).catch(unlessRetryable);
}

function unlessRetryable(e: unknown): null {
  if (e instanceof JiraError && !e.retryable) return null;
  throw e;
}

/**
 * Stored contributions whose issue Jira no longer has in this project: read again, then recorded or
 * forgotten.
 */
async function sweepVanished(projectKey: string, points: string | null): Promise<number> {
  const stored = await listContributions(projectKey);
  const ids = [...stored.keys()];
  let removed = 0;
  for (let i = 0; i < ids.length; i += 100) {
    const batch = ids.slice(i, i + 100);
    const found = new Map((await bulkFetch('app', batch)).map((issue) => [issue.id, issue]));
    const readAt = Date.now();
    for (const id of batch) {
      const issue = found.get(id);
      const outcome = issue
        ? await recordFigures(
            id,
            workItemOf(issue, points),
            issue.fields?.updated,
            parseStoredClassification(issue.properties?.[ISSUE_PROPERTY_KEY]),
            readAt,
          )
        : await forgetFigures(id);
      if (outcome === 'applied' && (!issue || issue.fields?.project?.key !== projectKey)) removed++;
    }
  }
  return removed;
}

/**
 * The daily sweep: a page of the site's projects; each with figures gets a reconcile that ends with a
 * refresh of the stale tags, if any (in the queued job: the sweep itself stays a
 * storage query, a status write and a push per project); then the next page.
 */
export async function sweepProjects(startAt = 0, now = new Date()): Promise<void> {
  const page = await listProjectsPage('app', startAt);
  for (const p of page.values) if (await hasFigures(p.key)) await startReconcile(p.key, now, true);
  if (page.isLast === false && page.values.length > 0)
    await pushJob(RECONCILE_QUEUE, { kind: 'sweep', startAt: startAt + page.values.length });
}
