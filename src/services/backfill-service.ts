/**
 * Backfill: classifies a project's unclassified or stale issues in queued chunks of 100 — one
 * search page and one bulk property write each. Each chunk searches again for what is still
 * unclassified or stale, so a stopped backfill resumes where it was and a repeated chunk is harmless.
 */
import { Queue } from '@forge/events';
import { ISSUE_PROPERTY_KEY, parseStoredClassification, type BackfillStatus } from '../contract';
import { RULES_VERSION } from '../domain';
import { approximateCount, BASE_FIELDS, bulkSetProperties, getProject, searchJql, storyPointsField, toWorkItem } from '../jira/jira-api';
import { JiraError } from '../jira/jira-error';
import { moveContribution, readBackfill, saveBackfill } from './app-storage';
import { classifyItem, contributionOf } from './classify-issue';

export const BACKFILL_QUEUE = 'ownership-backfill';
export const CHUNK = 100;

export function pendingJql(projectKey: string): string {
  return `project = "${projectKey}" AND (ownershipRulesVersion IS EMPTY OR (ownershipRulesVersion != "${RULES_VERSION}" AND ownershipOverridden != "true")) ORDER BY key ASC`;
}

/** Starts (or resumes) a backfill; called as the user, who must be able to browse the project. */
export async function startBackfill(projectKey: string, now = new Date()): Promise<BackfillStatus> {
  await getProject('user', projectKey);
  const existing = await readBackfill(projectKey);
  if (existing?.state === 'running') return existing;
  const total = await approximateCount('user', pendingJql(projectKey).replace(/ ORDER BY .*$/, ''));
  const status: BackfillStatus = { projectKey, state: total === 0 ? 'done' : 'running', done: 0, total, errors: [], startedAt: now.toISOString(), updatedAt: now.toISOString() };
  await saveBackfill(status);
  if (total > 0) await new Queue({ key: BACKFILL_QUEUE }).push([{ body: { projectKey } }]);
  return status;
}

/** One chunk, run by the queue consumer as the app. Returns true when more remain. */
export async function runBackfillChunk(projectKey: string, now = new Date()): Promise<boolean> {
  const status = (await readBackfill(projectKey)) ?? { projectKey, state: 'running' as const, done: 0, total: 0, errors: [], startedAt: now.toISOString(), updatedAt: null };
  const points = await storyPointsField('app');
  const page = await searchJql('app', pendingJql(projectKey), { fields: [...BASE_FIELDS.filter((f) => f !== 'status'), ...(points ? [points] : [])], properties: [ISSUE_PROPERTY_KEY], maxResults: CHUNK });
  const entries: Array<{ issueId: number; value: unknown }> = [];
  const moves: Array<Parameters<typeof moveContribution>> = [];
  for (const issue of page.issues) {
    try {
      const item = toWorkItem(issue, points);
      const previous = parseStoredClassification(issue.properties?.[ISSUE_PROPERTY_KEY]);
      const stored = await classifyItem('app', item, previous, now, null);
      entries.push({ issueId: Number(issue.id), value: stored });
      moves.push([contributionOf(previous, item), contributionOf(stored, item)]);
    } catch (e) {
      if (status.errors.length < 20) status.errors.push({ issueKey: issue.key, message: (e as Error).message });
    }
  }
  await bulkSetProperties('app', entries);
  for (const m of moves) await moveContribution(...m);
  const more = page.issues.length === CHUNK && !page.isLast;
  const done = Math.min(status.total || entries.length, status.done + entries.length);
  await saveBackfill({ ...status, done: more ? done : Math.max(done, status.total), total: Math.max(status.total, done), state: more ? 'running' : 'done', updatedAt: now.toISOString() });
  return more;
}

export async function backfillWorkerChunk(projectKey: string): Promise<void> {
  try {
    if (await runBackfillChunk(projectKey)) await new Queue({ key: BACKFILL_QUEUE }).push([{ body: { projectKey } }]);
  } catch (e) {
    if (e instanceof JiraError && e.retryable) throw e;
    const status = await readBackfill(projectKey);
    if (status) await saveBackfill({ ...status, state: 'failed', errors: [...status.errors, { issueKey: null, message: (e as Error).message }].slice(-20), updatedAt: new Date().toISOString() });
  }
}
