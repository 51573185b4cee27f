import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { classify, learnAdaptation, measureAdaptation, signalsOf, ADAPTATION_LIMITS, type Kind, type LabeledOverride, type WorkItem } from '../../src/domain';
import { makeWorkItem } from '../factories/work-item';

const asOverride = (item: WorkItem, human: Kind): LabeledOverride => {
  const auto = classify(item);
  return { key: item.key, item, automatic: auto.kind, human, signals: signalsOf(auto.evidence), automaticShare: auto.strategicShare };
};

describe('learnAdaptation', () => {
  it.each([
    ['human says strategic: PO signals down, PM signals up', 'tactical', 'strategic', { PM: 1.05, PO: 0.95 }],
    ['human says tactical: PM signals down, PO signals up', 'strategic', 'tactical', { PM: 0.95, PO: 1.05 }],
    ['human says mixed about a strategic result: PM signals down', 'strategic', 'mixed', { PM: 0.95, PO: undefined }],
    ['a confirmation changes nothing', 'tactical', 'tactical', { PM: undefined, PO: undefined }],
  ] as const)('%s', (_n, automatic, human, expected) => {
    const a = learnAdaptation([{ automatic, human, signals: [{ signal: 'roadmap', side: 'PM' }, { signal: 'backlog', side: 'PO' }] }]);
    expect(a.signals.roadmap?.factor).toBe(expected.PM);
    expect(a.signals.backlog?.factor).toBe(expected.PO);
  });

  it('is bounded, however many overrides agree', () => {
    const many = Array.from({ length: 200 }, () => ({ automatic: 'strategic' as const, human: 'tactical' as const, signals: [{ signal: 'roadmap', side: 'PM' as const }, { signal: 'backlog', side: 'PO' as const }] }));
    const a = learnAdaptation(many);
    expect(a.signals.roadmap).toEqual({ factor: ADAPTATION_LIMITS.min, overrides: 200 });
    expect(a.signals.backlog).toEqual({ factor: ADAPTATION_LIMITS.max, overrides: 200 });
  });

  it('never learns from the issue type or the hierarchy', () => {
    const a = learnAdaptation([{ automatic: 'strategic', human: 'tactical', signals: [{ signal: 'type-prior', side: 'PM' }, { signal: 'parent-epic', side: 'PM' }] }]);
    expect(a.signals).toEqual({});
  });
});

describe('overrides change similar items, not unrelated ones, and a reset restores the original', () => {
  // This team decides that keeping the public roadmap page current is tactical delivery work.
  const similar = (i: number) => makeWorkItem({ key: `T-${i}`, type: 'Task', summary: `Publish the product roadmap and pricing page, edition ${i}`, description: 'Share the roadmap with our customers and partners.' });
  const unrelated = [
    makeWorkItem({ key: 'U-1', type: 'Initiative', summary: 'Enter the mid-market segment', description: 'Market research and pricing strategy for next year; grow revenue by 20%.' }),
    makeWorkItem({ key: 'U-2', type: 'Bug', summary: 'Crash on save', description: 'Steps to reproduce: save. Expected result: saved.' }),
    makeWorkItem({ key: 'U-3', type: 'Story', summary: 'As a buyer I want to filter by size', description: 'Acceptance criteria: only M items.' }),
  ];

  it('a sequence of overrides measurably moves later classifications of similar items', () => {
    const before = classify(similar(99));
    expect(before.kind).not.toBe('tactical');
    const overrides = Array.from({ length: 12 }, (_, i) => asOverride(similar(i), 'tactical'));
    const adaptation = learnAdaptation(overrides);
    const after = classify(similar(99), undefined, { adaptation });
    expect(after.strategicShare).toBeLessThan(before.strategicShare);
    expect(after.evidence.some((e) => (e.learnedFrom ?? 0) > 0)).toBe(true);
  });

  it('one override does not flip unrelated items', () => {
    const adaptation = learnAdaptation([asOverride(similar(1), 'tactical')]);
    for (const u of unrelated) expect(classify(u, undefined, { adaptation }).kind).toBe(classify(u).kind);
  });

  it('dropping the adaptation restores the original behaviour exactly', () => {
    expect(classify(similar(99), undefined, { adaptation: { signals: {} } })).toEqual(classify(similar(99)));
  });
});

describe('measured on held-out overrides', () => {
  it('improves agreement with the humans on the held-out part of the dev set, used as overrides', () => {
    const rows = readFileSync(resolve(__dirname, '../../../shared/data/dev-set.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as WorkItem & { gold?: Kind });
    const overrides = rows.filter((r) => r.gold).map((r) => asOverride(r, r.gold!));
    const m = measureAdaptation(overrides);
    expect(m.heldOut).toBeGreaterThan(40);
    expect(m.agreementAfter!).toBeGreaterThanOrEqual(m.agreementBefore!);
  });
});
