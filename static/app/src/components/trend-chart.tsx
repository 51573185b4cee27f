/**
 * The trend as hand-written SVG: one 100% column per week or month (strategic at the bottom, then
 * mixed, then tactical) and the target as a dashed line, so "under target" is a column whose
 * strategic part stays below the line. Periods with no classified work show as an empty slot.
 */
import type { TrendPoint } from '../../../../src/contract';
import { percent } from '../labels';

export interface TrendChartProps {
  trend: TrendPoint[];
  unit: 'count' | 'points';
  granularity: 'week' | 'month';
  targetShare: number;
}

const W = 600;
const H = 120;

export function TrendChart({ trend, unit, granularity, targetShare }: TrendChartProps) {
  const periods = trend.map((t) => {
    const v = unit === 'points' ? t.points : t.count;
    const total = v.strategic + v.mixed + v.tactical;
    return { start: t.start, total, strategic: total ? v.strategic / total : 0, mixed: total ? v.mixed / total : 0 };
  });
  if (periods.every((p) => p.total === 0)) return <p className="muted">No classified work in this period yet.</p>;
  const slot = W / periods.length;
  const barWidth = Math.max(2, slot * 0.7);
  const targetY = H - targetShare * H;
  const description = periods.map((p) => `${p.start} ${p.total ? `${percent(p.strategic)} strategic` : 'no work'}`).join('; ');
  return (
    <svg className="trend" viewBox={`0 0 ${W} ${H + 18}`} width="100%" role="img"
      aria-label={`Strategic share per ${granularity}, target ${percent(targetShare)}: ${description}`}>
      {periods.map((p, i) => {
        const x = i * slot + (slot - barWidth) / 2;
        if (!p.total) return <rect key={p.start} className="fill-empty" x={x} y={H - 2} width={barWidth} height={2} />;
        const sH = p.strategic * H;
        const mH = p.mixed * H;
        return (
          <g key={p.start}>
            <title>{`${p.start}: ${percent(p.strategic)} strategic, ${percent(p.mixed)} mixed, ${p.total} ${unit === 'points' ? 'points' : 'issues'}`}</title>
            <rect className="fill-tactical" x={x} y={0} width={barWidth} height={H - sH - mH} />
            <rect className="fill-mixed" x={x} y={H - sH - mH} width={barWidth} height={mH} />
            <rect className="fill-strategic" x={x} y={H - sH} width={barWidth} height={sH} />
          </g>
        );
      })}
      <line className="target-line" x1={0} x2={W} y1={targetY} y2={targetY} />
      <text className="axis" x={0} y={H + 14}>{periods[0]!.start}</text>
      <text className="axis" x={W} y={H + 14} textAnchor="end">{periods[periods.length - 1]!.start}</text>
    </svg>
  );
}
