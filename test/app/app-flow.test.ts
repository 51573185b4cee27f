import { parseStoredClassification, type Result, type IssuePanelData, type GadgetData, type BackfillStatus } from '../../src/contract';
import { ALICE, BOB, gadgetExtension, panelExtension, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h.close(); });

afterEach(() => {
  // Every request the app sent, and every answer it got, matched Atlassian's OpenAPI spec.
  expect(h.emulator.specViolations).toEqual([]);
});

const alice = { kind: 'user' as const, accountId: ALICE };
const stored = (key: string) => parseStoredClassification(h.emulator.store.properties.get(key)?.get('ownership-balance'));
const count = async (jql: string, as = `user:${ALICE}`) => {
  const r = await fetch(`${h.emulator.url}/rest/api/3/search/approximate-count`, { method: 'POST', headers: { 'x-forge-principal': as, 'content-type': 'application/json' }, body: JSON.stringify({ jql }) });
  return ((await r.json()) as { count: number }).count;
};
const panel = (key: string, accountId: string, functionKey = 'getIssuePanel', payload: unknown = {}) =>
  h.runtime.invokeResolver({ moduleKey: 'ownership-panel', functionKey, payload, accountId, extension: panelExtension(key) }) as Promise<Result<IssuePanelData>>;
const config = { projectKey: 'SHOP', period: '365d', unit: 'count', trend: 'week', targetShare: 0.3, refreshMinutes: 0 };
const gadget = (accountId: string, cfg: Record<string, unknown> = config) =>
  h.runtime.invokeResolver({ moduleKey: 'ownership-gadget', functionKey: 'getGadget', payload: {}, accountId, extension: gadgetExtension(cfg) }) as Promise<Result<GadgetData>>;

describe('the project page (jira:projectPage) reads its project from Forge\'s context', () => {
  const report = (extension: Record<string, unknown>) =>
    h.runtime.invokeResolver({ moduleKey: 'ownership-report', functionKey: 'getGadget', payload: {}, accountId: ALICE, extension }) as Promise<Result<GadgetData>>;
  it('gives the report of the page\'s project, the same figures as a gadget on it', async () => {
    const page = await report({ type: 'jira:projectPage', project: { key: 'SHOP', id: '10000', type: 'software' } });
    const onGadget = await gadget(ALICE, { ...config, period: '90d' });
    expect(page).toMatchObject({ ok: true, data: { config: { projectKey: 'SHOP', period: '90d', unit: 'count', trend: 'week' } } });
    expect(onGadget.ok).toBe(true);
    expect(page.ok && page.data.balance).toEqual(onGadget.ok && onGadget.data.balance);
  });
  it('without a project in the context it asks for one', async () => {
    expect(await report({ type: 'jira:projectPage' })).toMatchObject({ ok: false, error: { code: 'INVALID_CONFIG' } });
  });
});

describe('issue created → trigger → property stored → JQL alias finds it → gadget counts it', () => {
  it('runs the whole chain through the real Forge SDK', async () => {
    const before = await count('project = SHOP AND ownershipKind = strategic');
    const { key } = h.emulator.createIssue(alice, { projectKey: 'SHOP', type: 'Task', summary: 'Decide our pricing strategy and market positioning for next year', description: 'Market research on competitors; grow revenue by 20% this year.' });
    await h.settle();
    const s = stored(key);
    expect(s?.kind).toBe('strategic');
    expect(s?.overridden).toBe(false);
    expect(await count(`key = ${key} AND ownershipKind = strategic`)).toBe(1);
    expect(await count('project = SHOP AND ownershipKind = strategic')).toBe(before + 1);
    const g = await gadget(ALICE);
    expect(g).toMatchObject({ ok: true, data: { balance: { count: { strategic: before + 1 } } } });
  });

  it('classifies a tactical story as tactical and stores evidence with seeds', async () => {
    const { key } = h.emulator.createIssue(alice, { projectKey: 'SHOP', type: 'Story', summary: 'As a shopper I want to filter by colour', description: 'Acceptance criteria:\nGiven the results\nWhen I pick red\nThen only red items show' });
    await h.settle();
    expect(stored(key)?.kind).toBe('tactical');
    expect(stored(key)?.automatic.evidence.every((e) => /^00[0-4]$/.test(e.seed))).toBe(true);
  });

  it('an edit that changes nothing the classifier reads does not re-classify; a summary edit does', async () => {
    const { key } = h.emulator.createIssue(alice, { projectKey: 'SHOP', type: 'Task', summary: 'Fix the cart bug' });
    await h.settle();
    const first = stored(key)!;
    h.emulator.updateIssue(alice, key, { fields: { assignee: { accountId: BOB } } });
    await h.settle();
    expect(stored(key)?.classifiedAt).toBe(first.classifiedAt);
    h.emulator.updateIssue(alice, key, { fields: { customfield_10016: 5 } });
    await h.settle();
    expect(stored(key)).toMatchObject({ kind: first.kind, storyPoints: 5 });
    h.emulator.updateIssue(alice, key, { fields: { summary: 'Product vision, roadmap and pricing strategy for the next two years' } });
    await h.settle();
    expect(stored(key)?.kind).toBe('strategic');
  });
});

