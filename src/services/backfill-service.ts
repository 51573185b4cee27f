/**
 * Backfill: classifies a project's unclassified or stale issues (a refresh: its stale tags only; both are
 * started in backfill-start.ts) in queued chunks of 100 — one search page and one bulk property write
 * each. Each chunk searches again for what is still unclassified or stale, so a stopped backfill resumes
 * where it was and a repeated chunk is harmless. A chunk records its issues' figures before it writes
 * their properties: if it stops in between, the issues are still pending, and the next attempt records
 * the same figures again (which adds nothing).
 */
import {
  ISSUE_PROPERTY_KEY,
  parseStoredClassification,
  type BackfillStatus,
  type StoredClassification,
} from '../contract';
import type { HierarchyContext, WorkItem } from '../domain';
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
  takeLock,
} from '../storage/app-storage';
import { withOverride } from './stored-classification';
import { BACKFILL_QUEUE, pushJob } from '../storage/jobs';
import { CLAIM_SECONDS, claimOf, classifyAndStore, classifyItem, workItemOf } from './classify-issue';
import { jqlOf, runningStatus, type BackfillScope } from './backfill-start';
import { recordFigures } from './figures-service';

export { BACKFILL_QUEUE };
export const CHUNK = 100;

interface Written { issue: JiraIssue; item: WorkItem; stored: StoredClassification }

/**
 * The parents' stored tags for a page's issues, in one bulk read: a backfill classifies each issue with its
 * parent's lean, as the trigger does, so an issue gets the same tag whichever of them classifies it.
 */
async function parentsOf(items: WorkItem[]): Promise<Map<string, HierarchyContext>> {
  const keys = [...new Set(items.map((i) => i.parent).filter((k): k is string => !!k))];
  const out = new Map<string, HierarchyContext>();
  for (const parent of await bulkFetch('app', keys.slice(0, CHUNK))) {
    const stored = parseStoredClassification(parent.properties?.[ISSUE_PROPERTY_KEY]);
    if (!stored) continue;
    out.set(parent.key, { parent: { key: parent.key, kind: stored.kind, strategicShare: stored.share } });
  }
  return out;
}

/** Classifies a page and records its figures; issues another writer is storing right now are left to it. */
async function classifyPage(
  issues: JiraIssue[],
  points: string | null,
  status: BackfillStatus,
  now: Date,
  searchedAt: number,
  claims: string[],
): Promise<Map<string, Written>> {
  const written = new Map<string, Written>();
  const items = issues.map((issue) => workItemOf(issue, points));
  const parents = await parentsOf(items);
  for (const [n, issue] of issues.entries()) {
    try {
      const item = items[n]!;
      const stored = await classifyItem(
        'app',
        item,
        parseStoredClassification(issue.properties?.[ISSUE_PROPERTY_KEY]),
        now,
        (item.parent && parents.get(item.parent)) || null,
      );
      // The trigger may be storing this very version right now: one writer per version (see classify-issue).
      const claim = claimOf(issue.id, stored);
      if (!(await takeLock(claim, CLAIM_SECONDS))) continue;
      claims.push(claim);
      await recordFigures(issue.id, item, issue.fields?.updated, stored, searchedAt);
      written.set(issue.key, { issue, item, stored });
    } catch (e) {
      // Jira refused this issue (its parent, say): note it and go on. Anything else (storage) retries the
      // chunk.
      if (!(e instanceof JiraError)) throw e;
      if (status.errors.length < 20) status.errors.push({ issueKey: issue.key, message: e.message });
    }
  }
  return written;
}

/**
 * One chunk, run by the queue consumer as the app, of every pending issue or (a refresh) only the stale
 * tags. Returns true when more remain.
 */
export async function runBackfillChunk(
  projectKey: string,
  now = new Date(),
  scope: BackfillScope = 'pending',
): Promise<boolean> {
  const status = (await readBackfill(projectKey)) ?? runningStatus(projectKey, 0, now, scope);
  const points = await storyPointsField('app');
  const searchedAt = Date.now();
  const page = await searchJql('app', jqlOf(scope, projectKey), {
    fields: [...BASE_FIELDS.filter((f) => f !== 'status'), ...(points ? [points] : [])],
    properties: [ISSUE_PROPERTY_KEY],
    maxResults: CHUNK,
  });
  const claims: string[] = [];
  let written: Map<string, Written>;
  try {
    written = await classifyPage(page.issues, points, status, now, searchedAt, claims);
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
  const more = page.issues.length === CHUNK && !page.isLast;
  const done = Math.min(status.total || written.size, status.done + written.size);
  await saveBackfill({
    ...status,
    scope,
    done: more ? done : Math.max(done, status.total),
    total: Math.max(status.total, done),
    state: more ? 'running' : 'done',
    updatedAt: now.toISOString(),
  });
  if (!more) await releaseBackfillLock(projectKey);
  return more;
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
export async function backfillWorkerChunk(projectKey: string, scope: BackfillScope): Promise<void> {
  try {
    const more = await runBackfillChunk(projectKey, new Date(), scope);
    if (more) await pushJob(BACKFILL_QUEUE, { projectKey, scope });
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
