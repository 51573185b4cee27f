/**
 * The named, explainable inputs of the classification model: how much evidence each side has in the
 * summary and in the description (diminishing and length-aware), the issue-type group, the place in
 * the hierarchy and the document's shape. Each input cites the seed its distinction comes from.
 */
import { SCORING, SIGNALS, type Signal } from './catalogue';
import { normaliseText } from './normalise-text';
import { buildPhraseIndex, matchPhrases, matchRegexes, type SignalHit } from './signal-matcher';
import { tokenize } from './tokenize';
import type { Adaptation, HierarchyContext, SeedId, WorkItem } from './types';

const TEXT_INDEX = buildPhraseIndex(SIGNALS);

export const INPUTS = [
  { name: 'pm-summary', seed: '000', meaning: 'Product-manager words in the summary' },
  { name: 'po-summary', seed: '000', meaning: 'Product-owner words in the summary' },
  { name: 'pm-description', seed: '000',
    meaning: 'Direction in the description: vision, roadmap, outcomes, for its length' },
  { name: 'pm-market', seed: '003',
    meaning: 'The market in the description: competitors, revenue, pricing, launch, for its length' },
  { name: 'pm-users', seed: '001',
    meaning: 'Who the product serves and what they need, in the description, for its length' },
  { name: 'pm-argument', seed: '002',
    meaning: 'Argued direction in the description: goals and why, for its length' },
  { name: 'po-description', seed: '003', meaning: 'Product-owner work in the description, for its length' },
  { name: 'po-engineering', seed: '003', meaning: 'Engineering subjects in the description, for its length' },
  { name: 'type-bug', seed: '003', meaning: 'Issue type Bug: fixing what shipped' },
  { name: 'type-subtask', seed: '001', meaning: 'A sub-task: a piece of a larger item' },
  { name: 'type-story', seed: '000', meaning: 'Issue type Story: user stories are the product owner\'s' },
  { name: 'type-task', seed: '003', meaning: 'Issue type Task or Technical task' },
  { name: 'type-feature', seed: '001', meaning: 'Issue type New Feature or Improvement' },
  { name: 'type-epic', seed: '000',
    meaning: 'Issue type Epic: a body of work the product owner breaks down' },
  { name: 'type-planning', seed: '000', meaning: 'A planning item: objective, goal or roadmap item' },
  { name: 'type-initiative', seed: '000',
    meaning: 'An initiative: the plan level above epics (epics are the PO\'s)' },
  { name: 'has-parent', seed: '001', meaning: 'Sits under a parent item' },
  { name: 'parent-lean', seed: '001', meaning: 'Its parent\'s tag' },
  { name: 'parent-lean-thin', seed: '001',
    meaning: 'Its parent\'s tag, for an item with little text of its own' },
  { name: 'length', seed: '002', meaning: 'Length of the description' },
  { name: 'list-share', seed: '001', meaning: 'Share of the description written as a list' },
  { name: 'summary-only', seed: '000', meaning: 'No description beyond the summary' },
] as const satisfies ReadonlyArray<{ name: string; seed: SeedId; meaning: string }>;

export type InputName = (typeof INPUTS)[number]['name'];
export type InputValues = Record<InputName, number>;

const TYPE_GROUPS: Record<string, InputName> = {
  bug: 'type-bug', defect: 'type-bug', 'sub-task': 'type-subtask', subtask: 'type-subtask',
  story: 'type-story', 'user story': 'type-story', task: 'type-task', 'technical task': 'type-task',
  'new feature': 'type-feature', feature: 'type-feature', improvement: 'type-feature', epic: 'type-epic',
  initiative: 'type-initiative', objective: 'type-planning', goal: 'type-planning',
  roadmapitem: 'type-planning', 'roadmap item': 'type-planning', theme: 'type-planning',
};

/** One signal's evidence in one place of the item. */
export interface SignalAmount {
  signal: Signal; place: 'summary' | 'description'; amount: number; hit: SignalHit;
}

export interface ItemReading {
  values: InputValues;
  amounts: SignalAmount[];
  /** Evidence mass per input, so an input's contribution can be shared among its signals. */
  mass: Partial<Record<InputName, number>>;
  /** All of the item's own evidence mass (both sides, both places). */
  ownMass: number;
}

/** The reading with its parent's strategic share as input (null: no parent result known). */
export function withParentShare(reading: ItemReading, parentShare: number | null): ItemReading {
  const values = { ...reading.values, 'parent-lean': 0, 'parent-lean-thin': 0 };
  if (parentShare !== null) {
    values['has-parent'] = 1;
    values['parent-lean'] = (parentShare - 0.5) * 2;
    values['parent-lean-thin'] = values['parent-lean'] / (1 + reading.ownMass / 2);
  }
  return { ...reading, values };
}

function decayed(matches: number): number {
  let total = 0;
  for (let k = 0; k < matches; k++) total += SCORING.repeatDecay ** k;
  return total;
}

