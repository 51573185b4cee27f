/**
 * Hierarchy health of an epic against its children: strategy without execution, execution without
 * direction, disagreement. A child not classified yet is unknown, not missing: while some are, the
 * epic is never said to lack a tactical breakdown.
 */
import type { Kind } from './types';

export type HealthCode = 'VISION_WITHOUT_EXECUTION' | 'EXECUTION_WITHOUT_DIRECTION' | 'CHILDREN_DISAGREE';

export interface HealthInput { kind: Kind; share: number }

export function healthWarnings(
  epic: HealthInput,
  children: Array<{ kind: Kind | null }>,
): Array<{ code: HealthCode; message: string }> {
  const out: Array<{ code: HealthCode; message: string }> = [];
  const known = children.filter((c): c is { kind: Kind } => c.kind !== null);
  const unknown = children.length - known.length;
  const tactical = known.filter((c) => c.kind === 'tactical').length;
  const strategic = known.filter((c) => c.kind === 'strategic').length;
  if (epic.kind === 'strategic' && tactical === 0 && unknown === 0) {
    out.push({
      code: 'VISION_WITHOUT_EXECUTION',
      message: 'This strategic epic has no tactical breakdown yet: no stories or tasks deliver it.',
    });
  }
  if (epic.kind === 'tactical' && known.length > 0 && strategic === 0 && epic.share < 0.2) {
    out.push({
      code: 'EXECUTION_WITHOUT_DIRECTION',
      message:
        'This epic of tactical work states no strategic intent: link it to an outcome or an initiative.',
    });
  }
  if (known.length >= 3) {
    const disagree = known.filter((c) => c.kind !== epic.kind && c.kind !== 'mixed').length;
    if (
      disagree / known.length > 0.7 &&
      epic.kind !== 'mixed' &&
      !(epic.kind === 'strategic' && tactical > 0)
    ) {
      out.push({
        code: 'CHILDREN_DISAGREE',
        message:
          `Most classified children (${disagree} of ${known.length}) are tagged differently ` +
          'from this epic.',
      });
    }
  }
  return out;
}
