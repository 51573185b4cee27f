/** The dashboard gadget, presentational: balance by count and points, trend, target and drift, epics, drill-down, backfill. */
import type { BackfillStatus, GadgetData } from '../../../src/contract';
import { Lozenge, Section, StackedBar } from './components';

export interface GadgetViewProps { data: GadgetData; onOpenJql: (jql: string) => void; onBackfill: () => void; backfill: BackfillStatus | null; backfillError: string | null }

function TrendChart({ data }: { data: GadgetData }) {
  const unit = data.config.unit;
  const points = data.trend.map((t) => { const v = unit === 'points' ? t.points : t.count; const total = v.strategic + v.tactical + v.mixed; return { start: t.start, share: total ? (v.strategic + v.mixed / 2) / total : null, total }; });
  if (points.length === 0) return <p className="muted">No classified work in this period yet.</p>;
  const w = 600, h = 100, step = points.length > 1 ? w / (points.length - 1) : w;
  const y = (s: number) => h - s * h;
  const path = points.filter((p) => p.share !== null).map((p, i) => `${i ? 'L' : 'M'}${(points.indexOf(p) * step).toFixed(1)},${y(p.share!).toFixed(1)}`).join(' ');
  return (
    <svg className="trend" viewBox={`-4 -4 ${w + 8} ${h + 24}`} width="100%" role="img" aria-label={`Strategic share per ${data.config.trend}, target ${Math.round(data.target.share * 100)}%`}>
      <line x1={0} x2={w} y1={y(data.target.share)} y2={y(data.target.share)} stroke="currentColor" strokeDasharray="4 3" opacity={0.6} />
      <path d={path} fill="none" stroke="var(--ds-background-discovery-bold, #6E5DC6)" strokeWidth={2} />
      <text x={0} y={h + 16} fontSize={10} fill="currentColor">{points[0]!.start}</text>
      <text x={w} y={h + 16} fontSize={10} fill="currentColor" textAnchor="end">{points[points.length - 1]!.start}</text>
    </svg>
  );
}

export function GadgetView({ data, onOpenJql, onBackfill, backfill, backfillError }: GadgetViewProps) {
  const b = data.balance;
  const status = backfill ?? data.backfill;
  const running = status?.state === 'running';
  return (
    <div className="ob">
      <div className="row"><strong>{data.project.name}</strong><span className="muted">({data.project.key}) · last {data.config.period.replace('d', ' days')}</span></div>
      <div className="grid">
        <StackedBar tally={b.count} label="By issue count" unit="" />
        <StackedBar tally={b.points} label="By story points" unit="pts" />
      </div>
      <div className={data.target.drift !== null && Math.abs(data.target.drift) > 0.05 ? 'warning' : 'muted'} role="status">{data.target.message}</div>
      <Section title={`Trend by ${data.config.trend}`}><TrendChart data={data} /></Section>
      <Section title="Drill down">
        <div className="row">{(['strategic', 'tactical', 'mixed', 'unclassified'] as const).map((k) => <button key={k} type="button" onClick={() => onOpenJql(data.jql[k])}>Open {k} issues</button>)}</div>
      </Section>
      <div className="grid">
        {(['strategic', 'tactical'] as const).map((k) => (
          <Section key={k} title={`Largest ${k} epics`}>
            {data.topEpics[k].length === 0 ? <p className="muted">None yet.</p> : <ul className="evidence">{data.topEpics[k].map((e) => <li key={e.key}><Lozenge kind={e.kind} /> {e.key} {e.summary}</li>)}</ul>}
          </Section>
        ))}
      </div>
      {(b.count.unclassified > 0 || running) && (
        <Section title="Classify existing issues">
          {running && status ? (
            <div><div className="progress" role="progressbar" aria-label="Backfill progress" aria-valuemin={0} aria-valuemax={status.total} aria-valuenow={status.done}><span style={{ width: `${status.total ? (status.done / status.total) * 100 : 0}%` }} /></div><p className="muted">{status.done} of {status.total} classified…</p></div>
          ) : <div className="row"><span className="muted">{b.count.unclassified} issues have no tag yet.</span><button className="primary" type="button" onClick={onBackfill}>Classify them</button></div>}
          {backfillError && <div className="error" role="alert">{backfillError}</div>}
        </Section>
      )}
    </div>
  );
}
