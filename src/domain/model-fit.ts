/**
 * Fitting the classification model, and judging it on sources it has not seen. A fit is two rounds
 * of logistic regression (the second reads each parent's share from the first, as the classifier
 * reads the parent's own result) and a decision (a scale and an offset of the score) chosen by
 * leave-one-source-out inside the training rows. `leaveOneSourceOut` wraps that whole procedure, so
 * nothing it reports was fitted on the source it is scored on.
 */
import { kindFromShare } from './balance';
import { fitLogistic } from './logistic';
import { INPUT_NAMES, scoreOf, shareOf, type ClassificationModel } from './model';
import { hasPmEvidence, readItem, withParentShare, type ItemReading } from './model-inputs';
import type { Kind, WorkItem } from './types';

export interface LabeledItem { item: WorkItem; source: string; gold: Kind; goldShare: number }
export interface ScoredItem extends LabeledItem { share: number; kind: Kind }

export const FIT_SETTINGS = {
  lambda: 1,
  offsets: { from: -2, to: 2, step: 0.05 },
  scales: [1, 1.25, 1.5, 2, 2.5, 3],
  /**
   * The share of gold-mixed items the decision must keep inside the mixed band, on the training rows'
   * held-out scores: the dev-set target (40 %) with one row of margin (11 of 25 rather than 10), so that a
   * source the fit never saw still meets the target. 0.48 and 0.52 were measured too: they cost macro-F1.
   */
  mixedInBand: 0.44,
  /**
   * Floors the decision must keep on held-out scores before it may gain recall: strategic precision 0.8
   * (the tracker-scale target, the stricter of the two issues') and macro-F1 0.87 (the dev-set target).
   */
  precision: 0.8,
  macroF1: 0.87,
  digits: 4,
} as const;

/** Readings without parent input, computed once per item (labeled rows and context rows alike). */
export class Readings {
  private readonly cache = new Map<string, ItemReading>();
  constructor(readonly items: Map<string, WorkItem>) {}
  own(key: string): ItemReading {
    let r = this.cache.get(key);
    if (!r) { r = readItem(this.items.get(key)!); this.cache.set(key, r); }
    return r;
  }
  /** The item's inputs with its parent's share as `model` scores the parent on its own. */
  withParent(item: WorkItem, model: ClassificationModel | null): ItemReading {
    const own = this.own(item.key);
    const parentKey = item.parent;
    if (!model || !parentKey || parentKey === item.key || !this.items.has(parentKey))
      return withParentShare(own, null);
    const parent = this.own(parentKey);
    return withParentShare(own, shareOf(scoreOf(model, parent.values), hasPmEvidence(parent)));
  }
}

const vector = (r: ItemReading) => INPUT_NAMES.map((n) => r.values[n]);
const round = (x: number, digits: number) => Number(x.toFixed(digits));

function modelOf(
  fit: { bias: number; weights: number[] },
  rows: LabeledItem[],
  offset: number,
): ClassificationModel {
  const weights = {} as ClassificationModel['weights'];
  INPUT_NAMES.forEach((n, i) => {
    weights[n] = round(fit.weights[i]!, FIT_SETTINGS.digits);
  });
  return {
    format: 1,
    inputs: [...INPUT_NAMES],
    bias: round(fit.bias, FIT_SETTINGS.digits),
    weights,
    scale: 1,
    offset: round(offset, 2),
    lambda: FIT_SETTINGS.lambda,
    fittedOn: { rows: rows.length, sources: [...new Set(rows.map((r) => r.source))].sort() },
  };
}

/**
 * The side an evidence input must keep: product-manager words may only raise the share, product-owner words
 * lower it.
 */
const sideOf = (name: string) => (name.startsWith('pm-') ? 1 : name.startsWith('po-') ? -1 : 0);

/**
 * A logistic fit whose evidence inputs keep their side: an input that comes out on the wrong side (the
 * other inputs explain its rows better) is fixed at zero and the rest refitted, until none is left over.
 */
function fitSided(x: number[][], y: number[]): { bias: number; weights: number[] } {
  const fixed = new Set<number>();
  for (;;) {
    const free = INPUT_NAMES.map((_, i) => i).filter((i) => !fixed.has(i));
    const fit = fitLogistic(x.map((row) => free.map((i) => row[i]!)), y, FIT_SETTINGS.lambda);
    const weights = new Array<number>(INPUT_NAMES.length).fill(0);
    free.forEach((i, k) => { weights[i] = fit.weights[k]!; });
    const wrong = free.filter((i) => sideOf(INPUT_NAMES[i]!) * weights[i]! < 0);
    if (wrong.length === 0) return { bias: fit.bias, weights };
    for (const i of wrong) fixed.add(i);
  }
}

