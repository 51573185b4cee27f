/**
 * The trend, small: the strategic share per week or month as a line on a 0–100 % axis, the target as a
 * dashed line, and the volume (issues or points per period) as short bars below, so a 100 % week of
 * one issue does not look like a 100 % week of forty. Short dates ("7 Sep") at both ends and the middle.
 */
import { useCallback, useRef, useState } from 'react';
import type { TrendPoint } from '../../../../src/contract';
import { percent } from '../labels';

export interface ShareTrendProps {
  trend: TrendPoint[];
  unit: 'count' | 'points';
  granularity: 'week' | 'month';
  targetShare: number;
}

/** The drawing's width before the figure is measured (and where ResizeObserver is missing). */
const DEFAULT_W = 360;
const MIN_W = 240;
const LEFT = 34;
const PLOT = { top: 6, bottom: 78 };
const VOLUME = { top: 86, bottom: 106 };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "7 Sep" for a week, "Sep 26" for a month (period starts are ISO dates, read in UTC). */
function shortDate(iso: string, granularity: 'week' | 'month'): string {
  const d = new Date(`${iso}T00:00:00Z`);
  const month = MONTHS[d.getUTCMonth()]!;
  return granularity === 'month'
    ? `${month} ${String(d.getUTCFullYear()).slice(2)}`
    : `${d.getUTCDate()} ${month}`;
}

/**
 * The figure's width in CSS pixels, followed as it changes: the chart is drawn at that width, so it fills a
 * one-column (800 px) gadget as well as a 400 px one while its text keeps its size.
 */
function useMeasuredWidth(): [(el: HTMLElement | null) => void, number] {
  const [width, setWidth] = useState(DEFAULT_W);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((el: HTMLElement | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!el || typeof ResizeObserver === 'undefined') return;
    observer.current = new ResizeObserver(([entry]) => {
      const w = Math.round(entry?.contentRect.width ?? 0);
      if (w > 0) setWidth(Math.max(MIN_W, w));
    });
    observer.current.observe(el);
  }, []);
  return [ref, width];
}

export function ShareTrend({ trend, unit, granularity, targetShare }: ShareTrendProps) {
  const [figureRef, W] = useMeasuredWidth();
  const periods = trend.map((t) => {
    const v = unit === 'points' ? t.points : t.count;
    const total = v.strategic + v.mixed + v.tactical;
    return { start: t.start, total, share: total ? (v.strategic + v.mixed / 2) / total : null };
  });
  if (periods.every((p) => p.total === 0))
    return <p className="muted">No classified work in this period yet.</p>;
  const step = (W - LEFT - 4) / Math.max(1, periods.length - 1);
  const x = (i: number) => LEFT + i * step;
  const y = (share: number) => PLOT.bottom - share * (PLOT.bottom - PLOT.top);
  const maxVolume = Math.max(...periods.map((p) => p.total));
  const points = periods
    .map((p, i) => (p.share === null ? null : `${x(i)},${y(p.share)}`))
    .filter(Boolean)
    .join(' ');
  const volumeWord = unit === 'points' ? 'points' : 'issues';
  const labelled = [0, Math.floor((periods.length - 1) / 2), periods.length - 1].filter(
    (v, i, a) => a.indexOf(v) === i,
  );
  const said = (p: (typeof periods)[number]) =>
    `${percent(p.share ?? 0)} strategic of ${p.total} ${volumeWord}`;
  const description = periods
    .map((p) => `${shortDate(p.start, granularity)}: ${p.share === null ? 'no work' : said(p)}`)
    .join('; ');
  return (
    <figure className="trend" ref={figureRef}>
      <svg
        className="share-trend"
        viewBox={`0 0 ${W} 124`}
        width="100%"
        role="img"
        aria-label={`Strategic share per ${granularity}, target ${percent(targetShare)}. ${description}`}
      >
        {[0, 0.5, 1].map((s) => (
          <g key={s}>
            <line className="grid-line" x1={LEFT} x2={W - 4} y1={y(s)} y2={y(s)} />
            <text className="axis" x={LEFT - 4} y={y(s) + 4} textAnchor="end">
              {percent(s)}
            </text>
          </g>
        ))}
        <line className="target-line" x1={LEFT} x2={W - 4} y1={y(targetShare)} y2={y(targetShare)} />
        <polyline className="share-line" points={points} />
        {periods.map((p, i) =>
          p.share === null ? null : (
            <circle key={p.start} className="share-dot" cx={x(i)} cy={y(p.share)} r={2.5}>
              <title>{`${shortDate(p.start, granularity)}: ${said(p)}`}</title>
            </circle>
          ),
        )}
        {periods.map((p, i) => {
          const h = maxVolume ? (p.total / maxVolume) * (VOLUME.bottom - VOLUME.top) : 0;
          return (
            <rect
              key={`v-${p.start}`}
              className="volume"
              x={x(i) - Math.min(4, step / 3)}
              y={VOLUME.bottom - h}
              width={Math.min(8, (2 * step) / 3)}
              height={h}
            />
          );
        })}
        {labelled.map((i) => (
          <text
            key={`d-${i}`}
            className="axis"
            x={x(i)}
            y={120}
            textAnchor={i === 0 ? 'start' : i === periods.length - 1 ? 'end' : 'middle'}
          >
            {shortDate(periods[i]!.start, granularity)}
          </text>
        ))}
      </svg>
      <figcaption className="muted">
        Line: strategic share per {granularity} · bars: {volumeWord} per {granularity} (most: {maxVolume})
      </figcaption>
    </figure>
  );
}
