/**
 * Evaluation by source: the labeled rows grouped by the repository they came from (`owner/repo`),
 * each scored on its own, and the pooled figures with a seeded bootstrap 95 % interval. Nothing in the
 * classifier is fitted by code yet, so leaving a source out changes nothing; but its rules were written
 * with this set in view, so these are per-source in-sample figures, not figures on unseen sources.
 */
import { seededRandom } from '../domain';
import { evaluate, type LabeledResult } from './evaluation';

export interface SourceScore { source: string; rows: number; macroF1: number; strategicRecall: number; strategicPrecision: number }
export interface Interval { low: number; high: number }

const sourceOf = (s: string | undefined) => (s ? s.split(':')[0]! : '(no source)');

function scoreOf(source: string, rows: LabeledResult[]): SourceScore {
  const e = evaluate(rows, 0);
  const binary = evaluate(rows.filter((r) => r.gold !== 'mixed'), 0);
  return { source, rows: rows.length, macroF1: e.macroF1, strategicRecall: binary.perClass.strategic.recall, strategicPrecision: binary.perClass.strategic.precision };
}

/** The 2.5th and 97.5th percentiles of a statistic over `resamples` bootstrap draws of the rows. */
function bootstrap(rows: LabeledResult[], stat: (rows: LabeledResult[]) => number, resamples = 1000, seed = 1): Interval {
  const random = seededRandom(seed);
  const values: number[] = [];
  for (let b = 0; b < resamples; b++) values.push(stat(Array.from({ length: rows.length }, () => rows[Math.floor(random() * rows.length)]!)));
  values.sort((a, b) => a - b);
  return { low: values[Math.floor(resamples * 0.025)]!, high: values[Math.ceil(resamples * 0.975) - 1]! };
}

export function bySource(rows: Array<LabeledResult & { source?: string }>): { sources: SourceScore[]; pooled: SourceScore; intervals: Record<'macroF1' | 'strategicRecall' | 'strategicPrecision', Interval> } {
  const groups = new Map<string, LabeledResult[]>();
  for (const r of rows) groups.set(sourceOf(r.source), [...(groups.get(sourceOf(r.source)) ?? []), r]);
  const sources = [...groups].map(([s, g]) => scoreOf(s, g)).sort((a, b) => b.rows - a.rows);
  const pooled = scoreOf('pooled', rows);
  return {
    sources, pooled,
    intervals: {
      macroF1: bootstrap(rows, (r) => scoreOf('', r).macroF1),
      strategicRecall: bootstrap(rows, (r) => scoreOf('', r).strategicRecall),
      strategicPrecision: bootstrap(rows, (r) => scoreOf('', r).strategicPrecision),
    },
  };
}

export function formatBySource(r: ReturnType<typeof bySource>): string {
  const f = (x: number) => x.toFixed(2);
  const lines = ['', 'by source (in-sample: the hand-written rules saw every source; nothing is fitted by code yet)',
    `${'source'.padEnd(34)} ${'rows'.padStart(5)}  macro-F1  strategic recall  strategic precision`];
  for (const s of [...r.sources, r.pooled]) {
    lines.push(`${s.source.padEnd(34)} ${String(s.rows).padStart(5)}  ${f(s.macroF1).padStart(8)}  ${f(s.strategicRecall).padStart(16)}  ${f(s.strategicPrecision).padStart(19)}`);
  }
  const i = r.intervals;
  lines.push(`pooled 95% bootstrap interval: macro-F1 ${f(i.macroF1.low)}–${f(i.macroF1.high)}, strategic recall ${f(i.strategicRecall.low)}–${f(i.strategicRecall.high)}, `
    + `strategic precision ${f(i.strategicPrecision.low)}–${f(i.strategicPrecision.high)}`);
  return lines.join('\n');
}
