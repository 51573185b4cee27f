/** Override: who set the tag and when, a form to choose another tag with a note, and the way back. */
import { useState } from 'react';
import { MAX_NOTE_LENGTH, type IssuePanelData } from '../../../../src/contract';
import { KINDS, type Kind } from '../../../../src/domain/types';
import { Section } from '../components/states';
import { KIND_LABEL } from '../labels';

export interface OverrideSectionProps {
  data: IssuePanelData;
  busy: boolean;
  actionError: string | null;
  onOverride: (kind: Kind, note: string) => void;
  onClear: () => void;
}

export function OverrideSection({ data, busy, actionError, onOverride, onClear }: OverrideSectionProps) {
  const c = data.classification;
  const [choice, setChoice] = useState<Kind>(KINDS.find((k) => k !== c.kind) ?? 'strategic');
  const [note, setNote] = useState('');
  return (
    <Section title="Override">
      {c.override ? (
        <p className="muted">
          Set to {KIND_LABEL[c.override.kind]} by {c.override.by} on <time dateTime={c.override.at}>{new Date(c.override.at).toLocaleString()}</time>
          {c.override.note ? <> — “{c.override.note}”</> : null}
        </p>
      ) : <p className="muted">Tagged automatically.</p>}
      {data.canOverride ? (
        <form className="row" aria-busy={busy} onSubmit={(e) => { e.preventDefault(); onOverride(choice, note.trim()); }}>
          <label>Tag
            <select value={choice} onChange={(e) => setChoice(e.target.value as Kind)} disabled={busy}>
              {KINDS.map((k) => <option key={k} value={k}>{KIND_LABEL[k]}</option>)}
            </select>
          </label>
          <label>Note (optional)
            <input type="text" value={note} maxLength={MAX_NOTE_LENGTH} onChange={(e) => setNote(e.target.value)} disabled={busy} />
          </label>
          <button className="primary" type="submit" disabled={busy}>Set tag</button>
          {c.overridden && <button type="button" onClick={onClear} disabled={busy}>Return to automatic</button>}
        </form>
      ) : (
        <p className="muted" role="note">{data.cannotOverrideReason ?? 'You may not change the tag of this issue.'}</p>
      )}
      {actionError && <div className="error" role="alert">{actionError}</div>}
    </Section>
  );
}
