/** The gadget view container: loads the balance, refreshes per configuration, runs the backfill, opens Jira search. */
import { router } from '@forge/bridge';
import { useCallback, useEffect, useState } from 'react';
import type { GadgetData, TeamInsights } from '../../../../src/contract';
import { errorCode, errorText } from '../api/invoke-client';
import { getGadget, getTeamInsights } from '../api/gadget-api';
import { EmptyState, ErrorState, Loading, Section } from '../components/states';
import { BackfillSection } from './backfill-section';
import { GadgetView } from './gadget-view';
import { TeamView } from './team-view';
import { useBackfill } from './use-backfill';

type State = { status: 'loading' } | { status: 'unconfigured' } | { status: 'error'; message: string } | { status: 'ready'; data: GadgetData };
type Insights = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: TeamInsights };

export const jqlSearchPath = (jql: string): string => `/issues/?jql=${encodeURIComponent(jql)}`;

export function GadgetContainer() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [insights, setInsights] = useState<Insights>({ status: 'loading' });
  const load = useCallback(() => {
    getGadget().then((data) => setState({ status: 'ready', data }), (e: unknown) => setState((s) => {
      if (errorCode(e) === 'INVALID_CONFIG') return { status: 'unconfigured' };
      return s.status === 'ready' ? s : { status: 'error', message: errorText(e) };
    }));
    getTeamInsights().then((data) => setInsights({ status: 'ready', data }), (e: unknown) => setInsights({ status: 'error', message: errorText(e) }));
  }, []);
  useEffect(load, [load]);
  const data = state.status === 'ready' ? state.data : null;
  const refreshMinutes = data?.config.refreshMinutes ?? 0;
  useEffect(() => {
    if (!refreshMinutes) return;
    const timer = setInterval(load, refreshMinutes * 60_000);
    return () => clearInterval(timer);
  }, [refreshMinutes, load]);
  const backfill = useBackfill(data?.config.projectKey ?? null, data?.backfill ?? null, load);

  if (state.status === 'loading') return <Loading what="the ownership balance" />;
  if (state.status === 'unconfigured') return <EmptyState title="This gadget has no project yet."><p className="muted">Open the gadget’s menu and choose Edit to pick a project and a target.</p></EmptyState>;
  if (state.status === 'error') return <ErrorState message={state.message} onRetry={() => { setState({ status: 'loading' }); load(); }} />;
  const openJql = (jql: string) => { void router.open(jqlSearchPath(jql)).catch(() => undefined); };
  const openIssue = (key: string) => { void router.open(`/browse/${encodeURIComponent(key)}`).catch(() => undefined); };
  return (
    <>
      <GadgetView data={state.data} onOpenJql={openJql} onOpenIssue={openIssue} />
      <div className="ob">
        <BackfillSection unclassified={state.data.balance.count.unclassified} status={backfill.status} error={backfill.error} starting={backfill.starting} onStart={backfill.start} />
        <Section title="Team and hierarchy">
          {insights.status === 'ready' && <TeamView data={insights.data} onOpenJql={openJql} />}
          {insights.status === 'loading' && <p className="muted" role="status">Loading team balance…</p>}
          {insights.status === 'error' && <p className="muted" role="note">Team balance is not available: {insights.message}</p>}
        </Section>
      </div>
    </>
  );
}
