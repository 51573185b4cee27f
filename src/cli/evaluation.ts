/**
 * Metrics for `ownership-balance evaluate`: accuracy, per-class P/R/F1, macro-F1, confusion, worst misses.
 */
import type { Classification, Kind, WorkItem } from '../domain';

export interface LabeledResult {
  item: WorkItem;
  gold: Kind;
  goldShare: number | null;
  result: Classification;
}
/**
 * `predicted`: rows called this class; precision is undefined without any (printed n/a), recall without
 * support.
 */
export interface ClassScore {
  precision: number; recall: number; f1: number; support: number; predicted: number;
}

export interface Evaluation {
  rows: number;
  accuracy: number;
  perClass: Record<Kind, ClassScore>;
  /** Macro-F1 over strategic vs tactical, mixed gold rows excluded (as shared/data/README.md). */
  macroF1: number;
  macroF1AllClasses: number;
  confusion: Record<Kind, Record<Kind, number>>;
  shareMae: number | null;
  worstMisses: LabeledResult[];
}

const KINDS: Kind[] = ['strategic', 'tactical', 'mixed'];

function f1Of(tp: number, fp: number, fn: number, support: number): ClassScore {
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, support, predicted: tp + fp };
}

function perClassScores(rows: LabeledResult[]): Record<Kind, ClassScore> {
  const out = {} as Record<Kind, ClassScore>;
  for (const k of KINDS) {
    const tp = rows.filter((r) => r.gold === k && r.result.kind === k).length;
    const fp = rows.filter((r) => r.gold !== k && r.result.kind === k).length;
    const fn = rows.filter((r) => r.gold === k && r.result.kind !== k).length;
    out[k] = f1Of(tp, fp, fn, rows.filter((r) => r.gold === k).length);
  }
  return out;
}

export function evaluate(rows: LabeledResult[], worst = 10): Evaluation {
  const confusion = {} as Record<Kind, Record<Kind, number>>;
  for (const g of KINDS) confusion[g] = { strategic: 0, tactical: 0, mixed: 0 };
  for (const r of rows) confusion[r.gold][r.result.kind]++;
  const perClass = perClassScores(rows);
  const binary = perClassScores(rows.filter((r) => r.gold !== 'mixed'));
  const withShare = rows.filter((r) => r.goldShare !== null);
  const misses = rows
    .filter((r) => r.gold !== r.result.kind)
    .sort(
      (a, b) =>
        Math.abs(b.result.strategicShare - (b.goldShare ?? 0.5)) -
          Math.abs(a.result.strategicShare - (a.goldShare ?? 0.5)) || a.item.key.localeCompare(b.item.key),
    );
  return {
    rows: rows.length,
    accuracy: rows.length ? rows.filter((r) => r.gold === r.result.kind).length / rows.length : 0,
    perClass,
    macroF1: (binary.strategic.f1 + binary.tactical.f1) / 2,
    macroF1AllClasses: (perClass.strategic.f1 + perClass.tactical.f1 + perClass.mixed.f1) / 3,
    confusion,
    shareMae: withShare.length
      ? withShare.reduce((s, r) => s + Math.abs(r.result.strategicShare - (r.goldShare as number)), 0) /
        withShare.length
      : null,
    worstMisses: misses.slice(0, worst),
  };
}

const pct = (x: number) => x.toFixed(2);
/** A ratio over no rows is not 0: "n/a". */
export const ratioText = (x: number, over: number) => (over > 0 ? pct(x) : 'n/a');

/**
 * The report; `extra` (the by-source tables) goes before the closing macro-F1 lines, which stay last.
 * `inSample`: these rows are the ones the shipped model was fitted on, so its figures are in-sample.
 */
export function formatEvaluation(
  e: Evaluation, inSample: boolean, extra?: string, leaveOneSourceOutF1?: number,
): string {
  const scope = inSample ? 'in-sample' : 'on these rows';
  const lines: string[] = [inSample
    ? 'the shipped model on these rows (in-sample on the dev set, which it was fitted on)'
    : 'the shipped model on these rows (not the rows it was fitted on)'];
  const mae = e.shareMae === null ? 'n/a' : pct(e.shareMae);
  lines.push(`rows ${e.rows}   accuracy ${pct(e.accuracy)}   `
    + `share MAE (mean absolute error of the strategic share) ${mae}`);
  lines.push('', 'class        precision  recall  f1     support');
  for (const k of KINDS) {
    const c = e.perClass[k];
    const cells = [
      ratioText(c.precision, c.predicted).padStart(9), ratioText(c.recall, c.support).padStart(6),
      pct(c.f1).padStart(5), String(c.support).padStart(7),
    ];
    lines.push(`${k.padEnd(12)} ${cells.join('  ')}`);
  }
  lines.push(
    '',
    'confusion (rows = gold, columns = predicted)',
    `${''.padEnd(12)} ${KINDS.map((k) => k.padStart(10)).join('')}`,
  );
  for (const g of KINDS)
    lines.push(`${g.padEnd(12)} ${KINDS.map((p) => String(e.confusion[g][p]).padStart(10)).join('')}`);
  lines.push('', 'worst misses');
  for (const m of e.worstMisses) {
    const ev = m.result.evidence
      .slice(0, 3)
      .map((x) => `${x.side}:${x.signal}(${x.weight.toFixed(1)})`)
      .join(' ');
    const got = `${m.result.kind}/${m.result.strategicShare.toFixed(2)}`;
    const gold = `${m.gold}/${m.goldShare ?? '?'}`;
    lines.push(`  ${m.item.key} gold ${gold} got ${got} — ${m.item.summary.slice(0, 70)} [${ev}]`);
  }
  if (extra) lines.push(extra);
  lines.push('', `macro-F1 ${scope}, all three classes ${pct(e.macroF1AllClasses)}`,
    `macro-F1 ${scope}, strategic vs tactical ${pct(e.macroF1)}`);
  if (leaveOneSourceOutF1 !== undefined) {
    lines.push(`macro-F1 leave-one-source-out, pooled ${leaveOneSourceOutF1.toFixed(3)}`);
  }
  return lines.join('\n');
}
