/**
 * Loads the balance (and, when asked, the team insights) for the gadget and the report, refreshing per
 * configuration.
 */
import { useCallback, useEffect, useState } from 'react';
import type { GadgetData, TeamInsights } from '../../../../src/contract';
import { errorCode, errorText } from '../api/invoke-client';
import { getGadget, getTeamInsights } from '../api/gadget-api';

export type GadgetState =
  | { status: 'loading' }
  | { status: 'unconfigured' }
  | { status: 'error'; message: string }
  | { status: 'ready'; data: GadgetData };
export type InsightsState =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: TeamInsights };

export function useGadgetData(withInsights: boolean) {
  const [state, setState] = useState<GadgetState>({ status: 'loading' });
  const [insights, setInsights] = useState<InsightsState>({ status: 'loading' });
  const load = useCallback(() => {
    getGadget().then((data) => setState({ status: 'ready', data }), (e: unknown) => setState((s) => {
      if (errorCode(e) === 'INVALID_CONFIG') return { status: 'unconfigured' };
      return s.status === 'ready' ? s : { status: 'error', message: errorText(e) };
    }));
    if (withInsights)
      getTeamInsights().then(
        (data) => setInsights({ status: 'ready', data }),
        (e: unknown) => setInsights({ status: 'error', message: errorText(e) }),
      );
  }, [withInsights]);
  useEffect(load, [load]);
  const refreshMinutes = state.status === 'ready' ? state.data.config.refreshMinutes : 0;
  useEffect(() => {
    if (!refreshMinutes) return;
    const timer = setInterval(load, refreshMinutes * 60_000);
    return () => clearInterval(timer);
  }, [refreshMinutes, load]);
  const retry = () => { setState({ status: 'loading' }); load(); };
  return { state, insights, load, retry };
}
