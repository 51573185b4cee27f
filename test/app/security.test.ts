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
/**
 * What Bob must get: Jira's own "not found" (the resolver reads the project as him), the admins-only refusal,
 * his own input back (validateGadgetConfig reads nothing), or an answer that never mentions Mobile App.
 */
type Answer = 'not-found' | 'forbidden' | 'echo' | 'without-mobile';
interface Call { module: string; payload: unknown; extension: Record<string, unknown>; answer: Answer }
const panel = (payload: unknown, answer: Answer): Call =>
  ({ module: 'ownership-panel', payload, extension: panelExtension('MOBILE-3'), answer });
const gadget = (payload: unknown, answer: Answer): Call =>
  ({ module: 'ownership-gadget', payload, extension: gadgetExtension(mobileConfig), answer });
const admin = (payload: unknown, answer: Answer): Call =>
  ({ module: 'ownership-admin', payload, extension: { type: 'jira:adminPage' }, answer });
const MOBILE = { projectKey: 'MOBILE' };

/** A valid call of every resolver aimed at Mobile App, which Bob may not browse, and what he must get. */
const CALLS: Record<ResolverName, Call> = {
  getIssuePanel: panel({}, 'not-found'),
  setOverride: panel({ kind: 'strategic' }, 'not-found'),
  clearOverride: panel({}, 'not-found'),
  getGadget: gadget({}, 'not-found'),
  validateGadgetConfig: gadget({ config: mobileConfig }, 'echo'),
  listProjects: gadget({}, 'without-mobile'),
  startBackfill: gadget(MOBILE, 'not-found'),
  getBackfillStatus: gadget(MOBILE, 'not-found'),
  getAppSettings: gadget({}, 'forbidden'),
  saveAppSettings: gadget({ settings: { labelSync: true } }, 'forbidden'),
  getTeamInsights: gadget({}, 'not-found'),
  getAgreement: admin({}, 'forbidden'),
  resetAdaptation: admin({}, 'forbidden'),
  startReconcile: admin(MOBILE, 'forbidden'),
  getReconcileStatus: admin(MOBILE, 'forbidden'),
  findPeople: admin({ query: 'alice' }, 'forbidden'),
  listRolePeople: admin({}, 'forbidden'),
};

const EXPECTED: Record<Answer, unknown> = {
  'not-found': { ok: false, code: 'NOT_FOUND' },
  forbidden: { ok: false, code: 'FORBIDDEN' },
  echo: { ok: true, data: mobileConfig },
  'without-mobile': { ok: true, mentionsMobile: false },
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
    const seen = r.ok
      ? { ok: true, mentionsMobile: /MOBILE|Mobile App/.test(JSON.stringify(r.data)) }
      : { ok: false, code: r.error.code };
    expect(c.answer === 'echo' ? r : seen).toEqual(EXPECTED[c.answer]);
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
