/**
 * The evaluation report's figures: a ratio over no rows is undefined, and the report says so ("n/a")
 * instead of printing a precision of 0.00 for a class that was never called.
 */
import { classify, type Kind } from '../../src/domain';
import { evaluate, formatEvaluation, type LabeledResult } from '../../src/cli/evaluation';
import { makeWorkItem } from '../factories/work-item';

function row(gold: Kind, called: Kind): LabeledResult {
  const result = classify(makeWorkItem({ summary: 'Fix the crash on save', type: 'Bug' }));
  return { item: makeWorkItem(), gold, goldShare: null, result: { ...result, kind: called } };
}

const classLine = (report: string, kind: Kind) =>
  report.split('\n').find((l) => l.startsWith(kind.padEnd(12)))!.trim().split(/\s+/);

describe('evaluate, per class', () => {
  it('a class never called has no precision (n/a), a class never labeled has no recall', () => {
    const e = evaluate([row('strategic', 'mixed'), row('tactical', 'tactical'), row('tactical', 'mixed')]);
    expect(e.perClass.strategic.predicted).toBe(0);
    const report = formatEvaluation(e, false);
    expect(classLine(report, 'strategic')).toEqual(['strategic', 'n/a', '0.00', '0.00', '1']);
    expect(classLine(report, 'tactical')).toEqual(['tactical', '1.00', '0.50', '0.67', '2']);
    expect(classLine(report, 'mixed')).toEqual(['mixed', '0.00', 'n/a', '0.00', '0']);
  });

  it('a called class gets its precision, right or wrong', () => {
    const e = evaluate([row('tactical', 'strategic'), row('strategic', 'strategic')]);
    expect(e.perClass.strategic).toMatchObject({ precision: 0.5, recall: 1, predicted: 2, support: 1 });
    expect(classLine(formatEvaluation(e, false), 'strategic'))
      .toEqual(['strategic', '0.50', '1.00', '0.67', '1']);
  });
});
