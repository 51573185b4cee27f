/**
 * The gadget view container: loads the balance, shows the compact gadget, or — for a project with no tag
 * yet — a card whose first action is to classify its issues, with progress and a success message.
 */
import { router } from '@forge/bridge';
import { useEffect, useState } from 'react';
import type { GadgetData } from '../../../../src/contract';
import { EmptyState, ErrorState, Loading } from '../components/states';
import { BackfillSection } from './backfill-section';
import { GadgetView } from './gadget-view';
import { jqlSearchPath, openInNewTab, reportLocation, useSiteUrl } from './links';
import { useBackfill } from './use-backfill';
import { useGadgetData } from './use-gadget-data';

const classifiedIn = (data: GadgetData) =>
  data.balance.count.strategic + data.balance.count.tactical + data.balance.count.mixed;

/** The report page's real URL, from Forge's router (null until known). */
function useReportUrl(projectKey: string | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!projectKey) return;
    router.getUrl(reportLocation(projectKey)).then(
      (u) => setUrl(u ? u.toString() : null),
      () => setUrl(null),
    );
  }, [projectKey]);
  return url;
}

export function GadgetContainer() {
  const { state, load, retry } = useGadgetData(false);
  const siteUrl = useSiteUrl();
  const data = state.status === 'ready' ? state.data : null;
  const backfill = useBackfill(data?.config.projectKey ?? null, data?.backfill ?? null, load);
  const reportUrl = useReportUrl(data?.config.projectKey ?? null);
  // A run seen going in this view ends with its success message; an old finished run says nothing.
  const [sawRun, setSawRun] = useState(false);
  useEffect(() => { if (backfill.status?.state === 'running') setSawRun(true); }, [backfill.status]);
  if (state.status === 'loading') return <Loading what="the ownership balance" shape="gadget" />;
  if (state.status === 'unconfigured')
    return (
      <EmptyState title="This gadget has no project yet.">
        <p className="muted">Open the gadget’s menu and choose Edit to pick a project and a target.</p>
      </EmptyState>
    );
  if (state.status === 'error') return <ErrorState message={state.message} onRetry={retry} />;
  const d = state.data;
  const backfillSection = (
    <BackfillSection
      unclassified={d.balance.count.unclassified}
      status={backfill.status}
      error={backfill.error}
      starting={backfill.starting}
      onStart={backfill.start}
    />
  );
  if (classifiedIn(d) === 0) {
    return (
      <div className="ob">
        <EmptyState title={`No issue in ${d.project.name} has a tag yet.`}>
          {backfillSection}
          {d.balance.count.unclassified === 0 && backfill.status?.state !== 'running' && (
            <p className="muted">There are no issues in the last {d.config.period.replace('d', ' days')}.</p>
          )}
        </EmptyState>
      </div>
    );
  }
  const project = d.config.projectKey;
  return (
    <>
      <GadgetView
        data={d}
        searchHref={(jql) => `${siteUrl}${jqlSearchPath(jql)}`}
        onOpenJql={(e, jql) => openInNewTab(e, jqlSearchPath(jql))}
        reportHref={reportUrl}
        onOpenReport={(e) => openInNewTab(e, reportLocation(project))}
      />
      {backfill.status?.state === 'running' ||
      backfill.error ||
      (sawRun && backfill.status?.state === 'done') ? (
        <div className="ob">{backfillSection}</div>
      ) : null}
    </>
  );
}
