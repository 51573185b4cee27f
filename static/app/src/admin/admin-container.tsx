/**
 * The Jira admin page container: agreement monitor, learning reset, recomputing figures, and app settings.
 */
import { useCallback, useEffect, useState } from 'react';
import type {
  Agreement,
  AppSettingsData,
  BackfillStatus,
  PersonOption,
  ReconcileStatus,
} from '../../../../src/contract';
import {
  findPeople,
  getAgreement,
  getAppSettings,
  getReconcileStatus,
  listRolePeople,
  resetAdaptation,
  saveAppSettings,
  startReconcile,
} from '../api/admin-api';
import { getBackfillStatus, listProjects, startBackfill, type ProjectOption } from '../api/gadget-api';
import { errorText } from '../api/invoke-client';
import { ErrorState, Loading, Section } from '../components/states';
import { AgreementView } from './agreement-view';
import { ReconcileSection } from './reconcile-section';
import { RolesSection } from './roles-section';

export function AdminContainer() {
  const [data, setData] = useState<Agreement | null>(null);
  const [settings, setSettings] = useState<AppSettingsData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [projects, setProjects] = useState<ProjectOption[]>([]);
  const [reconcile, setReconcile] = useState<ReconcileStatus | null>(null);
  const [people, setPeople] = useState<PersonOption[]>([]);
  const [reclassify, setReclassify] = useState<BackfillStatus | null>(null);
  useEffect(() => { listProjects().then(setProjects, () => setProjects([])); }, []);
  useEffect(() => { listRolePeople().then(setPeople, () => setPeople([])); }, []);
  const load = useCallback(() => {
    setError(null);
    Promise.all([getAgreement(), getAppSettings()]).then(
      ([a, s]) => {
        setData(a);
        setSettings(s);
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, []);
  useEffect(load, [load]);
  const act = <T,>(request: () => Promise<T>, apply: (value: T) => void) => {
    setBusy(true);
    setActionError(null);
    request().then(apply, (e: unknown) => setActionError(errorText(e))).finally(() => setBusy(false));
  };
  if (error) return <ErrorState message={error} onRetry={() => { setData(null); load(); }} />;
  if (!data || !settings) return <Loading what="the agreement monitor" shape="page" />;
  return (
    <div className="ob admin-page">
      <header className="page-header">
        <h1>Ownership Balance</h1>
        <p className="muted">
          How people agree with the automatic tags, what the classifier learned, roles, and figures.
        </p>
      </header>
      <AgreementView data={data} busy={busy} onReset={() => act(resetAdaptation, setData)} />
      <RolesSection
        roles={settings.roles}
        people={people}
        busy={busy}
        onSearch={(q) => findPeople(q)}
        onSave={(roles, person) =>
          act(
            () => saveAppSettings({ ...settings, roles }),
            (s) => {
              setSettings(s);
              if (person && !people.some((p) => p.accountId === person.accountId))
                setPeople([...people, person]);
            },
          )
        }
      />
      {projects.length > 0 ? (
        <ReconcileSection
          projects={projects}
          status={reconcile}
          busy={busy}
          onStart={(key) => act(() => startReconcile(key), setReconcile)}
          onRefresh={(key) => act(() => getReconcileStatus(key), setReconcile)}
          reclassify={reclassify}
          onReclassify={(key) => act(() => startBackfill(key), setReclassify)}
          onRefreshReclassify={(key) => act(() => getBackfillStatus(key), setReclassify)}
        />
      ) : null}
      <Section title="Settings">
        <label className="check">
          <input
            type="checkbox"
            checked={settings.labelSync}
            disabled={busy}
            onChange={(e) => {
              const labelSync = e.target.checked;
              act(() => saveAppSettings({ ...settings, labelSync }), setSettings);
            }}
          />
          Add strategic-pm / tactical-po labels when classifying
        </label>
      </Section>
      {actionError && (
        <div className="error" role="alert">
          {actionError}
        </div>
      )}
    </div>
  );
}