describe('issue panel and override', () => {
  it('shows the classification, evidence and override rights to an editor', async () => {
    const r = await panel('SHOP-1', ALICE);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.issue.key).toBe('SHOP-1');
    expect(r.data.canOverride).toBe(true);
    expect(r.data.classification.automatic.evidence.length).toBeGreaterThan(0);
  });

  it('an override is kept, automation never overwrites it, and clearing returns to automatic', async () => {
    const { key } = h.emulator.createIssue(alice, { projectKey: 'SHOP', type: 'Story', summary: 'As a buyer I want to see my orders' });
    await h.settle();
    const o = await panel(key, ALICE, 'setOverride', { kind: 'strategic', note: 'part of the loyalty bet' });
    expect(o.ok).toBe(true);
    expect(stored(key)).toMatchObject({ kind: 'strategic', overridden: true, override: { kind: 'strategic', by: ALICE, note: 'part of the loyalty bet' } });
    h.emulator.updateIssue(alice, key, { fields: { summary: 'As a buyer I want to see my orders and invoices' } });
    await h.settle();
    expect(stored(key)?.kind).toBe('strategic');
    expect(stored(key)?.overridden).toBe(true);
    const c = await panel(key, ALICE, 'clearOverride');
    expect(c.ok).toBe(true);
    expect(stored(key)?.overridden).toBe(false);
    expect(stored(key)?.kind).toBe(stored(key)?.automatic.kind);
  });

  it('a viewer without Edit issues sees the panel but cannot override: Jira refuses', async () => {
    const before = JSON.stringify(stored('SHOP-2'));
    const r = await panel('SHOP-2', BOB);
    expect(r).toMatchObject({ ok: true, data: { canOverride: false, cannotOverrideReason: expect.stringMatching(/Edit issues/) } });
    const o = await panel('SHOP-2', BOB, 'setOverride', { kind: 'strategic' });
    expect(o).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/permission/) } });
    expect(JSON.stringify(stored('SHOP-2'))).toBe(before);
  });

  it('a user who cannot browse the project gets no issue data', async () => {
    const r = await panel('MOBILE-1', BOB);
    expect(r).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });

  it.each([
    [{ kind: 'boss' }],
    [{ kind: 'strategic', note: 'x'.repeat(501) }],
    [{ kind: 'strategic', extra: 1 }],
    ['strategic'],
  ])('an invalid override payload %j is refused before any write', async (payload) => {
    const before = JSON.stringify(stored('SHOP-3'));
    const r = await panel('SHOP-3', ALICE, 'setOverride', payload);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(JSON.stringify(stored('SHOP-3'))).toBe(before);
  });
});

