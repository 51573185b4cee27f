/**
 * The scenarios that made the old ledger drift, one by one, each with storage answering in 10–30 ms:
 * the gadget's figures must equal what Jira holds afterwards.
 */
import { DEMO_USERS, type EmulatorData } from '../../dev/emulator';
import { parseStoredClassification, type GadgetData, type Result } from '../../src/contract';
import {
  ALICE,
  BOB,
  startHarness,
  type Harness,
  type HarnessOptions, callPanel, callGadget } from './harness';

const alice = { kind: 'user' as const, accountId: ALICE };
const data = (): EmulatorData => ({
  projects: [{ id: '43000', key: 'FIG', name: 'Figures' }],
  users: [DEMO_USERS.admin, DEMO_USERS.viewer],
  admins: [ALICE],
  grants: { [ALICE]: { FIG: { browse: true, edit: true } }, [BOB]: { FIG: { browse: true, edit: false } } },
  issues: [],
});
const config = {
  projectKey: 'FIG',
  period: '365d',
  unit: 'points',
  trend: 'week',
  targetShare: 0.3,
  refreshMinutes: 0,
};
const SUMMARIES = [
  'Pricing strategy for the enterprise tier',
  'Fix the crash when saving',
  'As a user I want to export a report',
];

let h: Harness;
async function start(options: HarnessOptions = {}) {
  h = await startHarness({ data: data(), storageLatencyMs: { min: 10, max: 30 }, ...options });
}
afterEach(async () => { await h.close(); });

const gadget = async () => {
  const r = (await callGadget(h, config, 'getGadget', {}, ALICE)) as Result<GadgetData>;
  expect(r.ok).toBe(true);
  return (r as { ok: true; data: GadgetData }).data;
};
/** Count and points by kind, from what Jira holds. */
function jira() {
  const out = {
    count: { strategic: 0, tactical: 0, mixed: 0 },
    points: { strategic: 0, tactical: 0, mixed: 0 },
  };
  for (const issue of h.emulator.store.issues.values()) {
    const s = parseStoredClassification(h.emulator.store.properties.get(issue.key)?.get('ownership-balance'));
    if (!s) continue;
    out.count[s.kind]++;
    out.points[s.kind] += issue.storyPoints ?? 0;
  }
  return out;
}
async function expectGadgetEqualsJira() {
  const g = await gadget();
  const kinds = (t: GadgetData['balance']['count']) => ({
    strategic: t.strategic,
    tactical: t.tactical,
    mixed: t.mixed,
  });
  expect({ count: kinds(g.balance.count), points: kinds(g.balance.points) }).toEqual(jira());
  return g;
}
const create = (i: number, points = 3) =>
  h.emulator.createIssue(alice, {
    projectKey: 'FIG',
    type: 'Task',
    summary: SUMMARIES[i % 3]!,
    storyPoints: points,
  });
const backfill = (accountId = ALICE) =>
  h.runtime.invokeResolver({
    moduleKey: 'ownership-gadget',
    functionKey: 'startBackfill',
    payload: { projectKey: 'FIG' },
    accountId,
    extension: {},
  }) as Promise<Result<unknown>>;

it('40 issues created at once: nothing lost', async () => {
  await start();
  for (let i = 0; i < 40; i++) create(i, (i % 5) + 1);
  await h.settle();
  const g = await expectGadgetEqualsJira();
  expect(g.balance.count.strategic + g.balance.count.tactical + g.balance.count.mixed).toBe(40);
});

it('every created event delivered twice at once: nothing doubled', async () => {
  await start({ duplicateDeliveryRate: 1 });
  for (let i = 0; i < 20; i++) create(i);
  await h.settle();
  const g = await expectGadgetEqualsJira();
  expect(g.balance.count.strategic + g.balance.count.tactical + g.balance.count.mixed).toBe(20);
});

