/**
 * Every list the app reads pages to its end: projects past the first 100, epic children past the first 100.
 */
import { DEMO_USERS, type EmulatorData } from '../../dev/emulator';
import type { IssuePanelData, Result } from '../../src/contract';
import { ALICE, startHarness, type Harness, callPanel } from './harness';

const PROJECTS = 130;
const CHILDREN = 130;
const created = '2026-11-02T10:00:00.000Z';
const issue = (
  i: number,
  extra: Partial<EmulatorData['issues'][number]>,
): EmulatorData['issues'][number] => ({
  id: String(50000 + i),
  key: `BIG-${i}`,
  projectKey: 'BIG',
  type: 'Story',
  summary: `Item ${i}`,
  description: null,
  labels: [],
  components: [],
  parent: null,
  storyPoints: 1,
  created,
  updated: created,
  status: 'To Do',
  assignee: null,
  reporter: ALICE,
  ...extra,
});
const data: EmulatorData = {
  projects: [
    { id: '20000', key: 'BIG', name: 'Big' },
    ...Array.from({ length: PROJECTS - 1 }, (_, i) => ({
      id: String(30000 + i),
      key: `P${i}`,
      name: `Project ${i}`,
    })),
  ],
  users: [DEMO_USERS.admin, DEMO_USERS.viewer],
  grants: {
    [ALICE]: Object.fromEntries([
      ['BIG', { browse: true, edit: true }],
      ...Array.from({ length: PROJECTS - 1 }, (_, i) => [`P${i}`, { browse: true, edit: true }]),
    ]),
  },
  issues: [
    issue(1, { type: 'Epic', summary: 'Checkout rework' }),
    ...Array.from({ length: CHILDREN }, (_, i) =>
      issue(i + 2, { parent: 'BIG-1', summary: `Fix checkout bug ${i}` }),
    ),
  ],
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ data });
  await h.runtime.invokeResolver({
    moduleKey: 'ownership-gadget',
    functionKey: 'startBackfill',
    payload: { projectKey: 'BIG' },
    accountId: ALICE,
    extension: {},
  });
  await h.settle();
}, 60_000);
afterAll(async () => { await h.close(); });

it('lists every project the user may browse, past the first page', async () => {
  const r = (await h.runtime.invokeResolver({
    moduleKey: 'ownership-gadget',
    functionKey: 'listProjects',
    payload: {},
    accountId: ALICE,
    extension: {},
  })) as Result<unknown[]>;
  expect(r).toMatchObject({ ok: true });
  expect((r as { ok: true; data: unknown[] }).data).toHaveLength(PROJECTS);
});

it('rolls up every child of an epic, past the first page', async () => {
  const r = (await callPanel(h, 'BIG-1', 'getIssuePanel', {}, ALICE)) as Result<IssuePanelData>;
  expect(r).toMatchObject({ ok: true });
  const balance = (r as { ok: true; data: IssuePanelData }).data.childBalance!;
  expect(balance.count.strategic + balance.count.tactical + balance.count.mixed).toBe(CHILDREN);
});
