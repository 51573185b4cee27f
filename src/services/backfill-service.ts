/**
 * Backfill: classifies a project's unclassified or stale issues (a refresh: its stale tags only; both are
 * started in backfill-start.ts) in queued chunks of 100 — one search page and one bulk property write
 * each. Each chunk searches again for what is still unclassified or stale, so a stopped backfill resumes
 * where it was and a repeated chunk is harmless. A chunk records its issues' figures before it writes
 * their properties: if it stops in between, the issues are still pending, and the next attempt records
 * the same figures again (which adds nothing). An issue another writer holds is left to it; the run looks
 * again once that writer's claim has lapsed, so it is not done while that issue may still be untagged.
 */
import { ISSUE_PROPERTY_KEY, parseStoredClassification } from '../contract';
import { BASE_FIELDS, bulkFetch, searchJql, storyPointsField } from '../jira/jira-api';
import { bulkSetProperties, setIssueProperty } from '../jira/jira-properties';
import { JiraError } from '../jira/jira-error';
import type { JiraIssue } from '../jira/jira-schemas';
import {
  readBackfill,
  readOverrideEntries,
  releaseBackfillLock,
  releaseLock,
  saveBackfill,
} from '../storage/app-storage';
import { BACKFILL_QUEUE, pushJob } from '../storage/jobs';
import { classifyPage, type Written } from './backfill-page';
import { jqlOf, runningStatus, type BackfillScope } from './backfill-start';
import { CLAIM_SECONDS, classifyAndStore, workItemOf } from './classify-issue';
import { recordFigures } from './figures-service';
import { currentTagVersion } from './learning-service';
import { withOverride } from './stored-classification';

export { BACKFILL_QUEUE };
export const CHUNK = 100;

/**
 * How long a run waits before each look again at issues another writer holds: a writer that is alive stores
 * its tag within seconds, so the first look is soon; a dead one's claim lapses after CLAIM_SECONDS, which the
 * waits add up to more than. After the last look the run leaves those issues to their writer.
 */
export const BUSY_WAITS_SECONDS = [5, 15, CLAIM_SECONDS + 5] as const;
export const MAX_BUSY_ROUNDS = BUSY_WAITS_SECONDS.length;

/** What follows a chunk: the next page now, the same issues again after a wait, or nothing. */
export type ChunkOutcome = 'more' | 'wait' | 'done';

function outcomeOf(full: boolean, written: number, busy: number, busyRounds: number): ChunkOutcome {
  // A page of only busy issues, or a last page with some: look again when their claims have lapsed.
  if (busy > 0 && (written === 0 || !full)) return busyRounds < MAX_BUSY_ROUNDS ? 'wait' : 'done';
  return full ? 'more' : 'done';
}

/**
 * One chunk, run by the queue consumer as the app, of every pending issue or (a refresh) only the stale
 * tags. `busyRounds`: how many chunks in a row have waited on busy issues.
 */
export async function runBackfillChunk(
  projectKey: string,
  now = new Date(),
  scope: BackfillScope = 'pending',
  busyRounds = 0,
): Promise<ChunkOutcome> {
  const status = (await readBackfill(projectKey)) ?? runningStatus(projectKey, 0, now, scope);
  const points = await storyPointsField('app');
  const searchedAt = Date.now();
  const jql = jqlOf({ projectKey, scope, missedSince: status.missedSince }, await currentTagVersion());
  const page = await searchJql('app', jql, {
    fields: [...BASE_FIELDS.filter((f) => f !== 'status'), ...(points ? [points] : [])],
    properties: [ISSUE_PROPERTY_KEY],
    maxResults: CHUNK,
  });
  const claims: string[] = [];
  let written: Map<string, Written>;
  let busy: number;
  try {
    ({ written, busy } = await classifyPage(page.issues, points, status, now, searchedAt, claims));
    await bulkSetProperties(
      'app',
      [...written.values()].map((w) => ({ issueId: Number(w.issue.id), value: w.stored })),
    );
  } catch (e) {
    // Nothing stays claimed by a chunk that will be retried: the retry must be free to write them.
    await Promise.all(claims.map((c) => releaseLock(c).catch(() => undefined)));
    throw e;
  }
  await keepOverrides(written);
  await settleWritten(written);
  const outcome = outcomeOf(page.issues.length === CHUNK && !page.isLast, written.size, busy, busyRounds);
  const done = Math.min(status.total || written.size, status.done + written.size);
  await saveBackfill({
    ...status,
    scope,
    // A finished run counts every issue it was asked for (the total is approximate), unless it left some to
    // another writer: those it did not tag.
    done: outcome === 'done' && busy === 0 ? Math.max(done, status.total) : done,
    total: Math.max(status.total, done),
    state: outcome === 'done' ? 'done' : 'running',
    updatedAt: now.toISOString(),
  });
  if (outcome === 'done') await releaseBackfillLock(projectKey);
  return outcome;
}

/** An override made while the chunk classified wins: it is put back on the issue. */
async function keepOverrides(written: Map<string, Written>): Promise<void> {
  const racing = await readOverrideEntries([...written.keys()]);
  for (const [key, entry] of racing)
    await setIssueProperty('app', key, withOverride(written.get(key)!.stored, entry.override));
}

/**
 * After the write, the chunk's issues are read again: their figures are recorded from what Jira now
 * holds, and an issue edited while the chunk classified it is classified again from that fresh read.
 */
async function settleWritten(written: Map<string, { issue: JiraIssue }>): Promise<void> {
  if (written.size === 0) return;
  const points = await storyPointsField('app');
  const readAt = Date.now();
  for (const issue of await bulkFetch('app', [...written.keys()])) {
    if ((issue.fields?.updated ?? null) !== (written.get(issue.key)?.issue.fields?.updated ?? null)) {
      await classifyAndStore('app', issue.key);
      continue;
    }
    const stored = parseStoredClassification(issue.properties?.[ISSUE_PROPERTY_KEY]);
    await recordFigures(issue.id, workItemOf(issue, points), issue.fields?.updated, stored, readAt);
  }
}

/** One chunk and the push of the next. Jira outages and storage failures are thrown, for Forge to retry. */
export async function backfillWorkerChunk(
  projectKey: string,
  scope: BackfillScope,
  busyRounds = 0,
): Promise<void> {
  try {
    const outcome = await runBackfillChunk(projectKey, new Date(), scope, busyRounds);
    if (outcome === 'more') await pushJob(BACKFILL_QUEUE, { projectKey, scope });
    if (outcome === 'wait') {
      const body = { projectKey, scope, busyRounds: busyRounds + 1 };
      await pushJob(BACKFILL_QUEUE, body, BUSY_WAITS_SECONDS[busyRounds] ?? CLAIM_SECONDS);
    }
  } catch (e) {
    if (!(e instanceof JiraError) || e.retryable) throw e;
    const status = await readBackfill(projectKey);
    if (status)
      await saveBackfill({
        ...status,
        state: 'failed',
        errors: [...status.errors, { issueKey: null, message: (e as Error).message }].slice(-20),
        updatedAt: new Date().toISOString(),
      });
    await releaseBackfillLock(projectKey);
  }
}
