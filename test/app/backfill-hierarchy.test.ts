/**
 * A backfill classifies an issue as the trigger does, with its parent's lean: whichever of them tags an
 * issue, the tag is the same. "Pricing page copy" under a pricing-strategy epic has a higher strategic share
 * with its parent's lean than without it, so the test tells the two apart (by share: which kind that makes
 * depends on the fitted model). Run on the bundle Forge would deploy.
 */
import { parseStoredClassification } from '../../src/contract';
import { classify } from '../../src/domain';
import { ALICE, callForProject, expireClaims, oneProjectSite, startHarness, type Harness } from './harness';

const data = () => oneProjectSite({ id: '43000', key: 'HIE', name: 'Hierarchy' });
let h: Harness;
beforeAll(async () => { h = await startHarness({ data: data(), storageLatencyMs: { min: 2, max: 6 } }); });
afterAll(async () => { await h.close(); });

const tagOf = (key: string) =>
  parseStoredClassification(h.emulator.store.properties.get(key)?.get('ownership-balance'));

it('tags a child the same way as the trigger: with its parent\'s lean', async () => {
  const alice = { kind: 'user' as const, accountId: ALICE };
  const epic = h.emulator.createIssue(alice, {
    projectKey: 'HIE',
    type: 'Epic',
    summary: 'Pricing strategy and market positioning for the enterprise segment',
  }).key;
  await h.settle();
  const child = h.emulator.createIssue(alice, {
    projectKey: 'HIE',
    type: 'Story',
    summary: 'Pricing page copy',
    parent: epic,
  }).key;
  await h.settle();
  const byTrigger = tagOf(child);
  const alone = classify({ key: child, type: 'Story', summary: 'Pricing page copy', parent: epic });
  expect(byTrigger!.share).toBeGreaterThan(alone.strategicShare + 0.01);

  // Later: the trigger's claim on this version has expired, and the tag is gone (a backfill puts it back).
  expect(await expireClaims(h)).toBeGreaterThan(0);
  h.emulator.store.properties.get(child)!.delete('ownership-balance');
  const started = await callForProject(h, 'ownership-gadget', 'startBackfill', 'HIE');
  expect(started).toMatchObject({ ok: true, data: { state: 'running', total: 1 } });
  await h.settle();
  expect(tagOf(child)).toMatchObject({ kind: byTrigger!.kind, share: byTrigger!.share });
});
