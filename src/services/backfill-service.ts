/**
 * Backfill: classifies a project's unclassified or stale issues in queued chunks of 100 — one search
 * page and one bulk property write each. Each chunk searches again for what is still unclassified or
 * stale, so a stopped backfill resumes where it was and a repeated chunk is harmless. A chunk records
 * its issues' figures before it writes their properties: if it stops in between, the issues are
 * still pending, and the next attempt records the same figures again (which adds nothing).
 */
import { Queue } from '@forge/events';
import { ISSUE_PROPERTY_KEY, parseStoredClassification, type BackfillStatus } from '../contract';
import { RULES_VERSION } from '../domain';
import { approximateCount, BASE_FIELDS, bulkSetProperties, canEditProject, getProject, isJiraAdmin, searchJql, storyPointsField } from '../jira/jira-api';
import { JiraError } from '../jira/jira-error';
import { readBackfill, releaseBackfillLock, saveBackfill, takeBackfillLock } from './app-storage';
import { classifyItem, workItemOf } from './classify-issue';
import { recordFigures } from './figures-service';

export const BACKFILL_QUEUE = 'ownership-backfill';
export const CHUNK = 100;

export function pendingJql(projectKey: string): string {
  return `project = "${projectKey}" AND (ownershipRulesVersion IS EMPTY OR (ownershipRulesVersion != "${RULES_VERSION}" AND ownershipOverridden != "true")) ORDER BY key ASC`;
}

/**
 * Starts (or reports) a backfill. It writes every pending issue of the project, so the person who
 * asks must hold Edit issues there, or be a Jira admin; a viewer is refused before anything is written.
 */
export async function startBackfill(projectKey: string, now = new Date()): Promise<BackfillStatus> {
  await getProject('user', projectKey);
  if (!(await canEditProject('user', projectKey)) && !(await isJiraAdmin('user'))) {
    throw new JiraError(403, 'FORBIDDEN', 'Classifying a whole project needs the Edit issues permission in it (or Jira admin).');
  }
  const existing = await readBackfill(projectKey);
  if (existing?.state === 'running') return existing;
  if (!(await takeBackfillLock(projectKey))) return (await readBackfill(projectKey)) ?? idle(projectKey, now);
  const total = await approximateCount('user', pendingJql(projectKey).replace(/ ORDER BY .*$/, ''));
  const status: BackfillStatus = {
    projectKey, state: total === 0 ? 'done' : 'running', done: 0, total, errors: [], startedAt: now.toISOString(), updatedAt: now.toISOString(),
  };
  await saveBackfill(status);
  if (total > 0) await new Queue({ key: BACKFILL_QUEUE }).push([{ body: { projectKey } }]);
  else await releaseBackfillLock(projectKey);
  return status;
}

const idle = (projectKey: string, now: Date): BackfillStatus =>
  ({ projectKey, state: 'running', done: 0, total: 0, errors: [], startedAt: now.toISOString(), updatedAt: now.toISOString() });

/** One chunk, run by the queue consumer as the app. Returns true when more remain. */
export async function runBackfillChunk(projectKey: string, now = new Date()): Promise<boolean> {
  const status = (await readBackfill(projectKey)) ?? idle(projectKey, now);
  const points = await storyPointsField('app');
  const page = await searchJql('app', pendingJql(projectKey), {
    fields: [...BASE_FIELDS.filter((f) => f !== 'status'), ...(points ? [points] : [])], properties: [ISSUE_PROPERTY_KEY], maxResults: CHUNK,
  });
  const entries: Array<{ issueId: number; value: unknown }> = [];
  for (const issue of page.issues) {
    try {
      const item = workItemOf(issue, points);
      const stored = await classifyItem('app', item, parseStoredClassification(issue.properties?.[ISSUE_PROPERTY_KEY]), now, null);
      await recordFigures(issue.id, item, issue.fields?.updated, stored);
      entries.push({ issueId: Number(issue.id), value: stored });
    } catch (e) {
      if (status.errors.length < 20) status.errors.push({ issueKey: issue.key, message: (e as Error).message });
    }
  }
  await bulkSetProperties('app', entries);
  const more = page.issues.length === CHUNK && !page.isLast;
  const done = Math.min(status.total || entries.length, status.done + entries.length);
  await saveBackfill({ ...status, done: more ? done : Math.max(done, status.total), total: Math.max(status.total, done), state: more ? 'running' : 'done', updatedAt: now.toISOString() });
  if (!more) await releaseBackfillLock(projectKey);
  return more;
}

export async function backfillWorkerChunk(projectKey: string): Promise<void> {
  try {
    if (await runBackfillChunk(projectKey)) await new Queue({ key: BACKFILL_QUEUE }).push([{ body: { projectKey } }]);
  } catch (e) {
    if (e instanceof JiraError && e.retryable) throw e;
    const status = await readBackfill(projectKey);
    if (status) await saveBackfill({ ...status, state: 'failed', errors: [...status.errors, { issueKey: null, message: (e as Error).message }].slice(-20), updatedAt: new Date().toISOString() });
    await releaseBackfillLock(projectKey);
  }
}
