/**
 * The stored classification: the JSON kept in the issue property `ownership-balance`, indexed
 * for JQL by manifest.yml's `jira:entityProperty` (aliases ownershipKind, ownershipShare, …).
 * Validated whenever it is read: a property someone else wrote with a bad shape counts as absent.
 */
import { z } from 'zod';

export const ISSUE_PROPERTY_KEY = 'ownership-balance';
/** Jira refuses property values over 32,768 bytes; we stay far below by design. */
export const ISSUE_PROPERTY_MAX_BYTES = 32768;
export const MAX_STORED_EVIDENCE = 6;
export const MAX_EVIDENCE_TEXT = 160;
export const MAX_NOTE_LENGTH = 500;

export const KindSchema = z.enum(['strategic', 'tactical', 'mixed']);
export const SideSchema = z.enum(['PM', 'PO']);
export const SeedIdSchema = z.enum(['000', '001', '002', '003', '004']);
export const ShareSchema = z.number().min(0).max(1);

export const EvidenceSchema = z.object({
  side: SideSchema,
  signal: z.string().min(1).max(64),
  text: z.string().max(MAX_EVIDENCE_TEXT),
  seed: SeedIdSchema,
  weight: z.number().finite(),
  learnedFrom: z.number().int().nonnegative().optional(),
  /** What the signal means, in plain words. */
  meaning: z.string().max(MAX_EVIDENCE_TEXT).optional(),
  /** Where the matched words sit in `text`: [start, end) character offsets, for highlighting. */
  highlight: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]).optional(),
  /** Other signals of the same side that matched the same quote (the quote is shown once). */
  alsoSignals: z.array(z.string().min(1).max(64)).max(8).optional(),
});

export const AutomaticResultSchema = z.object({
  kind: KindSchema,
  share: ShareSchema,
  confidence: ShareSchema,
  evidence: z.array(EvidenceSchema).max(MAX_STORED_EVIDENCE),
});

export const OverrideSchema = z.object({
  kind: KindSchema,
  note: z.string().max(MAX_NOTE_LENGTH).optional(),
  /** accountId of the person who overrode (from the invocation context, never from a payload). */
  by: z.string().min(1).max(128),
  at: z.iso.datetime(),
});

export const StoredClassificationSchema = z.object({
  schema: z.literal(1),
  /** Effective values (a human override wins); these are the indexed fields. */
  kind: KindSchema,
  share: ShareSchema,
  confidence: ShareSchema,
  overridden: z.boolean(),
  rulesVersion: z.string().min(1).max(40),
  classifiedAt: z.iso.datetime(),
  /** Hash of the text the classifier read: an unchanged fingerprint means nothing to redo. */
  fingerprint: z.string().min(1).max(64),
  storyPoints: z.number().finite().nonnegative().nullable(),
  automatic: AutomaticResultSchema,
  override: OverrideSchema.nullable(),
});

export type StoredClassification = z.infer<typeof StoredClassificationSchema>;
export type StoredEvidence = z.infer<typeof EvidenceSchema>;
export type OverrideRecord = z.infer<typeof OverrideSchema>;

/** Reads an untrusted property value: the stored classification, or null when absent or malformed. */
export function parseStoredClassification(value: unknown): StoredClassification | null {
  const parsed = StoredClassificationSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
