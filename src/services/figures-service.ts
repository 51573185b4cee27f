/**
 * One issue's part of its project's figures, from what Jira holds: its stored classification, its
 * created date, story points and person. Every path that changes an issue's classification or reads
 * a fresh copy of it as the app records it here; the store makes that idempotent.
 */
import type { StoredClassification } from '../contract';
import { weekOf, type Contribution, type WorkItem } from '../domain';
import { applyContribution, type ApplyOutcome } from '../storage/figures-store';

const ms = (iso: string | null | undefined): number => {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(t) ? t : 0;
};

/**
 * What the issue adds, as a read of Jira saw it: `updated` is the issue's last edit, `readAt` when
 * the read was made. Figures recorded from the latest read win, so they end up holding what Jira
 * holds after the last write, whichever writer records last.
 */
export function contributionOf(
  item: WorkItem,
  updated: string | null | undefined,
  stored: StoredClassification | null,
  readAt = 0,
): Contribution | null {
  if (!stored || !item.project) return null;
  const points =
    typeof item.storyPoints === 'number' && Number.isFinite(item.storyPoints) && item.storyPoints > 0
      ? item.storyPoints
      : 0;
  return {
    project: item.project,
    week: weekOf(item.created),
    kind: stored.kind,
    points,
    person: item.assignee ?? item.reporter ?? null,
    version: ms(updated),
    stamp: readAt,
  };
}

/** Records what the issue now adds to its project's figures (nothing when it is not classified). */
export function recordFigures(
  issueId: string,
  item: WorkItem,
  updated: string | null | undefined,
  stored: StoredClassification | null,
  readAt: number,
): Promise<ApplyOutcome> {
  const contribution = contributionOf(item, updated, stored, readAt);
  return applyContribution(
    issueId,
    contribution
      ? { kind: 'counts', contribution }
      : { kind: 'none', project: item.project ?? null, version: ms(updated), stamp: readAt },
  );
}

/** A deleted issue no longer counts, and a record read before its deletion cannot bring it back. */
export function forgetFigures(issueId: string): Promise<ApplyOutcome> {
  return applyContribution(issueId, { kind: 'deleted' });
}
