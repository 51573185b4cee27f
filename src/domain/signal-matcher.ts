/**
 * Finds the catalogue's signals in a text: phrases on stemmed whole words in a row (one pass with a
 * first-word index), regex signals on the lower-cased prose. Negated phrases are skipped, and a
 * product-manager match counts only in its product-manager sense (word-sense.ts).
 */
import { NEGATION_BREAKERS, NEGATORS, SCORING, type Signal } from './catalogue';
import { stem, tokenize, type Token } from './tokenize';
import { inEngineeringSense } from './engineering-sense';
import { inPmSense, spanInPmSense } from './word-sense';
import { excerptWithHighlight } from './excerpt';

export interface SignalHit {
  signal: Signal;
  /** Number of (non-negated) matches, already capped. */
  matches: number;
  /** The first match's excerpt. */
  excerpt: string;
  /** Where the matched words sit in the excerpt: [start, end) character offsets. */
  highlight: [number, number];
}

interface PhraseEntry { stems: string[]; signal: number }

export interface PhraseIndex {
  signals: Signal[];
  byFirstStem: Map<string, PhraseEntry[]>;
  regexSignals: number[];
  /** Each regex signal's pattern with the global flag, to walk its matches. */
  globalRegexes: Map<number, RegExp>;
}

export function buildPhraseIndex(signals: Signal[]): PhraseIndex {
  const byFirstStem = new Map<string, PhraseEntry[]>();
  const regexSignals: number[] = [];
  const globalRegexes = new Map<number, RegExp>();
  signals.forEach((signal, i) => {
    if (signal.regex) {
      regexSignals.push(i);
      globalRegexes.set(i, new RegExp(signal.regex.source, signal.regex.flags.replace('g', '') + 'g'));
    }
    for (const phrase of signal.phrases ?? []) {
      const stems = tokenize(phrase).map((t) => t.stem);
      if (stems.length === 0) continue;
      const list = byFirstStem.get(stems[0]!) ?? [];
      list.push({ stems, signal: i });
      byFirstStem.set(stems[0]!, list);
    }
  });
  for (const list of byFirstStem.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  return { signals, byFirstStem, regexSignals, globalRegexes };
}

/**
 * What may stand between a phrase's words: spaces, a hyphen, a slash ("product/market fit") or markdown
 * emphasis; not a comma, a full stop or a table cell's bar ("the batch change, the more" is not
 * "change the").
 */
const WORD_GAP = /^[\s\-/*_]*$/;

/** Focusing adverbs: "focused primarily on" is the phrase "focus on", said of one thing above others. */
const FOCUSING_ADVERBS = new Set([
  'primarily', 'mainly', 'mostly', 'largely', 'solely', 'exclusively', 'chiefly',
]);

/** Everything the phrase matching reads besides the catalogue's signals, for RULES_VERSION. */
export const PHRASE_MATCH_RULES = JSON.stringify([
  WORD_GAP.source, [...FOCUSING_ADVERBS], [...NEGATORS], [...NEGATION_BREAKERS],
]);

/**
 * Where the phrase `stems` starting at tokens[i] ends (exclusive), or -1: its words in order, only WORD_GAP
 * between them, and at most one focusing adverb inside it.
 */
function phraseEnd(text: string, tokens: Token[], i: number, stems: string[]): number {
  let at = i + 1;
  let adverb = false;
  for (let k = 1; k < stems.length; k++, at++) {
    let t = tokens[at];
    const skip = t && t.stem !== stems[k] && !adverb && FOCUSING_ADVERBS.has(t.stem);
    if (skip && tokens[at + 1]?.stem === stems[k]) {
      if (!joined(text, tokens, at)) return -1;
      adverb = true;
      t = tokens[++at];
    }
    if (t?.stem !== stems[k] || !joined(text, tokens, at)) return -1;
  }
  return at;
}

/** Whether only WORD_GAP stands between tokens[a - 1] and tokens[a] (most often a single space). */
function joined(text: string, tokens: Token[], a: number): boolean {
  const from = tokens[a - 1]!.end;
  const to = tokens[a]!.start;
  return (to === from + 1 && text[from] === ' ') || WORD_GAP.test(text.slice(from, to));
}

function isNegated(tokens: Token[], i: number): boolean {
  for (let j = Math.max(0, i - 3); j < i; j++) {
    if (NEGATORS.has(tokens[j]!.stem) && !NEGATION_BREAKERS.has(tokens[j + 1]!.stem)) return true;
  }
  return false;
}

/**
 * Matches phrases in already-tokenised text; returns counts per signal index. `prose` is false for
 * summaries (titles capitalise every word, so capitals say nothing about names there).
 */
export function matchPhrases(
  index: PhraseIndex,
  text: string,
  tokens: Token[],
  hits: Map<number, SignalHit>,
  prose = true,
): void {
  for (let i = 0; i < tokens.length; i++) {
    const candidates = index.byFirstStem.get(tokens[i]!.stem);
    if (!candidates) continue;
    for (const entry of candidates) {
      const n = entry.stems.length;
      if (i + n > tokens.length) continue;
      const end = n === 1 ? i + 1 : phraseEnd(text, tokens, i, entry.stems);
      if (end < 0) continue;
      const pmSense = index.signals[entry.signal]!.side === 'PM'
        ? inPmSense(text, tokens, i, end, prose)
        : inEngineeringSense(text, tokens, i, end);
      if (!isNegated(tokens, i) && pmSense)
        record(hits, index.signals, entry.signal, text, tokens[i]!.start, tokens[end - 1]!.end);
      i = end - 1;
      break;
    }
  }
}

export function matchRegexes(
  index: PhraseIndex,
  text: string,
  tokens: Token[],
  hits: Map<number, SignalHit>,
  prose = true,
): void {
  const lower = text.toLowerCase();
  for (const i of index.regexSignals) {
    const signal = index.signals[i]!;
    const re = index.globalRegexes.get(i)!;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(lower)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const before = lower.slice(Math.max(0, m.index - 24), m.index);
      const negated = before
        .split(/[^a-z']+/)
        .slice(-4)
        .some((w, k, words) => NEGATORS.has(stem(w)) && !NEGATION_BREAKERS.has(stem(words[k + 1] ?? '')));
      const end = m.index + m[0].length;
      const pmSense =
        signal.side !== 'PM' ||
        spanInPmSense(text, tokens, m.index, end, prose, signal.id === 'platform-lifecycle');
      if (!negated && pmSense) {
        record(hits, index.signals, i, text, m.index, end);
        break;
      }
    }
  }
}

function record(
  hits: Map<number, SignalHit>,
  signals: Signal[],
  i: number,
  text: string,
  start: number,
  end: number,
): void {
  const hit = hits.get(i);
  if (hit) {
    if (hit.matches < SCORING.maxMatchesPerSignal) hit.matches++;
    return;
  }
  const { excerpt, highlight } = excerptWithHighlight(text, start, end);
  hits.set(i, { signal: signals[i]!, matches: 1, excerpt, highlight });
}
