/** The issue panel, presentational: tag, share, confidence, evidence, epic context, override. */
import { useState } from 'react';
import type { IssuePanelData } from '../../../src/contract';
import type { Kind } from '../../../src/domain/types';
import { Lozenge, Section, ShareBar, StackedBar } from './components';
import { confidenceWord, KIND_LABEL, SEED_TITLE, signalText } from './labels';

export interface PanelViewProps {
  data: IssuePanelData;
  busy: boolean;
  actionError: string | null;
  onOverride: (kind: Kind, note: string) => void;
  onClear: () => void;
}

export function PanelView({ data, busy, actionError, onOverride, onClear }: PanelViewProps) {
  const c = data.classification;
  const [choice, setChoice] = useState<Kind>(c.kind === 'strategic' ? 'tactical' : 'strategic');
  const [note, setNote] = useState('');
  return (
    <div className="ob">
      <div className="row"><Lozenge kind={c.kind} /><span className="muted">{confidenceWord(c.confidence)} confidence{c.overridden ? ' · set by a person' : ''}</span></div>
      <ShareBar share={c.share} label="Strategic share" />
      <Section title="Why">
        <ul className="evidence">
          {c.automatic.evidence.slice(0, 4).map((e, i) => (
            <li key={i} className={e.side}>
              <div><strong>{e.side === 'PM' ? 'Product manager' : 'Product owner'}</strong> — {signalText(e.signal)}{e.learnedFrom ? ` (learned from ${e.learnedFrom} overrides)` : ''}</div>
              <div className="muted">“{e.text}”</div>
              <div className="muted">Seed {e.seed}: {SEED_TITLE[e.seed]}</div>
            </li>
          ))}
        </ul>
      </Section>
      {data.epic && <Section title="Epic"><div className="row"><span>{data.epic.key}</span><span>{data.epic.summary}</span><Lozenge kind={data.epic.kind} /></div></Section>}
      {data.childBalance && <Section title={data.issue.isEpic ? 'Child issues' : 'Siblings under the epic'}><StackedBar tally={data.childBalance.count} label="By count" unit="" /></Section>}
      {data.warnings.map((w) => <div key={w.code} className="warning" role="note">{w.message}</div>)}
      <Section title="Override">
        {c.override && <p className="muted">Set to {KIND_LABEL[c.override.kind]} by {c.override.by} on {new Date(c.override.at).toLocaleString()}{c.override.note ? ` — “${c.override.note}”` : ''}</p>}
        {data.canOverride ? (
          <form className="row" onSubmit={(e) => { e.preventDefault(); onOverride(choice, note); }}>
            <label>Tag<select value={choice} onChange={(e) => setChoice(e.target.value as Kind)} disabled={busy}>
              {(['strategic', 'tactical', 'mixed'] as const).map((k) => <option key={k} value={k}>{KIND_LABEL[k]}</option>)}
            </select></label>
            <label>Note (optional)<input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} disabled={busy} /></label>
            <button className="primary" type="submit" disabled={busy}>Set tag</button>
            {c.overridden && <button type="button" onClick={onClear} disabled={busy}>Return to automatic</button>}
          </form>
        ) : <p className="muted" role="note">{data.cannotOverrideReason}</p>}
        {actionError && <div className="error" role="alert">{actionError}</div>}
      </Section>
    </div>
  );
}
