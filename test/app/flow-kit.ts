/**
 * The whole app on the local Jira and Forge for the flow suites: the harness started once per file, the
 * spec checked after every test, and the calls the suites make (the panel, the gadget, a JQL count).
 */
import {
  parseStoredClassification,
  type GadgetData,
  type IssuePanelData,
  type Result,
} from '../../src/contract';
import { ALICE, gadgetExtension, panelExtension, startHarness, type Harness } from './harness';

export const alice = { kind: 'user' as const, accountId: ALICE };
export const config = {
  projectKey: 'SHOP', period: '365d', unit: 'count', trend: 'week', targetShare: 0.3, refreshMinutes: 0,
};

export function useAppFlow() {
  const ctx = {} as { h: Harness };
  beforeAll(async () => { ctx.h = await startHarness(); });
  afterAll(async () => { await ctx.h.close(); });
  afterEach(() => {
    // Every request the app sent, and every answer it got, matched Atlassian's OpenAPI spec.
    expect(ctx.h.emulator.specViolations).toEqual([]);
  });
  const stored = (key: string) =>
    parseStoredClassification(ctx.h.emulator.store.properties.get(key)?.get('ownership-balance'));
  const count = async (jql: string, as = `user:${ALICE}`) => {
    const r = await fetch(`${ctx.h.emulator.url}/rest/api/3/search/approximate-count`, {
      method: 'POST',
      headers: { 'x-forge-principal': as, 'content-type': 'application/json' },
      body: JSON.stringify({ jql }),
    });
    return ((await r.json()) as { count: number }).count;
  };
  const panel = (key: string, accountId: string, functionKey = 'getIssuePanel', payload: unknown = {}) =>
    ctx.h.runtime.invokeResolver({
      moduleKey: 'ownership-panel', functionKey, payload, accountId, extension: panelExtension(key),
    }) as Promise<Result<IssuePanelData>>;
  const gadget = (accountId: string, cfg: Record<string, unknown> = config) =>
    ctx.h.runtime.invokeResolver({
      moduleKey: 'ownership-gadget',
      functionKey: 'getGadget',
      payload: {},
      accountId,
      extension: gadgetExtension(cfg),
    }) as Promise<Result<GadgetData>>;
  return { get h() { return ctx.h; }, stored, count, panel, gadget };
}
