/**
 * Viewers see only what they may: in a project with an issue security level, a person outside the
 * level gets gadget figures counted from their own search (and is told so), never the app's
 * project-wide figures, which include the hidden issues; a member sees the project's figures.
 */
import { DEMO_USERS, type EmulatorData } from '../../dev/emulator';
import type { GadgetData, Result } from '../../src/contract';
import { ALICE, BOB, gadgetExtension, startHarness, type Harness, callGadget } from './harness';

const data = (): EmulatorData => ({
  projects: [{ id: '42000', key: 'SEC', name: 'Secure' }],
  users: [DEMO_USERS.admin, DEMO_USERS.viewer],
  admins: [ALICE],
  grants: { [ALICE]: { SEC: { browse: true, edit: true } }, [BOB]: { SEC: { browse: true, edit: false } } },
  securityLevels: { Board: [ALICE] },
  issues: [],
});
const config = {
  projectKey: 'SEC',
  period: '365d',
  unit: 'points',
  trend: 'week',
  targetShare: 0.3,
  refreshMinutes: 0,
};
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ data: data() });
  const alice = { kind: 'user' as const, accountId: ALICE };
  h.emulator.createIssue(alice, {
    projectKey: 'SEC',
    type: 'Task',
    summary: 'Pricing strategy and market positioning for next year',
    storyPoints: 8,
  });
  h.emulator.createIssue(alice, {
    projectKey: 'SEC',
    type: 'Task',
    summary: 'Acquisition strategy: which competitor to buy and the market we enter',
    storyPoints: 13,
  });
  h.emulator.createIssue(alice, {
    projectKey: 'SEC',
    type: 'Bug',
    summary: 'Fix the crash when saving a draft',
    storyPoints: 2,
  });
  await h.settle();
  h.emulator.store.issues.get('SEC-2')!.security = 'Board';
});
afterAll(async () => { await h.close(); });

const gadget = async (accountId: string) => {
  const r = (await h.runtime.invokeResolver({
    moduleKey: 'ownership-gadget',
    functionKey: 'getGadget',
    payload: {},
    accountId,
    extension: gadgetExtension(config),
  })) as Result<GadgetData>;
  expect(r.ok).toBe(true);
  return (r as { ok: true; data: GadgetData }).data;
};

it('a member of the security level sees the project figures, hidden issue included', async () => {
  const g = await gadget(ALICE);
  expect(g.scope).toEqual({ source: 'project-figures', message: null });
  expect(g.balance.points.strategic + g.balance.points.tactical + g.balance.points.mixed).toBe(23);
});

it('someone outside it gets figures from their own search, ' +
  'without the hidden issue, and is told so', async () => {
  const g = await gadget(BOB);
  expect(g.scope).toEqual({ source: 'your-search', message: expect.stringMatching(/hidden from you/) });
  expect(g.balance.count.strategic + g.balance.count.tactical + g.balance.count.mixed).toBe(2);
  expect(g.balance.points.strategic + g.balance.points.tactical + g.balance.points.mixed).toBe(10);
  expect(JSON.stringify(g)).not.toContain('SEC-2');
});

it('the team view counts only what the viewer can see too', async () => {
  const r = (await callGadget(h, config, 'getTeamInsights', {}, BOB)) as Result<{
    people: Array<{ strategic: number; tactical: number; mixed: number }>;
  }>;
  expect(r.ok).toBe(true);
  const people = (
    r as { ok: true; data: { people: Array<{ strategic: number; tactical: number; mixed: number }> } }
  ).data.people;
  expect(people.reduce((n, p) => n + p.strategic + p.tactical + p.mixed, 0)).toBe(2);
});
