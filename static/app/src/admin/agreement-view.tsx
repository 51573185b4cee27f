/**
 * The admin page's agreement monitor, presentational: summary cards, how often people confirmed or changed
 * the automatic tag (an agreement rate only past a minimum sample), and the signals learning now trusts
 * more or less, with a reset behind a confirmation.
 */
import { useState } from 'react';
import type { Agreement } from '../../../../src/contract';
import { ConfirmDialog } from '../components/confirm-dialog';
import { Section } from '../components/states';
import { KIND_LABEL, signalText } from '../labels';

/** Fewer reviews than this say nothing about agreement: the rate is not shown. */
export const MIN_REVIEWS = 20;
/** Fewer reviews kept aside than this say nothing about whether learning helps. */
export const MIN_HELD_OUT = 5;

const pct = (x: number) => `${Math.round(x * 100)}%`;

function Card({ label, value, note }: { label: string; value: string; note: string }) {
  return <div className="card"><div className="card-label">{label}</div><div className="card-value">{value}</div><div className="muted">{note}</div></div>;
}

function trustWords(factor: number): string {
  const change = Math.round(Math.abs(factor - 1) * 100);
  return change === 0 ? 'unchanged' : `${change}% ${factor < 1 ? 'less' : 'more'}`;
}

export function AgreementView({ data, onReset, busy }: { data: Agreement; onReset: () => void; busy: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const reviewed = data.reviewed.confirmed + data.reviewed.overridden;
  const enough = reviewed >= MIN_REVIEWS;
  const learned = data.adaptation && data.adaptation.learnedFrom > 0 ? data.adaptation : null;
  const moved = !!learned && (learned.signals.length > 0 || !!learned.calibration);
  const held = data.heldOut;
  return (
    <div className="ob admin">
      <div className="cards">
        <Card label="Classified issues" value={String(data.classified)} note="tagged strategic, tactical or mixed" />
        <Card label="Reviewed by people" value={String(reviewed)} note={`${data.reviewed.confirmed} confirmed · ${data.reviewed.overridden} changed`} />
        <Card label="Agreement" value={enough ? pct(data.reviewed.confirmed / reviewed) : '—'}
          note={enough ? 'of reviewed tags were confirmed' : `shown after ${MIN_REVIEWS} reviews (${reviewed} so far)`} />
      </div>
      <Section title="Reviews by automatic tag">
        <table className="data">
          <thead><tr><th scope="col">Automatic tag</th><th scope="col">Confirmed (issues)</th><th scope="col">Changed (issues)</th></tr></thead>
          <tbody>{(['strategic', 'tactical', 'mixed'] as const).map((k) => (
            <tr key={k}><td>{KIND_LABEL[k]}</td><td>{data.byKind[k].confirmed}</td><td>{data.byKind[k].overridden}</td></tr>
          ))}</tbody>
        </table>
        {data.byWeek.length > 0 && (
          <table className="data">
            <thead><tr><th scope="col">Week starting</th><th scope="col">Confirmed (issues)</th><th scope="col">Changed (issues)</th></tr></thead>
            <tbody>{data.byWeek.map((w) => <tr key={w.start}><td>{w.start}</td><td>{w.confirmed}</td><td>{w.overridden}</td></tr>)}</tbody>
          </table>
        )}
      </Section>
      <Section title="What the classifier learned on this site">
        {learned ? (
          <>
            <p className="muted">From {learned.learnedFrom} {learned.learnedFrom === 1 ? 'review' : 'reviews'} (confirmed or changed tags). {held.heldOut >= MIN_HELD_OUT && held.agreementBefore !== null && held.agreementAfter !== null
              ? `On ${held.heldOut} reviews kept aside to check it, the classifier agreed with people ${pct(held.agreementBefore)} of the time before learning and ${pct(held.agreementAfter)} after.`
              : 'Too few reviews yet to check it on ones kept aside.'}</p>
            {!moved && <p className="muted">No weight has moved yet: a signal changes once people's changes clearly agree on it
              (one change alone, or changes that cancel out, teach nothing).</p>}
            {learned.calibration && (
              <p>Calibrated to this site from {learned.calibration.reviews} reviews: borderline work now leans
                {learned.calibration.logit < 0 ? ' tactical' : ' strategic'}, as people here tag it.</p>
            )}
            {learned.signals.length > 0 && <table className="data">
              <thead><tr><th scope="col">Signal</th><th scope="col">Trusted</th><th scope="col">Changed tags behind it</th></tr></thead>
              <tbody>{learned.signals.map((s) => <tr key={s.signal}><td>{signalText(s.signal)}</td><td>{trustWords(s.factor)}</td><td>{s.overrides}</td></tr>)}</tbody>
            </table>}
            <div><button type="button" className="danger-subtle" onClick={() => setConfirming(true)} disabled={busy}>Reset learning</button></div>
          </>
        ) : <p className="muted">Nothing learned yet: the classifier uses its original weights.</p>}
      </Section>
      <ConfirmDialog open={confirming} title="Reset what the classifier learned?"
        body="Every signal goes back to its original weight on this site. People's tags stay as they are; only what was learned from them is forgotten."
        confirmLabel="Reset learning" onCancel={() => setConfirming(false)} onConfirm={() => { setConfirming(false); onReset(); }} />
    </div>
  );
}
