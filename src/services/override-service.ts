/** Human overrides, written as the user so Jira enforces Edit issues. Automation never overwrites them. */
import { parseStoredClassification, type OverrideRecord } from '../contract';
import type { Kind } from '../domain';
import { getIssue, setIssueProperty, storyPointsField, toWorkItem } from '../jira/jira-api';
import { classifyItem, contributionOf } from './classify-issue';
import { moveContribution } from './app-storage';
import { withOverride } from './stored-classification';

export async function setOverride(issueKey: string, accountId: string, kind: Kind | null, note?: string): Promise<void> {
  const issue = await getIssue('user', issueKey);
  const item = toWorkItem(issue, await storyPointsField('user'));
  const previous = parseStoredClassification(issue.properties?.['ownership-balance']);
  const base = previous ?? (await classifyItem('user', item, null));
  const override: OverrideRecord | null = kind ? { kind, by: accountId, at: new Date().toISOString(), ...(note ? { note } : {}) } : null;
  const next = withOverride(base, override);
  await setIssueProperty('user', issueKey, next);
  await moveContribution(contributionOf(previous, item), contributionOf(next, item));
}
