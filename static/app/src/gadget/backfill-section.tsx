/**
 * Backfill, presentational: offer to classify unclassified issues, then show progress or what failed. A
 * run the daily sweep started (scope "stale": after an app update changed the rules, or people's changes
 * taught the classifier a lesson; or an edit's event was lost) only brings the app's tags up to date —
 * older ones, and those an edit since the last run should have made — and says so.
 */
import type { BackfillStatus } from '../../../../src/contract';
import { Section } from '../components/states';

export interface BackfillSectionProps {
  unclassified: number;
  status: BackfillStatus | null;
  error: string | null;
  starting: boolean;
  onStart: () => void;
}

export function BackfillSection({ unclassified, status, error, starting, onStart }: BackfillSectionProps) {
  const running = status?.state === 'running';
  const failures = status && status.state !== 'running' ? status.errors : [];
  const succeeded = status?.state === 'done' && status.total > 0 && failures.length === 0;
  const refresh = status?.scope === 'stale';
  if (
    !running &&
    unclassified === 0 &&
    failures.length === 0 &&
    !error &&
    status?.state !== 'failed' &&
    !succeeded
  )
    return null;
  return (
    <Section title={refresh ? 'Bring tags up to date' : 'Classify existing issues'}>
      {running && status ? (
        <div>
          <progress
            className="progress"
            aria-label="Backfill progress"
            max={Math.max(status.total, 1)}
            value={status.done}
          />
          <p className="muted" role="status">
            {status.done} of {status.total} {refresh ? 'updated' : 'classified'}…
          </p>
        </div>
      ) : (
        <div className="row">
          {status?.state === 'failed' && (
            <span className="error">
              The last run stopped after {status.done} of {status.total}.
            </span>
          )}
          {(unclassified > 0 || status?.state === 'failed') && (
            <button className="primary" type="button" onClick={onStart} disabled={starting}>
              {status?.state === 'failed'
                ? 'Try again'
                : `Classify ${unclassified} issue${unclassified === 1 ? '' : 's'}`}
            </button>
          )}
          {unclassified > 0 && (
            <span className="muted">
              {unclassified === 1 ? 'One issue has' : `${unclassified} issues have`} no tag yet.
            </span>
          )}
          {succeeded && unclassified === 0 && (
            <span className="success" role="status">
              {refresh
                ? `Done: ${status.total} tags brought up to date.`
                : `Done: ${status.total} issues classified.`}
            </span>
          )}
        </div>
      )}
      {failures.length > 0 && (
        <ul className="failures">
          {failures.map((f, i) => (
            <li key={`${f.issueKey ?? 'run'}-${i}`}>
              {f.issueKey ? `${f.issueKey}: ` : ''}
              {f.message}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
    </Section>
  );
}
