import { classify, computeBalance, driftFromTarget, kindFromShare, rollUpChildren } from '../../src/domain';
import { makeWorkItem } from '../factories/work-item';

describe('hierarchy', () => {
  const bare = makeWorkItem({ key: 'C-1', type: 'Task', summary: 'Item 42', parent: 'E-1' });

  it.each([
    ['strategic', 0.95],
    ['tactical', 0.05],
  ] as const)('an item with no signals of its own leans toward its %s epic', (kind, share) => {
    const alone = classify(bare);
    const withParent = classify(bare, { parent: { key: 'E-1', kind, strategicShare: share } });
    expect(Math.sign(withParent.strategicShare - alone.strategicShare)).toBe(kind === 'strategic' ? 1 : -1);
    expect(withParent.evidence.some((e) => e.signal === 'parent-epic')).toBe(true);
  });

  it('an item with strong signals of its own keeps them', () => {
    const bug = makeWorkItem({
      type: 'Bug',
      summary: 'Fix crash on login',
      description: 'Steps to reproduce: tap login. Expected result: no crash.',
    });
    const r = classify(bug, { parent: { key: 'E-1', kind: 'strategic', strategicShare: 1 } });
    expect(r.kind).toBe('tactical');
    const lean = r.evidence.find((e) => e.signal === 'parent-epic');
    const own = r.evidence.filter((e) => e.side === 'PO' && e.highlight).reduce((s, e) => s - e.weight, 0);
    expect(Math.abs(lean?.weight ?? 0)).toBeLessThan(own);
  });

  it('an epic blends in its children', () => {
    const epic = makeWorkItem({ key: 'E-1', type: 'Epic', summary: 'Checkout' });
    const kids = Array.from({ length: 4 }, (_, i) => ({
      key: `C-${i}`,
      kind: 'strategic' as const,
      strategicShare: 0.9,
    }));
    expect(classify(epic, { children: kids }).strategicShare).toBeGreaterThan(classify(epic).strategicShare);
  });
});

describe('rollUpChildren', () => {
  it.each([
    [
      'counts equally without points',
      [
        { kind: 'strategic', strategicShare: 1 },
        { kind: 'tactical', strategicShare: 0 },
      ],
      0.5,
    ],
    [
      'weights by points',
      [
        { kind: 'strategic', strategicShare: 1, storyPoints: 3 },
        { kind: 'tactical', strategicShare: 0, storyPoints: 1 },
      ],
      0.75,
    ],
    ['is empty-safe', [], 0],
  ] as const)('%s', (_n, kids, share) => {
    const r = rollUpChildren(kids as never);
    expect(r.strategicShare).toBeCloseTo(share);
    expect(r.tally.strategic + r.tally.tactical + r.tally.mixed).toBe(kids.length);
  });
});

describe('kindFromShare follows the guide (≥0.6 strategic, ≤0.4 tactical)', () => {
  it.each([
    [0.6, 'strategic'],
    [0.95, 'strategic'],
    [0.4, 'tactical'],
    [0, 'tactical'],
    [0.5, 'mixed'],
  ] as const)('%d → %s', (s, k) => {
    expect(kindFromShare(s)).toBe(k);
  });
});

describe('computeBalance', () => {
  it('tallies count and points, mixed counting half in the share', () => {
    const b = computeBalance([
      { kind: 'strategic', storyPoints: 5 },
      { kind: 'tactical', storyPoints: 3 },
      { kind: 'mixed', storyPoints: 2 },
      { kind: null, storyPoints: 8 },
      { kind: 'tactical' },
    ]);
    expect(b.count).toEqual({ strategic: 1, tactical: 2, mixed: 1, unclassified: 1 });
    expect(b.points).toEqual({ strategic: 5, tactical: 3, mixed: 2, unclassified: 8 });
    expect(b.strategicShareByCount).toBeCloseTo(1.5 / 4);
    expect(b.strategicShareByPoints).toBeCloseTo(6 / 10);
  });
  it('has no share when nothing is classified', () => {
    expect(computeBalance([{ kind: null }]).strategicShareByCount).toBeNull();
  });
  it('ignores negative or non-finite points', () => {
    expect(
      computeBalance([
        { kind: 'tactical', storyPoints: -3 },
        { kind: 'tactical', storyPoints: Number.NaN },
      ]).points.tactical,
    ).toBe(0);
  });
});

describe('driftFromTarget', () => {
  it.each([
    [
      0.2,
      0.3,
      120,
      -0.1,
      /^Strategic work is 10 percentage points under target \(20% against 30%\): about 12 story points\.$/,
    ],
    [
      0.45,
      0.3,
      undefined,
      0.15,
      /^Strategic work is 15 percentage points over target \(45% against 30%\)\.$/,
    ],
    [0.32, 0.3, 50, 0.02, /on target/],
  ] as const)('actual %d target %d', (actual, target, points, drift, message) => {
    const r = driftFromTarget(actual, target, points);
    expect(r.drift).toBeCloseTo(drift);
    expect(r.message).toMatch(message);
  });
  it('says so when nothing is classified', () => {
    expect(driftFromTarget(null, 0.3)).toEqual({
      drift: null,
      message: expect.stringMatching(/Nothing is classified/),
    });
  });
});
