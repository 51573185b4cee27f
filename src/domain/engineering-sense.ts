/**
 * Word sense on the product owner's side: an engineering word counts only in its engineering sense. A few
 * words name a business measure as often as a system's: "content performance" and "ad performance" (how
 * marketing does, seed 002's campaigns) are not "query performance"; a "sales pipeline" is not a CI one.
 * Such a word right after a business noun is read in the business sense and does not count for the
 * product owner.
 */
import { stem, type Token } from './tokenize';

/** Engineering words that are also business measures. */
const MEASURE_WORDS = ['performance', 'pipeline'];

/** Nouns that make the measure a business one when they stand right before it. */
const BUSINESS_NOUNS = [
  'sales', 'marketing', 'content', 'ad', 'campaign', 'revenue', 'business', 'brand', 'seo', 'deal', 'partner',
];

const MEASURES = new Set(MEASURE_WORDS.map(stem));
const BUSINESS = new Set(BUSINESS_NOUNS.map(stem));

/** Everything these rules read, for RULES_VERSION. */
export const ENGINEERING_SENSE_RULES = JSON.stringify([MEASURE_WORDS, BUSINESS_NOUNS]);

/** Whether the engineering match on tokens[i … j-1] of `text` is in its engineering sense. */
export function inEngineeringSense(text: string, tokens: Token[], i: number, j: number): boolean {
  if (j - i !== 1 || !MEASURES.has(tokens[i]!.stem)) return true;
  const before = tokens[i - 1];
  if (!before || !/^[\s-]{1,2}$/.test(text.slice(before.end, tokens[i]!.start))) return true;
  return !BUSINESS.has(before.stem);
}
