/**
 * The issue panel, presentational and glanceable: the tag, one sentence saying why, the evidence folded
 * away, an epic's roll-up as one bar, and the human's say. About 400 px tall at 360 px wide.
 */
import type { IssuePanelData } from '../../../../src/contract';
import type { Kind } from '../../../../src/domain/types';
import { Lozenge } from '../components/lozenge';
import { confidenceWord, percent } from '../labels';
import { EpicContext } from './epic-context';
import { EvidenceList } from './evidence-list';
import { OverrideSection } from './override-section';
import { tagWording, whySentence } from './plain-words';

export interface PanelViewProps {
  data: IssuePanelData;
  busy: boolean;
  actionError: string | null;
  onOverride: (kind: Kind, note: string) => void;
  onClear: () => void;
}

/** What PM and PO work are, from the seed articles (condensed in the labeling guide). */
function Definitions() {
  return (
    <details className="help">
      <summary>What are PM and PO work?</summary>
      <p><strong>Product manager (strategic)</strong>: why and what — vision, market and customers, roadmap,
        outcomes and KPIs, pricing, launch.</p>
      <p><strong>Product owner (tactical)</strong>: how and when — user stories and acceptance criteria, the
        backlog, sprints, fixes and delivery with the team.</p>
    </details>
  );
}

export function PanelView({ data, busy, actionError, onOverride, onClear }: PanelViewProps) {
  const c = data.classification;
  const hedged = tagWording(c);
  return (
    <div className="ob panel">
      <div className="row">
        <Lozenge kind={c.kind} />
        <span className="muted">
          {c.overridden
            ? 'Set by a person'
            : `${hedged ? `${hedged} · ` : ''}${percent(c.share)} strategic · ` +
              `${confidenceWord(c.confidence)} confidence`}
          {data.refreshed ? ' · just classified' : ''}
        </span>
      </div>
      {!(c.overridden && c.override?.kind !== c.automatic.kind) && (
        <p className="why">{whySentence(c.automatic.kind, c.automatic.confidence, c.automatic.evidence)}</p>
      )}
      <EvidenceList
        evidence={c.automatic.evidence}
        automaticOnly={c.overridden && c.override?.kind !== c.automatic.kind}
      />
      <EpicContext data={data} />
      {/* keyed by the stored result, so the form closes when the tag changes underneath it */}
      <OverrideSection
        key={`${c.kind}-${c.classifiedAt}-${c.override?.at ?? ''}`}
        data={data}
        busy={busy}
        actionError={actionError}
        onOverride={onOverride}
        onClear={onClear}
      />
      <Definitions />
    </div>
  );
}
