/**
 * The decision line: the scale and offset of the model's score, chosen on held-out scores (model-fit.ts
 * makes them by leave-one-source-out inside the training rows).
 */
import { kindFromShare } from './balance';
import { shareOf } from './model';
import type { Kind } from './types';

export const DECISION_SETTINGS = {
  offsets: { from: -2, to: 2, step: 0.05 },
  scales: [1, 1.25, 1.5, 2, 2.5, 3],
  /**
   * The share of gold-mixed items the decision must keep inside the mixed band, on the training rows'
   * held-out scores: the dev-set target (40 %) with one row of margin (11 of 25 rather than 10), so that a
   * source the fit never saw still meets the target. Measured too, leave-one-source-out: 0.40 costs macro-F1
   * (0.883), 0.48 and 0.52 leave the band at 40 % exactly; all three keep recall at 60 of 73.
   */
  mixedInBand: 0.44,
  /**
   * Floors the decision must keep on held-out scores before it may gain recall: strategic precision 0.8
   * (the tracker-scale target, the stricter of the two issues') and macro-F1 0.87 (the dev-set target).
   */
  precision: 0.8,
  macroF1: 0.87,
} as const;

const round = (x: number, digits: number) => Number(x.toFixed(digits));

/** Macro-F1 over strategic vs tactical (gold mixed rows left out), the dev set's headline figure. */
export function binaryMacroF1(rows: Array<{ gold: Kind; kind: Kind }>): number {
  const f1 = (k: Kind) => {
    const tp = rows.filter((r) => r.gold === k && r.kind === k).length;
    const fp = rows.filter((r) => r.gold !== k && r.gold !== 'mixed' && r.kind === k).length;
    const fn = rows.filter((r) => r.gold === k && r.kind !== k).length;
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  };
  return (f1('strategic') + f1('tactical')) / 2;
}

/**
 * How good a decision is on held-out scores. The targets come first, as floors, each worth more than all
 * after it: enough gold-mixed items inside the mixed band's 0.35–0.65 (DECISION_SETTINGS.mixedInBand),
 * strategic precision, macro-F1. Among decisions that keep the same floors, the higher strategic recall
 * wins. Macro-F1 alone weighs a missed strategic item like a false one, and chose lines that met every
 * target but recall.
 */
export function decisionObjective(rows: Array<{ gold: Kind; share: number }>): number {
  const called = rows.map((r) => ({ gold: r.gold, kind: kindFromShare(r.share) }));
  const mixed = rows.filter((r) => r.gold === 'mixed');
  const inBand = mixed.filter((r) => r.share >= 0.35 && r.share <= 0.65).length / Math.max(1, mixed.length);
  const strategic = called.filter((r) => r.gold === 'strategic');
  const hits = strategic.filter((r) => r.kind === 'strategic').length;
  const calls = called.filter((r) => r.gold !== 'mixed' && r.kind === 'strategic').length;
  const floors = [
    mixed.length === 0 || inBand >= DECISION_SETTINGS.mixedInBand,
    calls > 0 && hits / calls >= DECISION_SETTINGS.precision,
    binaryMacroF1(called) >= DECISION_SETTINGS.macroF1,
  ];
  const kept = floors.reduce((sum, ok, i) => sum + (ok ? 2 ** (floors.length - 1 - i) : 0), 0);
  return kept + hits / Math.max(1, strategic.length);
}

/** A held-out item's raw score, and whether its text has product-manager evidence (shareOf). */
export interface HeldOutScore { gold: Kind; z: number; pm: boolean }

/**
 * The scale and offset that score best on held-out scores (decisionObjective). Ties: the smallest scale, then
 * the lowest offset, the more generous line, as recall is what the objective raises once the floors hold.
 */
export function chooseDecision(scores: HeldOutScore[]): { scale: number; offset: number } {
  const { from, to, step } = DECISION_SETTINGS.offsets;
  let best = { scale: 1, offset: 0, objective: -1 };
  for (const scale of DECISION_SETTINGS.scales) {
    for (let k = 0; from + k * step <= to + 1e-9; k++) {
      const offset = round(from + k * step, 2);
      const objective = decisionObjective(
        scores.map((s) => ({ gold: s.gold, share: round(shareOf(scale * s.z - offset, s.pm), 3) })),
      );
      if (objective > best.objective + 1e-12) best = { scale, offset, objective };
    }
  }
  return { scale: best.scale, offset: best.offset };
}
