/**
 * What a site's people teach the classifier reaches the tags it made before: a lesson (learning from
 * overrides moved a signal) makes older automatic tags stale, as new rules do, and the daily sweep refreshes
 * them — never an override — with the figures still matching Jira's tags. Until then the panel shows the
 * fresh result without writing it. Run on the bundle Forge would deploy, with storage latency.
 */
import type { IssuePanelData, Result } from '../../src/contract';
import { RULES_VERSION } from '../../src/domain';
import {
  callPanel, expireClaims, gadgetTally, jiraTally, oneProjectSite, startHarness, tagOf as tagOfIn,
  yearByWeekConfig, type Harness, ALICE,
} from './harness';

const config = yearByWeekConfig('LRN');
let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    data: oneProjectSite({ id: '45000', key: 'LRN', name: 'Learning' }),
    storageLatencyMs: { min: 2, max: 6 },
  });
});
afterAll(async () => { await h.close(); });

const alice = { kind: 'user' as const, accountId: ALICE };
const tagOf = (key: string) => tagOfIn(h, key);
const create = (i: number) =>
  h.emulator.createIssue(alice, {
    projectKey: 'LRN',
    type: 'Task',
    summary: `Publish the product roadmap and pricing page, edition ${i}`,
    description: 'Share the roadmap with our customers and partners.',
  }).key;
const sweep = async () => {
  await h.runtime.invokeFunction('reconcile-schedule', {});
  await h.settle();
};

it('a lesson makes older tags stale; the daily sweep refreshes them and leaves overrides alone', async () => {
  const bystanders = [create(100), create(101)];
  await h.settle();
  const before = bystanders.map((key) => tagOf(key)!);
  expect(before.map((t) => t.rulesVersion)).toEqual([RULES_VERSION, RULES_VERSION]);

  // People say twelve such items are the product owner's: the classifier learns it.
  const overridden: string[] = [];
  for (let i = 0; i < 12; i++) overridden.push(create(i));
  await h.settle();
  for (const key of overridden)
    expect(await callPanel(h, key, 'setOverride', { kind: 'tactical' })).toMatchObject({ ok: true });
  const overrides = overridden.map((key) => tagOf(key));

  // The panel shows what the classifier says now, and writes nothing.
  const panel = (await callPanel(h, bystanders[0]!)) as Result<IssuePanelData>;
  expect(panel).toMatchObject({ ok: true, data: { refreshed: true } });
  const shown = (panel as { ok: true; data: IssuePanelData }).data.classification;
  expect(shown.share).toBeLessThan(before[0]!.share);
  expect(shown.rulesVersion).toMatch(new RegExp(`^${RULES_VERSION}\\.l[0-9a-f]{8}$`));
  expect(tagOf(bystanders[0]!)).toEqual(before[0]);

  // The next day: the writers' claims (25 s) have lapsed, and the sweep refreshes the stale tags.
  await expireClaims(h);
  await sweep();
  for (const [n, key] of bystanders.entries()) {
    const { rulesVersion, share } = shown;
    expect(tagOf(key)).toMatchObject({ rulesVersion, share, overridden: false });
    expect(tagOf(key)!.share).toBeLessThan(before[n]!.share);
  }
  expect(overridden.map((key) => tagOf(key))).toEqual(overrides);
  expect(await gadgetTally(h, config)).toEqual(jiraTally(h));

  // Nothing is stale any more: the next sweep starts no refresh and changes no tag.
  const settled = bystanders.map((key) => tagOf(key));
  await expireClaims(h);
  await sweep();
  expect(bystanders.map((key) => tagOf(key))).toEqual(settled);
});
