/**
 * The Custom UI resolver: one function per name in the contract's RESOLVERS table. Payloads are
 * validated before any logic; the issue and gadget come from the context Forge provides (never from
 * the payload); every Jira call inside runs as the viewing user.
 */
import Resolver from '@forge/resolver';
import { GadgetConfigSchema, RESOLVERS, type ResolverName, type Result } from '../contract';
import { displayNames, findUsers, getProject, isJiraAdmin, listProjects } from '../jira/jira-people';
import { needsUserConsent } from '../jira/jira-client';
import { JiraError } from '../jira/jira-error';
import { readBackfill, readReconcile, readSettings, saveSettings } from '../storage/app-storage';
import { startReconcile } from '../services/reconcile-service';
import { startBackfill } from '../services/backfill-start';
import { gadgetData } from '../services/gadget-service';
import { issuePanel } from '../services/issue-panel-service';
import { setOverride } from '../services/override-service';
import { teamInsights } from '../services/team-insights-service';
import { agreement } from '../services/agreement-service';
import { resetAdaptation } from '../services/learning-service';
import { InvalidInput, toResolverError } from './resolver-errors';
import { accountOf, gadgetConfigOf, issueKeyOf, type ResolverContext } from './resolver-context';

type Handler<N extends ResolverName> = (
  payload: import('../contract').PayloadOf<N>,
  ctx: ResolverContext,
) => Promise<import('../contract').DataOf<N>>;

async function requireAdmin(): Promise<void> {
  if (!(await isJiraAdmin('user')))
    throw new JiraError(403, 'FORBIDDEN', 'Only Jira administrators can change Ownership Balance settings.');
}

const handlers: { [N in ResolverName]: Handler<N> } = {
  getIssuePanel: async (_p, ctx) => issuePanel(issueKeyOf(ctx)),
  setOverride: async (p, ctx) => {
    const key = issueKeyOf(ctx);
    await setOverride(key, accountOf(ctx), p.kind, p.note);
    return issuePanel(key);
  },
  clearOverride: async (_p, ctx) => {
    const key = issueKeyOf(ctx);
    await setOverride(key, accountOf(ctx), null);
    return issuePanel(key);
  },
  getGadget: async (_p, ctx) => gadgetData(gadgetConfigOf(ctx)),
  validateGadgetConfig: async (p) => {
    const parsed = GadgetConfigSchema.safeParse(p.config);
    if (!parsed.success)
      throw new InvalidInput(
        'INVALID_CONFIG',
        parsed.error.issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`).join('; '),
      );
    return parsed.data;
  },
  listProjects: async () => (await listProjects('user')).map((p) => ({ key: p.key, name: p.name })),
  startBackfill: async (p) => startBackfill(p.projectKey),
  getAppSettings: async () => {
    await requireAdmin();
    return readSettings();
  },
  findPeople: async (p) => {
    await requireAdmin();
    return findUsers('user', p.query);
  },
  listRolePeople: async () => {
    await requireAdmin();
    const ids = Object.keys((await readSettings()).roles);
    const names = ids.length ? await displayNames('user', ids) : new Map<string, string>();
    return ids.map((accountId) => ({ accountId, displayName: names.get(accountId) ?? accountId }));
  },
  saveAppSettings: async (p) => {
    await requireAdmin();
    await saveSettings(p.settings);
    return readSettings();
  },
  getTeamInsights: async (_p, ctx) => teamInsights(gadgetConfigOf(ctx)),
  getAgreement: async () => {
    await requireAdmin();
    return agreement();
  },
  resetAdaptation: async () => {
    await requireAdmin();
    await resetAdaptation();
    return agreement();
  },
  startReconcile: async (p) => {
    await requireAdmin();
    await getProject('user', p.projectKey);
    return startReconcile(p.projectKey);
  },
  getReconcileStatus: async (p) => {
    await requireAdmin();
    return readReconcile(p.projectKey);
  },
  getBackfillStatus: async (p) => {
    await getProject('user', p.projectKey);
    return (await readBackfill(p.projectKey)) ?? idleBackfill(p.projectKey);
  },
};

const idleBackfill = (projectKey: string) => ({
  projectKey,
  state: 'idle' as const,
  done: 0,
  total: 0,
  errors: [],
  startedAt: null,
  updatedAt: null,
});

async function run<N extends ResolverName>(
  name: N,
  payload: unknown,
  context: ResolverContext,
): Promise<Result<import('../contract').DataOf<N>>> {
  const parsed = RESOLVERS[name].payload.safeParse(payload ?? {});
  if (!parsed.success)
    return {
      ok: false,
      error: {
        code: 'INVALID_PAYLOAD',
        message: parsed.error.issues
          .map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`)
          .join('; ')
          .slice(0, 500),
      },
    };
  try {
    return { ok: true, data: await handlers[name](parsed.data as never, context) };
  } catch (e) {
    if (needsUserConsent(e)) throw e;
    return { ok: false, error: toResolverError(e) };
  }
}

const resolver = new Resolver();
for (const name of Object.keys(RESOLVERS) as ResolverName[]) {
  resolver.define(name, ({ payload, context }) => run(name, payload, context as ResolverContext));
}

const definitions = resolver.getDefinitions();

/**
 * @forge/resolver looks a name up with `in` on a plain object, so `constructor`, `toString` or
 * `__proto__` would reach Object.prototype and echo the invocation back. Only the contract's own
 * names get through; anything else is refused before @forge/resolver sees it.
 */
export const resolverHandler: typeof definitions = async (request, platform) => {
  const functionKey: unknown = request?.call?.functionKey;
  if (typeof functionKey !== 'string' || !Object.prototype.hasOwnProperty.call(RESOLVERS, functionKey)) {
    return {
      ok: false,
      error: { code: 'INVALID_PAYLOAD', message: 'Ownership Balance has no such function.' },
    } satisfies Result<never>;
  }
  return definitions(request, platform);
};