/** The signals found in a text, and how many words it has (one tokenising pass for both). */
function findHits(text: string, prose: boolean): { hits: Map<number, SignalHit>; words: number } {
  const hits = new Map<number, SignalHit>();
  if (!text) return { hits, words: 0 };
  const cut = text.length > SCORING.maxAnalysedChars ? text.slice(0, SCORING.maxAnalysedChars) : text;
  const tokens = tokenize(cut);
  matchPhrases(TEXT_INDEX, cut, tokens, hits, prose);
  matchRegexes(TEXT_INDEX, cut, tokens, hits, prose);
  return { hits, words: tokens.length };
}

/** Signals that argue direction rather than name a product-manager subject. */
const ARGUMENT = new Set(['direction-argument', 'why-argument']);
const MARKET = new Set([
  'market', 'business-goals', 'pricing-budget', 'go-to-market', 'lifecycle', 'platform-lifecycle',
  'stakeholders',
]);
const USERS = new Set(['discovery', 'audience']);
/** Signals that name engineering subjects rather than product-owner work. */
const ENGINEERING = new Set(['engineering-topic', 'engineering-chore']);

/** Everything the inputs are made of, for RULES_VERSION. */
export const INPUT_RULES = JSON.stringify([
  INPUTS, TYPE_GROUPS, [...ARGUMENT], [...MARKET], [...USERS], [...ENGINEERING],
]);

export function inputOf(signal: Signal, place: SignalAmount['place']): InputName {
  if (place === 'summary') return signal.side === 'PM' ? 'pm-summary' : 'po-summary';
  if (signal.side === 'PM') {
    if (ARGUMENT.has(signal.id)) return 'pm-argument';
    return MARKET.has(signal.id) ? 'pm-market' : USERS.has(signal.id) ? 'pm-users' : 'pm-description';
  }
  return ENGINEERING.has(signal.id) ? 'po-engineering' : 'po-description';
}

/** Whether the item's own text has any product-manager evidence (the strategic kind needs some). */
export const hasPmEvidence = (reading: ItemReading): boolean =>
  reading.amounts.some((a) => a.signal.side === 'PM' && a.amount > 0);

/** A learned factor as the classifier applies it: one lesson at most quadruples or quarters a signal. */
export const appliedFactor = (factor: number): number => Math.min(4, Math.max(0.25, factor));

/** Reads an item into the model's inputs; the context's parent result, when known, is one of them. */
export function readItem(item: WorkItem, context?: HierarchyContext, adaptation?: Adaptation): ItemReading {
  const description = normaliseText(item.description);
  const amounts: SignalAmount[] = [];
  const mass: Partial<Record<InputName, number>> = {};
  const collect = (hits: Map<number, SignalHit>, place: SignalAmount['place']) => {
    for (const hit of hits.values()) {
      const learned = adaptation?.signals[hit.signal.id];
      const factor = learned ? appliedFactor(learned.factor) : 1;
      const amount = hit.signal.weight * decayed(hit.matches) * factor;
      amounts.push({ signal: hit.signal, place, amount, hit });
      const input = inputOf(hit.signal, place);
      mass[input] = (mass[input] ?? 0) + amount;
    }
  };
  collect(findHits(item.summary ?? '', false).hits, 'summary');
  const found = findHits(description, true);
  collect(found.hits, 'description');
  const words = found.words;

  const lengthScale = Math.sqrt(1 + words / 200);
  const values = Object.fromEntries(INPUTS.map((i) => [i.name, 0])) as InputValues;
  values['pm-summary'] = Math.log1p(mass['pm-summary'] ?? 0);
  values['po-summary'] = Math.log1p(mass['po-summary'] ?? 0);
  values['pm-description'] = Math.log1p((mass['pm-description'] ?? 0) / lengthScale);
  values['po-description'] = Math.log1p((mass['po-description'] ?? 0) / lengthScale);
  values['pm-argument'] = Math.log1p((mass['pm-argument'] ?? 0) / lengthScale);
  values['pm-market'] = Math.log1p((mass['pm-market'] ?? 0) / lengthScale);
  values['pm-users'] = Math.log1p((mass['pm-users'] ?? 0) / lengthScale);
  values['po-engineering'] = Math.log1p((mass['po-engineering'] ?? 0) / lengthScale);
  const group = TYPE_GROUPS[(item.type ?? '').trim().toLowerCase()];
  if (group) values[group] = 1;

  if (item.parent) values['has-parent'] = 1;
  const lines = description.split('\n').filter((l) => l.trim() !== '');
  values.length = Math.log10(1 + words) / 3;
  const listLines = lines.filter((l) => /^\s*([-*•#]|\d+[.)])\s/.test(l)).length;
  values['list-share'] = lines.length ? listLines / lines.length : 0;
  values['summary-only'] = words < 5 ? 1 : 0;
  const ownMass = Object.values(mass).reduce((sum, m) => sum + (m ?? 0), 0);
  return withParentShare({ values, amounts, mass, ownMass }, context?.parent?.strategicShare ?? null);
}
