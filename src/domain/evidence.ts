/**
 * The evidence behind a result, each item with the part of the score it made (log-odds, positive =
 * strategic): the catalogue signals that matched (an input's contribution shared among its signals), the
 * issue type, the parent, the document's shape, and the holds and shifts applied after the model.
 */
import type { rollUpChildren } from './balance';
import { INPUTS, inputOf, type InputName, type ItemReading } from './model-inputs';
import type { Adaptation, Evidence, HierarchyContext, SeedId, WorkItem } from './types';

/** Evidence that is not a catalogue signal: the model's other inputs and what is applied after the model. */
export const CONTEXT_SIGNALS = [
  'type-prior', 'parent-epic', 'children-rollup', 'document-shape', 'site-calibration', 'no-direction',
] as const;

const SEED_OF = Object.fromEntries(INPUTS.map((i) => [i.name, i.seed])) as Record<InputName, SeedId>;
const round = (x: number) => Math.round(x * 1000) / 1000;
const sideOf = (weight: number) => (weight >= 0 ? 'PM' : 'PO');

/** One evidence item per signal, each carrying its share of its input's contribution. */
export function signalEvidence(
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

export function contextEvidence(
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
export function foldRepeatedQuotes(evidence: Evidence[]): Evidence[] {
  const out: Evidence[] = [];
  for (const ev of evidence) {
    const same = out.find((o) => o.text === ev.text && o.side === ev.side && ev.highlight);
    if (!same) { out.push(ev); continue; }
    same.weight += ev.weight;
    same.alsoSignals = [...(same.alsoSignals ?? []), ev.signal];
  }
  return out;
}

/** The score held inside the mixed band: no product-manager word in the text (shareWithoutPmEvidence). */
export const noDirectionEvidence = (held: number): Evidence => ({
  side: 'PO',
  signal: 'no-direction',
  seed: '000',
  weight: held,
  text: 'No product-manager words in its text: its type and place alone do not make it strategic',
  meaning: 'Issue type is a hint, never the answer',
});

export const calibrationEvidence = (shift: NonNullable<Adaptation['shift']>): Evidence => ({
  side: sideOf(shift.logit),
  signal: 'site-calibration',
  seed: '000',
  weight: shift.logit,
  text: `Calibrated to this site from ${shift.reviews} reviews by people`,
  meaning: 'How people on this site tag similar work',
});

export const childrenEvidence = (count: number, rolled: ReturnType<typeof rollUpChildren>): Evidence => ({
  side: rolled.strategicShare >= 0.5 ? 'PM' : 'PO',
  signal: 'children-rollup',
  seed: '000',
  text: `Rolled up from ${count} child issues (${rolled.kind})`.slice(0, 160),
  weight: round((rolled.strategicShare - 0.5) * 2),
  meaning: 'The tags of its child issues',
});
