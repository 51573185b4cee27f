/**
 * Classifies one issue and stores the result as its indexed property, then records what the issue
 * adds to its project's figures. Used by the trigger and the backfill (as the app) and by the
 * Automation action (as the rule's actor). A human override is never overwritten; an unchanged text
 * with current rules and lessons is not rewritten, but its figures are recorded again (story points,
 * assignee).
 */
import { parseStoredClassification, ISSUE_PROPERTY_KEY, type StoredClassification } from '../contract';
import {
  classify, tagVersion, textFingerprint, type Adaptation, type HierarchyContext, type WorkItem,
} from '../domain';
import { getIssue, storyPointsField, toWorkItem } from '../jira/jira-api';
import { getIssueProperty, setIssueProperty, updateLabels } from '../jira/jira-properties';
import type { Actor } from '../jira/jira-client';
import type { JiraIssue } from '../jira/jira-schemas';
import { readOverrideEntry, readSettings, releaseLock, takeLock } from '../storage/app-storage';
import { recordFigures } from './figures-service';
import { readAdaptation } from './learning-service';
import { toStored, withOverride } from './stored-classification';

const LABELS = { strategic: 'strategic-pm', tactical: 'tactical-po' } as const;
/** The app's own labels are never read back as evidence. */
const OWN_LABELS = new Set<string>(Object.values(LABELS));

export type ClassifyOutcome =
  | { status: 'stored'; stored: StoredClassification; item: WorkItem }
  | { status: 'unchanged' | 'overridden'; stored: StoredClassification; item: WorkItem };

/** Whether a stored tag was made from this text with the rules and lessons of `version` (tagVersion). */
export function isCurrent(
  stored: StoredClassification | null,
  item: WorkItem,
  version: string,
): stored is StoredClassification {
  return !!stored && stored.rulesVersion === version && stored.fingerprint === textFingerprint(item);
}

/** What the classifier reads from a Jira issue: the same on every path, without the app's own labels. */
export function workItemOf(issue: JiraIssue, pointsField: string | null): WorkItem {
  const raw = toWorkItem(issue, pointsField);
  return { ...raw, labels: (raw.labels ?? []).filter((l) => !OWN_LABELS.has(l)) };
}

/** An issue as read from Jira, and when (`readAt`, ms): figures recorded from a later read win. */
export interface IssueRead {
  issue: JiraIssue;
  item: WorkItem;
  stored: StoredClassification | null;
  readAt: number;
}

/**
 * Reads an issue as `actor`: the work item, and its stored classification (a malformed one counts as none).
 */
export async function readWorkItem(actor: Actor, issueKey: string): Promise<IssueRead> {
  const points = await storyPointsField(actor);
  const issue = await getIssue(actor, issueKey);
  return {
    issue,
    item: workItemOf(issue, points),
    stored: parseStoredClassification(issue.properties?.[ISSUE_PROPERTY_KEY]),
    readAt: Date.now(),
  };
}

/** Records the issue's figures from what a read of Jira saw. */
export const recordRead = (read: IssueRead) =>
  recordFigures(read.issue.id, read.item, read.issue.fields?.updated, read.stored, read.readAt);

async function parentContext(
  actor: Actor,
  parentKey: string | null | undefined,
): Promise<HierarchyContext | undefined> {
  if (!parentKey) return undefined;
  const parent = parseStoredClassification(await getIssueProperty(actor, parentKey));
  return parent ? { parent: { key: parentKey, kind: parent.kind, strategicShare: parent.share } } : undefined;
}

/**
 * Computes the property value for an item (no writes). `context` and `adaptation` are read when not given
 * (null: none); a caller classifying many items reads the site's lessons once and passes them.
 */
export async function classifyItem(
  actor: Actor,
  item: WorkItem,
  previous: StoredClassification | null,
  now = new Date(),
  context?: HierarchyContext | null,
  learned?: Adaptation | null,
): Promise<StoredClassification> {
  const adaptation = learned === undefined ? await readAdaptation() : (learned ?? undefined);
  const hierarchy = context === undefined ? await parentContext(actor, item.parent) : (context ?? undefined);
  const result = classify(item, hierarchy, adaptation ? { adaptation } : undefined);
  return toStored(result, textFingerprint(item), item.storyPoints ?? null, previous?.override ?? null, now);
}

