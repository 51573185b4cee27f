/**
 * Hand-written SVG bars (no chart library, no inline style): the strategic share of one issue, and
 * a stacked bar of a tally by kind with a legend table that carries the same numbers as text.
 */
import type { Tally } from '../../../../src/contract';
import { percent } from '../labels';

export function ShareBar({ share, label }: { share: number; label: string }) {
  const strategic = Math.round(share * 100);
  return (
    <div className="row">
      <svg
        className="bar"
        viewBox="0 0 100 10"
        preserveAspectRatio="none"
        role="img"
        aria-label={`${label}: ${strategic}% strategic`}
      >
        <rect className="fill-strategic" x={0} y={0} width={strategic} height={10} />
        <rect className="fill-tactical" x={strategic} y={0} width={100 - strategic} height={10} />
      </svg>
      <span className="muted" aria-hidden="true">
        {strategic}% strategic
      </span>
    </div>
  );
}

export const TALLY_ORDER = ['strategic', 'mixed', 'tactical', 'unclassified'] as const;
const LEGEND: Record<(typeof TALLY_ORDER)[number], string> = {
  strategic: 'Strategic',
  mixed: 'Mixed',
  tactical: 'Tactical',
  unclassified: 'Unclassified',
};

export function BalanceBar({
  tally,
  label,
  unit,
  share,
}: {
  tally: Tally;
  label: string;
  unit: string;
  share?: number | null;
}) {
  const total = TALLY_ORDER.reduce((sum, k) => sum + tally[k], 0);
  let x = 0;
  const segments =
    total > 0
      ? TALLY_ORDER.map((k) => {
          const width = (tally[k] / total) * 100;
          const rect = (
            <rect key={k} className={`fill-${k}`} x={x} y={0} width={width} height={10}>
              <title>{`${LEGEND[k]}: ${tally[k]} ${unit}`}</title>
            </rect>
          );
          x += width;
          return rect;
        })
      : null;
  return (
    <figure className="balance">
      <figcaption className="muted">
        {label}
        {share !== undefined && share !== null ? ` · ${percent(share)} strategic` : ''}
      </figcaption>
      <svg
        className="bar"
        viewBox="0 0 100 10"
        preserveAspectRatio="none"
        role="img"
        aria-label={`${label}: ${TALLY_ORDER.map((k) => `${k} ${tally[k]}`).join(', ')}`}
      >
        {segments}
      </svg>
      <table className="tally" aria-label={`${label}, by kind`}>
        <tbody>
          <tr>
            {TALLY_ORDER.map((k) => (
              <td key={k}>
                <span className={`swatch fill-${k}`} aria-hidden="true" /> {LEGEND[k]} {tally[k]}
                {unit ? ` ${unit}` : ''}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </figure>
  );
}
