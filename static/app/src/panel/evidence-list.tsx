/** The top evidence: which side, the distinction in plain words, the matched phrase, and its seed. */
import type { StoredEvidence } from '../../../../src/contract';
import { SEED_TITLE, SIDE_LABEL, signalText } from '../labels';

export const EVIDENCE_SHOWN = 4;

export function EvidenceList({ evidence }: { evidence: StoredEvidence[] }) {
  if (evidence.length === 0) return <p className="muted">No distinctive phrase found: the tag rests on the issue type and its hierarchy.</p>;
  return (
    <ul className="evidence">
      {evidence.slice(0, EVIDENCE_SHOWN).map((e, i) => (
        <li key={`${e.signal}-${i}`} className={e.side}>
          <div><strong>{SIDE_LABEL[e.side]}</strong> — {signalText(e.signal)}</div>
          <div className="quote">“{e.text}”</div>
          <div className="muted">Seed {e.seed}: {SEED_TITLE[e.seed]}{e.learnedFrom ? ` · weight learned from ${e.learnedFrom} overrides` : ''}</div>
        </li>
      ))}
    </ul>
  );
}
