/** The gadget containers: view (data, refresh, backfill polling) and edit (validated configuration). */
import { router, view } from '@forge/bridge';
import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_GADGET_CONFIG, GadgetConfigSchema, type BackfillStatus, type GadgetConfig, type GadgetData, type TeamInsights } from '../../../src/contract';
import { TeamView } from './team-view';
import { Section } from './components';
import { call, ResolverCallError } from './api';
import { ErrorState, Loading } from './components';
import { GadgetView } from './gadget-view';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: GadgetData };

export function Gadget() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [backfill, setBackfill] = useState<BackfillStatus | null>(null);
  const [backfillError, setBackfillError] = useState<string | null>(null);
  const [insights, setInsights] = useState<TeamInsights | null>(null);
  const load = useCallback(() => {
    call('getGadget', {}).then((data) => { setState({ status: 'ready', data }); setBackfill(data.backfill); }, (e: unknown) => setState({ status: 'error', message: e instanceof ResolverCallError ? e.message : 'Something went wrong.' }));
    call('getTeamInsights', {}).then(setInsights, () => setInsights(null));
  }, []);
  useEffect(() => { load(); }, [load]);
  const data = state.status === 'ready' ? state.data : null;
  useEffect(() => {
    if (!data || !data.config.refreshMinutes) return;
    const t = setInterval(load, data.config.refreshMinutes * 60000);
    return () => clearInterval(t);
  }, [data, load]);
  useEffect(() => {
    if (!data || backfill?.state !== 'running') return;
    const t = setTimeout(() => {
      call('getBackfillStatus', { projectKey: data.config.projectKey }).then((s) => { setBackfill(s); if (s.state !== 'running') load(); }, () => undefined);
    }, 1000);
    return () => clearTimeout(t);
  }, [backfill, data, load]);
  if (state.status === 'loading') return <Loading what="the ownership balance" />;
  if (state.status === 'error') return <ErrorState message={state.message} onRetry={() => { setState({ status: 'loading' }); load(); }} />;
  const openJql = (jql: string) => void router.open(`/issues/?jql=${encodeURIComponent(jql)}`);
  return (
    <>
      <GadgetView data={state.data} backfill={backfill} backfillError={backfillError} onOpenJql={openJql}
        onBackfill={() => { setBackfillError(null); call('startBackfill', { projectKey: state.data.config.projectKey }).then(setBackfill, (e: unknown) => setBackfillError((e as Error).message)); }} />
      <div className="ob"><Section title="Team and hierarchy">{insights ? <TeamView data={insights} onOpenJql={openJql} /> : <p className="muted" role="status">Loading team balance…</p>}</Section></div>
    </>
  );
}

export function GadgetEdit({ initial }: { initial: Partial<GadgetConfig> }) {
  const [projects, setProjects] = useState<Array<{ key: string; name: string }> | null>(null);
  const [config, setConfig] = useState<Record<string, unknown>>({ ...DEFAULT_GADGET_CONFIG, projectKey: '', ...initial });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => { call('listProjects', {}).then(setProjects, (e: unknown) => setFailure((e as Error).message)); }, []);
  const set = (k: string, v: unknown) => setConfig((c) => ({ ...c, [k]: v }));
  const submit = async () => {
    const parsed = GadgetConfigSchema.safeParse(config);
    if (!parsed.success) { setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? 'form'), i.message]))); return; }
    setErrors({});
    try { await call('validateGadgetConfig', { config: parsed.data }); await view.submit(parsed.data); } catch (e) { setFailure((e as Error).message); }
  };
  const err = (k: string) => errors[k] ? <span className="field-error" id={`${k}-error`}>{errors[k]}</span> : null;
  return (
    <form className="ob" noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <label>Project
        <select value={String(config.projectKey)} onChange={(e) => set('projectKey', e.target.value)} aria-describedby="projectKey-error">
          <option value="">{projects ? 'Choose a project' : 'Loading projects…'}</option>
          {(projects ?? []).map((p) => <option key={p.key} value={p.key}>{p.name} ({p.key})</option>)}
        </select>{err('projectKey')}</label>
      <label>Period<select value={String(config.period)} onChange={(e) => set('period', e.target.value)}>{['30d', '90d', '180d', '365d'].map((p) => <option key={p} value={p}>Last {p.replace('d', ' days')}</option>)}</select></label>
      <label>Unit<select value={String(config.unit)} onChange={(e) => set('unit', e.target.value)}><option value="count">Issue count</option><option value="points">Story points</option></select></label>
      <label>Trend<select value={String(config.trend)} onChange={(e) => set('trend', e.target.value)}><option value="week">By week</option><option value="month">By month</option></select></label>
      <label>Target strategic share (%)<input type="number" min={0} max={100} value={Math.round(Number(config.targetShare) * 100)} onChange={(e) => set('targetShare', Number(e.target.value) / 100)} aria-describedby="targetShare-error" />{err('targetShare')}</label>
      <label>Refresh<select value={String(config.refreshMinutes)} onChange={(e) => set('refreshMinutes', Number(e.target.value))}>{[0, 5, 15, 30, 60].map((m) => <option key={m} value={m}>{m ? `Every ${m} minutes` : 'Never'}</option>)}</select></label>
      {failure && <div className="error" role="alert">{failure}</div>}
      <div className="row"><button className="primary" type="submit">Save</button></div>
    </form>
  );
}
