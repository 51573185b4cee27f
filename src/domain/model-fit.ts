/**
 * Fitting the classification model, and judging it on sources it has not seen. A fit is two rounds
 * of logistic regression (the second reads each parent's share from the first, as the classifier
 * reads the parent's own result) and a decision (a scale and an offset of the score, model-decision.ts)
 * chosen by leave-one-source-out inside the training rows. `leaveOneSourceOut` wraps that whole procedure, so
 * nothing it reports was fitted on the source it is scored on.
 */
import { kindFromShare } from './balance';
import { fitLogistic } from './logistic';
import { INPUT_NAMES, scoreOf, shareOf, type ClassificationModel } from './model';
import { chooseDecision, type HeldOutScore } from './model-decision';
import { hasPmEvidence, readItem, withParentShare, type ItemReading } from './model-inputs';
import type { Kind, WorkItem } from './types';

export interface LabeledItem { item: WorkItem; source: string; gold: Kind; goldShare: number }
export interface ScoredItem extends LabeledItem { share: number; kind: Kind }

export const FIT_SETTINGS = { lambda: 1, digits: 4 } as const;

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
