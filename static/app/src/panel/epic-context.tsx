/**
 * Where the issue sits: a child names its epic and the epic's tag; an epic shows its children's roll-up
 * as one compact bar and says how its own tag and its children's agree, with any health warning.
 */
import type { IssuePanelData, Tally } from '../../../../src/contract';
import { TALLY_ORDER } from '../components/bars';
import { Lozenge } from '../components/lozenge';
import { percent } from '../labels';

function CompactBar({ tally, label }: { tally: Tally; label: string }) {
  const total = TALLY_ORDER.reduce((sum, k) => sum + tally[k], 0);
  let x = 0;
  return (
    <svg
      className="bar compact"
      viewBox="0 0 100 6"
      preserveAspectRatio="none"
      role="img"
      aria-label={`${label}: ${TALLY_ORDER.filter((k) => tally[k] > 0)
        .map((k) => `${tally[k]} ${k}`)
        .join(', ')}`}
    >
      {total > 0 &&
        TALLY_ORDER.map((k) => {
          const width = (tally[k] / total) * 100;
          const rect = <rect key={k} className={`fill-${k}`} x={x} y={0} width={width} height={6} />;
          x += width;
          return rect;
        })}
    </svg>
  );
}

function agreementSentence(data: IssuePanelData): string | null {
  const b = data.childBalance;
  const share = b?.strategicShareByCount;
  if (!data.issue.isEpic || share === null || share === undefined) return null;
  const childrenLean = share >= 0.6 ? 'strategic' : share <= 0.4 ? 'tactical' : 'mixed';
  const own = data.classification.kind;
  return own === childrenLean
    ? `Its children agree: ${percent(share)} strategic by count.`
    : `The epic reads ${own}, its children ${childrenLean} (${percent(share)} strategic by count): ` +
      'the text and the work differ.';
}

export function EpicContext({ data }: { data: IssuePanelData }) {
  const { epic, childBalance, warnings, issue } = data;
  if (!epic && !childBalance && warnings.length === 0) return null;
  const sentence = agreementSentence(data);
  const total = childBalance ? TALLY_ORDER.reduce((s, k) => s + childBalance.count[k], 0) : 0;
  return (
    <section className="context" aria-label={issue.isEpic ? 'Child issues' : 'Epic'}>
      {epic && (
        <div className="row muted">
          In <span className="issue-key">{epic.key}</span> <span className="clip">{epic.summary}</span>{' '}
          <Lozenge kind={epic.kind} />
        </div>
      )}
      {childBalance && issue.isEpic && (
        <>
          <div className="muted">
            {total} child issues:{' '}
            {TALLY_ORDER.filter((k) => childBalance.count[k] > 0)
              .map((k) => `${childBalance.count[k]} ${k}`)
              .join(' · ')}
          </div>
          <CompactBar tally={childBalance.count} label="Child issues by count" />
        </>
      )}
      {sentence && <p className="muted">{sentence}</p>}
      {warnings.slice(0, 1).map((w) => (
        <div key={w.code} className="warning" role="note">
          {w.message}
        </div>
      ))}
    </section>
  );
}
