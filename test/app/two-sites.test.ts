/**
 * One warm module serving two Jira sites, as Forge reuses containers: each site numbers its story
 * points field differently, and neither site's figures, field ids or storage reach the other.
 */
import { loadDemoData } from '../../dev/emulator/demo-data';
import type { GadgetData, Result } from '../../src/contract';
import { ALICE, gadgetExtension, startHarness, type Harness } from './harness';

let h: Harness;
const SECOND = 'second-site';
beforeAll(async () => {
  h = await startHarness({
    data: { ...loadDemoData(), issues: [] },
    sites: [
      { cloudId: SECOND, data: { ...loadDemoData(), issues: [], storyPointsField: 'customfield_10028' } },
    ],
  });
});
afterAll(async () => { await h.close(); });

const alice = { kind: 'user' as const, accountId: ALICE };
const config = {
  projectKey: 'SHOP',
  period: '365d',
  unit: 'points',
  trend: 'week',
  targetShare: 0.3,
  refreshMinutes: 0,
};
const gadget = (site?: string) =>
  h.runtime.invokeResolver({
    moduleKey: 'ownership-gadget',
    functionKey: 'getGadget',
    payload: {},
    accountId: ALICE,
    extension: gadgetExtension(config),
    site,
  }) as Promise<Result<GadgetData>>;
const points = async (site?: string) => {
  const g = await gadget(site);
  expect(g.ok).toBe(true);
  return (g as { ok: true; data: GadgetData }).data.balance.points;
};

it('reads each site\'s own story points field, whichever site the warm module served first', async () => {
  const strategy = 'Decide our pricing strategy and market positioning for next year';
  h.emulator.createIssue(alice, { projectKey: 'SHOP', type: 'Task', summary: strategy, storyPoints: 8 });
  await h.settle();
  expect((await points()).strategic).toBe(8);
  h.sites
    .get(SECOND)!
    .createIssue(alice, { projectKey: 'SHOP', type: 'Task', summary: strategy, storyPoints: 5 });
  await h.settle();
  expect((await points(SECOND)).strategic).toBe(5);
  expect((await points()).strategic).toBe(8);
});

it('keeps each site\'s app storage apart', () => {
  const first = JSON.stringify(h.runtime.storage.snapshot());
  const second = JSON.stringify(h.runtime.storage.snapshot(SECOND));
  expect(first).toContain('"points":8');
  expect(first).not.toContain('"points":5');
  expect(second).toContain('"points":5');
  expect(second).not.toContain('"points":8');
});