/**
 * Weights only (scale 1, offset 0): round one without parents, round two with the parents' shares from round
 * one.
 */
function fitWeights(rows: LabeledItem[], readings: Readings): ClassificationModel {
  const y = rows.map((r) => r.goldShare);
  const first = modelOf(fitSided(rows.map((r) => vector(readings.withParent(r.item, null))), y), rows, 0);
  const x = rows.map((r) => vector(readings.withParent(r.item, first)));
  return modelOf(fitSided(x, y), rows, 0);
}

export function scoreItems(
  model: ClassificationModel,
  rows: LabeledItem[],
  readings: Readings,
): ScoredItem[] {
  return rows.map((r) => {
    const reading = readings.withParent(r.item, model);
    const share = shareOf(scoreOf(model, reading.values), hasPmEvidence(reading));
    return { ...r, share, kind: kindFromShare(round(share, 3)) };
  });
}

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
 * after it: enough gold-mixed items inside the mixed band's 0.35–0.65 (FIT_SETTINGS.mixedInBand), strategic
 * precision, macro-F1. Among decisions that keep the same floors, the higher strategic recall wins. Macro-F1
 * alone weighs a missed strategic item like a false one, and chose lines that met every target but recall.
 */
export function decisionObjective(rows: Array<{ gold: Kind; share: number }>): number {
  const called = rows.map((r) => ({ gold: r.gold, kind: kindFromShare(r.share) }));
  const mixed = rows.filter((r) => r.gold === 'mixed');
  const inBand = mixed.filter((r) => r.share >= 0.35 && r.share <= 0.65).length / Math.max(1, mixed.length);
  const strategic = called.filter((r) => r.gold === 'strategic');
  const hits = strategic.filter((r) => r.kind === 'strategic').length;
  const calls = called.filter((r) => r.gold !== 'mixed' && r.kind === 'strategic').length;
  const floors = [
    mixed.length === 0 || inBand >= FIT_SETTINGS.mixedInBand,
    calls > 0 && hits / calls >= FIT_SETTINGS.precision,
    binaryMacroF1(called) >= FIT_SETTINGS.macroF1,
  ];
  const kept = floors.reduce((sum, ok, i) => sum + (ok ? 2 ** (floors.length - 1 - i) : 0), 0);
  return kept + hits / Math.max(1, strategic.length);
}

/** A held-out item's raw score, and whether its text has product-manager evidence (shareOf). */
interface HeldOutScore { gold: Kind; z: number; pm: boolean }

/**
 * The scale and offset that score best on held-out scores (decisionObjective). Ties: the smallest scale, then
 * the lowest offset, the more generous line, as recall is what the objective raises once the floors hold.
 */
function chooseDecision(scores: HeldOutScore[]): { scale: number; offset: number } {
  const { from, to, step } = FIT_SETTINGS.offsets;
  let best = { scale: 1, offset: 0, objective: -1 };
  for (const scale of FIT_SETTINGS.scales) {
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

const sourcesOf = (rows: LabeledItem[]) => [...new Set(rows.map((r) => r.source))].sort();

/** Fits the weights on all rows and the decision (scale, offset) on their leave-one-source-out scores. */
export function fitModel(rows: LabeledItem[], readings: Readings): ClassificationModel {
  const model = fitWeights(rows, readings);
  const sources = sourcesOf(rows);
  if (sources.length < 2) return model;
  const held: HeldOutScore[] = [];
  for (const source of sources) {
    const fold = fitWeights(rows.filter((r) => r.source !== source), readings);
    for (const r of rows.filter((x) => x.source === source)) {
      const reading = readings.withParent(r.item, fold);
      held.push({ gold: r.gold, z: scoreOf(fold, reading.values), pm: hasPmEvidence(reading) });
    }
  }
  return { ...model, ...chooseDecision(held) };
}

/** Every source scored by a model fitted (weights and offset) on the other sources only. */
export function leaveOneSourceOut(rows: LabeledItem[], readings: Readings): ScoredItem[] {
  const out: ScoredItem[] = [];
  for (const source of sourcesOf(rows)) {
    const model = fitModel(rows.filter((r) => r.source !== source), readings);
    out.push(...scoreItems(model, rows.filter((r) => r.source === source), readings));
  }
  return out;
}
