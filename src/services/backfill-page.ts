/**
 * One backfill page (backfill-service): each issue classified as the trigger would, with its parent's lean,
 * and its figures recorded; its claim taken so no other writer stores the same version at the same time.
 */
import {
  ISSUE_PROPERTY_KEY,
  parseStoredClassification,
  type BackfillStatus,
  type StoredClassification,
} from '../contract';
import type { HierarchyContext, WorkItem } from '../domain';
import { bulkFetch } from '../jira/jira-api';
import { JiraError } from '../jira/jira-error';
import type { JiraIssue } from '../jira/jira-schemas';
import { takeLock } from '../storage/app-storage';
import { CLAIM_SECONDS, claimOf, classifyItem, workItemOf } from './classify-issue';
import { recordFigures } from './figures-service';
import { readAdaptation } from './learning-service';

export interface Written { issue: JiraIssue; item: WorkItem; stored: StoredClassification }

/**
 * The parents' stored tags for a page's issues, in one bulk read: a backfill classifies each issue with its
 * parent's lean, as the trigger does, so an issue gets the same tag whichever of them classifies it.
 */
async function parentsOf(items: WorkItem[]): Promise<Map<string, HierarchyContext>> {
  const keys = [...new Set(items.map((i) => i.parent).filter((k): k is string => !!k))];
  const out = new Map<string, HierarchyContext>();
  // A page holds at most 100 issues, so at most 100 parents: one bulk read.
  for (const parent of await bulkFetch('app', keys.slice(0, 100))) {
    const stored = parseStoredClassification(parent.properties?.[ISSUE_PROPERTY_KEY]);
    if (!stored) continue;
    out.set(parent.key, { parent: { key: parent.key, kind: stored.kind, strategicShare: stored.share } });
  }
  return out;
}

/**
 * Classifies a page and records its figures. An issue another writer is storing right now (its claim is
 * taken) is left to it and counted `busy`: the run looks again once that claim has lapsed
 * (backfill-service).
 */
export async function classifyPage(
  issues: JiraIssue[],
  points: string | null,
  status: BackfillStatus,
  now: Date,
  searchedAt: number,
  claims: string[],
): Promise<{ written: Map<string, Written>; busy: number }> {
  const written = new Map<string, Written>();
  let busy = 0;
  const items = issues.map((issue) => workItemOf(issue, points));
  const parents = await parentsOf(items);
  const adaptation = (await readAdaptation()) ?? null;
  for (const [n, issue] of issues.entries()) {
    try {
      const item = items[n]!;
      const stored = await classifyItem(
        'app',
        item,
        parseStoredClassification(issue.properties?.[ISSUE_PROPERTY_KEY]),
        now,
        (item.parent && parents.get(item.parent)) || null,
        adaptation,
      );
      // The trigger may be storing this very version right now: one writer per version (see classify-issue).
      const claim = claimOf(issue.id, stored);
      if (!(await takeLock(claim, CLAIM_SECONDS))) {
        busy++;
        continue;
      }
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
  return { written, busy };
}
