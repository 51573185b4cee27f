/**
 * The project page's full report: both measures, the trend, team balance, hierarchy health, the largest
 * epics.
 */
import { ErrorState, Loading, Section } from '../components/states';
import { BackfillSection } from '../gadget/backfill-section';
import { issuePath, jqlSearchPath, openInNewTab, useSiteUrl } from '../gadget/links';
import { useBackfill } from '../gadget/use-backfill';
import { useGadgetData } from '../gadget/use-gadget-data';
import { ReportView } from './report-view';
import { TeamView } from './team-view';

export function ReportContainer() {
  const { state, insights, load, retry } = useGadgetData(true);
  const data = state.status === 'ready' ? state.data : null;
  const backfill = useBackfill(data?.config.projectKey ?? null, data?.backfill ?? null, load);
  const siteUrl = useSiteUrl();
  if (state.status === 'loading' || state.status === 'unconfigured')
    return <Loading what="the ownership report" shape="page" />;
  if (state.status === 'error') return <ErrorState message={state.message} onRetry={retry} />;
  const hrefs = {
    search: (jql: string) => `${siteUrl}${jqlSearchPath(jql)}`,
    issue: (key: string) => `${siteUrl}${issuePath(key)}`,
  };
  return (
    <div className="report">
      <h1 className="page-title">Ownership balance</h1>
      <ReportView
        data={state.data}
        hrefs={hrefs}
        onOpenJql={(e, jql) => openInNewTab(e, jqlSearchPath(jql))}
        onOpenIssue={(e, key) => openInNewTab(e, issuePath(key))}
      />
      <div className="ob">
        <BackfillSection
          unclassified={state.data.balance.count.unclassified}
          status={backfill.status}
          error={backfill.error}
          starting={backfill.starting}
          onStart={backfill.start}
        />
        <Section title="Team and hierarchy">
          {insights.status === 'ready' && (
            <TeamView
              data={insights.data}
              searchHref={hrefs.search}
              onOpenJql={(e, jql) => openInNewTab(e, jqlSearchPath(jql))}
            />
          )}
          {insights.status === 'loading' && (
            <p className="muted" role="status">
              Loading team balance…
            </p>
          )}
          {insights.status === 'error' && (
            <p className="muted" role="note">
              Team balance is not available: {insights.message}
            </p>
          )}
        </Section>
      </div>
    </div>
  );
}
