/**
 * The classifier: reads a work item into the model's named inputs (model-inputs.ts), scores them with
 * the fitted model (classification-model.json) into a strategic share, a kind and a confidence, and
 * explains the score: each input's signed contribution is shared among the signals behind it, so every
 * piece of evidence carries the part of the decision it made. Pure and deterministic.
 */
import { SCORING, SIGNALS, type Signal } from './catalogue';
import { hashText } from './fingerprint';
import { kindFromShare, rollUpChildren } from './balance';
import { checkModel, contributions, heldScore, scoreOf, shareOf, type ClassificationModel } from './model';
import MODEL_FILE from './classification-model.json';
import { appliedFactor, hasPmEvidence, INPUT_RULES, readItem } from './model-inputs';
import {
  calibrationEvidence, childrenEvidence, contextEvidence, foldRepeatedQuotes, noDirectionEvidence,
  signalEvidence,
} from './evidence';
import { ENGINEERING_SENSE_RULES } from './engineering-sense';
import { PHRASE_MATCH_RULES } from './signal-matcher';
import { STEM_RULES } from './tokenize';
import { WORD_SENSE_RULES } from './word-sense';
import { normaliseText } from './normalise-text';
import type { Adaptation, Classification, Evidence, HierarchyContext, WorkItem } from './types';

export const MODEL: ClassificationModel = checkModel(MODEL_FILE as ClassificationModel);
const MAX_EVIDENCE = 6;

function describeRules(): string {
  const sig = (s: Signal) =>
    [s.id, s.side, s.seed, s.weight, s.phrases?.join('|') ?? '', s.regex?.source ?? ''].join('~');
  const senses = [WORD_SENSE_RULES, ENGINEERING_SENSE_RULES, PHRASE_MATCH_RULES, STEM_RULES];
  return JSON.stringify([SIGNALS.map(sig), SCORING, MODEL, INPUT_RULES, ...senses]);
}

/**
 * Changes whenever a rule, a word-sense list, the stemmer, an input, a weight of the model or a threshold
 * changes; stored results carry it.
 */
export const RULES_VERSION = `r2-${hashText(describeRules()).slice(0, 12)}`;

/**
 * The version of a tag: the rules, and — when a site's people have taught it something — what the
 * classifier learned that changes its results (a signal's factor, the site's shift). A tag made before a
 * lesson is then as stale as one made under older rules, and refreshed the same way. Counts of overrides
 * behind a lesson are left out: only what changes a result changes the version.
 */
export function tagVersion(adaptation?: Adaptation): string {
  const lessons = Object.entries(adaptation?.signals ?? {})
    .map(([id, s]) => [id, appliedFactor(s.factor)] as const)
    .filter(([, factor]) => factor !== 1)
    .map(([id, factor]) => `${id}=${factor}`)
    .sort();
  const shift = adaptation?.shift ? adaptation.shift.logit.toFixed(2) : '0.00';
  if (shift !== '0.00' && shift !== '-0.00') lessons.push(`shift=${shift}`);
  return lessons.length ? `${RULES_VERSION}.l${hashText(lessons.join(';')).slice(0, 8)}` : RULES_VERSION;
}

/** What the classifier reads, hashed: an unchanged fingerprint means nothing to redo. */
export function textFingerprint(item: WorkItem): string {
  const parts = [
    item.type,
    item.summary,
    normaliseText(item.description),
    (item.labels ?? []).join(','),
    (item.components ?? []).join(','),
    item.parent ?? '',
  ];
  return hashText(parts.join('\u241e'));
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function confidenceOf(share: number, mass: number): number {
  const margin = Math.abs(share - 0.5) * 2;
  const support = 1 - Math.exp(-mass / 2);
  const c = 0.2 + 0.75 * margin * support + 0.05 * support;
  return round(Math.min(0.99, Math.max(0.05, c)));
}

const byStrength = (a: Evidence, b: Evidence) =>
  Math.abs(b.weight) - Math.abs(a.weight) || a.signal.localeCompare(b.signal);

/** Classifies one work item, optionally with its hierarchy and the site's learned adaptation. */
export function classify(
  item: WorkItem,
  context?: HierarchyContext,
  options?: { adaptation?: Adaptation },
): Classification {
  const reading = readItem(item, context, options?.adaptation);
  const c = contributions(MODEL, reading.values);
  const shift = options?.adaptation?.shift;
  const z = scoreOf(MODEL, reading.values);
  const direction = hasPmEvidence(reading);
  let share = shareOf(z, direction, shift?.logit ?? 0);
  const evidence = [
    ...signalEvidence(reading, c, options?.adaptation),
    ...contextEvidence(item, reading, c, context),
  ];
  // Type, place and shape alone: the score is held inside the mixed band (SCORING.shareWithoutPmEvidence).
  const held = heldScore(z, direction) - z;
  if (held < 0) evidence.push(noDirectionEvidence(held));
  if (shift) evidence.push(calibrationEvidence(shift));
  const children = context?.children ?? [];
  if (children.length > 0) {
    const rolled = rollUpChildren(children);
    share = (1 - SCORING.childrenBlend) * share + SCORING.childrenBlend * rolled.strategicShare;
    evidence.push(childrenEvidence(children.length, rolled));
  }
  share = round(Math.min(1, Math.max(0, share)));
  const mass = evidence.reduce((s, e) => s + Math.abs(e.weight), 0);
  const shown = foldRepeatedQuotes(evidence.sort(byStrength))
    .map((e) => ({ ...e, weight: round(e.weight) }))
    .filter((e) => Math.abs(e.weight) >= 0.01)
    .sort(byStrength);
  return {
    kind: kindFromShare(share),
    strategicShare: share,
    confidence: confidenceOf(share, mass),
    evidence: shown.slice(0, MAX_EVIDENCE),
    rulesVersion: tagVersion(options?.adaptation),
  };
}
