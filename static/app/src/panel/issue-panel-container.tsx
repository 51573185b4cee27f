/** The issue panel container: loads, refreshes on JIRA_ISSUE_CHANGED, sends overrides. */
import { events } from '@forge/bridge';
import { useCallback, useEffect, useState } from 'react';
import type { IssuePanelData } from '../../../../src/contract';
import type { Kind } from '../../../../src/domain/types';
import { errorText } from '../api/invoke-client';
import { clearOverride, getIssuePanel, setOverride } from '../api/panel-api';
import { ErrorState, Loading } from '../components/states';
import { PanelView } from './panel-view';

type State =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: IssuePanelData };

export function IssuePanelContainer() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const load = useCallback(() => {
    getIssuePanel().then(
      (data) => setState({ status: 'ready', data }),
      (e: unknown) =>
        setState((s) => (s.status === 'ready' ? s : { status: 'error', message: errorText(e) })),
    );
  }, []);
  useEffect(() => {
    load();
    const subscription = events.on('JIRA_ISSUE_CHANGED', () => load());
    return () => { subscription.then((s) => s.unsubscribe(), () => undefined); };
  }, [load]);
  const act = (request: () => Promise<IssuePanelData>) => {
    setBusy(true);
    setActionError(null);
    request()
      .then((data) => setState({ status: 'ready', data }), (e: unknown) => setActionError(errorText(e)))
      .finally(() => setBusy(false));
  };
  if (state.status === 'loading') return <Loading what="the ownership tag" shape="panel" />;
  if (state.status === 'error')
    return (
      <ErrorState
        message={state.message}
        onRetry={() => {
          setState({ status: 'loading' });
          load();
        }}
      />
    );
  return (
    <PanelView data={state.data} busy={busy} actionError={actionError}
      onOverride={(kind: Kind, note: string) => act(() => setOverride(note ? { kind, note } : { kind }))}
      onClear={() => act(() => clearOverride())} />
  );
}
