import {
  classify,
  RULES_VERSION,
  textFingerprint,
  kindFromShare,
  type Classification,
} from '../../src/domain';
import { CATALOGUE } from '../../src/domain';
import { makeWorkItem } from '../factories/work-item';

const strategic = makeWorkItem({
  key: 'S-1',
  type: 'Initiative',
  summary: 'Define our product vision and roadmap for next year',
  description:
    'Market research shows competitors are entering the mid-market segment. ' +
      'Grow revenue by 20% with a new pricing model.',
});
const tactical = makeWorkItem({
  key: 'T-1',
  type: 'Story',
  summary: 'As a shopper I want to filter by size',
  description: 'Acceptance criteria:\nGiven the catalogue page\nWhen I pick size M\nThen only M items show',
});
const empty = makeWorkItem({ key: 'E-1', summary: '', description: null, type: 'Task' });

function expectWellFormed(r: Classification): void {
  expect(['strategic', 'tactical', 'mixed']).toContain(r.kind);
  expect(r.strategicShare).toBeGreaterThanOrEqual(0);
  expect(r.strategicShare).toBeLessThanOrEqual(1);
  expect(r.confidence).toBeGreaterThanOrEqual(0);
  expect(r.confidence).toBeLessThanOrEqual(1);
  expect(r.evidence.length).toBeLessThanOrEqual(6);
  for (const e of r.evidence) expect(e.text.length).toBeLessThanOrEqual(160);
  expect(r.kind).toBe(kindFromShare(r.strategicShare));
  expect(r.rulesVersion).toBe(RULES_VERSION);
}

describe('classify output', () => {
  it.each([
    ['strategic', strategic, 'strategic'],
    ['tactical', tactical, 'tactical'],
    ['empty item (nothing points to direction)', empty, 'tactical'],
  ])('%s item', (_n, item, kind) => {
    const r = classify(item);
    expectWellFormed(r);
    expect(r.kind).toBe(kind);
  });

  it('evidence is strongest first and names side, text and seed', () => {
    const r = classify(strategic);
    const weights = r.evidence.map((e) => Math.abs(e.weight));
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    expect(r.evidence[0]!.side).toBe('PM');
    expect(r.evidence.every((e) => /^00[0-4]$/.test(e.seed))).toBe(true);
  });

  it('is deterministic', () => {
    expect(classify(strategic)).toEqual(classify(strategic));
  });

  it('blends: an item carrying both direction and delivery sits between the poles', () => {
    const both = makeWorkItem({
      type: 'Epic',
      summary: 'Launch the new pricing tiers',
      description:
        'Business goal: grow revenue by 15% this year with new pricing.\nStories:\n' +
          '- As an admin I want to change my plan so that I can upgrade\n' +
          '- Fix the checkout bug on plan change\n- [ ] add plan field\n' +
          '- [ ] acceptance criteria reviewed',
    });
    const r = classify(both);
    expect(r.strategicShare).toBeGreaterThan(classify(tactical).strategicShare);
    expect(r.strategicShare).toBeLessThan(classify(strategic).strategicShare);
  });

  it('is more confident with more evidence', () => {
    expect(classify(strategic).confidence).toBeGreaterThan(classify(empty).confidence);
  });

  it('site adaptation scales a signal and says it was learned', () => {
    const item = makeWorkItem({ summary: 'Competitor analysis' });
    const base = classify(item);
    const weaker = classify(item, undefined, {
      adaptation: { signals: { market: { factor: 0.25, overrides: 3 } } },
    });
    const stronger = classify(tactical, undefined, {
      adaptation: { signals: { 'user-story-form': { factor: 2, overrides: 7 } } },
    });
    expect(stronger.evidence.find((e) => e.signal === 'user-story-form')?.learnedFrom).toBe(7);
    expect(weaker.strategicShare).toBeLessThan(base.strategicShare);
  });

  it('adaptation factors are bounded', () => {
    const wild = classify(tactical, undefined, {
      adaptation: { signals: { 'user-story': { factor: 1e9, overrides: 1 } } },
    });
    const bounded = classify(tactical, undefined, {
      adaptation: { signals: { 'user-story': { factor: 4, overrides: 1 } } },
    });
    expect(wild).toEqual(bounded);
  });
});

describe('RULES_VERSION changes when rules or weights change', () => {
  it('changes with a weight', () => {
    const before = RULES_VERSION;
    jest.isolateModules(() => {
      const catalogue = require('../../src/domain/catalogue');
      catalogue.SIGNALS[0].weight += 0.1;
      const { RULES_VERSION: after } = require('../../src/domain/classifier');
      expect(after).not.toBe(before);
      catalogue.SIGNALS[0].weight -= 0.1;
    });
  });
  it('is stable otherwise', () => {
    jest.isolateModules(() => {
      expect(require('../../src/domain/classifier').RULES_VERSION).toBe(RULES_VERSION);
    });
  });
  it('the catalogue is not empty', () => expect(CATALOGUE.length).toBeGreaterThan(10));
});

describe('textFingerprint', () => {
  it.each([
    ['summary', { summary: 'Other' }],
    ['description', { description: 'new text' }],
    ['type', { type: 'Bug' }],
    ['labels', { labels: ['x'] }],
    ['parent', { parent: 'P-1' }],
  ])('changes with %s', (_n, change) => {
    expect(textFingerprint({ ...tactical, ...change })).not.toBe(textFingerprint(tactical));
  });
  it('ignores what the classifier does not read', () => {
    expect(textFingerprint({ ...tactical, storyPoints: 8, status: 'Done' })).toBe(textFingerprint(tactical));
    expect(textFingerprint(tactical).length).toBeLessThanOrEqual(64);
  });
});
