/** Builds the issue property value from a classification, keeping human overrides intact. */
import {
  MAX_EVIDENCE_TEXT,
  MAX_STORED_EVIDENCE,
  type OverrideRecord,
  type StoredClassification,
} from '../contract';
import type { Classification, Kind } from '../domain';

const round = (x: number) => Math.round(x * 1000) / 1000;

export function toStored(
  result: Classification,
  fingerprint: string,
  storyPoints: number | null,
  override: OverrideRecord | null,
  now: Date,
): StoredClassification {
  const automatic = {
    kind: result.kind,
    share: round(result.strategicShare),
    confidence: round(result.confidence),
    evidence: result.evidence
      .slice(0, MAX_STORED_EVIDENCE)
      .map((e) => ({ ...e, text: e.text.slice(0, MAX_EVIDENCE_TEXT), weight: round(e.weight) })),
  };
  return withOverride(
    {
      schema: 1,
      kind: automatic.kind,
      share: automatic.share,
      confidence: automatic.confidence,
      overridden: false,
      rulesVersion: result.rulesVersion,
      classifiedAt: now.toISOString(),
      fingerprint,
      storyPoints,
      automatic,
      override: null,
    },
    override,
  );
}

/** Applies (or clears, with null) a human override: the effective kind becomes the human's. */
export function withOverride(
  stored: StoredClassification,
  override: OverrideRecord | null,
): StoredClassification {
  if (!override)
    return {
      ...stored,
      kind: stored.automatic.kind,
      share: stored.automatic.share,
      confidence: stored.automatic.confidence,
      overridden: false,
      override: null,
    };
  const share: Record<Kind, number> = {
    strategic: Math.max(0.6, stored.automatic.share),
    tactical: Math.min(0.4, stored.automatic.share),
    mixed: 0.5,
  };
  return {
    ...stored,
    kind: override.kind,
    share: override.kind === stored.automatic.kind ? stored.automatic.share : share[override.kind],
    confidence: 1,
    overridden: true,
    override,
  };
}
