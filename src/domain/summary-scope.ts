/**
 * A summary's scope prefix ("Drillbit: add support for MobileWeb platform", "Priority 2: Stability"): when it
 * names code, the product-manager words after it are about that code (word-sense.ts).
 */
import { stem, type Token } from './tokenize';

/** Planning words that may open a summary as a scope ("Strategy: …") without naming code. */
const PLANNING_SCOPES = new Set([
  'priority', 'goal', 'objective', 'initiative', 'theme', 'okr', 'kr', 'strategy', 'vision', 'roadmap',
  'pillar', 'bet', 'outcome', 'mission', 'focus', 'product', 'market', 'marketing', 'launch', 'pricing',
  'growth', 'q1', 'q2', 'q3', 'q4', 'h1', 'h2', 'fy',
].map(stem));

/** A business figure: a percentage, an amount of money, a quarter, half or fiscal year. */
const BUSINESS_FIGURE = /\d+(\.\d+)?\s?%|[$€£]\s?\d|\b(q[1-4]|h[12]|fy\d{2,4})\b/i;

/**
 * A summary's "Component: …" prefix, when it names code rather than a planning scope. A summary that states
 * a business figure after its prefix is about an outcome of that area, not its code ("Checkout: grow revenue
 * 10% in Q3", "Cart: reduce churn by 15%").
 */
export function hasCodeScope(text: string, tokens: Token[], i: number): boolean {
  const colon = /^\s*([^:\n]{1,30}):\s/.exec(text);
  if (!colon || tokens[i]!.start < colon[0].length) return false;
  if (BUSINESS_FIGURE.test(text.slice(colon[0].length))) return false;
  const words = tokens.filter((t) => t.end <= colon[1]!.length + (colon.index ?? 0) + 1);
  const planning = words.some((w) => PLANNING_SCOPES.has(w.stem) || /^\d/.test(w.stem));
  return words.length > 0 && words.length <= 2 && !planning;
}

/** Everything these rules read, for RULES_VERSION (through word-sense.ts). */
export const SUMMARY_SCOPE_RULES = JSON.stringify([[...PLANNING_SCOPES], BUSINESS_FIGURE.source]);
