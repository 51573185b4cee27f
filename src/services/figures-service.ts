/**
 * One issue's part of its project's figures, from what Jira holds: its stored classification, its
 * created date, story points and person. Every path that changes an issue's classification or reads
 * a fresh copy of it as the app records it here; the store makes that idempotent.
 */
import type { StoredClassification } from '../contract';
import { weekOf, type Contribution, type WorkItem } from '../domain';
import { applyContribution, type ApplyOutcome } from '../storage/figures-store';

/** The latest of the issue's own edit and its classification's, so later writes never lose to earlier ones. */
function versionOf(updated: string | null | undefined, stored: StoredClassification): number {
  const times = [updated, stored.classifiedAt, stored.override?.at].map((t) => (t ? Date.parse(t) : NaN)).filter(Number.isFinite);
  return times.length > 0 ? Math.max(...times) : 0;
}

export function contributionOf(item: WorkItem, updated: string | null | undefined, stored: StoredClassification | null): Contribution | null {
  if (!stored || !item.project) return null;
  const points = typeof item.storyPoints === 'number' && Number.isFinite(item.storyPoints) && item.storyPoints > 0 ? item.storyPoints : 0;
  return {
    project: item.project, week: weekOf(item.created), kind: stored.kind, points,
    person: item.assignee ?? item.reporter ?? null, version: versionOf(updated, stored),
  };
}

/** Records what the issue now adds to its project's figures (nothing when it is not classified). */
export function recordFigures(issueId: string, item: WorkItem, updated: string | null | undefined, stored: StoredClassification | null): Promise<ApplyOutcome> {
  return applyContribution(issueId, contributionOf(item, updated, stored));
}

/** A deleted issue no longer counts. */
export function forgetFigures(issueId: string): Promise<ApplyOutcome> {
  return applyContribution(issueId, null);
}
