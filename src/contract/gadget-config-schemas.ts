/** Dashboard gadget configuration, validated when the edit view submits it and when it is read. */
import { z } from 'zod';

export const ProjectKeySchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{0,9}$/, 'a Jira project key such as "SHOP"');
export const PeriodSchema = z.enum(['30d', '90d', '180d', '365d']);
export const UnitSchema = z.enum(['count', 'points']);
export const TrendGranularitySchema = z.enum(['week', 'month']);

export const GadgetConfigSchema = z.object({
  projectKey: ProjectKeySchema,
  period: PeriodSchema,
  unit: UnitSchema,
  trend: TrendGranularitySchema,
  /** The strategic share the team aims for, in [0, 1]. */
  targetShare: z.number().min(0).max(1),
  /** Minutes between automatic refreshes; 0 = never. */
  refreshMinutes: z.union([z.literal(0), z.literal(5), z.literal(15), z.literal(30), z.literal(60)]),
}).strict();

export type GadgetConfig = z.infer<typeof GadgetConfigSchema>;

export const DEFAULT_GADGET_CONFIG: Omit<GadgetConfig, 'projectKey'> = {
  period: '90d',
  unit: 'count',
  trend: 'week',
  targetShare: 0.3,
  refreshMinutes: 0,
};

export const PERIOD_DAYS: Record<z.infer<typeof PeriodSchema>, number> = {
  '30d': 30,
  '90d': 90,
  '180d': 180,
  '365d': 365,
};
