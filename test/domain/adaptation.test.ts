import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  classify,
  learnAdaptation,
  measureAdaptation,
  signalsOf,
  ADAPTATION_LIMITS,
  type Kind,
  type LabeledOverride,
  type WorkItem,
} from '../../src/domain';
import { makeWorkItem } from '../factories/work-item';

const asOverride = (item: WorkItem, human: Kind): LabeledOverride => {
  const auto = classify(item);
  return {
    key: item.key,
    item,
    automatic: auto.kind,
    human,
    signals: signalsOf(auto.evidence),
    automaticShare: auto.strategicShare,
  };
};

describe('learnAdaptation', () => {
  const signals = [{ signal: 'roadmap', side: 'PM' as const }, { signal: 'backlog', side: 'PO' as const }];
  const times = (n: number, automatic: Kind, human: Kind) =>
    Array.from({ length: n }, () => ({ automatic, human, signals }));

  it.each([
    [
      'human says strategic: PO signals down, PM signals up',
      'tactical',
      'strategic',
      { PM: 1.216, PO: 0.815 },
    ],
    [
      'human says tactical: PM signals down, PO signals up',
      'strategic',
      'tactical',
      { PM: 0.815, PO: 1.216 },
    ],
    [
      'human says mixed about a strategic result: PM signals down',
      'strategic',
      'mixed',
      { PM: 0.815, PO: undefined },
    ],
    ['a confirmation changes nothing', 'tactical', 'tactical', { PM: undefined, PO: undefined }],
  ] as const)('%s (four overrides that agree: 5 %% a step)', (_n, automatic, human, expected) => {
    const a = learnAdaptation(times(4, automatic, human));
    expect(a.signals.roadmap?.factor).toBe(expected.PM);
    expect(a.signals.backlog?.factor).toBe(expected.PO);
  });

  it('one override alone, or overrides that cancel out, are not yet a lesson: no weight moves', () => {
    expect(learnAdaptation(times(1, 'strategic', 'tactical')).signals).toEqual({});
    const cancelling = [...times(5, 'strategic', 'tactical'), ...times(4, 'tactical', 'strategic')];
    expect(learnAdaptation(cancelling).signals).toEqual({});
  });

  it('is bounded, however many overrides agree', () => {
    const many = Array.from({ length: 200 }, () => ({
      automatic: 'strategic' as const,
      human: 'tactical' as const,
      signals: [
        { signal: 'roadmap', side: 'PM' as const },
        { signal: 'backlog', side: 'PO' as const },
      ],
    }));
    const a = learnAdaptation(many);
    expect(a.signals.roadmap).toEqual({ factor: ADAPTATION_LIMITS.min, overrides: 200 });
    expect(a.signals.backlog).toEqual({ factor: ADAPTATION_LIMITS.max, overrides: 200 });
  });

  it('never learns from the issue type or the hierarchy', () => {
    const a = learnAdaptation([
      {
        automatic: 'strategic',
        human: 'tactical',
        signals: [
          { signal: 'type-prior', side: 'PM' },
          { signal: 'parent-epic', side: 'PM' },
        ],
      },
    ]);
    expect(a.signals).toEqual({});
  });
});

describe('overrides change similar items, not unrelated ones, and a reset restores the original', () => {
  // This team decides that keeping the public roadmap page current is tactical delivery work.
  const similar = (i: number) =>
    makeWorkItem({
      key: `T-${i}`,
      type: 'Task',
      summary: `Publish the product roadmap and pricing page, edition ${i}`,
      description: 'Share the roadmap with our customers and partners.',
    });
  const unrelated = [
    makeWorkItem({
      key: 'U-1',
      type: 'Initiative',
      summary: 'Enter the mid-market segment',
      description: 'Market research and pricing strategy for next year; grow revenue by 20%.',
    }),
    makeWorkItem({
      key: 'U-2',
      type: 'Bug',
      summary: 'Crash on save',
      description: 'Steps to reproduce: save. Expected result: saved.',
    }),
    makeWorkItem({
      key: 'U-3',
      type: 'Story',
      summary: 'As a buyer I want to filter by size',
      description: 'Acceptance criteria: only M items.',
    }),
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
  it('improves agreement on the held-out part of the dev set used as overrides, each source a site', () => {
    const rows = readFileSync(resolve(__dirname, '../../../shared/data/dev-set.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as WorkItem & { gold?: Kind; source: string });
    const overrides = rows
      .filter((r) => r.gold)
      .map((r) => ({ ...asOverride(r, r.gold!), site: r.source.split(':')[0] }));
    const m = measureAdaptation(overrides);
    expect(m.heldOut).toBeGreaterThan(40);
    expect(m.agreementAfter!).toBeGreaterThan(m.agreementBefore!);
  });

  it('learns each site from its own reviews only: one team\'s lesson does not overrule another\'s', () => {
    const item = (key: string) =>
      makeWorkItem({
        key,
        type: 'Task',
        summary: 'Publish the product roadmap and pricing page',
        description: 'Share the roadmap with our customers and partners.',
      });
    const reviews = (site: string, human: Kind) =>
      Array.from({ length: 40 }, (_, i) => ({ ...asOverride(item(`${site}-${i}`), human), site }));
    const bySite = [...reviews('A', 'tactical'), ...reviews('B', 'strategic')];
    const asOneSite = bySite.map(({ site: _site, ...o }) => o);
    expect(measureAdaptation(bySite).agreementAfter!).toBeGreaterThan(
      measureAdaptation(asOneSite).agreementAfter!,
    );
  });
});
