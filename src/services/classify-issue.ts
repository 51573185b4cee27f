/**
 * Classifies one issue and stores the result as its indexed property. Used by the trigger (as the
 * app) and by the issue panel when the stored result is missing or stale (as the user).
 * A human override is never overwritten; an unchanged text with current rules is not rewritten.
 */
import { parseStoredClassification, type StoredClassification } from '../contract';
import { classify, RULES_VERSION, textFingerprint, type HierarchyContext, type WorkItem } from '../domain';
import { getIssue, getIssueProperty, setIssueProperty, storyPointsField, toWorkItem, updateLabels } from '../jira/jira-api';
import type { Actor } from '../jira/jira-client';
import { moveContribution, readOverrideEntry, readSettings, weekStart, type Contribution } from './app-storage';
import { toStored, withOverride } from './stored-classification';
import { readAdaptation } from './learning-service';

const LABELS = { strategic: 'strategic-pm', tactical: 'tactical-po' } as const;
/** The app's own labels are never read back as evidence. */
const OWN_LABELS = new Set<string>(Object.values(LABELS));

export type ClassifyOutcome =
  | { status: 'stored'; stored: StoredClassification; item: WorkItem }
  | { status: 'unchanged' | 'overridden'; stored: StoredClassification; item: WorkItem };

export function isCurrent(stored: StoredClassification | null, item: WorkItem): stored is StoredClassification {
  return !!stored && stored.rulesVersion === RULES_VERSION && stored.fingerprint === textFingerprint(item);
}

export function contributionOf(stored: StoredClassification | null, item: WorkItem): Contribution | null {
  if (!stored || !item.project) return null;
  const id = item.assignee ?? item.reporter ?? null;
  return { projectKey: item.project, week: weekStart(item.created), kind: stored.kind, points: stored.storyPoints ?? 0, person: id ? { id, name: item.people?.[id] ?? id } : null };
}

async function parentContext(actor: Actor, parentKey: string | null | undefined): Promise<HierarchyContext | undefined> {
  if (!parentKey) return undefined;
  const parent = parseStoredClassification(await getIssueProperty(actor, parentKey));
  return parent ? { parent: { key: parentKey, kind: parent.kind, strategicShare: parent.share } } : undefined;
}

/** Computes the property value for an item (no writes). */
export async function classifyItem(actor: Actor, item: WorkItem, previous: StoredClassification | null, now = new Date(), context?: HierarchyContext | null): Promise<StoredClassification> {
  const adaptation = await readAdaptation();
  const result = classify(item, context === undefined ? await parentContext(actor, item.parent) : context ?? undefined, adaptation ? { adaptation } : undefined);
  return toStored(result, textFingerprint(item), item.storyPoints ?? null, previous?.override ?? null, now);
}

export async function classifyAndStore(actor: Actor, issueKey: string, now = new Date()): Promise<ClassifyOutcome> {
  const issue = await getIssue(actor, issueKey);
  const raw = toWorkItem(issue, await storyPointsField(actor));
  const item = { ...raw, labels: (raw.labels ?? []).filter((l) => !OWN_LABELS.has(l)) };
  const previous = parseStoredClassification(issue.properties?.['ownership-balance']);
  if (previous?.overridden) return { status: 'overridden', stored: previous, item };
  if (await readOverrideEntry(issueKey)) return { status: 'overridden', stored: previous ?? (await classifyItem(actor, item, null, now)), item };
  if (isCurrent(previous, item) && previous.storyPoints === (item.storyPoints ?? null)) return { status: 'unchanged', stored: previous, item };
  const stored = await classifyItem(actor, item, previous, now);
  await setIssueProperty(actor, issueKey, stored);
  const racing = await readOverrideEntry(issueKey);
  if (racing) {
    // A human override landed while we classified: it wins.
    const kept = withOverride(stored, racing.override);
    await setIssueProperty(actor, issueKey, kept);
    return { status: 'overridden', stored: kept, item };
  }
  await moveContribution(contributionOf(previous, item), contributionOf(stored, item));
  if (actor === 'app' && (await readSettings()).labelSync) await syncLabels(issueKey, raw, stored);
  return { status: 'stored', stored, item };
}


/** Optional label sync: strategic-pm / tactical-po, nothing for mixed. Written as the app (ignoreSelf keeps it from re-triggering). */
async function syncLabels(issueKey: string, item: WorkItem, stored: StoredClassification): Promise<void> {
  const want = stored.kind === 'mixed' ? null : LABELS[stored.kind];
  const has = item.labels ?? [];
  const remove = Object.values(LABELS).filter((l) => l !== want && has.includes(l));
  const add = want && !has.includes(want) ? [want] : [];
  await updateLabels('app', issueKey, add, remove);
}
