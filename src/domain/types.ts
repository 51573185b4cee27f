/**
 * The vocabulary of the domain: work items as the classifier sees them and what it says of them.
 * Pure types; nothing here knows about Forge, Jira's REST shapes or zod.
 */

export type Kind = 'strategic' | 'tactical' | 'mixed';
export const KINDS: readonly Kind[] = ['strategic', 'tactical', 'mixed'];

/** PM = product manager (strategic), PO = product owner (tactical). */
export type Side = 'PM' | 'PO';

/** A seed article id, the first three digits of a file in shared/seeds/ ("000" … "004"). */
export type SeedId = '000' | '001' | '002' | '003' | '004';

/** Descriptions come as plain text, wiki markup, Markdown, `{html}` blocks or an ADF document. */
export type RichText = string | AdfNode | null | undefined;

export interface AdfNode {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  content?: AdfNode[];
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
  [extra: string]: unknown;
}

export interface WorkItem {
  key: string;
  project?: string;
  type: string;
  summary: string;
  description?: RichText;
  labels?: string[];
  components?: string[];
  parent?: string | null;
  storyPoints?: number | null;
  created?: string;
  status?: string;
  assignee?: string | null;
  reporter?: string | null;
  /** Display names of the people above, by accountId (not read by the classifier). */
  people?: Record<string, string>;
}

export interface Evidence {
  side: Side;
  /** Stable id of the distinction in the catalogue, e.g. "roadmap", "user-story". */
  signal: string;
  /** The text that matched, trimmed to a short excerpt. */
  text: string;
  seed: SeedId;
  /** Signed contribution to the strategic score (positive = PM, negative = PO). */
  weight: number;
  /** Set when site adaptation changed this signal's weight: how many overrides taught it. */
  learnedFrom?: number;
  /** What the signal means, in plain words. */
  meaning?: string;
  /** Where the matched words sit in `text`: [start, end) character offsets, for highlighting. */
  highlight?: [number, number];
  /** Other signals of the same side that matched the same quote (the quote is shown once). */
  alsoSignals?: string[];
}

export interface Classification {
  kind: Kind;
  /** Part of the item's content that is about direction, in [0, 1]. */
  strategicShare: number;
  /** How sure the classifier is, in [0, 1]. */
  confidence: number;
  /** Strongest signals first. */
  evidence: Evidence[];
  rulesVersion: string;
}

/** What the hierarchy contributes: the parent's own result and the children's. */
export interface HierarchyContext {
  parent?: { key: string; kind: Kind; strategicShare: number } | null;
  children?: Array<{ key: string; kind: Kind; strategicShare: number; storyPoints?: number | null }>;
}

/** Per-site signal weight adjustments learned from human overrides (see issue 7). */
export interface Adaptation {
  /** signal id → multiplicative factor and the number of overrides behind it. */
  signals: Record<string, { factor: number; overrides: number }>;
  /** The site's shift of the score (log-odds), learned from its people's reviews (site-calibration.ts). */
  shift?: { logit: number; reviews: number };
}

export interface KindTally {
  strategic: number;
  tactical: number;
  mixed: number;
  unclassified: number;
}
