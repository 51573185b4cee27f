/**
 * A backfill never reports done while an issue it was asked to tag is still untagged because another writer
 * held it. The trigger claims an issue's version before it writes (one writer per version); a trigger that
 * dies between its claim and its write leaves the claim for 25 s and the issue untagged. The backfill that
 * meets that claim leaves the issue, waits for the claim to lapse (a queue event with a delay) and tags it
 * then. Run on the bundle Forge would deploy.
 */
import { parseStoredClassification } from '../../src/contract';
import { ALICE, callForProject, expireClaims, oneProjectSite, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ data: oneProjectSite({ id: '44000', key: 'BSY', name: 'Busy' }) });
});
afterAll(async () => { await h.close(); });

const tagOf = (key: string) =>
  parseStoredClassification(h.emulator.store.properties.get(key)?.get('ownership-balance'));
const call = (functionKey: string) => callForProject(h, 'ownership-gadget', functionKey, 'BSY');
const statusIs = async (expected: Record<string, unknown>) =>
  expect(await call('getBackfillStatus')).toMatchObject({ ok: true, data: expected });
const alice = { kind: 'user' as const, accountId: ALICE };
const create = (summary: string) =>
  h.emulator.createIssue(alice, { projectKey: 'BSY', type: 'Story', summary }).key;

it('waits for an issue another writer holds, and tags it once that claim lapses', async () => {
  const held = create('Add a CSV export');
  await h.settle();
  // As if the trigger had claimed this version and died before its write: the claim stands, no tag.
  h.emulator.store.properties.get(held)!.delete('ownership-balance');
  expect(tagOf(held)).toBeNull();

  expect(await call('startBackfill')).toMatchObject({ ok: true, data: { state: 'running', total: 1 } });
  await h.runtime.drainDueQueues();
  // The chunk left the issue to its writer: the run is not done, and says so.
  expect(tagOf(held)).toBeNull();
  await statusIs({ state: 'running', done: 0, total: 1 });

  // The claim lapses (its writer is gone); the delayed look again tags the issue and ends the run.
  expect(await expireClaims(h)).toBeGreaterThan(0);
  await h.settle();
  expect(tagOf(held)).toMatchObject({ kind: 'tactical' });
  await statusIs({ state: 'done', done: 1, total: 1 });
});

it('leaves the issue to its writer after three looks, without waiting forever', async () => {
  const held = create('Rename a column');
  await h.settle();
  h.emulator.store.properties.get(held)!.delete('ownership-balance');
  // The claim never lapses within the run (here every delayed look runs at once): it ends after three.
  expect(await call('startBackfill')).toMatchObject({ ok: true, data: { state: 'running' } });
  await h.settle();
  // Done, but not counted as tagged: the gadget still offers to classify it (its JQL count is 1).
  await statusIs({ state: 'done', done: 0, total: 1 });
  expect(tagOf(held)).toBeNull();
});
