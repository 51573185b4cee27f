/**
 * Rule hygiene on the labeled dev set: a phrase that matches dev-set items must lean the way its side
 * says, and a phrase whose matches all sit in one source must come from the seeds or the guide (otherwise it
 * is a heading or a product name of that source).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE, normaliseText } from '../../src/domain';
import { buildPhraseIndex, matchPhrases, type SignalHit } from '../../src/domain/signal-matcher';
import { tokenize } from '../../src/domain/tokenize';

const SHARED = join(__dirname, '..', '..', '..', 'shared');
const rows = readFileSync(join(SHARED, 'data', 'dev-set.jsonl'), 'utf8').trim().split('\n')
  .map((l) => JSON.parse(l) as { summary: string; description: unknown; gold?: string; source: string })
  .filter((r) => r.gold)
  .map((r) => {
    const text = `${r.summary}\n${normaliseText(r.description as string)}`;
    return { text, tokens: tokenize(text), gold: r.gold!, source: r.source.split(':')[0]! };
  });
const guideFiles = [
  ...readdirSync(join(SHARED, 'seeds')).map((f) => join(SHARED, 'seeds', f)),
  join(SHARED, 'docs', 'labeling-guide.md'),
];
/** The vocabulary of the seed articles and of the labeling guide drawn from them. */
const seedStems = new Set(guideFiles.flatMap((f) => tokenize(readFileSync(f, 'utf8')).map((t) => t.stem)));

const phrases = CATALOGUE.flatMap((signal) => (signal.phrases ?? []).map((phrase) => ({ signal, phrase })));
const stats = phrases.map(({ signal, phrase }) => {
  const index = buildPhraseIndex([{ ...signal, phrases: [phrase] }]);
  const matched = rows.filter((r) => {
    const hits = new Map<number, SignalHit>();
    matchPhrases(index, r.text, r.tokens, hits);
    return hits.size > 0;
  });
  const same = matched.filter((r) => (signal.side === 'PM' ? r.gold !== 'tactical' : r.gold !== 'strategic'));
  return {
    id: `${signal.id}: ${phrase}`,
    phrase,
    same: same.length,
    other: matched.length - same.length,
    sources: new Set(matched.map((r) => r.source)),
  };
});

describe('catalogue hygiene on the dev set', () => {
  it('no phrase matches more items of the other side than of its own', () => {
    expect(
      stats
        .filter((s) => s.same + s.other >= 2 && s.other > s.same)
        .map((s) => `${s.id} (${s.same} vs ${s.other})`),
    ).toEqual([]);
  });
  it('a phrase whose matches all sit in one source comes from the seed ' +
    'articles or the labeling guide', () => {
    const local = stats.filter((s) => s.same + s.other >= 3 && s.sources.size === 1);
    expect(
      local.filter((s) => !tokenize(s.phrase).every((t) => seedStems.has(t.stem))).map((s) => s.id),
    ).toEqual([]);
  });
});
