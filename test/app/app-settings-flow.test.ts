/**
 * The app end to end on the local Jira and Forge, continued: the gadget, the backfill, settings and roles.
 */
import { ALICE, BOB, gadgetExtension, callGadget } from './harness';
import { alice, config, useAppFlow } from './flow-kit';
import type { BackfillStatus, Result } from '../../src/contract';

const flow = useAppFlow();
const { stored, count, gadget } = flow;

describe('gadget', () => {
  it('never counts issues the viewer cannot browse', async () => {
    const r = await gadget(BOB, { ...config, projectKey: 'MOBILE' });
    expect(r).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });

  it('refuses a missing or invalid configuration with a message the user can act on', async () => {
    const r = await gadget(ALICE, { projectKey: 'shop!' });
    expect(r).toEqual({
      ok: false,
      error: { code: 'INVALID_CONFIG', message: expect.stringMatching(/Edit/) },
    });
  });

  it('costs the same few Jira requests for any project size', async () => {
    flow.h.emulator.requests.clear();
    const r = await gadget(ALICE);
    expect(r).toMatchObject({
      ok: true,
      data: { jql: { strategic: expect.stringMatching(/ownershipKind = strategic/) } },
    });
    expect(flow.h.emulator.requests.count()).toBeLessThanOrEqual(10);
  });
});

describe('backfill', () => {
  it('classifies every unclassified issue of a project, in chunks, to the end', async () => {
    const start = (await callGadget(
      flow.h,
      config,
      'startBackfill',
      { projectKey: 'MOBILE' },
      ALICE,
    )) as Result<BackfillStatus>;
    expect(start).toMatchObject({ ok: true, data: { total: expect.any(Number) } });
    expect((start as { ok: true; data: BackfillStatus }).data.total).toBeGreaterThan(200);
    await flow.h.settle();
    expect(await count('project = MOBILE AND ownershipKind IS EMPTY')).toBe(0);
    const status = (await callGadget(
      flow.h,
      config,
      'getBackfillStatus',
      { projectKey: 'MOBILE' },
      ALICE,
    )) as Result<BackfillStatus>;
    expect(status).toMatchObject({ ok: true, data: { state: 'done' } });
    const done = (status as { ok: true; data: BackfillStatus }).data;
    expect(done.done).toBe(done.total);
  });
});

describe('app settings and label sync', () => {
  const settings = (accountId: string, functionKey: string, payload: unknown = {}) =>
    flow.h.runtime.invokeResolver({
      moduleKey: 'ownership-gadget',
      functionKey,
      payload,
      accountId,
      extension: gadgetExtension(config),
    }) as Promise<Result<{ labelSync: boolean }>>;

  it('label sync is off by default, and only a Jira admin can turn it on', async () => {
    expect(await settings(ALICE, 'getAppSettings')).toEqual({
      ok: true,
      data: { labelSync: false, roles: {} },
    });
    expect(await settings(BOB, 'saveAppSettings', { settings: { labelSync: true } })).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/administrators/) },
    });
    expect(await settings(ALICE, 'getAppSettings')).toEqual({
      ok: true,
      data: { labelSync: false, roles: {} },
    });
  });

  it('when on, the trigger adds strategic-pm / tactical-po labels without re-triggering itself', async () => {
    expect(await settings(ALICE, 'saveAppSettings', { settings: { labelSync: true } })).toEqual({
      ok: true,
      data: { labelSync: true, roles: {} },
    });
    const { key } = flow.h.emulator.createIssue(alice, {
      projectKey: 'SHOP',
      type: 'Initiative',
      summary: 'Product vision and pricing strategy for the next two years',
    });
    await flow.h.settle();
    expect(flow.h.emulator.store.issues.get(key)?.labels).toEqual(['strategic-pm']);
    expect(stored(key)?.kind).toBe('strategic');
    await settings(ALICE, 'saveAppSettings', { settings: { labelSync: false } });
  });

  it('a Jira admin finds people by name and sets their roles, which the admin page lists by name; ' +
    'others may not', async () => {
    const found = await settings(ALICE, 'findPeople', { query: 'bob' });
    expect(found).toEqual({
      ok: true,
      data: [{ accountId: BOB, displayName: expect.stringMatching(/Bob/) }],
    });
    expect(await settings(BOB, 'findPeople', { query: 'ali' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await settings(ALICE, 'findPeople', { query: '' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_PAYLOAD' },
    });
    await settings(ALICE, 'saveAppSettings', { settings: { labelSync: false, roles: { [BOB]: 'PO' } } });
    expect(await settings(ALICE, 'listRolePeople')).toEqual({
      ok: true,
      data: [{ accountId: BOB, displayName: expect.stringMatching(/Bob/) }],
    });
    await settings(ALICE, 'saveAppSettings', { settings: { labelSync: false, roles: {} } });
  });
});
