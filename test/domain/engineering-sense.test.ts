/**
 * Word sense on the product owner's side (src/domain/engineering-sense.ts), on real sentences: an
 * engineering word that also names a business measure counts for the product owner only in its
 * engineering sense. The business sentences are from the dev set's PostHog objectives, the engineering
 * ones from the Titanium tracker.
 */
import { inEngineeringSense } from '../../src/domain/engineering-sense';
import { tokenize } from '../../src/domain/tokenize';
import { signalsCited } from '../factories/signals';

const signalsIn = (summary: string, description: string | null = null) => signalsCited(summary, description);

/** Whether `word`'s first occurrence in `sentence` is read in its engineering sense. */
function engineeringSenseOf(sentence: string, word: string): boolean {
  const tokens = tokenize(sentence);
  const at = tokens.findIndex((t) => sentence.slice(t.start, t.end).toLowerCase() === word);
  expect(at).toBeGreaterThanOrEqual(0);
  return inEngineeringSense(sentence, tokens, at, at + 1);
}

describe('a business measure is not engineering work', () => {
  it.each([
    ['Better reporting on content performance', 'performance'],
    ['We want to introduce a structured monthly content performance review', 'performance'],
    ['Take ad performance to GA', 'performance'],
    ['Grow the sales pipeline for enterprise accounts', 'pipeline'],
  ])('"%s": %s', (sentence, word) => {
    expect(engineeringSenseOf(sentence, word)).toBe(false);
  });

  // rust-lang/rust-project-goals,
  // "Secure quorum-based cryptographic verification and mirroring for crates.io".
  it('a product\'s security feature is not testing: "cryptographic verification"', () => {
    const sentence =
      'we will work towards consensus with Rust teams on an RFC for cryptographic verification and mirroring';
    expect(engineeringSenseOf(sentence, 'verification')).toBe(false);
  });

  it('the PostHog summary no longer cites engineering chores for "content performance"', () => {
    expect(signalsIn('Better reporting on content performance')).not.toContain('engineering-chore');
  });
});

describe('the engineering sense still counts', () => {
  it.each([
    ["you may notice your system's UI getting slower as a whole system performance as well", 'performance'],
    ['some users report that the performance of the map view is worse', 'performance'],
    ['It will be integrated into the build pipeline and share the pipeline\'s build state.', 'pipeline'],
    ['running the project through a pipeline where Javascript files are additionally processed', 'pipeline'],
  ])('"%s": %s', (sentence, word) => {
    expect(engineeringSenseOf(sentence, word)).toBe(true);
  });

  it('verifying a fix is still testing', () => {
    expect(engineeringSenseOf('Please verify the fix on the iOS simulator', 'verify')).toBe(true);
    expect(signalsIn('Verification of the login fix')).toContain('acceptance-qa');
  });

  it('"Improve query performance" still cites an engineering chore', () => {
    expect(signalsIn('Improve query performance')).toContain('engineering-chore');
  });

  it('only the word right after the business noun changes sense ("content, performance" is a list)', () => {
    expect(engineeringSenseOf('Review the content, performance and logs', 'performance')).toBe(true);
  });
});
