/** The issue panel container: loads, refreshes on JIRA_ISSUE_CHANGED, overrides. */
import { events } from '@forge/bridge';
import { useCallback, useEffect, useState } from 'react';
import type { IssuePanelData } from '../../../src/contract';
import type { Kind } from '../../../src/domain/types';
import { call, ResolverCallError } from './api';
import { ErrorState, Loading } from './components';
import { PanelView } from './panel-view';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: IssuePanelData };

export function IssuePanel() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const load = useCallback(() => {
    call('getIssuePanel', {}).then((data) => setState({ status: 'ready', data }), (e: unknown) => setState({ status: 'error', message: e instanceof ResolverCallError ? e.message : 'Something went wrong.' }));
  }, []);
  useEffect(() => {
    load();
    const sub = events.on('JIRA_ISSUE_CHANGED', () => load());
    return () => { void sub.then((s) => s.unsubscribe()).catch(() => undefined); };
  }, [load]);
  const act = (p: Promise<IssuePanelData>) => {
    setBusy(true);
    setActionError(null);
    p.then((data) => setState({ status: 'ready', data }), (e: unknown) => setActionError(e instanceof Error ? e.message : 'Could not save.')).finally(() => setBusy(false));
  };
  if (state.status === 'loading') return <Loading what="the ownership tag" />;
  if (state.status === 'error') return <ErrorState message={state.message} onRetry={() => { setState({ status: 'loading' }); load(); }} />;
  return <PanelView data={state.data} busy={busy} actionError={actionError}
    onOverride={(kind: Kind, note: string) => act(call('setOverride', note ? { kind, note } : { kind }))} onClear={() => act(call('clearOverride', {}))} />;
}
