/**
 * The classification model: a logistic regression over the named inputs of model-inputs.ts, fitted
 * offline on the labeled dev set by `npm run fit-model` (dev/fit-model.ts → src/domain/model-fit.ts)
 * and shipped as classification-model.json. share = σ(scale·(bias + Σ weight·input) − offset); the
 * offset is the decision threshold, chosen by leave-one-source-out so that it holds on sources the fit
 * never saw. An item without a product-manager word in its text has its score held inside the mixed
 * band (heldScore), in the fit's decision as in the shipped classifier.
 */
import { SCORING } from './catalogue';
import { sigmoid } from './logistic';
import { INPUTS, type InputName, type InputValues } from './model-inputs';

export interface ClassificationModel {
  format: 1;
  /** Input names in the order the fit used them. */
  inputs: InputName[];
  bias: number;
  weights: Record<InputName, number>;
  /** The score is multiplied by it (spreads shares out of the mixed band) … */
  scale: number;
  /** … and then the offset subtracted: the decision, chosen by leave-one-source-out. */
  offset: number;
  /** The L2 penalty of the fit. */
  lambda: number;
  fittedOn: { rows: number; sources: string[] };
}

export const INPUT_NAMES: InputName[] = INPUTS.map((i) => i.name);

/** Each input's signed contribution to the score (positive = strategic). */
export function contributions(model: ClassificationModel, values: InputValues): Record<InputName, number> {
  const out = {} as Record<InputName, number>;
  for (const name of INPUT_NAMES) out[name] = model.scale * (model.weights[name] ?? 0) * values[name];
  return out;
}

export function scoreOf(model: ClassificationModel, values: InputValues): number {
  let z = model.bias;
  for (const name of INPUT_NAMES) z += (model.weights[name] ?? 0) * values[name];
  return model.scale * z - model.offset;
}

/** Refuses a model file that does not name exactly the inputs this code computes. */
export function checkModel(model: ClassificationModel): ClassificationModel {
  const names = [...model.inputs].sort().join(',');
  if (model.format !== 1 || names !== [...INPUT_NAMES].sort().join(',')) {
    throw new Error(
      `classification model does not match the inputs this code computes (${INPUT_NAMES.join(', ')})`,
    );
  }
  return model;
}

const CEILING = Math.log(SCORING.shareWithoutPmEvidence / (1 - SCORING.shareWithoutPmEvidence));

/** The model's score, held inside the mixed band when the item's text has no product-manager word. */
export function heldScore(z: number, pmEvidence: boolean): number {
  return pmEvidence ? z : Math.min(z, CEILING);
}

/** The share the model's score gives (heldScore); `siteShift` is the site's calibration from people. */
export function shareOf(z: number, pmEvidence: boolean, siteShift = 0): number {
  return sigmoid(heldScore(z, pmEvidence) + siteShift);
}
