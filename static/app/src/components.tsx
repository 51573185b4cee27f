/** Presentational pieces: props in, markup out. Jira text is always rendered as text. */
import type { ReactNode } from 'react';
import type { Kind } from '../../../src/domain/types';
import type { Tally } from '../../../src/contract';
import { KIND_LABEL } from './labels';

export function Lozenge({ kind }: { kind: Kind | null }) {
  return <span className={`lozenge ${kind ?? 'none'}`}>{kind ? KIND_LABEL[kind] : 'Unclassified'}</span>;
}

export function ShareBar({ share, label }: { share: number; label: string }) {
  const pct = Math.round(share * 100);
  return (
    <div className="row" role="img" aria-label={`${label}: ${pct}% strategic`}>
      <div className="bar"><span className="fill-strategic" style={{ width: `${pct}%` }} /><span className="fill-tactical" style={{ width: `${100 - pct}%` }} /></div>
      <span className="muted">{pct}% strategic</span>
    </div>
  );
}

const ORDER = ['strategic', 'mixed', 'tactical', 'unclassified'] as const;

export function StackedBar({ tally, label, unit }: { tally: Tally; label: string; unit: string }) {
  const total = ORDER.reduce((s, k) => s + tally[k], 0);
  return (
    <figure style={{ margin: 0 }}>
      <figcaption className="muted">{label}</figcaption>
      <div className="bar" role="img" aria-label={`${label}: ${ORDER.map((k) => `${k} ${tally[k]}`).join(', ')}`}>
        {total > 0 && ORDER.map((k) => <span key={k} className={`fill-${k}`} style={{ width: `${(tally[k] / total) * 100}%` }} />)}
      </div>
      <table className="tally"><tbody><tr>{ORDER.map((k) => <td key={k}><span className={`lozenge ${k === 'unclassified' ? 'none' : k}`}>{k}</span> {tally[k]} {unit}</td>)}</tr></tbody></table>
    </figure>
  );
}

export function Loading({ what }: { what: string }) {
  return <div className="ob" role="status" aria-live="polite">Loading {what}…</div>;
}

export function ErrorState({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div className="ob">
      <div className="error" role="alert">{message}</div>
      <div><button type="button" onClick={onRetry}>Retry</button></div>
    </div>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return <section><h2>{title}</h2>{children}</section>;
}
