/**
 * Word sense on the product owner's side: an engineering word counts only in its engineering sense. A few
 * words name something else right after certain words: "content performance" and "ad performance" (how
 * marketing does, seed 002's campaigns) are not "query performance"; a "sales pipeline" is not a CI one;
 * "cryptographic verification" is a feature of the product, not its testing. Such a word is then read in
 * that other sense and does not count for the product owner.
 */
import { rightBefore, stem, type Token } from './tokenize';

/** Engineering words that name something else after certain words: the word, and those words. */
const OTHER_SENSES: Array<[string[], string[]]> = [
  // Business measures (seed 002's campaigns): "content performance", a "sales pipeline".
  [['performance', 'pipeline'],
    ['sales', 'marketing', 'content', 'ad', 'campaign', 'revenue', 'business', 'brand', 'seo', 'deal',
      'partner']],
  // A product's security feature, not testing: "cryptographic verification", "identity verification".
  [['verification', 'verify'],
    ['cryptographic', 'signature', 'identity', 'email', 'account', 'domain', 'phone', 'age', 'kyc']],
];

const SENSES = new Map<string, Set<string>>();
for (const [words, before] of OTHER_SENSES) {
  for (const w of words) SENSES.set(stem(w), new Set(before.map(stem)));
}

/** Everything these rules read, for RULES_VERSION. */
export const ENGINEERING_SENSE_RULES = JSON.stringify(OTHER_SENSES);

/** Whether the engineering match on tokens[i … j-1] of `text` is in its engineering sense. */
export function inEngineeringSense(text: string, tokens: Token[], i: number, j: number): boolean {
  const others = j - i === 1 ? SENSES.get(tokens[i]!.stem) : undefined;
  if (!others) return true;
  const before = tokens[i - 1];
  if (!before || !rightBefore(text, before, tokens[i]!)) return true;
  return !others.has(before.stem);
}
