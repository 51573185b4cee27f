/**
 * The reconcile job recomputes a project's figures from Jira and reports the drift it fixed: figures
 * lost, figures of an issue deleted without an event, a week's sums tampered with. On demand by a Jira
 * admin only; daily for every project with figures.
 */
import { kvs } from '@forge/kvs';
import { DEMO_USERS } from '../../dev/emulator';
import {
  parseStoredClassification,
  type GadgetData,
  type ReconcileStatus,
  type Result,
} from '../../src/contract';
import {
  ALICE, BOB, callGadget, oneProjectSite, startHarness, yearByWeekConfig, type Harness,
} from './harness';

const data = () =>
  oneProjectSite({ id: '41000', key: 'REC', name: 'Reconcile' }, [DEMO_USERS.admin, DEMO_USERS.viewer]);
const config = yearByWeekConfig('REC');
let h: Harness;
beforeAll(async () => { h = await startHarness({ data: data(), storageLatencyMs: { min: 2, max: 6 } }); });
afterAll(async () => { await h.close(); });

const call = <T>(functionKey: string, payload: unknown, accountId = ALICE) =>
  h.runtime.invokeResolver({
    moduleKey: 'ownership-admin',
    functionKey,
    payload,
    accountId,
    extension: {},
  }) as Promise<Result<T>>;
const classifiedCount = async () => {
  const g = (await callGadget(h, config, 'getGadget', {}, ALICE)) as Result<GadgetData>;
  const c = (g as { ok: true; data: GadgetData }).data.balance.count;
  return c.strategic + c.tactical + c.mixed;
};
/** The classified issues the stored week sums count, summed over every stored week of the project. */
const storedCount = () =>
  Object.entries(h.runtime.storage.snapshot())
    .filter(([k]) => k.startsWith('entity:week-figures:REC:'))
    .reduce((n, [, v]) => {
      const c = (v as { figures: { count: Record<string, number> } }).figures.count;
      return n + c.strategic! + c.tactical! + c.mixed!;
    }, 0);
const inJira = () =>
  [...h.emulator.store.issues.values()].filter((i) =>
    parseStoredClassification(h.emulator.store.properties.get(i.key)?.get('ownership-balance')),
  ).length;

it('repairs lost, vanished and tampered figures, and says how much it fixed', async () => {
  const alice = { kind: 'user' as const, accountId: ALICE };
  const keys = [
    'Pricing strategy for next year',
    'Fix the login bug',
    'As a user I want dark mode',
    'Write release notes',
  ].map((summary) =>
    h.emulator.createIssue(alice, { projectKey: 'REC', type: 'Task', summary, storyPoints: 3 }),
  );
  await h.settle();
  expect(await classifiedCount()).toBe(4);
  await kvs.entity('issue-figures').delete(keys[0]!.id);
  h.emulator.store.issues.delete(keys[1]!.key);
  const week = Object.keys(h.runtime.storage.snapshot())
    .find((k) => k.startsWith('entity:week-figures:REC:'))!
    .replace('entity:week-figures:', '');
  const row = (await kvs.entity<Record<string, unknown>>('week-figures').get(week))!;
  await kvs
    .entity('week-figures')
    .set(week, {
      ...row,
      revision: 99,
      figures: {
        count: { strategic: 9, tactical: 9, mixed: 9 },
        points: { strategic: 0, tactical: 0, mixed: 0 },
        people: {},
      },
    });
  expect(storedCount()).toBe(27);
  expect(inJira()).toBe(3);

  const started = await call<ReconcileStatus>('startReconcile', { projectKey: 'REC' });
  expect(started).toMatchObject({ ok: true, data: { state: 'running' } });
  await h.settle();
  const done = await call<ReconcileStatus>('getReconcileStatus', { projectKey: 'REC' });
  expect(done).toMatchObject({
    ok: true,
    data: { state: 'done', checked: 3, fixed: { removed: 1, weeks: 1 } },
  });
  expect((done as { ok: true; data: ReconcileStatus }).data.fixed.added).toBeGreaterThanOrEqual(1);
  expect(storedCount()).toBe(3);
  expect(await classifiedCount()).toBe(3);
});

it('is for Jira admins only', async () => {
  expect(await call('startReconcile', { projectKey: 'REC' }, BOB)).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  expect(await call('getReconcileStatus', { projectKey: 'REC' }, BOB)).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
});

it('runs daily for every project with figures', async () => {
  await kvs.delete('reconcile:REC');
  await h.runtime.invokeFunction('reconcile-schedule', {});
  await h.settle();
  // Figures that already hold what Jira holds are not reported as fixed, even when read again.
  expect(await call('getReconcileStatus', { projectKey: 'REC' })).toMatchObject({ ok: true,
    data: { state: 'done', checked: 3, fixed: { added: 0, changed: 0, removed: 0, weeks: 0 } } });
});

it('a daily run that meets a Jira outage is retried on the queue, not lost for the day', async () => {
  await kvs.delete('reconcile:REC');
  // Forge does not retry a scheduled function that fails; the sweep runs on the queue, which it retries.
  h.emulator.faults.add({ kind: 'status503', match: { path: /\/project\/search/ }, times: 6 });
  await h.runtime.invokeFunction('reconcile-schedule', {});
  await h.settle();
  expect(await call('getReconcileStatus', { projectKey: 'REC' })).toMatchObject({
    ok: true,
    data: { state: 'done', checked: 3 },
  });
});

