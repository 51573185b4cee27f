/**
 * The full report (project page), presentational: both measures, the trend with its volume, target and
 * drift, drill-down and the largest epics — every way out a real link that opens in a new tab.
 */
import type { GadgetData, IssueRef } from '../../../../src/contract';
import { BalanceBar } from '../components/bars';
import { Lozenge } from '../components/lozenge';
import { ShareTrend } from '../components/share-trend';
import { Section } from '../components/states';

type Click = { preventDefault: () => void };

export interface ReportViewProps {
  data: GadgetData;
  /** Real URLs, so a link can also be opened with the browser's own new-tab gestures. */
  hrefs: { search: (jql: string) => string; issue: (key: string) => string };
  onOpenJql: (event: Click, jql: string) => void;
  onOpenIssue: (event: Click, key: string) => void;
}

const DRILL_DOWN = [
  ['strategic', 'Strategic'],
  ['tactical', 'Tactical'],
  ['mixed', 'Mixed'],
  ['unclassified', 'Unclassified'],
  ['all', 'All'],
] as const;
/** Drift beyond five percentage points is worth a warning colour. */
export const DRIFT_WARNING = 0.05;

function EpicList({
  epics,
  hrefs,
  onOpenIssue,
}: { epics: IssueRef[] } & Pick<ReportViewProps, 'hrefs' | 'onOpenIssue'>) {
  if (epics.length === 0) return <p className="muted">None yet.</p>;
  return (
    <ul className="epics">
      {epics.map((e) => (
        <li key={e.key}>
          <Lozenge kind={e.kind} />{' '}
          <a
            href={hrefs.issue(e.key)}
            target="_blank"
            rel="noreferrer"
            onClick={(ev) => onOpenIssue(ev, e.key)}
          >
            {e.key}
          </a>{' '}
          <span>{e.summary}</span>
        </li>
      ))}
    </ul>
  );
}

export function ReportView({ data, hrefs, onOpenJql, onOpenIssue }: ReportViewProps) {
  const { balance, config, target } = data;
  const drifting = target.drift !== null && Math.abs(target.drift) > DRIFT_WARNING;
  return (
    <div className="ob">
      <div className="row">
        <strong>{data.project.name}</strong>
        <span className="muted">
          ({data.project.key}) · last {config.period.replace('d', ' days')}
        </span>
      </div>
      <div className="grid">
        <BalanceBar
          tally={balance.count}
          label="By issue count"
          unit="issues"
          share={balance.strategicShareByCount}
        />
        <BalanceBar
          tally={balance.points}
          label="By story points"
          unit="pts"
          share={balance.strategicShareByPoints}
        />
      </div>
      <div className={drifting ? 'warning' : 'muted'} role="status">
        {target.message}
      </div>
      {data.scope?.message ? (
        <p className="muted scope-note" role="note">
          {data.scope.message}
        </p>
      ) : null}
      <Section
        title={`Trend by ${config.trend} (${config.unit === 'points' ? 'story points' : 'issue count'})`}
      >
        <ShareTrend
          trend={data.trend}
          unit={config.unit}
          granularity={config.trend}
          targetShare={target.share}
        />
      </Section>
      <Section title="Open in Jira search">
        <div className="row">
          {DRILL_DOWN.map(([k, label]) => (
            <a
              key={k}
              href={hrefs.search(data.jql[k])}
              target="_blank"
              rel="noreferrer"
              onClick={(e) => onOpenJql(e, data.jql[k])}
            >
              {label} issues
            </a>
          ))}
        </div>
      </Section>
      <div className="grid">
        <Section title="Largest strategic epics">
          <EpicList epics={data.topEpics.strategic} hrefs={hrefs} onOpenIssue={onOpenIssue} />
        </Section>
        <Section title="Largest tactical epics">
          <EpicList epics={data.topEpics.tactical} hrefs={hrefs} onOpenIssue={onOpenIssue} />
        </Section>
      </div>
    </div>
  );
}
