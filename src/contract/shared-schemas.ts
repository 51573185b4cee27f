/** The contract's shared result pieces: tallies, balances, issue references and health warnings. */
import { z } from 'zod';
import { KindSchema, ShareSchema } from './classification-schemas';

export const TallySchema = z.object({
  strategic: z.number().nonnegative(),
  tactical: z.number().nonnegative(),
  mixed: z.number().nonnegative(),
  unclassified: z.number().nonnegative(),
});
export type Tally = z.infer<typeof TallySchema>;

export const BalanceSchema = z.object({
  count: TallySchema,
  points: TallySchema,
  /** Strategic share of the classified work, by count and by points (null when nothing is classified). */
  strategicShareByCount: ShareSchema.nullable(),
  strategicShareByPoints: ShareSchema.nullable(),
});
export type Balance = z.infer<typeof BalanceSchema>;

export const IssueRefSchema = z.object({
  key: z.string(),
  summary: z.string(),
  type: z.string(),
  kind: KindSchema.nullable(),
  share: ShareSchema.nullable(),
});
export type IssueRef = z.infer<typeof IssueRefSchema>;

export const HealthWarningSchema = z.object({
  code: z.enum(['VISION_WITHOUT_EXECUTION', 'EXECUTION_WITHOUT_DIRECTION', 'CHILDREN_DISAGREE']),
  message: z.string(),
});
