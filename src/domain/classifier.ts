/**
 * The classifier: reads a work item, finds the catalogue's signals, and blends them into a
 * strategic share, a kind, a confidence and the evidence behind them. Pure and deterministic.
 */
import { LABEL_SIGNALS, SCORING, SIGNALS, TYPE_PRIORS, type Signal } from './catalogue';
import { hashText } from './fingerprint';
import { kindFromShare, rollUpChildren } from './balance';
import { normaliseText } from './normalise-text';
import { buildPhraseIndex, matchPhrases, matchRegexes, type SignalHit } from './signal-matcher';
import { tokenize } from './tokenize';
import type { Adaptation, Classification, Evidence, HierarchyContext, WorkItem } from './types';

const TEXT_INDEX = buildPhraseIndex(SIGNALS);
const LABEL_INDEX = buildPhraseIndex(LABEL_SIGNALS);
const MAX_EVIDENCE = 6;

function describeRules(): string {
  const sig = (s: Signal) => [s.id, s.side, s.seed, s.weight, s.phrases?.join('|') ?? '', s.regex?.source ?? ''].join('~');
  return JSON.stringify([SIGNALS.map(sig), LABEL_SIGNALS.map(sig), TYPE_PRIORS, SCORING]);
}

/** Changes whenever a rule, a weight or a threshold changes; stored results carry it. */
export const RULES_VERSION = `r1-${hashText(describeRules()).slice(0, 12)}`;

/** What the classifier reads, hashed: an unchanged fingerprint means nothing to redo. */
export function textFingerprint(item: WorkItem): string {
  const parts = [item.type, item.summary, normaliseText(item.description), (item.labels ?? []).join(','), (item.components ?? []).join(','), item.parent ?? ''];
  return hashText(parts.join('\u241e'));
}

function findHits(text: string): Map<number, SignalHit> {
  const hits = new Map<number, SignalHit>();
  if (!text) return hits;
  const cut = text.length > SCORING.maxAnalysedChars ? text.slice(0, SCORING.maxAnalysedChars) : text;
  matchPhrases(TEXT_INDEX, cut, tokenize(cut), hits);
  matchRegexes(TEXT_INDEX, cut, cut.toLowerCase(), hits);
  return hits;
}

function decayed(matches: number): number {
  let total = 0;
  for (let k = 0; k < matches; k++) total += SCORING.repeatDecay ** k;
  return total;
}

interface Scored { evidence: Evidence[]; pm: number; po: number }

function score(item: WorkItem, adaptation: Adaptation | undefined): Scored {
  const summaryHits = findHits(item.summary ?? '');
  const descriptionHits = findHits(normaliseText(item.description));
  const labelText = (item.labels ?? []).join(' ; ');
  const labelHits = new Map<number, SignalHit>();
  if (labelText) matchPhrases(LABEL_INDEX, labelText, tokenize(labelText), labelHits);

  const bySignal = new Map<string, Evidence>();
  const add = (signal: Signal, amount: number, excerpt: string) => {
    const learned = adaptation?.signals[signal.id];
    const factor = learned ? Math.min(4, Math.max(0.25, learned.factor)) : 1;
    const signed = (signal.side === 'PM' ? 1 : -1) * amount * signal.weight * factor;
    const prev = bySignal.get(signal.id);
    if (prev) { prev.weight += signed; return; }
    const ev: Evidence = { side: signal.side, signal: signal.id, text: excerpt, seed: signal.seed, weight: signed };
    if (learned) ev.learnedFrom = learned.overrides;
    bySignal.set(signal.id, ev);
  };
  for (const hit of summaryHits.values()) add(hit.signal, SCORING.summaryBoost * decayed(hit.matches), hit.excerpt);
  for (const hit of descriptionHits.values()) add(hit.signal, decayed(hit.matches), hit.excerpt);
  for (const hit of labelHits.values()) add(hit.signal, 1, `label: ${hit.excerpt}`);

  const prior = TYPE_PRIORS[(item.type ?? '').trim().toLowerCase()];
  if (prior) {
    bySignal.set(`type-${item.type.toLowerCase()}`, {
      side: prior.side, signal: `type-prior`, text: `Issue type: ${item.type}`.slice(0, 160), seed: prior.seed,
      weight: (prior.side === 'PM' ? 1 : -1) * prior.weight,
    });
  }
  let pm = 0;
  let po = 0;
  for (const ev of bySignal.values()) {
    ev.weight = Math.round(ev.weight * 1000) / 1000;
    if (ev.weight > 0) pm += ev.weight; else po -= ev.weight;
  }
  const evidence = [...bySignal.values()].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || a.signal.localeCompare(b.signal));
  return { evidence, pm, po };
}

function confidenceOf(share: number, mass: number): number {
  const margin = Math.abs(share - 0.5) * 2;
  const support = 1 - Math.exp(-mass / 4);
  const c = 0.2 + 0.75 * margin * support + 0.05 * support;
  return round(Math.min(0.99, Math.max(0.05, c)));
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Classifies one work item, optionally with its hierarchy and the site's learned adaptation. */
export function classify(item: WorkItem, context?: HierarchyContext, options?: { adaptation?: Adaptation }): Classification {
  const { evidence, pm, po } = score(item, options?.adaptation);
  let share = 1 / (1 + Math.exp(-(pm - po - SCORING.bias) / SCORING.temperature));
  const ownMass = evidence.filter((e) => e.signal !== 'type-prior').reduce((s, e) => s + Math.abs(e.weight), 0);

  const parent = context?.parent;
  if (parent && ownMass < SCORING.noSignalMass) {
    share = (1 - SCORING.parentLean) * share + SCORING.parentLean * parent.strategicShare;
    evidence.push({ side: parent.strategicShare >= 0.5 ? 'PM' : 'PO', signal: 'parent-epic', text: `Leans on its parent ${parent.key} (${parent.kind})`.slice(0, 160), seed: '000', weight: round((parent.strategicShare - 0.5) * 2) });
  }
  const children = context?.children ?? [];
  if (children.length > 0) {
    const rolled = rollUpChildren(children);
    share = (1 - SCORING.childrenBlend) * share + SCORING.childrenBlend * rolled.strategicShare;
    evidence.push({ side: rolled.strategicShare >= 0.5 ? 'PM' : 'PO', signal: 'children-rollup', text: `Rolled up from ${children.length} child issues (${rolled.kind})`.slice(0, 160), seed: '000', weight: round((rolled.strategicShare - 0.5) * 2) });
  }
  share = round(Math.min(1, Math.max(0, share)));
  evidence.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || a.signal.localeCompare(b.signal));
  return {
    kind: kindFromShare(share),
    strategicShare: share,
    confidence: confidenceOf(share, pm + po),
    evidence: evidence.slice(0, MAX_EVIDENCE),
    rulesVersion: RULES_VERSION,
  };
}
