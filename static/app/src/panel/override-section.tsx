/**
 * The human's say: "Looks right" (a confirmation, counted as agreement) and a subtle "Change tag" that
 * opens the form; after an override, who set it and when, the automatic result, and the way back.
 */
import { useState } from 'react';
import { MAX_NOTE_LENGTH, type IssuePanelData } from '../../../../src/contract';
import { KINDS, type Kind } from '../../../../src/domain/types';
import { KIND_LABEL, percent } from '../labels';
import { relativeTime } from './plain-words';

export interface OverrideSectionProps {
  data: IssuePanelData;
  busy: boolean;
  actionError: string | null;
  onOverride: (kind: Kind, note: string) => void;
  onClear: () => void;
}

function OverrideForm({
  data,
  busy,
  onOverride,
  onCancel,
}: Pick<OverrideSectionProps, 'data' | 'busy' | 'onOverride'> & { onCancel: () => void }) {
  const c = data.classification;
  const [choice, setChoice] = useState<Kind>(KINDS.find((k) => k !== c.kind) ?? 'strategic');
  const [note, setNote] = useState('');
  return (
    <form
      className="override-form"
      aria-busy={busy}
      onSubmit={(e) => {
        e.preventDefault();
        onOverride(choice, note.trim());
      }}
    >
      <label>
        Tag
        <select value={choice} onChange={(e) => setChoice(e.target.value as Kind)} disabled={busy}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Why (optional)
        <input
          type="text"
          value={note}
          maxLength={MAX_NOTE_LENGTH}
          onChange={(e) => setNote(e.target.value)}
          disabled={busy}
        />
      </label>
      <div className="row">
        <button className="primary" type="submit" disabled={busy}>
          Set tag
        </button>
        <button type="button" className="subtle" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function OverrideSection({ data, busy, actionError, onOverride, onClear }: OverrideSectionProps) {
  const c = data.classification;
  const [editing, setEditing] = useState(false);
  const automatic = `${KIND_LABEL[c.automatic.kind]} (${percent(c.automatic.share)} strategic)`;
  return (
    <div className="override">
      {c.override && (
        <p className="muted">
          {c.override.kind === c.automatic.kind ? 'Confirmed' : `Set to ${KIND_LABEL[c.override.kind]}`}
          {' by '}
          {data.overrideByName ?? 'a person'}{' '}
          <time dateTime={c.override.at} title={new Date(c.override.at).toLocaleString()}>
            {relativeTime(c.override.at)}
          </time>
          {c.override.note ? <> — “{c.override.note}”</> : null}
          {c.override.kind !== c.automatic.kind && (
            <>
              <br />
              Automatic: {automatic}
            </>
          )}
        </p>
      )}
      {!data.canOverride && (
        <p className="muted" role="note">
          {data.cannotOverrideReason ?? 'You may not change the tag of this issue.'}
        </p>
      )}
      {data.canOverride && !editing && (
        <div className="row">
          {!c.overridden && (
            <button type="button" onClick={() => onOverride(c.kind, '')} disabled={busy}>
              Looks right
            </button>
          )}
          <button type="button" className="subtle" onClick={() => setEditing(true)} disabled={busy}>
            Change tag
          </button>
          {c.overridden && (
            <button type="button" className="subtle" onClick={onClear} disabled={busy}>
              Return to automatic
            </button>
          )}
        </div>
      )}
      {data.canOverride && editing && (
        <OverrideForm data={data} busy={busy} onOverride={onOverride} onCancel={() => setEditing(false)} />
      )}
      {actionError && (
        <div className="error" role="alert">
          {actionError}
        </div>
      )}
    </div>
  );
}
