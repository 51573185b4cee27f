/**
 * Words and their stems. The catalogue's phrases are stemmed the same way, so "roadmaps",
 * "prioritising" and "prioritized" meet "roadmap" and "prioritize" on whole-word boundaries.
 */

export interface Token {
  stem: string;
  /** Offset of the word in the text it came from, for evidence excerpts. */
  start: number;
  end: number;
}

const WORD = /[a-z0-9]+(?:['’][a-z]+)?%?|%/g;

const IRREGULAR: Record<string, string> = {
  strategies: 'strategy', strategic: 'strategy', strategically: 'strategy',
  analyses: 'analysis', criteria: 'criterion', children: 'child', people: 'person',
  // Kept whole: their stems mean something else ("a view's position", "the market" vs "marketing").
  marketing: 'marketing', positioning: 'positioning', planning: 'planning', licensing: 'licensing',
  // A UI form is not "a newly formed team".
  formed: 'formed',
  // "Settings" (a UI part) is not "a set of partners"; "blocked" (waiting on someone) is not "a code block".
  setting: 'setting', settings: 'setting', blocked: 'blocked', blocking: 'blocked',
  // "A note" is not "not" (a negator), and "nothing" must stay whole to negate.
  note: 'note', notes: 'note', noted: 'note', nothing: 'nothing',
  // Pair programming is not "key/value pairs"; a counter "incremented" is not a Scrum increment.
  pairing: 'pairing', incremented: 'incremented', incrementing: 'incremented',
};

/**
 * What the stemmer does, for RULES_VERSION: its exceptions, and the revision of stem() below (raise it
 * whenever stem() changes: a stem changes which phrases match).
 */
export const STEM_RULES = JSON.stringify([1, IRREGULAR]);

/** A light, deterministic stemmer: enough for English inflections, never clever. */
export function stem(word: string): string {
  const w = word.replace(/['’](s|t|re|ll|ve|d)$/, (_m, s: string) => (s === 't' ? 't' : ''));
  const irregular = IRREGULAR[w];
  if (irregular) return irregular;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('ing') && w.length > 5) return trimDouble(w.slice(0, -3));
  if (w.endsWith('ied') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('ed') && w.length > 4) return trimDouble(w.slice(0, -2));
  if (w.endsWith('ss') || w.endsWith('us') || w.endsWith('is')) return w;
  if (/(ches|shes|xes|sses|zes)$/.test(w)) return w.slice(0, -2);
  const base = w.endsWith('s') ? w.slice(0, -1) : w;
  return base.replace(/ise$/, 'ize').replace(/e$/, '');
}

function trimDouble(w: string): string {
  const s = /([bdgmnprt])\1$/.test(w) ? w.slice(0, -1) : w;
  return s.replace(/is$/, 'iz').replace(/e$/, '');
}

/** Lower-cases and splits text into stemmed word tokens with offsets. */
export function tokenize(text: string): Token[] {
  const lower = text.toLowerCase();
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(lower)) !== null) {
    tokens.push({ stem: stem(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** Whether token `a` stands right before token `b`: only one or two spaces or hyphens between them. */
export const rightBefore = (text: string, a: Token, b: Token): boolean =>
  /^[\s-]{1,2}$/.test(text.slice(a.end, b.start));
