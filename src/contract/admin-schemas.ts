/**
 * The contract's admin and team shapes: people's roles and the app's settings, each person's balance and
 * the hierarchy's health (the project page's team view), and the agreement monitor (the admin page).
 */
import { z } from 'zod';
import { ShareSchema } from './classification-schemas';
import { IssueRefSchema } from './shared-schemas';

export const RoleSchema = z.enum(['PM', 'PO']);
export const PersonOptionSchema = z.object({
  accountId: z.string().min(1).max(128),
  displayName: z.string().max(255),
});
export type PersonOption = z.infer<typeof PersonOptionSchema>;

export const AppSettingsSchema = z.object({
  labelSync: z.boolean(),
  /** People's roles by accountId, set by a Jira admin (otherwise inferred from the work they own). */
  roles: z.record(z.string().min(1).max(128), RoleSchema).default({}),
}).strict();
export type AppSettingsData = z.infer<typeof AppSettingsSchema>;

// ---- beyond the anchors: role balance, hierarchy health, agreement monitor ----
export const PersonBalanceSchema = z.object({
  accountId: z.string(),
  displayName: z.string(),
  role: RoleSchema.nullable(),
  roleSource: z.enum(['settings', 'inferred']).nullable(),
  strategic: z.number(),
  tactical: z.number(),
  mixed: z.number(),
  strategicShare: ShareSchema.nullable(),
  flag: z.enum(['PM_BURIED_IN_BACKLOG', 'PO_CARRYING_STRATEGY']).nullable(),
  flagMessage: z.string().nullable(),
  /** The issues behind this person's figures. */
  jql: z.string().optional(),
});
export const TeamInsightsSchema = z.object({
  people: z.array(PersonBalanceSchema),
  hierarchy: z.object({
    visionWithoutExecution: z.array(IssueRefSchema),
    childrenDisagree: z.array(IssueRefSchema),
    executionWithoutDirection: z.object({ count: z.number().int().nonnegative(), jql: z.string() }),
  }),
});
export type TeamInsights = z.infer<typeof TeamInsightsSchema>;
const ReviewTally = z.object({
  confirmed: z.number().int().nonnegative(),
  overridden: z.number().int().nonnegative(),
});
export const AgreementSchema = z.object({
  classified: z.number().int().nonnegative(),
  reviewed: ReviewTally,
  byKind: z.object({ strategic: ReviewTally, tactical: ReviewTally, mixed: ReviewTally }),
  byWeek: z.array(z.object({ start: z.string() }).merge(ReviewTally)),
  adaptation: z
    .object({
      learnedFrom: z.number().int(),
      learnedAt: z.string(),
      signals: z.array(z.object({ signal: z.string(), factor: z.number(), overrides: z.number().int() })),
      /**
       * The site's shift of the score learned from reviews (log-odds; negative leans tactical), when there
       * were enough.
       */
      calibration: z.object({ logit: z.number(), reviews: z.number().int() }).nullable(),
    })
    .nullable(),
  heldOut: z.object({
    trained: z.number().int(),
    heldOut: z.number().int(),
    agreementBefore: z.number().nullable(),
    agreementAfter: z.number().nullable(),
  }),
});
export type Agreement = z.infer<typeof AgreementSchema>;

export const ProjectOptionSchema = z.object({ key: z.string(), name: z.string() });
