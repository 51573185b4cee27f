/**
 * The resolver contract: function names, payload schemas and result shapes, imported by both the
 * backend (src/resolvers) and the Custom UI (static/app), so the two cannot drift.
 * Every payload is validated with these schemas before any logic runs.
 */
import { z } from 'zod';
import {
  KindSchema, ShareSchema, StoredClassificationSchema, EvidenceSchema, MAX_NOTE_LENGTH,
} from './classification-schemas';
import { GadgetConfigSchema, ProjectKeySchema } from './gadget-config-schemas';
import { BalanceSchema, HealthWarningSchema, IssueRefSchema, TallySchema } from './shared-schemas';
import {
  AgreementSchema, AppSettingsSchema, PersonOptionSchema, ProjectOptionSchema, TeamInsightsSchema,
} from './admin-schemas';

export const ERROR_CODES = [
  'INVALID_PAYLOAD', // the payload failed validation
  'INVALID_CONFIG', // gadget configuration missing or invalid
  'NOT_FOUND', // the issue or project does not exist or the user may not see it
  'FORBIDDEN', // Jira refused: the user lacks a permission
  'RATE_LIMITED', // Jira kept answering 429 within the invocation's time budget
  'JIRA_UNAVAILABLE', // Jira answered 5xx / malformed responses / dropped connections
  'CONFLICT', // a concurrent change won; retry
  'INTERNAL', // a bug on our side
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ResolverErrorSchema = z.object({ code: ErrorCodeSchema, message: z.string() });
export type ResolverError = z.infer<typeof ResolverErrorSchema>;
export type Result<T> = { ok: true; data: T } | { ok: false; error: ResolverError };

const Empty = z.object({}).strict();

// ---- issue panel ----
export const IssuePanelDataSchema = z.object({
  issue: z.object({ key: z.string(), summary: z.string(), type: z.string(), isEpic: z.boolean() }),
  classification: StoredClassificationSchema,
  /** True when the stored result was missing or stale (older rules or lessons) and this one is fresh. */
  refreshed: z.boolean(),
  epic: IssueRefSchema.nullable(),
  /** For an epic: the balance of its children; for a child: its epic's children. */
  childBalance: BalanceSchema.nullable(),
  warnings: z.array(HealthWarningSchema),
  canOverride: z.boolean(),
  /** Why the viewer may not override, in words a user can act on. */
  cannotOverrideReason: z.string().nullable(),
  /** The display name of the person who set the tag, when a person did and Jira names them. */
  overrideByName: z.string().max(255).nullable(),
});
export type IssuePanelData = z.infer<typeof IssuePanelDataSchema>;

// ---- gadget ----
export const TrendPointSchema = z.object({
  /** ISO date (YYYY-MM-DD) of the first day of the week or month. */
  start: z.string(),
  count: TallySchema,
  points: TallySchema,
  /** The issues behind this point, as JQL. */
  jql: z.string().optional(),
});
export type TrendPoint = z.infer<typeof TrendPointSchema>;

export const BackfillStatusSchema = z.object({
  projectKey: ProjectKeySchema,
  state: z.enum(['idle', 'running', 'done', 'failed']),
  /**
   * What the run classifies: every pending issue (started by a person), or only the stale tags (the daily
   * refresh after a rules update or a lesson). Runs stored before refreshes existed have none: pending.
   */
  scope: z.enum(['pending', 'stale']).optional(),
  /**
   * A refresh also tags the untagged issues edited since this time (the previous run's start): the trigger
   * saw each of them, so a tag missing there is an event that was lost (refused past its retries).
   */
  missedSince: z.string().nullable().optional(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  errors: z.array(z.object({ issueKey: z.string().nullable(), message: z.string() })).max(20),
  startedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type BackfillStatus = z.infer<typeof BackfillStatusSchema>;

/**
 * The reconcile job of one project: how far it got and the drift it fixed (issues added, changed, removed;
 * weeks).
 */
export const ReconcileStatusSchema = z.object({
  projectKey: ProjectKeySchema,
  state: z.enum(['running', 'done', 'failed']),
  checked: z.number().int().nonnegative(),
  fixed: z.object({
    added: z.number().int().nonnegative(),
    changed: z.number().int().nonnegative(),
    removed: z.number().int().nonnegative(),
    /** Project weeks whose sums differed from their issues' contributions. */
    weeks: z.number().int().nonnegative(),
  }),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /**
   * When the reconcile before this one started: the app was installed by then, so in a project no backfill
   * ran in, the daily refresh looks for lost events since that time (backfill-start.ts).
   */
  previousStartedAt: z.string().nullable().optional(),
});
export type ReconcileStatus = z.infer<typeof ReconcileStatusSchema>;

export const GadgetDataSchema = z.object({
  config: GadgetConfigSchema,
  project: z.object({ key: z.string(), name: z.string() }),
  balance: BalanceSchema,
  trend: z.array(TrendPointSchema),
  target: z.object({
    share: ShareSchema,
    /** actual strategic share (in the configured unit) minus the target; null when nothing is classified */
    drift: z.number().nullable(),
    message: z.string(),
  }),
  /** JQL for drill-down, per kind plus "all". */
  jql: z.object({
    all: z.string(),
    strategic: z.string(),
    tactical: z.string(),
    mixed: z.string(),
    unclassified: z.string(),
  }),
  topEpics: z.object({ strategic: z.array(IssueRefSchema), tactical: z.array(IssueRefSchema) }),
  backfill: BackfillStatusSchema.nullable(),
  /**
   * Where the figures come from: the app's per-project figures, or — when the viewer cannot browse
   * every classified issue (issue security) — the viewer's own search, so nothing hidden is counted.
   */
  scope: z
    .object({ source: z.enum(['project-figures', 'your-search']), message: z.string().nullable() })
    .optional(),
  generatedAt: z.string(),
});
export type GadgetData = z.infer<typeof GadgetDataSchema>;

// ---- the resolver table: name → payload schema and result schema ----
export const RESOLVERS = {
  getIssuePanel: { payload: Empty, result: IssuePanelDataSchema },
  setOverride: {
    payload: z.object({ kind: KindSchema, note: z.string().max(MAX_NOTE_LENGTH).optional() }).strict(),
    result: IssuePanelDataSchema,
  },
  clearOverride: { payload: Empty, result: IssuePanelDataSchema },
  getGadget: { payload: Empty, result: GadgetDataSchema },
  validateGadgetConfig: { payload: z.object({ config: z.unknown() }).strict(), result: GadgetConfigSchema },
  listProjects: { payload: Empty, result: z.array(ProjectOptionSchema) },
  findPeople: {
    payload: z.object({ query: z.string().trim().min(1).max(100) }).strict(),
    result: z.array(PersonOptionSchema),
  },
  listRolePeople: { payload: Empty, result: z.array(PersonOptionSchema) },
  startBackfill: {
    payload: z.object({ projectKey: ProjectKeySchema }).strict(),
    result: BackfillStatusSchema,
  },
  getBackfillStatus: {
    payload: z.object({ projectKey: ProjectKeySchema }).strict(),
    result: BackfillStatusSchema,
  },
  /** App settings (Jira administrators only): label sync adds strategic-pm / tactical-po labels. */
  getAppSettings: { payload: Empty, result: AppSettingsSchema },
  saveAppSettings: { payload: z.object({ settings: AppSettingsSchema }).strict(), result: AppSettingsSchema },
  /** Gadget: role balance by person and hierarchy health, for the configured project. */
  getTeamInsights: { payload: Empty, result: TeamInsightsSchema },
  /** Admin page: how often people confirmed or overrode, and what the classifier learned. */
  getAgreement: { payload: Empty, result: AgreementSchema },
  resetAdaptation: { payload: Empty, result: AgreementSchema },
  /** Admin page: recompute a project's figures from Jira, and how that went (idle: never run). */
  startReconcile: {
    payload: z.object({ projectKey: ProjectKeySchema }).strict(),
    result: ReconcileStatusSchema,
  },
  getReconcileStatus: {
    payload: z.object({ projectKey: ProjectKeySchema }).strict(),
    result: ReconcileStatusSchema.nullable(),
  },
} as const;

export type ResolverName = keyof typeof RESOLVERS;
export type PayloadOf<N extends ResolverName> = z.infer<(typeof RESOLVERS)[N]['payload']>;
export type DataOf<N extends ResolverName> = z.infer<(typeof RESOLVERS)[N]['result']>;

export { EvidenceSchema };
