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
/**
 * Fewer reviews checked than this say nothing about whether learning helps (each review is checked once,
 * kept aside while the classifier learns from the others: measureAdaptation).
 */
export const MIN_HELD_OUT = 20;

const pct = (x: number) => `${Math.round(x * 100)}%`;

function Card({ label, value, note }: { label: string; value: string; note: string }) {
  return (
    <div className="card">
      <div className="card-label">{label}</div>
      <div className="card-value">{value}</div>
      <div className="muted">{note}</div>
    </div>
  );
}

function trustWords(factor: number): string {
  const change = Math.round(Math.abs(factor - 1) * 100);
  return change === 0 ? 'unchanged' : `${change}% ${factor < 1 ? 'less' : 'more'}`;
}

function Head({ cells }: { cells: string[] }) {
  return <thead><tr>{cells.map((c) => <th key={c} scope="col">{c}</th>)}</tr></thead>;
}

function Row({ cells }: { cells: Array<string | number> }) {
  return <tr>{cells.map((c, i) => <td key={i}>{c}</td>)}</tr>;
}

type Learned = NonNullable<Agreement['adaptation']>;

function heldOutSentence(held: Agreement['heldOut']): string {
  if (held.heldOut < MIN_HELD_OUT || held.agreementBefore === null || held.agreementAfter === null) {
    return 'Too few reviews yet to check it on ones kept aside.';
  }
  return `Checked on each of ${held.heldOut} reviews in turn, kept aside while it learned from the others, `
    + `the classifier agreed with people ${pct(held.agreementBefore)} of the time before learning and `
    + `${pct(held.agreementAfter)} after.`;
}

function LearnedSection({ learned, held, onReset, busy }:
  { learned: Learned; held: Agreement['heldOut']; onReset: () => void; busy: boolean }) {
  const moved = learned.signals.length > 0 || !!learned.calibration;
  const reviews = `${learned.learnedFrom} ${learned.learnedFrom === 1 ? 'review' : 'reviews'}`;
  return (
    <>
      <p className="muted">
        From {reviews} (confirmed or changed tags). {heldOutSentence(held)}
      </p>
      {!moved && (
        <p className="muted">
          No weight has moved yet: a signal changes once people's changes clearly agree on it (one change
          alone, or changes that cancel out, teach nothing).
        </p>
      )}
      {learned.calibration && (
        <p>
          Calibrated to this site from {learned.calibration.reviews} reviews: borderline work now leans
          {learned.calibration.logit < 0 ? ' tactical' : ' strategic'}, as people here tag it.
        </p>
      )}
      {learned.signals.length > 0 && (
        <table className="data">
          <Head cells={['Signal', 'Trusted', 'Changed tags behind it']} />
          <tbody>
            {learned.signals.map((s) => (
              <Row key={s.signal} cells={[signalText(s.signal), trustWords(s.factor), s.overrides]} />
            ))}
          </tbody>
        </table>
      )}
      {moved && (
        <p className="muted">
          Automatic tags made before follow what it learned in the next daily update; tags people changed
          stay as they are.
        </p>
      )}
      <div>
        <button type="button" className="danger-subtle" onClick={onReset} disabled={busy}>
          Reset learning
        </button>
      </div>
    </>
  );
}

export function AgreementView({ data, onReset, busy }:
  { data: Agreement; onReset: () => void; busy: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const { confirmed, overridden } = data.reviewed;
  const reviewed = confirmed + overridden;
  const enough = reviewed >= MIN_REVIEWS;
  const learned = data.adaptation && data.adaptation.learnedFrom > 0 ? data.adaptation : null;
  const counts = ['Confirmed (issues)', 'Changed (issues)'];
  return (
    <div className="ob admin">
      <div className="cards">
        <Card
          label="Classified issues"
          value={String(data.classified)}
          note="tagged strategic, tactical or mixed"
        />
        <Card
          label="Reviewed by people"
          value={String(reviewed)}
          note={`${confirmed} confirmed · ${overridden} changed`}
        />
        <Card
          label="Agreement"
          value={enough ? pct(confirmed / reviewed) : '—'}
          note={
            enough
              ? 'of reviewed tags were confirmed'
              : `shown after ${MIN_REVIEWS} reviews (${reviewed} so far)`
          }
        />
      </div>
      <Section title="Reviews by automatic tag">
        <table className="data">
          <Head cells={['Automatic tag', ...counts]} />
          <tbody>
            {(['strategic', 'tactical', 'mixed'] as const).map((k) => (
              <Row key={k} cells={[KIND_LABEL[k], data.byKind[k].confirmed, data.byKind[k].overridden]} />
            ))}
          </tbody>
        </table>
        {data.byWeek.length > 0 && (
          <table className="data">
            <Head cells={['Week starting', ...counts]} />
            <tbody>
              {data.byWeek.map((w) => (
                <Row key={w.start} cells={[w.start, w.confirmed, w.overridden]} />
              ))}
            </tbody>
          </table>
        )}
      </Section>
      <Section title="What the classifier learned on this site">
        {learned ? (
          <LearnedSection
            learned={learned}
            held={data.heldOut}
            busy={busy}
            onReset={() => setConfirming(true)}
          />
        ) : (
          <p className="muted">Nothing learned yet: the classifier uses its original weights.</p>
        )}
      </Section>
      <ConfirmDialog
        open={confirming}
        title="Reset what the classifier learned?"
        body={
          "Every signal goes back to its original weight on this site. People's tags stay as they are; " +
          'only what was learned from them is forgotten.'
        }
        confirmLabel="Reset learning"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          onReset();
        }}
      />
    </div>
  );
}
