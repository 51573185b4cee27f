import { RESOLVERS, type ResolverName, type Result } from '../../src/contract';
import {
  ALICE,
  BOB,
  gadgetExtension,
  panelExtension,
  startHarness,
  type Harness,
  callPanel,
  callGadget,
} from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  // Alice classifies Mobile App and starts a backfill there, so there is data that could leak.
  await callGadget(h, {}, 'startBackfill', { projectKey: 'MOBILE' }, ALICE);
  await h.settle();
});
afterAll(async () => { await h.close(); });

const mobileConfig = {
  projectKey: 'MOBILE',
  period: '365d',
  unit: 'count',
  trend: 'week',
  targetShare: 0.3,
  refreshMinutes: 0,
};
/** A valid call of every resolver aimed at Mobile App, which Bob may not browse. */
const CALLS: Record<ResolverName, { module: string; payload: unknown; extension: Record<string, unknown> }> =
  {
    getIssuePanel: { module: 'ownership-panel', payload: {}, extension: panelExtension('MOBILE-3') },
    setOverride: {
      module: 'ownership-panel',
      payload: { kind: 'strategic' },
      extension: panelExtension('MOBILE-3'),
    },
    clearOverride: { module: 'ownership-panel', payload: {}, extension: panelExtension('MOBILE-3') },
    getGadget: { module: 'ownership-gadget', payload: {}, extension: gadgetExtension(mobileConfig) },
    validateGadgetConfig: {
      module: 'ownership-gadget',
      payload: { config: mobileConfig },
      extension: gadgetExtension(mobileConfig),
    },
    listProjects: { module: 'ownership-gadget', payload: {}, extension: gadgetExtension(mobileConfig) },
    startBackfill: {
      module: 'ownership-gadget',
      payload: { projectKey: 'MOBILE' },
      extension: gadgetExtension(mobileConfig),
    },
    getBackfillStatus: {
      module: 'ownership-gadget',
      payload: { projectKey: 'MOBILE' },
      extension: gadgetExtension(mobileConfig),
    },
    getAppSettings: { module: 'ownership-gadget', payload: {}, extension: gadgetExtension(mobileConfig) },
    saveAppSettings: {
      module: 'ownership-gadget',
      payload: { settings: { labelSync: true } },
      extension: gadgetExtension(mobileConfig),
    },
    getTeamInsights: { module: 'ownership-gadget', payload: {}, extension: gadgetExtension(mobileConfig) },
    getAgreement: { module: 'ownership-admin', payload: {}, extension: { type: 'jira:adminPage' } },
    resetAdaptation: { module: 'ownership-admin', payload: {}, extension: { type: 'jira:adminPage' } },
    startReconcile: {
      module: 'ownership-admin',
      payload: { projectKey: 'MOBILE' },
      extension: { type: 'jira:adminPage' },
    },
    getReconcileStatus: {
      module: 'ownership-admin',
      payload: { projectKey: 'MOBILE' },
      extension: { type: 'jira:adminPage' },
    },
    findPeople: {
      module: 'ownership-admin',
      payload: { query: 'alice' },
      extension: { type: 'jira:adminPage' },
    },
    listRolePeople: { module: 'ownership-admin', payload: {}, extension: { type: 'jira:adminPage' } },
  };

describe('a user without Browse projects gets nothing from any resolver', () => {
  it('covers every resolver in the contract', () => {
    expect(Object.keys(CALLS).sort()).toEqual(Object.keys(RESOLVERS).sort());
  });

  it.each(Object.keys(CALLS) as ResolverName[])('%s', async (name) => {
    const before = JSON.stringify(
      [...h.emulator.store.properties.entries()].map(([k, v]) => [k, [...v.entries()]]),
    );
    const storage = JSON.stringify(h.runtime.storage.snapshot());
    const c = CALLS[name];
    const r = (await h.runtime.invokeResolver({
      moduleKey: c.module,
      functionKey: name,
      payload: c.payload,
      accountId: BOB,
      extension: c.extension,
    })) as Result<unknown>;
    if (name === 'validateGadgetConfig') {
      expect(r).toEqual({ ok: true, data: mobileConfig }); // echoes its own input; reads nothing from Jira
    } else if (r.ok) {
      expect(JSON.stringify(r.data)).not.toMatch(/MOBILE|Mobile App/);
    } else {
      expect(['NOT_FOUND', 'FORBIDDEN']).toContain(r.error.code);
    }
    expect(
      JSON.stringify([...h.emulator.store.properties.entries()].map(([k, v]) => [k, [...v.entries()]])),
    ).toBe(before);
    expect(JSON.stringify(h.runtime.storage.snapshot())).toBe(storage);
  });
});

describe('values from the frontend are never trusted for authorization', () => {
  it('an issue key smuggled in the payload is refused; the context decides', async () => {
    const r = (await callPanel(
      h,
      'SHOP-1',
      'getIssuePanel',
      { issueKey: 'MOBILE-3' },
      BOB,
    )) as Result<unknown>;
    expect(r).toEqual({ ok: false, error: { code: 'INVALID_PAYLOAD', message: expect.any(String) } });
  });
  it('an override records the invocation\'s account, whatever the payload says', async () => {
    const r = (await callPanel(
      h,
      'SHOP-4',
      'setOverride',
      { kind: 'mixed', by: 'someone-else' },
      ALICE,
    )) as Result<unknown>;
    expect(r.ok).toBe(false);
    const ok = (await callPanel(h, 'SHOP-4', 'setOverride', { kind: 'mixed' }, ALICE)) as Result<{
      classification: { override: { by: string } };
    }>;
    expect(ok.ok && ok.data.classification.override.by).toBe(ALICE);
  });
});

describe('names outside the contract', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'noSuchResolver'])(
    '"%s" reaches nothing and echoes nothing back', async (functionKey) => {
      const r = await h.runtime.invokeResolver({
        moduleKey: 'ownership-panel',
        functionKey,
        payload: { probe: 1 },
        accountId: BOB,
        extension: panelExtension('MOBILE-3'),
      });
      expect(r).toEqual({
        ok: false,
        error: { code: 'INVALID_PAYLOAD', message: 'Ownership Balance has no such function.' },
      });
    });
});
