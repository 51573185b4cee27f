/**
 * The classifier at a real tracker's base rate: the whole Titanium tracker (28,961 issues, unlabeled),
 * and the committed labels of its strategic and mixed calls (test/data/titanium-calls-labeled.jsonl,
 * made as the README's "Tracker-scale audit" says).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyStream, streamFormatOf } from '../../src/cli/stream-classify';

const TRACKER = join(__dirname, '..', '..', '..', 'shared', 'data', 'titanium-tracker.jsonl.gz');
const LABELED = join(__dirname, '..', 'data', 'titanium-calls-labeled.jsonl');

describe('the whole Titanium tracker', () => {
  const calls = new Map<string, string>();
  let bugs = 0;
  let strategicBugs = 0;
  beforeAll(async () => {
    for await (const row of classifyStream(
      TRACKER,
      () => undefined,
      (await streamFormatOf(TRACKER)) ?? 'jsonl',
    )) {
      if (row.item.type === 'Bug') {
        bugs++;
        if (row.result.kind === 'strategic') strategicBugs++;
      }
      if (row.result.kind !== 'tactical') calls.set(row.item.key, row.result.kind);
    }
  }, 120_000);

  it('tags at most 0.05 % of its bugs strategic', () => {
    expect(bugs).toBe(20957);
    expect(strategicBugs / bugs).toBeLessThanOrEqual(0.0005);
  });

  it('every strategic or mixed call is in the labeled sample, ' +
    'with the call the classifier makes today', () => {
    const labeled = readFileSync(LABELED, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { key: string; call: string; gold: string });
    expect(labeled.length).toBeGreaterThan(0);
    for (const row of labeled) expect(['strategic', 'tactical', 'mixed']).toContain(row.gold);
    expect(Object.fromEntries(labeled.map((r) => [r.key, r.call]))).toEqual(Object.fromEntries(calls));
  });

  it('is right on at least 80 % of its strategic calls, by the committed labels', () => {
    const labeled = readFileSync(LABELED, 'utf8').trim().split('\n')
      .map((l) => JSON.parse(l) as { call: string; gold: string });
    const strategicCalls = labeled.filter((r) => r.call === 'strategic');
    expect(strategicCalls.length).toBeGreaterThan(0);
    const right = strategicCalls.filter((r) => r.gold === 'strategic').length;
    expect(right / strategicCalls.length).toBeGreaterThanOrEqual(0.8);
  });
});
