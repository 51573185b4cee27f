/**
 * Human overrides, written as the user so Jira enforces Edit issues (checked first, before anything
 * is written). Automation never overwrites them. The issue's figures and, when an admin turned it on,
 * its labels follow the override and its clearing.
 */
import type { OverrideRecord } from '../contract';
import type { Kind } from '../domain';
import { canEditIssue, setIssueProperty } from '../jira/jira-api';
import { JiraError } from '../jira/jira-error';
import { readOverrideEntry, readSettings, saveOverrideEntry } from './app-storage';
import { classifyItem, readWorkItem, syncLabels } from './classify-issue';
import { recordFigures } from './figures-service';
import { relearn } from './learning-service';
import { withOverride } from './stored-classification';

export async function setOverride(issueKey: string, accountId: string, kind: Kind | null, note?: string, now = new Date()): Promise<void> {
  const { issue, item, stored: previous } = await readWorkItem('user', issueKey);
  if (!(await canEditIssue('user', issueKey))) {
    throw new JiraError(403, 'FORBIDDEN', 'You do not have permission to edit this issue, so you cannot change its tag.');
  }
  const base = previous ?? (await classifyItem('user', item, null, now));
  const override: OverrideRecord | null = kind ? { kind, by: accountId, at: now.toISOString(), ...(note ? { note } : {}) } : null;
  // Clearing stamps the result anew, so that its figures are newer than the override's.
  const next = override ? withOverride(base, override) : { ...withOverride(base, null), classifiedAt: now.toISOString() };
  const earlier = await readOverrideEntry(issueKey);
  await saveOverrideEntry(issueKey, override ? {
    issueKey, fingerprint: base.fingerprint, rulesVersion: base.rulesVersion,
    automatic: { kind: base.automatic.kind, share: base.automatic.share }, override,
    signals: base.automatic.evidence.map((e) => ({ signal: e.signal, side: e.side })),
    item: { type: item.type, summary: item.summary.slice(0, 300), labels: (item.labels ?? []).slice(0, 20) },
  } : null);
  try {
    await setIssueProperty('user', issueKey, next);
  } catch (e) {
    await saveOverrideEntry(issueKey, earlier);
    throw e;
  }
  await recordFigures(issue.id, item, issue.fields?.updated, next);
  if ((await readSettings()).labelSync) await syncLabels('user', issueKey, issue, next);
  await relearn();
}
