/**
 * A product-manager word beside code does not count: a neighbour inside a path, a file name or a code
 * identifier makes the sentence one about code (word-sense.ts). Real sentences of the Titanium tracker
 * (shared/data/titanium-tracker.jsonl.gz) and the dev set, both ways.
 */
import { signalsCited } from '../factories/signals';

const counts = (signal: string, summary: string, description: string) =>
  signalsCited(summary, description).includes(signal);

describe('a product-manager word beside code', () => {
  it('a file path: "anvil/driver/driver.js to add BB as a known platform" (TIMOB-9840)', () => {
    expect(counts('platform-lifecycle', 'Integrate the test framework',
      '- minor updates to anvil/driver/driver.js to add BB as a known platform')).toBe(false);
  });

  it('a constant: "a compiler flag so that the platform constants, (e.g. OS_IOS)" (ALOY-620)', () => {
    expect(counts('direction-argument', 'Reduce compile time',
      'It would be nice to have a compiler flag so that the  platform constants, (e.g. OS_IOS) are not ' +
      'uglified out.')).toBe(false);
  });

  it('still counts a platform decision in prose (TIMOB-13562)', () => {
    expect(counts('platform-lifecycle', 'Windows 8',
      'This feature is to support the Windows 8 platform at approximately the same level as BlackBerry ' +
      'beta, where we are initially able to target a hand-selected set of applications.')).toBe(true);
  });

  it('still counts an argued goal in prose (dev set COOP-1, fluid-project)', () => {
    expect(counts('direction-argument', 'Co-Design Sessions with Cooperatives',
      'The labour platform will be created in a flexible way so that individual cooperatives have the ' +
      'maximum control over how their platform works.')).toBe(true);
  });
});
