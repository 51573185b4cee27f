/**
 * A tag's version: the rules, and the lessons a site taught the classifier that change its results. Only what
 * changes a result changes it, so a tag is refreshed exactly when the classifier would now say otherwise.
 */
import { classify, RULES_VERSION, tagVersion } from '../../src/domain';
import { makeWorkItem } from '../factories/work-item';

const lesson = (factor: number, overrides = 5) => ({ signals: { market: { factor, overrides } } });

describe('tagVersion', () => {
  it('is the rules version while the site has taught nothing that changes a result', () => {
    expect(tagVersion()).toBe(RULES_VERSION);
    expect(tagVersion({ signals: {} })).toBe(RULES_VERSION);
    expect(tagVersion({ ...lesson(1), shift: { logit: 0.001, reviews: 40 } })).toBe(RULES_VERSION);
  });

  it('names the lessons when there are some, in a form Jira JQL and Forge storage keys accept', () => {
    const v = tagVersion(lesson(0.9));
    expect(v).toMatch(new RegExp(`^${RULES_VERSION}\\.l[0-9a-f]{8}$`));
    expect(v.length).toBeLessThanOrEqual(40);
  });

  it('changes with what a lesson does, not with how many overrides are behind it', () => {
    expect(tagVersion(lesson(0.9, 5))).toBe(tagVersion(lesson(0.9, 9)));
    expect(tagVersion(lesson(0.9))).not.toBe(tagVersion(lesson(0.85)));
    expect(tagVersion({ signals: {}, shift: { logit: -0.4, reviews: 30 } })).not.toBe(RULES_VERSION);
    // Beyond the bound the classifier applies, a factor changes nothing, and neither does the version.
    expect(tagVersion(lesson(1e9))).toBe(tagVersion(lesson(4)));
  });

  it('is what a classification made with those lessons carries', () => {
    const item = makeWorkItem({ summary: 'Competitor analysis for the enterprise market' });
    expect(classify(item).rulesVersion).toBe(RULES_VERSION);
    expect(classify(item, undefined, { adaptation: lesson(0.9) }).rulesVersion).toBe(tagVersion(lesson(0.9)));
  });
});
