/**
 * Balance math: kinds from shares, roll-ups of children, the balance of a set of items and the
 * drift from a target. The strategic share of a set counts mixed work as half strategic.
 */
import { SCORING } from './catalogue';
import type { Kind, KindTally } from './types';

export function kindFromShare(share: number): Kind {
  if (share >= SCORING.strategicAt) return 'strategic';
  if (share <= SCORING.tacticalAt) return 'tactical';
  return 'mixed';
}

const emptyTally = (): KindTally => ({ strategic: 0, tactical: 0, mixed: 0, unclassified: 0 });
const round = (x: number) => Math.round(x * 1000) / 1000;

/** Blends children into one share, weighted by story points when any child has them. */
export function rollUpChildren(
  children: Array<{ kind: Kind; strategicShare: number; storyPoints?: number | null }>,
): { strategicShare: number; kind: Kind; tally: KindTally } {
  const tally = emptyTally();
  if (children.length === 0) return { strategicShare: 0, kind: 'tactical', tally };
  const usePoints = children.some((c) => (c.storyPoints ?? 0) > 0);
  let weighted = 0;
  let total = 0;
  for (const c of children) {
    tally[c.kind]++;
    const w = usePoints ? Math.max(0, c.storyPoints ?? 0) : 1;
    weighted += w * c.strategicShare;
    total += w;
  }
  const share =
    total > 0
      ? round(weighted / total)
      : round(children.reduce((s, c) => s + c.strategicShare, 0) / children.length);
  return { strategicShare: share, kind: kindFromShare(share), tally };
}

export interface BalanceFigures {
  count: KindTally;
  points: KindTally;
  strategicShareByCount: number | null;
  strategicShareByPoints: number | null;
}

/** Strategic share of classified work: (strategic + mixed / 2) / classified; null when none. */
export function strategicShareOf(t: KindTally): number | null {
  const classified = t.strategic + t.tactical + t.mixed;
  return classified > 0 ? round((t.strategic + t.mixed / 2) / classified) : null;
}

export function computeBalance(
  items: Array<{ kind: Kind | null; storyPoints?: number | null }>,
): BalanceFigures {
  const count = emptyTally();
  const points = emptyTally();
  for (const item of items) {
    const bucket = item.kind ?? 'unclassified';
    count[bucket]++;
    const p = item.storyPoints;
    if (typeof p === 'number' && Number.isFinite(p) && p > 0) points[bucket] += p;
  }
  return {
    count,
    points,
    strategicShareByCount: strategicShareOf(count),
    strategicShareByPoints: strategicShareOf(points),
  };
}

/**
 * Drift of the actual strategic share from the target (actual − target). Within ±5 percentage points
 * it is "on target". The gap is always in percentage points; with total story points given, the
 * message adds how many story points that gap is.
 */
export function driftFromTarget(
  actualShare: number | null,
  targetShare: number,
  totalPoints?: number,
): { drift: number | null; message: string } {
  if (actualShare === null)
    return {
      drift: null,
      message: 'Nothing is classified yet, so there is no balance to compare with the target.',
    };
  const drift = round(actualShare - targetShare);
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  if (Math.abs(drift) <= 0.05) {
    return {
      drift,
      message:
        `Strategic work is on target: ${pct(actualShare)} against ${pct(targetShare)} ` +
        '(within 5 percentage points).',
    };
  }
  const direction = drift < 0 ? 'under' : 'over';
  const points = Math.round(Math.abs(drift) * 100);
  const against = `${pct(actualShare)} against ${pct(targetShare)}`;
  const gap = `${points} percentage points ${direction} target (${against})`;
  if (totalPoints && totalPoints > 0) {
    return {
      drift,
      message: `Strategic work is ${gap}: about ${Math.round(Math.abs(drift) * totalPoints)} story points.`,
    };
  }
  return { drift, message: `Strategic work is ${gap}.` };
}
