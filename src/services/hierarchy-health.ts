/** Hierarchy health of an epic against its children (issue 5/7): strategy without execution, execution without direction, disagreement. */
import type { StoredClassification } from '../contract';

export function healthWarnings(epic: StoredClassification, children: StoredClassification[]): Array<{ code: 'VISION_WITHOUT_EXECUTION' | 'EXECUTION_WITHOUT_DIRECTION' | 'CHILDREN_DISAGREE'; message: string }> {
  const out: Array<{ code: 'VISION_WITHOUT_EXECUTION' | 'EXECUTION_WITHOUT_DIRECTION' | 'CHILDREN_DISAGREE'; message: string }> = [];
  const tactical = children.filter((c) => c.kind === 'tactical').length;
  const strategic = children.filter((c) => c.kind === 'strategic').length;
  if (epic.kind === 'strategic' && tactical === 0) out.push({ code: 'VISION_WITHOUT_EXECUTION', message: 'This strategic epic has no tactical breakdown yet: no stories or tasks deliver it.' });
  if (epic.kind === 'tactical' && children.length > 0 && strategic === 0 && epic.share < 0.2) out.push({ code: 'EXECUTION_WITHOUT_DIRECTION', message: 'This epic of tactical work states no strategic intent: link it to an outcome or an initiative.' });
  if (children.length >= 3) {
    const disagree = children.filter((c) => c.kind !== epic.kind && c.kind !== 'mixed').length;
    if (disagree / children.length > 0.7 && epic.kind !== 'mixed' && !(epic.kind === 'strategic' && tactical > 0)) out.push({ code: 'CHILDREN_DISAGREE', message: `Most children (${disagree} of ${children.length}) are tagged differently from this epic.` });
  }
  return out;
}
