/** The admin page's agreement monitor, presentational: how often people confirmed or overrode, and what was learned. */
import type { Agreement } from '../../../../src/contract';
import { Section } from '../components/states';
import { signalText } from '../labels';

const pct = (x: number | null) => (x === null ? 'n/a' : `${Math.round(x * 100)}%`);

export function AgreementView({ data, onReset, busy }: { data: Agreement; onReset: () => void; busy: boolean }) {
  const reviewed = data.reviewed.confirmed + data.reviewed.overridden;
  return (
    <div className="ob">
      <Section title="Agreement">
        <p>{reviewed} of {data.classified} classified issues were reviewed by people: {data.reviewed.confirmed} confirmed, {data.reviewed.overridden} overridden ({pct(reviewed ? data.reviewed.confirmed / reviewed : null)} agreement).</p>
        <table className="tally">
          <thead><tr><th scope="col">Automatic tag</th><th scope="col">Confirmed</th><th scope="col">Overridden</th></tr></thead>
          <tbody>{(['strategic', 'tactical', 'mixed'] as const).map((k) => <tr key={k}><td>{k}</td><td>{data.byKind[k].confirmed}</td><td>{data.byKind[k].overridden}</td></tr>)}</tbody>
        </table>
        <table className="tally">
          <thead><tr><th scope="col">Week</th><th scope="col">Confirmed</th><th scope="col">Overridden</th></tr></thead>
          <tbody>{data.byWeek.map((w) => <tr key={w.start}><td>{w.start}</td><td>{w.confirmed}</td><td>{w.overridden}</td></tr>)}</tbody>
        </table>
      </Section>
      <Section title="What the classifier learned on this site">
        {data.adaptation && data.adaptation.signals.length > 0 ? (
          <>
            <p className="muted">From {data.adaptation.learnedFrom} overrides. Held-out check: agreement {pct(data.heldOut.agreementBefore)} before learning, {pct(data.heldOut.agreementAfter)} after ({data.heldOut.heldOut} held out).</p>
            <table className="tally">
              <thead><tr><th scope="col">Signal</th><th scope="col">Weight</th><th scope="col">Overrides</th></tr></thead>
              <tbody>{data.adaptation.signals.map((s) => <tr key={s.signal}><td>{signalText(s.signal)}</td><td>×{s.factor.toFixed(2)}</td><td>{s.overrides}</td></tr>)}</tbody>
            </table>
            <button type="button" onClick={onReset} disabled={busy}>Reset learning</button>
          </>
        ) : <p className="muted">Nothing learned yet: the classifier uses its original weights.</p>}
      </Section>
    </div>
  );
}
