/** The issue panel, presentational: tag, share, confidence, evidence, epic context, override. */
import type { IssuePanelData } from '../../../../src/contract';
import type { Kind } from '../../../../src/domain/types';
import { ShareBar } from '../components/bars';
import { Lozenge } from '../components/lozenge';
import { Section } from '../components/states';
import { confidenceWord } from '../labels';
import { EpicContext } from './epic-context';
import { EvidenceList } from './evidence-list';
import { OverrideSection } from './override-section';

export interface PanelViewProps {
  data: IssuePanelData;
  busy: boolean;
  actionError: string | null;
  onOverride: (kind: Kind, note: string) => void;
  onClear: () => void;
}

export function PanelView({ data, busy, actionError, onOverride, onClear }: PanelViewProps) {
  const c = data.classification;
  return (
    <div className="ob">
      <div className="row">
        <Lozenge kind={c.kind} />
        <span className="muted">{confidenceWord(c.confidence)} confidence{c.overridden ? ' · set by a person' : ''}{data.refreshed ? ' · just classified' : ''}</span>
      </div>
      <ShareBar share={c.share} label="Strategic share" />
      <Section title="Why"><EvidenceList evidence={c.automatic.evidence} /></Section>
      <EpicContext data={data} />
      {/* keyed by the stored result, so the form resets when the tag changes underneath it */}
      <OverrideSection key={`${c.kind}-${c.classifiedAt}-${c.override?.at ?? ''}`} data={data} busy={busy} actionError={actionError} onOverride={onOverride} onClear={onClear} />
    </div>
  );
}
