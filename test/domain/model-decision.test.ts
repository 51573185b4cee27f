/**
 * The decision line's objective (model-fit.ts): the targets are floors, and among lines that keep the same
 * floors the one with the higher strategic recall wins, even at a lower macro-F1.
 */
import { binaryMacroF1, decisionObjective, DECISION_SETTINGS } from '../../src/domain/model-decision';
import { kindFromShare } from '../../src/domain/balance';
import type { Kind } from '../../src/domain/types';

const SHARE: Record<Kind, number> = { strategic: 0.9, mixed: 0.5, tactical: 0.1 };

/** Held-out rows: how many of each gold kind got each call. */
function rows(calls: Array<[gold: Kind, call: Kind, count: number]>) {
  return calls.flatMap(([gold, call, count]) =>
    Array.from({ length: count }, () => ({ gold, share: SHARE[call] })));
}
const figures = (r: Array<{ gold: Kind; share: number }>) => {
  const called = r.map((x) => ({ gold: x.gold, kind: kindFromShare(x.share) }));
  const strategicCalls = called.filter((x) => x.gold !== 'mixed' && x.kind === 'strategic');
  const hits = called.filter((x) => x.gold === 'strategic' && x.kind === 'strategic').length;
  return {
    recall: hits / called.filter((x) => x.gold === 'strategic').length,
    precision: hits / strategicCalls.length,
    macroF1: binaryMacroF1(called),
  };
};

const mixedInBand: Array<[Kind, Kind, number]> = [['mixed', 'mixed', 5], ['mixed', 'tactical', 1]];
/** A careful line: every strategic call right, one strategic item missed. */
const careful = rows([['strategic', 'strategic', 9], ['strategic', 'tactical', 1],
  ['tactical', 'tactical', 40], ...mixedInBand]);
/** A generous line: every strategic item found, at the price of two false strategic calls. */
const generous = rows([['strategic', 'strategic', 10], ['tactical', 'strategic', 2],
  ['tactical', 'tactical', 38], ...mixedInBand]);

describe('the decision objective', () => {
  it('prefers the line that finds more strategic items when both keep the floors, at lower macro-F1', () => {
    const [c, g] = [figures(careful), figures(generous)];
    expect(g.recall).toBeGreaterThan(c.recall);
    expect(g.macroF1).toBeLessThan(c.macroF1);
    expect(g.precision).toBeGreaterThanOrEqual(DECISION_SETTINGS.precision);
    expect(g.macroF1).toBeGreaterThanOrEqual(DECISION_SETTINGS.macroF1);
    expect(decisionObjective(generous)).toBeGreaterThan(decisionObjective(careful));
  });

  it('refuses recall bought below the precision floor', () => {
    const reckless = rows([['strategic', 'strategic', 10], ['tactical', 'strategic', 4],
      ['tactical', 'tactical', 36], ...mixedInBand]);
    expect(figures(reckless).precision).toBeLessThan(DECISION_SETTINGS.precision);
    expect(decisionObjective(careful)).toBeGreaterThan(decisionObjective(reckless));
  });

  it('keeps the gold-mixed items in the mixed band before anything else', () => {
    const squeezed = rows([['strategic', 'strategic', 10], ['tactical', 'tactical', 40],
      ['mixed', 'strategic', 3], ['mixed', 'tactical', 3]]);
    expect(figures(squeezed)).toMatchObject({ recall: 1, precision: 1 });
    expect(decisionObjective(careful)).toBeGreaterThan(decisionObjective(squeezed));
  });

  it('refuses recall bought below the macro-F1 floor', () => {
    const blurred = rows([['strategic', 'strategic', 10], ['tactical', 'strategic', 2],
      ['tactical', 'mixed', 20], ['tactical', 'tactical', 18], ...mixedInBand]);
    expect(figures(blurred).precision).toBeGreaterThanOrEqual(DECISION_SETTINGS.precision);
    expect(figures(blurred).macroF1).toBeLessThan(DECISION_SETTINGS.macroF1);
    expect(decisionObjective(careful)).toBeGreaterThan(decisionObjective(blurred));
  });
});
