/**
 * Learning from human overrides, per site. Each override that contradicts the automatic result
 * nudges the weights of the signals behind it: signals on the side the human rejected go down,
 * signals on the side the human chose go up — once the overrides clearly agree on the way (a sign test:
 * the net steps at least two standard deviations of their count), so one override alone moves nothing.
 * Learning is a sum of steps, so an override can be added, changed or taken back on its own. Bounded
 * (each net step ±5 %, factors within [0.5, 2]),
 * explainable (evidence says "learned from N overrides"), reversible (drop the adaptation) and
 * measured on a held-out part of the overrides.
 */
import { classify } from './classifier';
import { CONTEXT_SIGNALS } from './evidence';
import { hashText } from './fingerprint';
import { calibrationFrom, calibrationKey, isCalibrationKey } from './site-calibration';
import type { Adaptation, Kind, Side, WorkItem } from './types';

export const ADAPTATION_LIMITS = { step: 0.05, min: 0.5, max: 2 } as const;

export interface OverrideExample {
  automatic: Kind;
  human: Kind;
  /** The signals the automatic result rested on. */
  signals: Array<{ signal: string; side: Side }>;
  /** The automatic strategic share: with it, the review also calibrates the site (site-calibration.ts). */
  automaticShare?: number;
}

/** The side the human moved toward, or null when they confirmed the automatic result. */
function towards(automatic: Kind, human: Kind): Side | 'neither' | null {
  if (automatic === human) return null;
  if (human === 'strategic') return 'PM';
  if (human === 'tactical') return 'PO';
  return 'neither'; // mixed: weaken whichever side dominated
}

/** Evidence that is not a catalogue signal, which overrides do not move. */
const NOT_LEARNED = new Set<string>(CONTEXT_SIGNALS);

/** The signals a result rests on: each evidence item's own and those folded into its quote. */
export function signalsOf(
  evidence: ReadonlyArray<{ signal: string; side: Side; alsoSignals?: string[] }>,
): Array<{ signal: string; side: Side }> {
  return evidence.flatMap((e) => [
    { signal: e.signal, side: e.side },
    ...(e.alsoSignals ?? []).map((signal) => ({ signal, side: e.side })),
  ]);
}

/** Net nudges per signal: up and down steps, and how many overrides moved it. */
export type LearningSteps = Record<string, { up: number; down: number; overrides: number }>;

/** The steps one override teaches: each signal it rests on moves up or down one step. */
export function stepsOf(ex: OverrideExample): LearningSteps {
  const to = towards(ex.automatic, ex.human);
  const steps: LearningSteps = {};
  if (ex.automaticShare !== undefined)
    steps[calibrationKey(ex.automaticShare, ex.human)] = { up: 0, down: 0, overrides: 1 };
  if (to === null) return steps;
  const dominant: Side = ex.automatic === 'strategic' ? 'PM' : 'PO';
  for (const { signal, side } of ex.signals) {
    if (steps[signal] || NOT_LEARNED.has(signal)) continue;
    const up = to === 'neither' ? false : side === to;
    const down = to === 'neither' ? side === dominant : side !== to;
    if (up || down) steps[signal] = { up: up ? 1 : 0, down: down ? 1 : 0, overrides: 1 };
  }
  return steps;
}

/**
 * Adds (sign 1) or takes back (sign −1) one override's steps: learning is a sum, so it can follow edits one
 * by one.
 */
export function addSteps(total: LearningSteps, steps: LearningSteps, sign: 1 | -1): LearningSteps {
  const out: LearningSteps = { ...total };
  for (const [signal, s] of Object.entries(steps)) {
    const cur = out[signal] ?? { up: 0, down: 0, overrides: 0 };
    const next = {
      up: cur.up + sign * s.up,
      down: cur.down + sign * s.down,
      overrides: cur.overrides + sign * s.overrides,
    };
    if (next.overrides <= 0) delete out[signal];
    else out[signal] = next;
  }
  return out;
}

/**
 * The weights the steps give: each clear net step ±5 %, the factor kept within [0.5, 2]; signals not yet
 * clear are left out.
 */
export function adaptationFrom(steps: LearningSteps): Adaptation {
  const signals: Adaptation['signals'] = {};
  const calibration: Array<[string, number]> = [];
  for (const [signal, s] of Object.entries(steps)) {
    if (isCalibrationKey(signal)) { calibration.push([signal, s.overrides]); continue; }
    // A sign test, as for the site's shift: a signal moves only when its people's overrides clearly agree on
    // which way (ups and downs that cancel out, or a handful of them, are not yet a lesson).
    const net = s.up - s.down;
    if (net === 0 || Math.abs(net) < 2 * Math.sqrt(s.up + s.down)) continue;
    const factor = (net > 0 ? 1 + ADAPTATION_LIMITS.step : 1 - ADAPTATION_LIMITS.step) ** Math.abs(net);
    signals[signal] = {
      factor:
        Math.round(Math.min(ADAPTATION_LIMITS.max, Math.max(ADAPTATION_LIMITS.min, factor)) * 1000) / 1000,
      overrides: s.overrides,
    };
  }
  const shift = calibrationFrom(calibration);
  return shift && shift.logit !== 0 ? { signals, shift } : { signals };
}

export function learnAdaptation(examples: OverrideExample[]): Adaptation {
  return adaptationFrom(examples.reduce<LearningSteps>((total, ex) => addSteps(total, stepsOf(ex), 1), {}));
}

export interface LabeledOverride extends OverrideExample { key: string; item: WorkItem; site?: string }

/** Parts each site's reviews are split into when learning is measured: each part is held out once. */
const MEASURE_PARTS = 5;

/**
 * Learning measured as the app learns: per site. Each site's reviews are split by a hash of the key into
 * MEASURE_PARTS parts; for each part, the site learns from the other parts and agreement on that part is
 * compared before and after. Every review is held out once; the figures are pooled over parts and sites
 * (`trained` counts the reviews learned from, summed over parts). A review without `site` belongs to one
 * site (the app's own, on Jira).
 */
export function measureAdaptation(overrides: LabeledOverride[]): {
  trained: number;
  heldOut: number;
  agreementBefore: number | null;
  agreementAfter: number | null;
} {
  const partOf = (key: string) => parseInt(hashText(key).slice(0, 8), 16) % MEASURE_PARTS;
  const sites = new Map<string, LabeledOverride[]>();
  for (const o of overrides) {
    const site = sites.get(o.site ?? '');
    if (site) site.push(o);
    else sites.set(o.site ?? '', [o]);
  }
  let trained = 0;
  let heldOut = 0;
  let before = 0;
  let after = 0;
  for (const reviews of sites.values()) {
    for (let part = 0; part < MEASURE_PARTS; part++) {
      const train = reviews.filter((o) => partOf(o.key) !== part);
      const test = reviews.filter((o) => partOf(o.key) === part);
      const adaptation = learnAdaptation(train);
      const agree = (a?: Adaptation) =>
        test.filter((o) => classify(o.item, undefined, a ? { adaptation: a } : undefined).kind === o.human)
          .length;
      trained += train.length;
      heldOut += test.length;
      before += agree();
      after += agree(adaptation);
    }
  }
  if (heldOut === 0) return { trained, heldOut: 0, agreementBefore: null, agreementAfter: null };
  const rate = (n: number) => Math.round((n / heldOut) * 1000) / 1000;
  return { trained, heldOut, agreementBefore: rate(before), agreementAfter: rate(after) };
}
