/**
 * The classifier: reads a work item into the model's named inputs (model-inputs.ts), scores them with
 * the fitted model (classification-model.json) into a strategic share, a kind and a confidence, and
 * explains the score: each input's signed contribution is shared among the signals behind it, so every
 * piece of evidence carries the part of the decision it made. Pure and deterministic.
 */
import { SCORING, SIGNALS, type Signal } from './catalogue';
import { hashText } from './fingerprint';
import { kindFromShare, rollUpChildren } from './balance';
import { sigmoid } from './logistic';
import { checkModel, contributions, scoreOf, type ClassificationModel } from './model';
import MODEL_FILE from './classification-model.json';
import { INPUT_RULES, INPUTS, inputOf, readItem, type InputName, type ItemReading } from './model-inputs';
import { WORD_SENSE_RULES } from './word-sense';
import { normaliseText } from './normalise-text';
import type { Adaptation, Classification, Evidence, HierarchyContext, SeedId, WorkItem } from './types';

export const MODEL: ClassificationModel = checkModel(MODEL_FILE as ClassificationModel);
const MAX_EVIDENCE = 6;
const SEED_OF = Object.fromEntries(INPUTS.map((i) => [i.name, i.seed])) as Record<InputName, SeedId>;

function describeRules(): string {
  const sig = (s: Signal) =>
    [s.id, s.side, s.seed, s.weight, s.phrases?.join('|') ?? '', s.regex?.source ?? ''].join('~');
  return JSON.stringify([SIGNALS.map(sig), SCORING, MODEL, INPUT_RULES, WORD_SENSE_RULES]);
}

/**
 * Changes whenever a rule, a word-sense list, an input, a weight of the model or a threshold changes; stored
 * results carry it.
 */
export const RULES_VERSION = `r2-${hashText(describeRules()).slice(0, 12)}`;

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
const sideOf = (weight: number) => (weight >= 0 ? 'PM' : 'PO');

/** One evidence item per signal, each carrying its share of its input's contribution. */
function signalEvidence(
  reading: ItemReading,
  contribution: Record<InputName, number>,
  adaptation?: Adaptation,
): Evidence[] {
  const bySignal = new Map<string, Evidence>();
  for (const a of reading.amounts) {
    const input = inputOf(a.signal, a.place);
    const weight = contribution[input] * (a.amount / (reading.mass[input] ?? a.amount));
    const prev = bySignal.get(a.signal.id);
    if (prev) {
      prev.weight += weight;
      continue;
    }
    const ev: Evidence = {
      side: a.signal.side,
      signal: a.signal.id,
      text: a.hit.excerpt,
      seed: a.signal.seed,
      weight,
      meaning: a.signal.meaning,
      highlight: a.hit.highlight,
    };
    const learned = adaptation?.signals[a.signal.id];
    if (learned) ev.learnedFrom = learned.overrides;
    bySignal.set(a.signal.id, ev);
  }
  return [...bySignal.values()];
}

function contextEvidence(
  item: WorkItem,
  reading: ItemReading,
  c: Record<InputName, number>,
  context?: HierarchyContext,
): Evidence[] {
  const out: Evidence[] = [];
  const typeInput = INPUTS.find((i) => i.name.startsWith('type-') && reading.values[i.name] === 1);
  if (typeInput) {
    out.push({
      side: sideOf(c[typeInput.name]),
      signal: 'type-prior',
      text: `Issue type: ${item.type}`.slice(0, 160),
      seed: typeInput.seed,
      weight: c[typeInput.name],
      meaning: typeInput.meaning,
    });
  }
  const parent = context?.parent;
  const parentWeight = c['parent-lean'] + c['parent-lean-thin'];
  if (parent) {
    out.push({
      side: sideOf(parentWeight),
      signal: 'parent-epic',
      text: `Leans on its parent ${parent.key} (${parent.kind})`.slice(0, 160),
      seed: SEED_OF['parent-lean'],
      weight: parentWeight,
      meaning: "Its parent's tag, more so when it says little itself",
    });
  }
  const shapeWeight = c.length + c['list-share'] + c['summary-only'] + c['has-parent'];
  const list = Math.round(reading.values['list-share'] * 100);
  const shape = reading.values['summary-only']
    ? 'Summary only, no description'
    : `A description ${list > 0 ? `${list}% of it a list` : 'in prose'}`;
  out.push({
    side: sideOf(shapeWeight),
    signal: 'document-shape',
    text: shape,
    seed: SEED_OF['list-share'],
    weight: shapeWeight,
    meaning: 'How the item is written: its length, lists, a summary alone',
  });
  return out;
}

/** A quote is shown once: same-side signals that matched the same words fold into the strongest. */
function foldRepeatedQuotes(evidence: Evidence[]): Evidence[] {
  const out: Evidence[] = [];
  for (const ev of evidence) {
    const same = out.find((o) => o.text === ev.text && o.side === ev.side && ev.highlight);
    if (!same) { out.push(ev); continue; }
    same.weight += ev.weight;
    same.alsoSignals = [...(same.alsoSignals ?? []), ev.signal];
  }
  return out;
}

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
  let share = sigmoid(scoreOf(MODEL, reading.values) + (shift?.logit ?? 0));
  const evidence = [
    ...signalEvidence(reading, c, options?.adaptation),
    ...contextEvidence(item, reading, c, context),
  ];
  if (shift) {
    evidence.push({
      side: sideOf(shift.logit),
      signal: 'site-calibration',
      seed: '000',
      weight: shift.logit,
      text: `Calibrated to this site from ${shift.reviews} reviews by people`,
      meaning: 'How people on this site tag similar work',
    });
  }
  const children = context?.children ?? [];
  if (children.length > 0) {
    const rolled = rollUpChildren(children);
    share = (1 - SCORING.childrenBlend) * share + SCORING.childrenBlend * rolled.strategicShare;
    evidence.push({
      side: rolled.strategicShare >= 0.5 ? 'PM' : 'PO',
      signal: 'children-rollup',
      seed: '000',
      text: `Rolled up from ${children.length} child issues (${rolled.kind})`.slice(0, 160),
      weight: round((rolled.strategicShare - 0.5) * 2),
      meaning: 'The tags of its child issues',
    });
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
    rulesVersion: RULES_VERSION,
  };
}
