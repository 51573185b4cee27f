/**
 * Where a sentence (and a clause in it) starts and ends, for reading a word in its neighbourhood
 * (word-sense.ts). Trackers hold prose, markdown lists and text hard-wrapped at a fixed width, so a line
 * break is not always a sentence end.
 */

/** A sentence end in running prose; a line break ends one too, unless the line goes on (lineGoesOn). */
const SENTENCE_END = /[.!?]\s/;
/**
 * Markdown and plain-text trackers wrap sentences at a fixed width: a line whose next line opens in lower
 * case ("new platforms and⏎configurations will be added") is the same sentence; a list item, a capital or
 * a blank line starts another.
 */
const LINE_GOES_ON = /^[ \t]*[a-z]/;
const lineGoesOn = (text: string, newline: number) =>
  LINE_GOES_ON.test(text.slice(newline + 1, newline + 40));

export function sameSentence(text: string, from: number, to: number): boolean {
  const lo = Math.min(from, to);
  const slice = text.slice(lo, Math.max(from, to));
  if (SENTENCE_END.test(slice)) return false;
  for (let k = slice.indexOf('\n'); k >= 0; k = slice.indexOf('\n', k + 1)) {
    if (!lineGoesOn(text, lo + k)) return false;
  }
  return true;
}

/**
 * A comma followed by a new subject ("…a piece of functionality, the platform will focus on…") starts
 * another clause, with its own subject: a word's neighbourhood stays in its clause.
 */
const CLAUSE_BREAK = /,\s+(the|this|these|those|we|it|our|they|i|you)\b/i;

/** Whether text[from … to) stays in one clause of one sentence. */
export function sameClause(text: string, from: number, to: number): boolean {
  if (!sameSentence(text, from, to)) return false;
  const between = text.slice(Math.min(from, to), Math.max(from, to));
  return !between.includes(',') || !CLAUSE_BREAK.test(between);
}

/**
 * Where the sentence holding `pos` starts (a line start, or just after ". "), looking back 400 characters.
 */
export function sentenceStartBefore(text: string, pos: number): number {
  const floor = Math.max(0, pos - 400);
  for (let k = pos - 1; k >= floor; k--) {
    const c = text[k];
    if (c === '\n' && !lineGoesOn(text, k)) return k + 1;
    if ((c === '.' || c === '!' || c === '?') && /\s/.test(text[k + 1] ?? '')) return k + 1;
  }
  return floor;
}

/** Everything these rules read, for RULES_VERSION (through word-sense.ts). */
export const SENTENCE_RULES = JSON.stringify([
  SENTENCE_END.source, LINE_GOES_ON.source, CLAUSE_BREAK.source,
]);
