/**
 * Classifies one issue and stores the result as its indexed property, then records what the issue
 * adds to its project's figures. Used by the trigger and the backfill (as the app) and by the
 * Automation action (as the rule's actor). A human override is never overwritten; an unchanged text
 * with current rules is not rewritten, but its figures are recorded again (story points, assignee).
 */
import { parseStoredClassification, ISSUE_PROPERTY_KEY, type StoredClassification } from '../contract';
import { classify, RULES_VERSION, textFingerprint, type HierarchyContext, type WorkItem } from '../domain';
import { getIssue, getIssueProperty, setIssueProperty, storyPointsField, toWorkItem, updateLabels } from '../jira/jira-api';
import type { Actor } from '../jira/jira-client';
import type { JiraIssue } from '../jira/jira-schemas';
import { readOverrideEntry, readSettings } from './app-storage';
import { recordFigures } from './figures-service';
import { readAdaptation } from './learning-service';
import { toStored, withOverride } from './stored-classification';

const LABELS = { strategic: 'strategic-pm', tactical: 'tactical-po' } as const;
/** The app's own labels are never read back as evidence. */
const OWN_LABELS = new Set<string>(Object.values(LABELS));

export type ClassifyOutcome =
  | { status: 'stored'; stored: StoredClassification; item: WorkItem }
  | { status: 'unchanged' | 'overridden'; stored: StoredClassification; item: WorkItem };

export function isCurrent(stored: StoredClassification | null, item: WorkItem): stored is StoredClassification {
  return !!stored && stored.rulesVersion === RULES_VERSION && stored.fingerprint === textFingerprint(item);
}

/** What the classifier reads from a Jira issue: the same on every path, without the app's own labels. */
export function workItemOf(issue: JiraIssue, pointsField: string | null): WorkItem {
  const raw = toWorkItem(issue, pointsField);
  return { ...raw, labels: (raw.labels ?? []).filter((l) => !OWN_LABELS.has(l)) };
}

export interface IssueRead { issue: JiraIssue; item: WorkItem; stored: StoredClassification | null }

/** Reads an issue as `actor`: the work item, and its stored classification (a malformed one counts as none). */
export async function readWorkItem(actor: Actor, issueKey: string): Promise<IssueRead> {
  const issue = await getIssue(actor, issueKey);
  const item = workItemOf(issue, await storyPointsField(actor));
  return { issue, item, stored: parseStoredClassification(issue.properties?.[ISSUE_PROPERTY_KEY]) };
}

async function parentContext(actor: Actor, parentKey: string | null | undefined): Promise<HierarchyContext | undefined> {
  if (!parentKey) return undefined;
  const parent = parseStoredClassification(await getIssueProperty(actor, parentKey));
  return parent ? { parent: { key: parentKey, kind: parent.kind, strategicShare: parent.share } } : undefined;
}

/** Computes the property value for an item (no writes). */
export async function classifyItem(actor: Actor, item: WorkItem, previous: StoredClassification | null, now = new Date(),
  context?: HierarchyContext | null): Promise<StoredClassification> {
  const adaptation = await readAdaptation();
  const hierarchy = context === undefined ? await parentContext(actor, item.parent) : context ?? undefined;
  const result = classify(item, hierarchy, adaptation ? { adaptation } : undefined);
  return toStored(result, textFingerprint(item), item.storyPoints ?? null, previous?.override ?? null, now);
}

/** The outcome, and what the issue's property holds afterwards (null: no classification in Jira). */
async function classifyAndWrite(actor: Actor, read: IssueRead, now: Date): Promise<{ outcome: ClassifyOutcome; inJira: StoredClassification | null }> {
  const { issue, item, stored: previous } = read;
  if (previous?.overridden) return { outcome: { status: 'overridden', stored: previous, item }, inJira: previous };
  if (await readOverrideEntry(issue.key)) {
    const stored = previous ?? (await classifyItem(actor, item, null, now));
    return { outcome: { status: 'overridden', stored, item }, inJira: previous };
  }
  if (isCurrent(previous, item) && previous.storyPoints === (item.storyPoints ?? null)) {
    return { outcome: { status: 'unchanged', stored: previous, item }, inJira: previous };
  }
  const stored = await classifyItem(actor, item, previous, now);
  await setIssueProperty(actor, issue.key, stored);
  const racing = await readOverrideEntry(issue.key);
  if (!racing) return { outcome: { status: 'stored', stored, item }, inJira: stored };
  // A human override landed while we classified: it wins.
  const kept = withOverride(stored, racing.override);
  await setIssueProperty(actor, issue.key, kept);
  return { outcome: { status: 'overridden', stored: kept, item }, inJira: kept };
}

export async function classifyAndStore(actor: Actor, issueKey: string, now = new Date()): Promise<ClassifyOutcome> {
  const read = await readWorkItem(actor, issueKey);
  const { outcome, inJira } = await classifyAndWrite(actor, read, now);
  // The figures follow what Jira holds, recorded even when nothing changed (story points, assignee).
  await recordFigures(read.issue.id, read.item, read.issue.fields?.updated, inJira);
  if ((await readSettings()).labelSync) await syncLabels(actor, issueKey, read.issue, outcome.stored);
  return outcome;
}

/** Optional label sync: strategic-pm / tactical-po, nothing for mixed; follows overrides too. */
export async function syncLabels(actor: Actor, issueKey: string, issue: JiraIssue, stored: StoredClassification | null): Promise<void> {
  const want = !stored || stored.kind === 'mixed' ? null : LABELS[stored.kind];
  const has = issue.fields?.labels ?? [];
  const remove = Object.values(LABELS).filter((l) => l !== want && has.includes(l));
  const add = want && !has.includes(want) ? [want] : [];
  await updateLabels(actor, issueKey, add, remove);
}