it('a backfill racing the trigger, and two backfills started together: each issue counted once', async () => {
  await start();
  for (let i = 0; i < 30; i++)
    h.emulator.store.issues.set(`FIG-${100 + i}`, {
      id: String(90000 + i),
      key: `FIG-${100 + i}`,
      projectKey: 'FIG',
      type: 'Story',
      summary: SUMMARIES[i % 3]!,
      description: null,
      labels: [],
      components: [],
      parent: null,
      storyPoints: 2,
      created: new Date().toISOString(),
      updated: new Date().toISOString(),
      status: 'To Do',
      assignee: null,
      reporter: ALICE,
    });
  const [a, b] = await Promise.all([backfill(), backfill()]);
  for (let i = 0; i < 10; i++) create(i);
  expect([a.ok, b.ok]).toEqual([true, true]);
  await h.settle();
  const g = await expectGadgetEqualsJira();
  expect(g.balance.count.strategic + g.balance.count.tactical + g.balance.count.mixed).toBe(40);
});

it('a story-point edit from 3 to 40 and a deletion are seen', async () => {
  await start();
  const kept = create(0, 3);
  const gone = create(1, 5);
  await h.settle();
  h.emulator.updateIssue(alice, kept.key, { fields: { customfield_10016: 40 } });
  h.emulator.deleteIssue(gone.key, alice);
  await h.settle();
  const g = await expectGadgetEqualsJira();
  expect(g.balance.points.strategic + g.balance.points.tactical + g.balance.points.mixed).toBe(40);
});

// Storage failing for a while (before or right after a write), then recovering while Forge still retries.
// (Past Forge's last retry an event is lost: the daily run heals that, test/app/lost-events.test.ts.)
it('storage failing right after the property write: the trigger is retried, the figures heal', async () => {
  await start({ storageFaultRate: 0.15, seed: 7 });
  for (let i = 0; i < 12; i++) create(i);
  await h.delivered();
  h.runtime.platform.faultRate = 0;
  // The scheduled redeliveries (and the jobs they queue) run now that storage answers again.
  expect(await h.runtime.drainQueues()).toBeGreaterThan(0);
  await h.settle();
  await expectGadgetEqualsJira();
});

it('counts and points never contradict: a kind with points has issues', async () => {
  await start();
  for (let i = 0; i < 9; i++) create(i, 2);
  await h.settle();
  const g = await expectGadgetEqualsJira();
  for (const k of ['strategic', 'tactical', 'mixed'] as const)
    expect([k, g.balance.points[k] > 0 && g.balance.count[k] === 0]).toEqual([k, false]);
});

/** An issue put straight into the local Jira: no event, so no tag and no figures. */
function putUntagged(id: string, key: string, summary: string, storyPoints: number): void {
  const now = new Date().toISOString();
  h.emulator.store.issues.set(key, {
    id, key, projectKey: 'FIG', type: 'Task', summary, description: null, labels: [], components: [],
    parent: null, storyPoints, created: now, updated: now, status: 'To Do', assignee: null, reporter: ALICE,
  });
}

it('a read never writes: opening the panel writes neither the property nor any figure', async () => {
  await start();
  putUntagged('95000', 'FIG-500', SUMMARIES[0]!, 8);
  const storage = JSON.stringify(h.runtime.storage.snapshot());
  const r = (await callPanel(h, 'FIG-500', 'getIssuePanel', {}, ALICE)) as Result<{ refreshed: boolean }>;
  expect(r).toMatchObject({ ok: true, data: { refreshed: true } });
  expect(h.emulator.store.properties.get('FIG-500')?.get('ownership-balance')).toBeUndefined();
  expect(JSON.stringify(h.runtime.storage.snapshot())).toBe(storage);
});

it('a user who may only browse cannot start a backfill, and nothing is written', async () => {
  await start();
  putUntagged('96000', 'FIG-600', SUMMARIES[1]!, 1);
  expect(await backfill(BOB)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  await h.settle();
  expect(h.emulator.store.properties.get('FIG-600')?.get('ownership-balance')).toBeUndefined();
  expect(Object.keys(h.runtime.storage.snapshot())).toEqual([]);
});
