/**
 * Human overrides, written as the user so Jira enforces Edit issues (checked first, before anything
 * is written). Automation never overwrites them. The issue's figures and, when an admin turned it on,
 * its labels follow the override and its clearing.
 */
import type { OverrideRecord } from '../contract';
import { signalsOf, type Kind } from '../domain';
import { canEditIssue } from '../jira/jira-people';
import { setIssueProperty } from '../jira/jira-properties';
import { JiraError } from '../jira/jira-error';
import {
  readOverrideEntry,
  readSettings,
  releaseLock,
  saveOverrideEntry,
  takeLock,
} from '../storage/app-storage';
import { ConflictError } from './service-errors';
import { classifyItem, readWorkItem, recordRead, syncLabels } from './classify-issue';
import { learnFromOverride } from './learning-service';
import { withOverride } from './stored-classification';

/**
 * One override at a time per issue: the override record in app storage and the issue's property must
 * end up saying the same, which two people changing the tag at once could otherwise break.
 */
export async function setOverride(
  issueKey: string,
  accountId: string,
  kind: Kind | null,
  note?: string,
  now = new Date(),
): Promise<void> {
  if (!(await takeLock(`override:${issueKey}`, 60))) {
    throw new ConflictError(
      'Someone else is changing this tag right now. Nothing was changed: try again in a moment.',
    );
  }
  try {
    await writeOverride(issueKey, accountId, kind, note, now);
  } finally {
    // If this fails, the lock still expires within a minute.
    await releaseLock(`override:${issueKey}`).catch(() => undefined);
  }
}

async function writeOverride(
  issueKey: string,
  accountId: string,
  kind: Kind | null,
  note: string | undefined,
  now: Date,
): Promise<void> {
  const { issue, item, stored: previous } = await readWorkItem('user', issueKey);
  if (!(await canEditIssue('user', issueKey))) {
    throw new JiraError(
      403,
      'FORBIDDEN',
      'You do not have permission to edit this issue, so you cannot change its tag.',
    );
  }
  const base = previous ?? (await classifyItem('user', item, null, now));
  const override: OverrideRecord | null = kind
    ? { kind, by: accountId, at: now.toISOString(), ...(note ? { note } : {}) }
    : null;
  // Clearing stamps the result anew, so that its figures are newer than the override's.
  const next = override
    ? withOverride(base, override)
    : { ...withOverride(base, null), classifiedAt: now.toISOString() };
  const earlier = await readOverrideEntry(issueKey);
  const entry = override
    ? {
        issueKey,
        fingerprint: base.fingerprint,
        rulesVersion: base.rulesVersion,
        automatic: { kind: base.automatic.kind, share: base.automatic.share },
        override,
        signals: signalsOf(base.automatic.evidence),
        item: {
          type: item.type,
          summary: item.summary.slice(0, 300),
          labels: (item.labels ?? []).slice(0, 20),
        },
      }
    : null;
  try {
    await saveOverrideEntry(issueKey, entry);
    await setIssueProperty('user', issueKey, next);
  } catch (e) {
    // Nothing half-applied: the record goes back to what it was (the property was not written).
    await saveOverrideEntry(issueKey, earlier);
    throw e;
  }
  // Figures from a read after the write: they hold what Jira holds, whoever else wrote meanwhile.
  await recordRead(await readWorkItem('user', issueKey));
  if ((await readSettings()).labelSync) await syncLabels('user', issueKey, issue, next);
  await learnFromOverride(earlier, entry, now);
}
