/** The full report (project page), presentational: both measures, trend, target and drift, epics, drill-down. */
import type { GadgetData, IssueRef } from '../../../../src/contract';
import { BalanceBar } from '../components/bars';
import { Lozenge } from '../components/lozenge';
import { Section } from '../components/states';
import { TrendChart } from '../components/trend-chart';

export interface ReportViewProps {
  data: GadgetData;
  onOpenJql: (jql: string) => void;
  onOpenIssue: (key: string) => void;
}

const DRILL_DOWN = [['strategic', 'Strategic'], ['tactical', 'Tactical'], ['mixed', 'Mixed'], ['unclassified', 'Unclassified'], ['all', 'All']] as const;
/** Drift beyond five points of share is worth a warning colour. */
export const DRIFT_WARNING = 0.05;

function EpicList({ epics, onOpenIssue }: { epics: IssueRef[]; onOpenIssue: (key: string) => void }) {
  if (epics.length === 0) return <p className="muted">None yet.</p>;
  return (
    <ul className="epics">
      {epics.map((e) => (
        <li key={e.key}><Lozenge kind={e.kind} /> <button type="button" className="link" onClick={() => onOpenIssue(e.key)}>{e.key}</button> <span>{e.summary}</span></li>
      ))}
    </ul>
  );
}

export function ReportView({ data, onOpenJql, onOpenIssue }: ReportViewProps) {
  const { balance, config, target } = data;
  const drifting = target.drift !== null && Math.abs(target.drift) > DRIFT_WARNING;
  return (
    <div className="ob">
      <div className="row"><strong>{data.project.name}</strong><span className="muted">({data.project.key}) · last {config.period.replace('d', ' days')}</span></div>
      <div className="grid">
        <BalanceBar tally={balance.count} label="By issue count" unit="" share={balance.strategicShareByCount} />
        <BalanceBar tally={balance.points} label="By story points" unit="pts" share={balance.strategicShareByPoints} />
      </div>
      <div className={drifting ? 'warning' : 'muted'} role="status">{target.message}</div>
      {data.scope?.message ? <p className="muted scope-note" role="note">{data.scope.message}</p> : null}
      <Section title={`Trend by ${config.trend} (${config.unit === 'points' ? 'story points' : 'issue count'})`}>
        <TrendChart trend={data.trend} unit={config.unit} granularity={config.trend} targetShare={target.share} />
        <p className="muted legend"><span className="swatch fill-strategic" aria-hidden="true" /> strategic <span className="swatch fill-mixed" aria-hidden="true" /> mixed <span className="swatch fill-tactical" aria-hidden="true" /> tactical <span className="dash" aria-hidden="true" /> target {Math.round(target.share * 100)}%</p>
      </Section>
      <Section title="Open in Jira search">
        <div className="row">{DRILL_DOWN.map(([k, label]) => <button key={k} type="button" className="link" onClick={() => onOpenJql(data.jql[k])}>{label} issues</button>)}</div>
      </Section>
      <div className="grid">
        <Section title="Largest strategic epics"><EpicList epics={data.topEpics.strategic} onOpenIssue={onOpenIssue} /></Section>
        <Section title="Largest tactical epics"><EpicList epics={data.topEpics.tactical} onOpenIssue={onOpenIssue} /></Section>
      </div>
    </div>
  );
}
