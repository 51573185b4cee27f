/**
 * The dashboard gadget, compact (about 500 px tall at 400 px wide): one headline figure against the target
 * in plain units, one bar for the chosen measure whose parts open Jira search, a small trend, the top two
 * flags and the way to the full report.
 */
import type { GadgetData, Tally } from '../../../../src/contract';
import { TALLY_ORDER } from '../components/bars';
import { ShareTrend } from '../components/share-trend';
import { percent } from '../labels';

export interface GadgetViewProps {
  data: GadgetData;
  /** A real URL for a JQL search (opened in a new tab). */
  searchHref: (jql: string) => string;
  onOpenJql: (event: { preventDefault: () => void }, jql: string) => void;
  /** The report page's URL from Forge's router; null until known (the link still opens it). */
  reportHref: string | null;
  onOpenReport: (event: { preventDefault: () => void }) => void;
}

const WORD: Record<(typeof TALLY_ORDER)[number], string> = {
  strategic: 'strategic',
  mixed: 'mixed',
  tactical: 'tactical',
  unclassified: 'unclassified',
};
function gapSentence(share: number | null, target: number): string {
  if (share === null) return `target ${percent(target)}`;
  const points = Math.round(Math.abs(share - target) * 100);
  if (points === 0) return `target ${percent(target)} · on target`;
  const unit = points === 1 ? 'percentage point' : 'percentage points';
  return `target ${percent(target)} · ${points} ${unit} ${share < target ? 'below' : 'above'}`;
}

function MeasureBar({
  tally,
  unit,
  data,
  searchHref,
  onOpenJql,
}: { tally: Tally; unit: string } & Pick<GadgetViewProps, 'data' | 'searchHref' | 'onOpenJql'>) {
  const total = TALLY_ORDER.reduce((s, k) => s + tally[k], 0);
  let x = 0;
  return (
    <div className="measure">
      <svg
        className="bar"
        viewBox="0 0 100 10"
        preserveAspectRatio="none"
        role="group"
        aria-label={`Work by kind, ${unit}`}
      >
        {total > 0 &&
          TALLY_ORDER.map((k) => {
            const width = (tally[k] / total) * 100;
            const seg = (
              <a
                key={k}
                href={searchHref(data.jql[k])}
                target="_blank"
                rel="noreferrer"
                onClick={(e) => onOpenJql(e, data.jql[k])}
                aria-label={`${tally[k]} ${WORD[k]} ${unit}: open in Jira search`}
              >
                <rect className={`fill-${k}`} x={x} y={0} width={width} height={10} />
              </a>
            );
            x += width;
            return seg;
          })}
      </svg>
      <p className="legend">
        {TALLY_ORDER.filter((k) => tally[k] > 0).map((k) => (
          <a
            key={k}
            href={searchHref(data.jql[k])}
            target="_blank"
            rel="noreferrer"
            onClick={(e) => onOpenJql(e, data.jql[k])}
          >
            <span className={`swatch fill-${k}`} aria-hidden="true" /> {tally[k]} {WORD[k]} {unit}
          </a>
        ))}
      </p>
    </div>
  );
}

/** The top two things to know beyond the headline (which already says how far from the target). */
function flagsOf(data: GadgetData): string[] {
  const unclassified = data.balance.count.unclassified;
  const flags: Array<string | null> = [
    data.scope?.message ?? null,
    unclassified > 0
      ? `${unclassified} issue${unclassified === 1 ? ' has' : 's have'} no tag yet: ` +
        'open the full report to classify them.'
      : null,
    data.balance.count.mixed > 0
      ? `${data.balance.count.mixed} issues mix strategic and tactical work.`
      : null,
  ];
  return flags.filter((f): f is string => !!f).slice(0, 2);
}

export function GadgetView({ data, searchHref, onOpenJql, reportHref, onOpenReport }: GadgetViewProps) {
  const { balance, config, target } = data;
  const byPoints = config.unit === 'points';
  const share = byPoints ? balance.strategicShareByPoints : balance.strategicShareByCount;
  const unit = byPoints ? 'story points' : 'issues';
  return (
    <div className="ob gadget">
      <p className="muted">
        {data.project.name} · last {config.period.replace('d', ' days')}
      </p>
      <div className="headline">
        <span className="figure">{share === null ? '—' : percent(share)}</span>
        <span>
          strategic by {byPoints ? 'story points' : 'issue count'}
          <br />
          <span className="muted">{gapSentence(share, target.share)}</span>
        </span>
      </div>
      <MeasureBar
        tally={byPoints ? balance.points : balance.count}
        unit={unit}
        data={data}
        searchHref={searchHref}
        onOpenJql={onOpenJql}
      />
      <ShareTrend
        trend={data.trend}
        unit={config.unit}
        granularity={config.trend}
        targetShare={target.share}
      />
      {flagsOf(data).map((f) => (
        <div key={f} className="flag" role="note">
          {f}
        </div>
      ))}
      <a
        className="report-link"
        href={reportHref ?? '#'}
        target="_blank"
        rel="noreferrer"
        onClick={onOpenReport}
      >
        Open full report
      </a>
    </div>
  );
}
