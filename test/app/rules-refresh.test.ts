/**
 * After an app update changes the classifier's rules, the daily sweep refreshes the tags the app stored
 * under older rules (src/services/backfill-start.ts): only those — never an override, never an untagged
 * issue nobody edited since — and the figures still match Jira's tags afterwards. Run on the bundle Forge
 * would deploy, with storage latency.
 */
import type { BackfillStatus, Result, StoredClassification } from '../../src/contract';
import { RULES_VERSION } from '../../src/domain';
import {
  ALICE, callForProject, callGadget, expireClaims as expireClaimsOf, gadgetTally as gadgetTallyOf,
  jiraTally as jiraTallyOf, oneProjectSite, startHarness, tagOf as tagOfIn, yearByWeekConfig, type Harness,
} from './harness';

const data = () => oneProjectSite({ id: '42000', key: 'RUL', name: 'Rules' });
const config = yearByWeekConfig('RUL');
const OLD = 'r1-older-rules';
const expireClaims = async () => expect(await expireClaimsOf(h)).toBeGreaterThan(0);
let h: Harness;
/** The issue whose tag is removed, not edited since: no refresh may tag it. */
let untagged = '';
/** An issue whose tag stays current through the first test. */
let pricing = '';
beforeAll(async () => { h = await startHarness({ data: data(), storageLatencyMs: { min: 2, max: 6 } }); });
afterAll(async () => { await h.close(); });

const tagOf = (key: string) => tagOfIn(h, key);
const retag = (key: string, change: Partial<StoredClassification>) =>
  h.emulator.store.properties.get(key)!.set('ownership-balance', { ...tagOf(key)!, ...change });
const jiraTally = () => jiraTallyOf(h);
const gadgetTally = () => gadgetTallyOf(h, config);
const backfillStatus = async () => {
  const payload = { projectKey: 'RUL' };
  const r = (await callGadget(h, config, 'getBackfillStatus', payload, ALICE)) as Result<BackfillStatus>;
  expect(r.ok).toBe(true);
  return (r as { ok: true; data: BackfillStatus }).data;
};

it('re-tags what older rules tagged, leaves overrides and untagged issues alone; figures match', async () => {
  const alice = { kind: 'user' as const, accountId: ALICE };
  const [pricingKey, login, story, notes, untaggedKey] = [
    'Pricing strategy for next year',
    'Fix the login bug',
    'As a user I want dark mode',
    'Write release notes',
    'Clean up the build scripts',
  ].map((summary) => h.emulator.createIssue(alice, { projectKey: 'RUL', type: 'Task', summary }).key);
  await h.settle();
  expect(tagOf(login!)?.kind).toBe('tactical');
  untagged = untaggedKey!;
  pricing = pricingKey!;

  // Tags as older rules left them: one called differently, one unchanged, one a person overrode.
  retag(login!, { rulesVersion: OLD, kind: 'strategic', share: 0.9 });
  retag(story!, { rulesVersion: OLD });
  retag(notes!, { rulesVersion: OLD, kind: 'strategic', share: 0.8, overridden: true });
  // An untagged issue nobody edited since long before (its event was not lost: no refresh may tag it).
  h.emulator.store.properties.get(untagged)!.delete('ownership-balance');
  h.emulator.store.issues.get(untagged)!.updated = new Date(Date.now() - 86_400_000).toISOString();
  const overridden = tagOf(notes!);

  // The update ships days later: the writers' short claims on these versions (25 s) have expired.
  await expireClaims();

  await h.runtime.invokeFunction('reconcile-schedule', {});
  await h.settle();

  expect(tagOf(login!)).toMatchObject({ rulesVersion: RULES_VERSION, kind: 'tactical' });
  expect(tagOf(story!)).toMatchObject({ rulesVersion: RULES_VERSION });
  expect(tagOf(pricing)?.rulesVersion).toBe(RULES_VERSION);
  expect(tagOf(notes!)).toEqual(overridden);
  expect(tagOf(untagged)).toBeNull();
  expect(await gadgetTally()).toEqual(jiraTally());
  expect(await backfillStatus()).toMatchObject({ state: 'done', total: 2, done: 2, scope: 'stale' });
});

it('starts nothing when no tag is stale', async () => {
  const before = await backfillStatus();
  await h.runtime.invokeFunction('reconcile-schedule', {});
  await h.settle();
  expect(await backfillStatus()).toEqual(before);
});

it('runs a backfill event queued before refreshes existed (no scope: every pending issue)', async () => {
  const outcome = await h.runtime.invokeFunction('backfill-worker', { body: { projectKey: 'RUL' } });
  await h.settle();
  expect(outcome).toEqual({ outcome: 'chunk-done' });
  expect(tagOf(untagged)?.rulesVersion).toBe(RULES_VERSION);
  expect(await backfillStatus()).toMatchObject({ state: 'done', scope: 'pending' });
  expect(await gadgetTally()).toEqual(jiraTally());
});

it("an admin's Recompute only recomputes figures; the daily run refreshes the tags too", async () => {
  retag(pricing, { rulesVersion: OLD });
  await expireClaims();
  const recompute = await callForProject(h, 'ownership-admin', 'startReconcile', 'RUL');
  expect(recompute).toMatchObject({ ok: true });
  await h.settle();
  expect(tagOf(pricing)?.rulesVersion).toBe(OLD);
  await h.runtime.invokeFunction('reconcile-schedule', {});
  await h.settle();
  expect(tagOf(pricing)?.rulesVersion).toBe(RULES_VERSION);
});

it('a refresh Jira refuses does not fail the reconcile; the next day tries again', async () => {
  retag(pricing, { rulesVersion: OLD });
  await expireClaims();
  h.emulator.faults.add({
    kind: 'status400',
    match: { path: /approximate-count/, principal: 'app' },
    times: 1,
  });
  await h.runtime.invokeFunction('reconcile-schedule', {});
  await h.settle();
  const reconcile = await callForProject(h, 'ownership-admin', 'getReconcileStatus', 'RUL');
  expect(reconcile).toMatchObject({ ok: true, data: { state: 'done' } });
  expect(tagOf(pricing)?.rulesVersion).toBe(OLD);
  await h.runtime.invokeFunction('reconcile-schedule', {});
  await h.settle();
  expect(tagOf(pricing)?.rulesVersion).toBe(RULES_VERSION);
});

