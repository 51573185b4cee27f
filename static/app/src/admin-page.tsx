/** The Jira admin page: agreement monitor, what the classifier learned (with reset), and app settings. */
import { useCallback, useEffect, useState } from 'react';
import type { Agreement, AppSettingsData } from '../../../src/contract';
import { call, ResolverCallError } from './api';
import { ErrorState, Loading, Section } from './components';
import { signalText } from './labels';

const pct = (x: number | null) => (x === null ? 'n/a' : `${Math.round(x * 100)}%`);

export function AgreementView({ data, onReset, busy }: { data: Agreement; onReset: () => void; busy: boolean }) {
  const reviewed = data.reviewed.confirmed + data.reviewed.overridden;
  return (
    <div className="ob">
      <Section title="Agreement">
        <p>{reviewed} of {data.classified} classified issues were reviewed by people: {data.reviewed.confirmed} confirmed, {data.reviewed.overridden} overridden ({pct(reviewed ? data.reviewed.confirmed / reviewed : null)} agreement).</p>
        <table className="tally"><thead><tr><th scope="col">Automatic tag</th><th scope="col">Confirmed</th><th scope="col">Overridden</th></tr></thead>
          <tbody>{(['strategic', 'tactical', 'mixed'] as const).map((k) => <tr key={k}><td>{k}</td><td>{data.byKind[k].confirmed}</td><td>{data.byKind[k].overridden}</td></tr>)}</tbody></table>
        <table className="tally"><thead><tr><th scope="col">Week</th><th scope="col">Confirmed</th><th scope="col">Overridden</th></tr></thead>
          <tbody>{data.byWeek.map((w) => <tr key={w.start}><td>{w.start}</td><td>{w.confirmed}</td><td>{w.overridden}</td></tr>)}</tbody></table>
      </Section>
      <Section title="What the classifier learned on this site">
        {data.adaptation && data.adaptation.signals.length > 0 ? (
          <>
            <p className="muted">From {data.adaptation.learnedFrom} overrides. Held-out check: agreement {pct(data.heldOut.agreementBefore)} before learning, {pct(data.heldOut.agreementAfter)} after ({data.heldOut.heldOut} held out).</p>
            <table className="tally"><thead><tr><th scope="col">Signal</th><th scope="col">Weight</th><th scope="col">Overrides</th></tr></thead>
              <tbody>{data.adaptation.signals.map((s) => <tr key={s.signal}><td>{signalText(s.signal)}</td><td>×{s.factor.toFixed(2)}</td><td>{s.overrides}</td></tr>)}</tbody></table>
            <button type="button" onClick={onReset} disabled={busy}>Reset learning</button>
          </>
        ) : <p className="muted">Nothing learned yet: the classifier uses its original weights.</p>}
      </Section>
    </div>
  );
}

export function AdminPage() {
  const [data, setData] = useState<Agreement | null>(null);
  const [settings, setSettings] = useState<AppSettingsData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => {
    setError(null);
    Promise.all([call('getAgreement', {}), call('getAppSettings', {})]).then(([a, s]) => { setData(a); setSettings(s); }, (e: unknown) => setError(e instanceof ResolverCallError ? e.message : 'Something went wrong.'));
  }, []);
  useEffect(load, [load]);
  if (error) return <ErrorState message={error} onRetry={load} />;
  if (!data || !settings) return <Loading what="the agreement monitor" />;
  return (
    <div className="ob">
      <AgreementView data={data} busy={busy} onReset={() => { setBusy(true); call('resetAdaptation', {}).then(setData, (e: unknown) => setError((e as Error).message)).finally(() => setBusy(false)); }} />
      <Section title="Settings">
        <label className="row" style={{ flexDirection: 'row' }}><input type="checkbox" checked={settings.labelSync} disabled={busy}
          onChange={(e) => { setBusy(true); call('saveAppSettings', { settings: { ...settings, labelSync: e.target.checked } }).then(setSettings, (x: unknown) => setError((x as Error).message)).finally(() => setBusy(false)); }} />
          Add strategic-pm / tactical-po labels when classifying</label>
      </Section>
    </div>
  );
}