/** The outcome, and whether the issue's property was written. */
async function classifyAndWrite(
  actor: Actor,
  read: IssueRead,
  now: Date,
): Promise<{ outcome: ClassifyOutcome; wrote: boolean }> {
  const { issue, item, stored: previous } = read;
  if (previous?.overridden)
    return { outcome: { status: 'overridden', stored: previous, item }, wrote: false };
  const pending = await readOverrideEntry(issue.key);
  if (pending) {
    // An override is on record but not on the issue (its write was cut short): put it there.
    const stored = withOverride(previous ?? (await classifyItem(actor, item, null, now)), pending.override);
    await setIssueProperty(actor, issue.key, stored);
    return { outcome: { status: 'overridden', stored, item }, wrote: true };
  }
  const adaptation = (await readAdaptation()) ?? null;
  const current = isCurrent(previous, item, tagVersion(adaptation ?? undefined));
  if (current && previous.storyPoints === (item.storyPoints ?? null)) {
    return { outcome: { status: 'unchanged', stored: previous, item }, wrote: false };
  }
  const stored = await classifyItem(actor, item, previous, now, undefined, adaptation);
  // One writer per text version: a concurrent delivery of the same version leaves the write to the
  // first, whose claim stays until every reader can see its result (released only if the write fails).
  const claim = claimOf(issue.id, stored);
  if (!(await takeLock(claim, CLAIM_SECONDS)))
    return { outcome: { status: 'unchanged', stored: previous ?? stored, item }, wrote: false };
  try {
    await setIssueProperty(actor, issue.key, stored);
  } catch (e) {
    await releaseLock(claim).catch(() => undefined);
    throw e;
  }
  const racing = await readOverrideEntry(issue.key);
  if (!racing) return { outcome: { status: 'stored', stored, item }, wrote: true };
  // A human override landed while we classified: it wins.
  const kept = withOverride(stored, racing.override);
  await setIssueProperty(actor, issue.key, kept);
  return { outcome: { status: 'overridden', stored: kept, item }, wrote: true };
}

/** How long a claim on one text version holds if its writer dies before releasing it (one invocation). */
export const CLAIM_SECONDS = 25;

/** The claim on writing one version of an issue's result: its text, rules and lessons, and story points. */
export const claimOf = (issueId: string, stored: StoredClassification) =>
  `classify:${issueId}:${stored.fingerprint}:${stored.rulesVersion}:${stored.storyPoints ?? '-'}`;

/** How many times a writer reads again after writing, when the issue keeps changing under it. */
const FRESH_READS = 3;

/**
 * Classifies and stores, then records the figures from a read made after the write — so they hold
 * what Jira holds even when an edit, an override or another writer landed in between: a write based
 * on an older text is classified again from the fresh read.
 */
export async function classifyAndStore(
  actor: Actor,
  issueKey: string,
  now = new Date(),
): Promise<ClassifyOutcome> {
  let read = await readWorkItem(actor, issueKey);
  let { outcome, wrote } = await classifyAndWrite(actor, read, now); // eslint-disable-line prefer-const
  for (let i = 0; wrote && i < FRESH_READS; i++) {
    read = await readWorkItem(actor, issueKey);
    const again = await classifyAndWrite(actor, read, new Date());
    if (again.outcome.status !== 'unchanged') outcome = again.outcome;
    wrote = again.wrote;
  }
  await recordRead(read);
  if ((await readSettings()).labelSync) await syncLabels(actor, issueKey, read.issue, outcome.stored);
  return outcome;
}

/** Optional label sync: strategic-pm / tactical-po, nothing for mixed; follows overrides too. */
export async function syncLabels(
  actor: Actor,
  issueKey: string,
  issue: JiraIssue,
  stored: StoredClassification | null,
): Promise<void> {
  const want = !stored || stored.kind === 'mixed' ? null : LABELS[stored.kind];
  const has = issue.fields?.labels ?? [];
  const remove = Object.values(LABELS).filter((l) => l !== want && has.includes(l));
  const add = want && !has.includes(want) ? [want] : [];
  await updateLabels(actor, issueKey, add, remove);
}
