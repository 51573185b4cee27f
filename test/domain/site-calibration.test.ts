import { addSteps, adaptationFrom, classify, stepsOf } from '../../src/domain';
import { CALIBRATION, calibrationFrom, calibrationKey } from '../../src/domain/site-calibration';
import { makeWorkItem } from '../factories/work-item';

const review = (automaticShare: number, human: 'strategic' | 'tactical' | 'mixed') =>
  stepsOf({
    automatic: automaticShare >= 0.6 ? 'strategic' : automaticShare <= 0.4 ? 'tactical' : 'mixed',
    human,
    signals: [],
    automaticShare,
  });

describe('site calibration from reviews', () => {
  it('needs a minimum of reviews', () => {
    const steps = Array.from({ length: CALIBRATION.minReviews - 1 }, () => review(0.65, 'tactical')).reduce(
      (t, s) => addSteps(t, s, 1),
      {},
    );
    expect(adaptationFrom(steps).shift).toBeUndefined();
  });

  it('a site whose people keep calling borderline-strategic work tactical ' +
    'shifts the score toward tactical', () => {
    const steps = [
      ...Array.from({ length: 12 }, () => review(0.65, 'tactical')),
      ...Array.from({ length: 4 }, () => review(0.9, 'strategic')),
    ].reduce((t, s) => addSteps(t, s, 1), {});
    const shift = adaptationFrom(steps).shift!;
    expect(shift.logit).toBeLessThan(0);
    expect(shift.reviews).toBe(16);
    const item = makeWorkItem({ type: 'Task', summary: 'Decide our pricing for next year' });
    const calibrated = classify(item, undefined, { adaptation: adaptationFrom(steps) });
    expect(calibrated.strategicShare).toBeLessThan(classify(item).strategicShare);
    expect(calibrated.evidence.find((e) => e.signal === 'site-calibration')?.text).toBe(
      'Calibrated to this site from 16 reviews by people',
    );
  });

  it('confirmations count as reviews, and a review taken back is gone', () => {
    const one = review(0.3, 'tactical');
    expect(Object.keys(one)).toEqual([calibrationKey(0.3, 'tactical')]);
    expect(addSteps(addSteps({}, one, 1), one, -1)).toEqual({});
  });

  it('picks no shift when the automatic calls already agree', () => {
    expect(
      calibrationFrom([
        [calibrationKey(0.9, 'strategic'), 10],
        [calibrationKey(0.1, 'tactical'), 10],
      ]),
    ).toEqual({ logit: 0, reviews: 20 });
  });
});