describe('gadget', () => {
  it('never counts issues the viewer cannot browse', async () => {
    const r = await gadget(BOB, { ...config, projectKey: 'MOBILE' });
    expect(r).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });

  it('refuses a missing or invalid configuration with a message the user can act on', async () => {
    const r = await gadget(ALICE, { projectKey: 'shop!' });
    expect(r).toEqual({ ok: false, error: { code: 'INVALID_CONFIG', message: expect.stringMatching(/Edit/) } });
  });

  it('costs the same few Jira requests for any project size', async () => {
    h.emulator.requests.clear();
    const r = await gadget(ALICE);
    expect(r).toMatchObject({ ok: true, data: { jql: { strategic: expect.stringMatching(/ownershipKind = strategic/) } } });
    expect(h.emulator.requests.count()).toBeLessThanOrEqual(10);
  });
});

describe('backfill', () => {
  it('classifies every unclassified issue of a project, in chunks, to the end', async () => {
    const start = (await h.runtime.invokeResolver({ moduleKey: 'ownership-gadget', functionKey: 'startBackfill', payload: { projectKey: 'MOBILE' }, accountId: ALICE, extension: gadgetExtension(config) })) as Result<BackfillStatus>;
    expect(start).toMatchObject({ ok: true, data: { total: expect.any(Number) } });
    expect((start as { ok: true; data: BackfillStatus }).data.total).toBeGreaterThan(200);
    await h.settle();
    expect(await count('project = MOBILE AND ownershipKind IS EMPTY')).toBe(0);
    const status = (await h.runtime.invokeResolver({ moduleKey: 'ownership-gadget', functionKey: 'getBackfillStatus', payload: { projectKey: 'MOBILE' }, accountId: ALICE, extension: gadgetExtension(config) })) as Result<BackfillStatus>;
    expect(status).toMatchObject({ ok: true, data: { state: 'done' } });
    const done = (status as { ok: true; data: BackfillStatus }).data;
    expect(done.done).toBe(done.total);
  });
});

describe('app settings and label sync', () => {
  const settings = (accountId: string, functionKey: string, payload: unknown = {}) =>
    h.runtime.invokeResolver({ moduleKey: 'ownership-gadget', functionKey, payload, accountId, extension: gadgetExtension(config) }) as Promise<Result<{ labelSync: boolean }>>;

  it('label sync is off by default, and only a Jira admin can turn it on', async () => {
    expect(await settings(ALICE, 'getAppSettings')).toEqual({ ok: true, data: { labelSync: false, roles: {} } });
    expect(await settings(BOB, 'saveAppSettings', { settings: { labelSync: true } })).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/administrators/) } });
    expect(await settings(ALICE, 'getAppSettings')).toEqual({ ok: true, data: { labelSync: false, roles: {} } });
  });

  it('when on, the trigger adds strategic-pm / tactical-po labels without re-triggering itself', async () => {
    expect(await settings(ALICE, 'saveAppSettings', { settings: { labelSync: true } })).toEqual({ ok: true, data: { labelSync: true, roles: {} } });
    const { key } = h.emulator.createIssue(alice, { projectKey: 'SHOP', type: 'Initiative', summary: 'Product vision and pricing strategy for the next two years' });
    await h.settle();
    expect(h.emulator.store.issues.get(key)?.labels).toEqual(['strategic-pm']);
    expect(stored(key)?.kind).toBe('strategic');
    await settings(ALICE, 'saveAppSettings', { settings: { labelSync: false } });
  });

  it('a Jira admin finds people by name and sets their roles, which the admin page lists by name; others may not', async () => {
    const found = await settings(ALICE, 'findPeople', { query: 'bob' });
    expect(found).toEqual({ ok: true, data: [{ accountId: BOB, displayName: expect.stringMatching(/Bob/) }] });
    expect(await settings(BOB, 'findPeople', { query: 'ali' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await settings(ALICE, 'findPeople', { query: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    await settings(ALICE, 'saveAppSettings', { settings: { labelSync: false, roles: { [BOB]: 'PO' } } });
    expect(await settings(ALICE, 'listRolePeople')).toEqual({ ok: true, data: [{ accountId: BOB, displayName: expect.stringMatching(/Bob/) }] });
    await settings(ALICE, 'saveAppSettings', { settings: { labelSync: false, roles: {} } });
  });
});
