/** Human overrides, written as the user so Jira enforces Edit issues. Automation never overwrites them. */
import { parseStoredClassification, type OverrideRecord } from '../contract';
import type { Kind } from '../domain';
import { canEditIssue, getIssue, setIssueProperty, storyPointsField, toWorkItem } from '../jira/jira-api';
import { JiraError } from '../jira/jira-error';
import { classifyItem, contributionOf } from './classify-issue';
import { moveContribution, readOverrideEntry, saveOverrideEntry } from './app-storage';
import { withOverride } from './stored-classification';
import { relearn } from './learning-service';

export async function setOverride(issueKey: string, accountId: string, kind: Kind | null, note?: string): Promise<void> {
  const issue = await getIssue('user', issueKey);
  const item = toWorkItem(issue, await storyPointsField('user'));
  const previous = parseStoredClassification(issue.properties?.['ownership-balance']);
  const base = previous ?? (await classifyItem('user', item, null));
  const override: OverrideRecord | null = kind ? { kind, by: accountId, at: new Date().toISOString(), ...(note ? { note } : {}) } : null;
  const next = withOverride(base, override);
  if (!(await canEditIssue('user', issueKey))) throw new JiraError(403, 'FORBIDDEN', 'You do not have permission to edit this issue, so you cannot change its tag.');
  const earlier = await readOverrideEntry(issueKey);
  await saveOverrideEntry(issueKey, override ? {
    issueKey, fingerprint: base.fingerprint, rulesVersion: base.rulesVersion, automatic: { kind: base.automatic.kind, share: base.automatic.share }, override,
    signals: base.automatic.evidence.map((e) => ({ signal: e.signal, side: e.side })),
    item: { type: item.type, summary: item.summary.slice(0, 300), labels: (item.labels ?? []).slice(0, 20) },
  } : null);
  try {
    await setIssueProperty('user', issueKey, next);
  } catch (e) {
    await saveOverrideEntry(issueKey, earlier);
    throw e;
  }
  await moveContribution(contributionOf(previous, item), contributionOf(next, item));
  await relearn();
}
