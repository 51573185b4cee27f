/**
 * Per-site learning from overrides: every override is kept in app storage (src/storage/app-storage.ts);
 * what they teach is a sum of steps per signal (src/storage/learning-store.ts), applied to every later
 * classification. Each override, change or clearing adds or takes back its own steps. An admin can
 * reset learning: it then starts again from overrides made after.
 */
import {
  addSteps,
  adaptationFrom,
  measureAdaptation,
  stepsOf,
  tagVersion,
  type Adaptation,
  type LabeledOverride,
} from '../domain';
import type { OverrideEntry } from '../storage/app-storage';
import { listOverrideEntries, readLearning, updateLearning, type Learning } from '../storage/learning-store';

export { listOverrideEntries };

export interface AdaptationRecord {
  signals: Adaptation['signals'];
  shift: Adaptation['shift'] | null;
  learnedFrom: number;
  learnedAt: string;
}

export async function readAdaptation(): Promise<Adaptation | undefined> {
  const learning = await readLearning();
  return Object.keys(learning.steps).length > 0 ? adaptationFrom(learning.steps) : undefined;
}

/** The version a tag made now carries: the rules and the site's current lessons (tagVersion). */
export async function currentTagVersion(): Promise<string> {
  return tagVersion(await readAdaptation());
}

export async function readAdaptationRecord(): Promise<AdaptationRecord | null> {
  const learning = await readLearning();
  if (!learning.learnedAt) return null;
  const adaptation = adaptationFrom(learning.steps);
  return {
    signals: adaptation.signals,
    shift: adaptation.shift ?? null,
    learnedFrom: learning.learnedFrom,
    learnedAt: learning.learnedAt,
  };
}

const teaches = (e: OverrideEntry | null, learning: Learning): e is OverrideEntry =>
  !!e && e.override.at > learning.resetAt;
const example = (e: OverrideEntry) => ({
  automatic: e.automatic.kind,
  human: e.override.kind,
  signals: e.signals,
  automaticShare: e.automatic.share,
});

/**
 * An issue's override went from `before` to `after` (either null): learning follows, one issue's steps at a
 * time.
 */
export async function learnFromOverride(
  before: OverrideEntry | null,
  after: OverrideEntry | null,
  now = new Date(),
): Promise<void> {
  await updateLearning((current) => {
    let steps = current.steps;
    let learnedFrom = current.learnedFrom;
    if (teaches(before, current)) {
      steps = addSteps(steps, stepsOf(example(before)), -1);
      learnedFrom--;
    }
    if (teaches(after, current)) {
      steps = addSteps(steps, stepsOf(example(after)), 1);
      learnedFrom++;
    }
    return { ...current, steps, learnedFrom: Math.max(0, learnedFrom), learnedAt: now.toISOString() };
  });
}

/** Admin reset: the classifier returns to its original weights; older overrides stop teaching. */
export async function resetAdaptation(now = new Date()): Promise<void> {
  await updateLearning(() => ({ steps: {}, learnedFrom: 0, learnedAt: '', resetAt: now.toISOString() }));
}

const toLabeled = (e: OverrideEntry): LabeledOverride => ({
  key: e.issueKey,
  automatic: e.automatic.kind,
  human: e.override.kind,
  signals: e.signals,
  automaticShare: e.automatic.share,
  item: {
    key: e.issueKey,
    type: e.item?.type ?? 'Task',
    summary: e.item?.summary ?? '',
    labels: e.item?.labels ?? [],
  },
});

/**
 * Whether learning helps, checked on the overrides that teach (those since the last reset), each kept aside
 * in turn (measureAdaptation). `entries` are all stored overrides, already read by the caller.
 */
export async function measureLearning(entries: OverrideEntry[]) {
  const learning = await readLearning();
  return measureAdaptation(entries.filter((e) => e.item && teaches(e, learning)).map(toLabeled));
}
