/**
 * The evidence, folded behind "Show evidence (N)": one entry per quote, the matched words highlighted,
 * which side it speaks for and what the distinction means; the seed article in the tooltip.
 */
import type { StoredEvidence } from '../../../../src/contract';
import { SEED_TITLE, signalText } from '../labels';

const SIDE_WORD = { PM: 'Product manager', PO: 'Product owner' } as const;

function Quote({ e }: { e: StoredEvidence }) {
  if (!e.highlight) return <span className="quote">{e.text}</span>;
  const [from, to] = e.highlight;
  return (
    <span className="quote">
      “{e.text.slice(0, from)}
      <mark>{e.text.slice(from, to)}</mark>
      {e.text.slice(to)}”
    </span>
  );
}

/** `automaticOnly`: a person changed the tag, so this is the automatic result's evidence, and says so. */
export function EvidenceList({
  evidence,
  automaticOnly = false,
}: {
  evidence: StoredEvidence[];
  automaticOnly?: boolean;
}) {
  const quotes = evidence.filter((e) => e.highlight);
  const context = evidence.filter((e) => !e.highlight && e.signal !== 'document-shape');
  if (evidence.length === 0)
    return <p className="muted">No telling phrase: the tag rests on the issue type and where it sits.</p>;
  return (
    <details className="evidence">
      <summary>
        {automaticOnly ? 'Show the automatic result’s evidence' : 'Show evidence'} (
        {quotes.length + context.length})
      </summary>
      <ul className="evidence">
        {[...quotes, ...context].map((e, i) => (
          <li
            key={`${e.signal}-${i}`}
            className={e.side}
            title={`From “${SEED_TITLE[e.seed]}” (seed ${e.seed})`}
          >
            <span className="side">{SIDE_WORD[e.side]}</span> · {e.meaning ?? signalText(e.signal)}
            {e.highlight ? (
              <>
                <br />
                <Quote e={e} />
              </>
            ) : (
              <span className="muted"> — {e.text}</span>
            )}
            {e.learnedFrom ? (
              <span className="muted"> · weight learned from {e.learnedFrom} overrides</span>
            ) : null}
          </li>
        ))}
      </ul>
    </details>
  );
}
