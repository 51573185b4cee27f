/**
 * Finds the catalogue's signals in a text: phrases on stemmed whole words (one pass with a
 * first-word index), regex signals on the lower-cased prose. Negated phrases are skipped.
 */
import { NEGATORS, SCORING, type Signal } from './catalogue';
import { stem, tokenize, type Token } from './tokenize';

export interface SignalHit {
  signal: Signal;
  /** Number of (non-negated) matches, already capped. */
  matches: number;
  /** The first match's excerpt. */
  excerpt: string;
}

interface PhraseEntry { stems: string[]; signal: number }

export interface PhraseIndex {
  signals: Signal[];
  byFirstStem: Map<string, PhraseEntry[]>;
  regexSignals: number[];
}

export function buildPhraseIndex(signals: Signal[]): PhraseIndex {
  const byFirstStem = new Map<string, PhraseEntry[]>();
  const regexSignals: number[] = [];
  signals.forEach((signal, i) => {
    if (signal.regex) regexSignals.push(i);
    for (const phrase of signal.phrases ?? []) {
      const stems = tokenize(phrase).map((t) => t.stem);
      if (stems.length === 0) continue;
      const list = byFirstStem.get(stems[0]!) ?? [];
      list.push({ stems, signal: i });
      byFirstStem.set(stems[0]!, list);
    }
  });
  for (const list of byFirstStem.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  return { signals, byFirstStem, regexSignals };
}

export function excerptAround(text: string, start: number, end: number, width = 60): string {
  const from = Math.max(0, start - width);
  const to = Math.min(text.length, end + width);
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim();
  const out = (from > 0 ? '…' : '') + body + (to < text.length ? '…' : '');
  return out.length > 160 ? out.slice(0, 159) + '…' : out;
}

function isNegated(tokens: Token[], i: number): boolean {
  for (let j = Math.max(0, i - 3); j < i; j++) if (NEGATORS.has(tokens[j]!.stem)) return true;
  return false;
}

/** Matches phrases in already-tokenised text; returns counts per signal index. */
export function matchPhrases(index: PhraseIndex, text: string, tokens: Token[], hits: Map<number, SignalHit>): void {
  for (let i = 0; i < tokens.length; i++) {
    const candidates = index.byFirstStem.get(tokens[i]!.stem);
    if (!candidates) continue;
    for (const entry of candidates) {
      const n = entry.stems.length;
      if (i + n > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < n; k++) if (tokens[i + k]!.stem !== entry.stems[k]) { ok = false; break; }
      if (!ok) continue;
      if (!isNegated(tokens, i)) record(hits, index.signals, entry.signal, text, tokens[i]!.start, tokens[i + n - 1]!.end);
      i += n - 1;
      break;
    }
  }
}

export function matchRegexes(index: PhraseIndex, text: string, lower: string, hits: Map<number, SignalHit>): void {
  for (const i of index.regexSignals) {
    const re = index.signals[i]!.regex!;
    const m = re.exec(lower);
    if (!m) continue;
    const before = lower.slice(Math.max(0, m.index - 24), m.index);
    const negated = before.split(/[^a-z']+/).slice(-4).some((w) => NEGATORS.has(stem(w)));
    if (!negated) record(hits, index.signals, i, text, m.index, m.index + m[0].length);
  }
}

function record(hits: Map<number, SignalHit>, signals: Signal[], i: number, text: string, start: number, end: number): void {
  const hit = hits.get(i);
  if (hit) {
    if (hit.matches < SCORING.maxMatchesPerSignal) hit.matches++;
    return;
  }
  hits.set(i, { signal: signals[i]!, matches: 1, excerpt: excerptAround(text, start, end) });
}
