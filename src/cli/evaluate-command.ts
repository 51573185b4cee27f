/**
 * `evaluate`: the labeled rows scored by the shipped model (in-sample when they are the rows it was fitted
 * on), by source, and — with two sources or more — leave-one-source-out; then learning from overrides.
 */
import { MODEL, type Kind } from '../domain';
import type { ClassifiedRow } from './classify-file';
import { evaluate, formatEvaluation } from './evaluation';
import { sourceOf } from './labeled-set';
import type { ReadResult } from './read-work-items';
import { learningLine } from './reports';
import { bySource, formatBySource, leaveOneSourceOutRows } from './source-evaluation';

/** The evaluation's lines, or null when no row has a gold label. */
export function evaluationReport(rows: ClassifiedRow[], input: ReadResult): string | null {
  const labeled = rows
    .filter((r) => r.gold)
    .map((r) => ({ item: r.item, gold: r.gold as Kind, goldShare: r.goldShare ?? null, result: r.result,
      source: r.source }));
  if (labeled.length === 0) return null;
  const sources = new Set(labeled.map((r) => sourceOf(r.source)));
  const loso = sources.size >= 2
    ? bySource(
      leaveOneSourceOutRows(input.rows),
      'leave-one-source-out: each source scored by a model fitted on the others',
    )
    : null;
  // In-sample only when these are the rows the model was fitted on (its record: how many, which sources).
  const inSample =
    labeled.length === MODEL.fittedOn.rows && [...sources].every((s) => MODEL.fittedOn.sources.includes(s));
  const shipped = bySource(
    labeled,
    inSample ? undefined : 'the shipped model on these rows (not the rows it was fitted on)',
  );
  const tables = labeled.some((r) => r.source)
    ? formatBySource(shipped) + (loso ? formatBySource(loso) : '')
    : '';
  return formatEvaluation(evaluate(labeled), inSample, tables + learningLine(labeled), loso?.pooled.macroF1);
}
