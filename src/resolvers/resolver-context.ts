/**
 * What a resolver reads from the context Forge provides (never from the payload): the issue in view, the
 * signed-in account, and the gadget's saved configuration — or, on the project page, its fixed report.
 */
import { GadgetConfigSchema } from '../contract';
import { InvalidInput } from './resolver-errors';

export interface ResolverContext {
  accountId?: string;
  extension?: {
    type?: unknown;
    issue?: { key?: unknown };
    project?: { key?: unknown };
    gadgetConfiguration?: unknown;
  };
}

export function issueKeyOf(ctx: ResolverContext): string {
  const key = ctx.extension?.issue?.key;
  if (typeof key !== 'string' || !/^[A-Z][A-Z0-9_]*-\d+$/.test(key))
    throw new InvalidInput('INVALID_PAYLOAD', 'This resolver only works inside an issue view.');
  return key;
}

export function accountOf(ctx: ResolverContext): string {
  if (!ctx.accountId)
    throw new InvalidInput('INVALID_PAYLOAD', 'No signed-in user: sign in to Jira to do this.');
  return ctx.accountId;
}

/**
 * The project page's report: its project (from Forge's context, never the payload), the last 90 days by week.
 */
const REPORT_DEFAULTS = {
  period: '90d',
  unit: 'count',
  trend: 'week',
  targetShare: 0.3,
  refreshMinutes: 0,
} as const;

export function gadgetConfigOf(ctx: ResolverContext) {
  const projectKey = ctx.extension?.project?.key;
  if (ctx.extension?.type === 'jira:projectPage' && typeof projectKey === 'string') {
    return GadgetConfigSchema.parse({ ...REPORT_DEFAULTS, projectKey });
  }
  const parsed = GadgetConfigSchema.safeParse(ctx.extension?.gadgetConfiguration);
  if (!parsed.success)
    throw new InvalidInput(
      'INVALID_CONFIG',
      'This gadget is not configured yet: open Edit and pick a project.',
    );
  return parsed.data;
}
