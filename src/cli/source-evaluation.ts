/**
 * Evaluation by source: the labeled rows grouped by the repository they came from (`owner/repo`),
 * each scored on its own, and the pooled figures with a seeded bootstrap 95 % interval — twice:
 * in-sample (the shipped model, fitted on every source) and leave-one-source-out (each source scored
 * by a model fitted, weights and decision alike, on the other sources only). The second predicts new
 * sources; the first does not.
 */
import { seededRandom } from '../domain';
import { leaveOneSourceOut } from '../domain/model-fit';
import { evaluate, ratioText, type LabeledResult } from './evaluation';
import { labeledSet, sourceOf } from './labeled-set';
import type { InputRow } from './read-work-items';

export interface SourceScore {
  source: string;
  rows: number;
  macroF1: number;
  strategicRecall: number;
  strategicPrecision: number;
  /** Gold-strategic rows and strategic calls (gold-mixed rows left out): a ratio over none prints n/a. */
  strategicSupport: number;
  strategicCalls: number;
}
export interface Interval { low: number; high: number }


function scoreOf(source: string, rows: LabeledResult[]): SourceScore {
  const e = evaluate(rows, 0);
  const binary = evaluate(rows.filter((r) => r.gold !== 'mixed'), 0);
  return {
    source,
    rows: rows.length,
    macroF1: e.macroF1,
    strategicRecall: binary.perClass.strategic.recall,
    strategicPrecision: binary.perClass.strategic.precision,
    strategicSupport: binary.perClass.strategic.support,
    strategicCalls: binary.perClass.strategic.predicted,
  };
}

/** The 2.5th and 97.5th percentiles of a statistic over `resamples` bootstrap draws of the rows. */
function bootstrap(
  rows: LabeledResult[],
  stat: (rows: LabeledResult[]) => number,
  resamples = 1000,
  seed = 1,
): Interval {
  const random = seededRandom(seed);
  const values: number[] = [];
  for (let b = 0; b < resamples; b++)
    values.push(stat(Array.from({ length: rows.length }, () => rows[Math.floor(random() * rows.length)]!)));
  values.sort((a, b) => a - b);
  return { low: values[Math.floor(resamples * 0.025)]!, high: values[Math.ceil(resamples * 0.975) - 1]! };
}

export interface BySource {
  title: string;
  sources: SourceScore[];
  pooled: SourceScore;
  intervals: Record<'macroF1' | 'strategicRecall' | 'strategicPrecision', Interval>;
  /** Share of gold-mixed rows whose strategic share lands in 0.35–0.65. */
  mixedInBand: number | null;
}

export function bySource(
  rows: Array<LabeledResult & { source?: string }>,
  title = 'in-sample: the shipped model was fitted on every source',
): BySource {
  const groups = new Map<string, LabeledResult[]>();
  for (const r of rows) groups.set(sourceOf(r.source), [...(groups.get(sourceOf(r.source)) ?? []), r]);
  const sources = [...groups].map(([s, g]) => scoreOf(s, g)).sort((a, b) => b.rows - a.rows);
  const pooled = scoreOf('pooled', rows);
  const mixed = rows.filter((r) => r.gold === 'mixed');
  return {
    title,
    sources,
    pooled,
    mixedInBand: mixed.length
      ? mixed.filter((r) => r.result.strategicShare >= 0.35 && r.result.strategicShare <= 0.65).length /
        mixed.length
      : null,
    intervals: {
      macroF1: bootstrap(rows, (r) => scoreOf('', r).macroF1),
      strategicRecall: bootstrap(rows, (r) => scoreOf('', r).strategicRecall),
      strategicPrecision: bootstrap(rows, (r) => scoreOf('', r).strategicPrecision),
    },
  };
}

/** Each source scored by the model fitted on the others (see model-fit.ts), as rows bySource can read. */
export function leaveOneSourceOutRows(rows: InputRow[]): Array<LabeledResult & { source: string }> {
  const { labeled, readings } = labeledSet(rows);
  return leaveOneSourceOut(labeled, readings).map((r) => ({
    item: r.item,
    gold: r.gold,
    goldShare: r.goldShare,
    source: r.source,
    result: {
      kind: r.kind,
      strategicShare: Number(r.share.toFixed(3)),
      confidence: 0,
      evidence: [],
      rulesVersion: 'leave-one-source-out',
    },
  }));
}

export function formatBySource(r: BySource): string {
  const f = (x: number) => x.toFixed(2);
  const lines = ['', `by source (${r.title})`,
    `${'source'.padEnd(34)} ${'rows'.padStart(5)}  macro-F1  strategic recall  strategic precision`];
  for (const s of [...r.sources, r.pooled]) {
    const figures =
      `${f(s.macroF1).padStart(8)}  ${ratioText(s.strategicRecall, s.strategicSupport).padStart(16)}  ` +
      ratioText(s.strategicPrecision, s.strategicCalls).padStart(19);
    lines.push(`${s.source.padEnd(34)} ${String(s.rows).padStart(5)}  ${figures}`);
  }
  const i = r.intervals;
  lines.push(
    `pooled 95% bootstrap interval: macro-F1 ${f(i.macroF1.low)}–${f(i.macroF1.high)}, ` +
      `strategic recall ${f(i.strategicRecall.low)}–${f(i.strategicRecall.high)}, ` +
      `strategic precision ${f(i.strategicPrecision.low)}–${f(i.strategicPrecision.high)}`,
  );
  if (r.mixedInBand !== null)
    lines.push(
      `gold-mixed rows with a strategic share inside 0.35–0.65: ${Math.round(r.mixedInBand * 100)}%`,
    );
  return lines.join('\n');
}
