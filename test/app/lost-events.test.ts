/**
 * An issue event Forge gave up on (refused past its retries, here by an hour of rate limiting) leaves an
 * issue the trigger saw untagged; the daily sweep's refresh tags it, and only such issues: an untagged
 * issue nobody edited since the previous run is not the app's to tag (a person starts a backfill for
 * those). Run on the bundle Forge would deploy, with storage latency.
 */
import type { BackfillStatus, Result } from '../../src/contract';
import {
  ALICE, callForProject, expireClaims, gadgetTally, jiraTally, oneProjectSite, startHarness, tagOf as tagOfIn,
  yearByWeekConfig, type Harness,
} from './harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({
    data: oneProjectSite({ id: '46000', key: 'LOST', name: 'Lost events' }),
    storageLatencyMs: { min: 2, max: 6 },
  });
});
afterEach(async () => { await h.close(); });

const alice = { kind: 'user' as const, accountId: ALICE };
const tagOf = (key: string) => tagOfIn(h, key);
const create = (summary: string) =>
  h.emulator.createIssue(alice, { projectKey: 'LOST', type: 'Task', summary }).key;
const status = async () =>
  ((await callForProject(h, 'ownership-gadget', 'getBackfillStatus', 'LOST')) as Result<BackfillStatus>);
/** The daily sweep, a day later: the writers' short claims have lapsed. */
const dailySweep = async () => {
  await expireClaims(h);
  await h.runtime.invokeFunction('reconcile-schedule', {});
  await h.settle();
};
/** Creates an issue while Jira rate-limits the app for an hour: every delivery of its event fails. */
async function createWhileRateLimited(summary: string): Promise<string> {
  const outage = h.emulator.faults.add({
    kind: 'status429', retryAfterSeconds: 3600, match: { principal: 'app' },
  });
  const key = create(summary);
  await h.settle();
  expect(h.emulator.faults.firedCount(outage)).toBeGreaterThanOrEqual(5);
  h.emulator.faults.remove(outage);
  return key;
}

/** The next daily sweep's refresh tags `lost`, one issue and no more; the gadget reads what Jira holds. */
async function expectTaggedByTheSweep(lost: string): Promise<void> {
  await dailySweep();
  expect(tagOf(lost)).toMatchObject({ kind: expect.any(String), overridden: false });
  expect(await status()).toMatchObject({ ok: true, data: { scope: 'stale', state: 'done', done: 1 } });
  expect(await gadgetTally(h, yearByWeekConfig('LOST'))).toEqual(jiraTally(h));
}

it('the daily sweep tags an issue whose event was lost, and leaves alone what nobody edited', async () => {
  const seen = create('Fix the crash on save');
  const untouched = create('Rename the settings tab');
  await h.settle();
  expect([tagOf(seen), tagOf(untouched)]).toEqual([expect.anything(), expect.anything()]);
  // Alice's backfill finds nothing pending; its start is where the next refresh looks for lost events.
  expect(await callForProject(h, 'ownership-gadget', 'startBackfill', 'LOST'))
    .toMatchObject({ ok: true, data: { state: 'done', total: 0 } });
  // A tag gone from an issue nobody edited since the backfill (its last edit an hour before).
  h.emulator.store.properties.get(untouched)!.delete('ownership-balance');
  h.emulator.store.issues.get(untouched)!.updated = new Date(Date.now() - 3600_000).toISOString();

  const lost = await createWhileRateLimited('Publish the pricing page for the launch campaign');
  expect(tagOf(lost)).toBeNull();

  await expectTaggedByTheSweep(lost);
  expect(tagOf(untouched)).toBeNull();
});

it('on the first daily run, the refresh looks from when the app was installed', async () => {
  const before = create('Rename the settings tab');
  await h.settle();
  // An issue whose tag is gone, last edited before the app was installed: a person's to tag, not the app's.
  h.emulator.store.properties.get(before)!.delete('ownership-balance');
  h.emulator.store.issues.get(before)!.updated = new Date(Date.now() - 3600_000).toISOString();
  const installed = { eventType: 'avi:forge:installed:app', id: 'installation-1', installerAccountId: ALICE };
  const deliverInstalled = async () => {
    const outcome = await h.runtime.deliverEvent({ payload: installed, causedBy: alice });
    expect(outcome.deliveries)
      .toEqual([expect.objectContaining({ moduleKey: 'app-installed', delivered: true })]);
    await h.settle();
  };
  const installedAt = () => (h.runtime.storage.snapshot() as Record<string, unknown>).installed;
  expect(await h.runtime.invokeFunction('on-app-installed', { eventType: 'avi:forge:upgraded:app' }))
    .toEqual({ outcome: 'invalid-event' });
  expect(installedAt()).toBeUndefined();
  await deliverInstalled();
  const first = installedAt();
  expect(first).toEqual({ at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
  const lost = await createWhileRateLimited('Publish the pricing page for the launch campaign');
  expect(tagOf(lost)).toBeNull();
  // Delivered again later (at least once): the first time recorded stays.
  await new Promise((r) => setTimeout(r, 5));
  await deliverInstalled();
  expect(installedAt()).toEqual(first);
  await expectTaggedByTheSweep(lost);
  expect(tagOf(before)).toBeNull();
});

it('in a project no backfill ran in, the refresh looks from the previous daily run', async () => {
  const seen = create('Fix the crash on save');
  await h.settle();
  expect(tagOf(seen)).not.toBeNull();
  // The first daily run: nothing is stale, and (no installation recorded here) no earlier time to look for
  // lost events from.
  await dailySweep();
  expect(await status()).toMatchObject({ ok: true, data: { state: 'idle' } });

  const lost = await createWhileRateLimited('Publish the pricing page for the launch campaign');
  expect(tagOf(lost)).toBeNull();
  await expectTaggedByTheSweep(lost);
});

it('storage failing while the installation is recorded: Forge delivers the event again', async () => {
  h.runtime.platform.faultRate = 1;
  const installed = { eventType: 'avi:forge:installed:app', id: 'installation-1', installerAccountId: ALICE };
  const outcome = await h.runtime.deliverEvent({ payload: installed, causedBy: alice });
  expect(outcome.result).toMatchObject({ _retry: true });
  h.runtime.platform.faultRate = 0;
  await h.settle();
  expect((h.runtime.storage.snapshot() as Record<string, unknown>).installed)
    .toEqual({ at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
});
