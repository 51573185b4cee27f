/**
 * Product-manager words whose everyday sense in a tracker is an engineering one, read in their
 * product-manager sense only when their sentence says so. In the 28,961 issues of the Titanium tracker,
 * "launch" is an app, a tool or a process starting ("Launch Studio", "the app launches", "first launch")
 * about 350 times and a product's launch not once; "positioning" is a view's layout; "brand new" only
 * means new; a scheduler's "workload awareness" (kubernetes/enhancements) is no brand awareness. The
 * launches and positioning of the seeds are a product's, a feature's or a category's, in front of a
 * market and its people ("successful product launches", "compelling positioning and then translate that
 * work into messaging", seeds 003 and 002): one such cue word must be in the match's sentence (up to 25
 * words each side) for it to count. */
import { sameSentence } from './sentences';
import { rightBefore, stem, type Token } from './tokenize';

/** Matched by stem: "launches", "launched" and "launching" are "launch"; "branding" is "brand". */
const CUED_WORDS = ['launch', 'positioning', 'brand', 'awareness'];
const CUES = [
  'product', 'feature', 'category', 'campaign', 'customer', 'market', 'marketing', 'announcement',
  'announce', 'public', 'publicly', 'plan', 'partner', 'sales', 'messaging', 'audience',
  'competitor', 'pricing', 'price', 'webinar', 'blog', 'business', 'stakeholder', 'lifecycle',
];
/** "brand new" is an idiom for new, whatever its sentence says. */
const IDIOMS: Array<[string, string]> = [['brand', 'new']];
const REACH = 25;

const CUED = new Set(CUED_WORDS.map(stem));
const CUE_STEMS = new Set(CUES.map(stem));
const IDIOM_STEMS = IDIOMS.map(([a, b]) => [stem(a), stem(b)] as const);

/** Everything these rules read, for RULES_VERSION. */
export const CUED_SENSE_RULES = JSON.stringify([CUED_WORDS, CUES, IDIOMS, REACH]);

function cueInSentence(text: string, tokens: Token[], i: number): boolean {
  for (const step of [-1, 1]) {
    for (let k = i + step, n = 0; k >= 0 && k < tokens.length && n < REACH; k += step, n++) {
      const t = tokens[k]!;
      if (!sameSentence(text, t.start, tokens[i]!.start)) break;
      if (CUE_STEMS.has(t.stem)) return true;
    }
  }
  return false;
}

/**
 * Whether a one-word match on tokens[i] keeps its product-manager sense: a cued word needs a cue in its
 * sentence; any other word keeps its sense.
 */
export function cuedSenseHolds(text: string, tokens: Token[], i: number, j: number): boolean {
  if (j - i !== 1 || !CUED.has(tokens[i]!.stem)) return true;
  const word = tokens[i]!;
  const next = tokens[i + 1];
  const idiom = next && rightBefore(text, word, next) &&
    IDIOM_STEMS.some(([a, b]) => a === word.stem && b === next.stem);
  if (idiom) return false;
  return cueInSentence(text, tokens, i);
}
