/**
 * The issue panel's data, read as the viewing user: the stored classification (or, when it is missing
 * or stale, a fresh one that is shown but not stored), epic context, child balance, override rights.
 */
import {
  parseStoredClassification,
  ISSUE_PROPERTY_KEY,
  type Balance,
  type IssuePanelData,
  type IssueRef,
  type StoredClassification,
} from '../contract';
import { computeBalance, healthWarnings } from '../domain';
import { bulkFetch, searchAll } from '../jira/jira-api';
import { canEditIssue, displayNames } from '../jira/jira-people';
import { unlessConsent } from '../jira/jira-client';
import { classifyItem, isCurrent, readWorkItem } from './classify-issue';
import { currentTagVersion } from './learning-service';

async function childBalance(
  parentKey: string,
): Promise<{ balance: Balance; children: Array<StoredClassification | null> } | null> {
  const issues = await searchAll('user', `parent = "${parentKey}"`, {
    fields: ['id'],
    properties: [ISSUE_PROPERTY_KEY],
  });
  if (issues.length === 0) return null;
  const children = issues.map((i) => parseStoredClassification(i.properties?.[ISSUE_PROPERTY_KEY]));
  return {
    balance: computeBalance(
      children.map((c) => ({ kind: c?.kind ?? null, storyPoints: c?.storyPoints ?? null })),
    ),
    children,
  };
}

export async function issuePanel(issueKey: string): Promise<IssuePanelData> {
  const { issue, item } = await readWorkItem('user', issueKey);
  const isEpic = (issue.fields?.issuetype?.hierarchyLevel ?? 0) >= 1 || item.type === 'Epic';
  const canOverride = await canEditIssue('user', issueKey);
  let stored = parseStoredClassification(issue.properties?.[ISSUE_PROPERTY_KEY]);
  let refreshed = false;
  if (!stored?.overridden && !isCurrent(stored, item, await currentTagVersion())) {
    // A read never writes: the panel shows a fresh result; the trigger and the backfill store results.
    stored = await classifyItem('user', item, stored);
    refreshed = true;
  }
  let epic: IssueRef | null = null;
  if (item.parent) {
    const [parent] = await bulkFetch('user', [item.parent]).catch(unlessConsent([]));
    const ps = parseStoredClassification(parent?.properties?.[ISSUE_PROPERTY_KEY]);
    if (parent)
      epic = {
        key: parent.key,
        summary: parent.fields?.summary ?? '',
        type: parent.fields?.issuetype?.name ?? '',
        kind: ps?.kind ?? null,
        share: ps?.share ?? null,
      };
  }
  const rollup = await childBalance(isEpic ? issueKey : item.parent ?? '').catch(unlessConsent(null));
  const by = stored?.override?.by;
  const overrideByName = by
    ? ((await displayNames('user', [by]).catch(unlessConsent(new Map<string, string>()))).get(by) ?? null)
    : null;
  return {
    issue: { key: issue.key, summary: item.summary, type: item.type, isEpic },
    classification: stored!,
    refreshed,
    epic,
    childBalance: rollup?.balance ?? null,
    warnings:
      isEpic && stored
        ? healthWarnings(
            stored,
            (rollup?.children ?? []).map((c) => ({ kind: c?.kind ?? null })),
          )
        : [],
    canOverride,
    cannotOverrideReason: canOverride
      ? null
      : 'You need the Edit issues permission in this project to change the tag.',
    overrideByName,
  };
}
