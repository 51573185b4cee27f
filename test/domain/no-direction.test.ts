/**
 * "Issue type is a hint, never the answer" (labeling guide): an item whose own text has no
 * product-manager word is never called strategic by the model, whatever its type or place; the
 * people of a site (its calibration) and its child issues can still move it.
 */
import { classify } from '../../src/domain';
import { SCORING } from '../../src/domain/catalogue';
import { MODEL } from '../../src/domain/classifier';
import { sigmoid } from '../../src/domain/logistic';
import { scoreOf } from '../../src/domain/model';
import { readItem } from '../../src/domain/model-inputs';
import { makeWorkItem } from '../factories/work-item';

// An initiative that says nothing about direction: its type and its list are all the model has.
const bare = makeWorkItem({
  key: 'I-1',
  type: 'Initiative',
  summary: 'Community working group',
  description: '- Monthly meetings\n- Shared notes\n- Open membership',
});
const modelScore = scoreOf(MODEL, readItem(bare).values);
const CEILING = SCORING.shareWithoutPmEvidence;

describe('no strategic call without product-manager words', () => {
  it('the model alone would call this initiative strategic (the premise of this suite)', () => {
    expect(sigmoid(modelScore)).toBeGreaterThanOrEqual(SCORING.strategicAt);
  });

  it('it is held inside the mixed band, and the panel says why', () => {
    const r = classify(bare);
    expect([r.kind, r.strategicShare]).toEqual(['mixed', CEILING]);
    const hold = r.evidence.find((e) => e.signal === 'no-direction');
    expect(hold).toMatchObject({ side: 'PO', meaning: 'Issue type is a hint, never the answer' });
    const expected = Math.log(CEILING / (1 - CEILING)) - modelScore;
    expect(hold?.weight).toBeCloseTo(expected, 2);
  });

  it('one product-manager sentence lifts the hold', () => {
    const sentence = 'It decides our market position with customers.';
    const argued = { ...bare, description: `${bare.description}\n\n${sentence}` };
    const r = classify(argued);
    expect(r.evidence.map((e) => e.signal)).not.toContain('no-direction');
    expect(r.kind).toBe('strategic');
  });

  it("a site's calibration, learned from its people, still moves it past the hold", () => {
    const eager = { signals: {}, shift: { logit: 2, reviews: 40 } };
    expect(classify(bare, undefined, { adaptation: eager }).kind).toBe('strategic');
  });

  it('strategic child issues still make it strategic', () => {
    const child = { key: 'C-1', kind: 'strategic' as const, strategicShare: 0.9, storyPoints: null };
    const r = classify(bare, { parent: null, children: [child, { ...child, key: 'C-2' }] });
    expect(r.kind).toBe('strategic');
  });
});
