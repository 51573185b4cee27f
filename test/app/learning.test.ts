import {
  parseStoredClassification,
  type Agreement,
  type Result,
  type TeamInsights,
} from '../../src/contract';
import { ALICE, BOB, startHarness, type Harness, callPanel, callGadget } from './harness';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h.close(); });

const alice = { kind: 'user' as const, accountId: ALICE };
const admin = (functionKey: string, accountId = ALICE) =>
  h.runtime.invokeResolver({
    moduleKey: 'ownership-admin',
    functionKey,
    payload: {},
    accountId,
    extension: { type: 'jira:adminPage' },
  }) as Promise<Result<Agreement>>;
const override = (key: string, kind: string) =>
  callPanel(h, key, 'setOverride', { kind }, ALICE);
const createKeyed = async (summary: string, description: string) => {
  const { key } = h.emulator.createIssue(alice, { projectKey: 'SHOP', type: 'Task', summary, description });
  await h.settle();
  return {
    key,
    stored: parseStoredClassification(h.emulator.store.properties.get(key)?.get('ownership-balance'))!,
  };
};
const create = async (summary: string, description: string) =>
  (await createKeyed(summary, description)).stored;
const similar = (i: number) =>
  [
    `Publish the product roadmap and pricing page, edition ${i}`,
    'Share the roadmap with our customers and partners.',
  ] as const;
const unrelated = ['Crash when saving a draft', 'Steps to reproduce: save. Expected result: saved.'] as const;

describe('learning from overrides, through the app', () => {
  let baseline: { similar: number; unrelated: string };

  it('keeps every override and learns: similar items move, unrelated ones do not', async () => {
    baseline = {
      similar: (await create(...similar(100))).share,
      unrelated: (await create(...unrelated)).kind,
    };
    for (let i = 0; i < 12; i++) {
      const { key } = await createKeyed(...similar(i));
      await override(key, 'tactical');
    }
    const after = await create(...similar(200));
    expect(after.share).toBeLessThan(baseline.similar);
    expect(after.automatic.evidence.some((e) => (e.learnedFrom ?? 0) > 0)).toBe(true);
    expect((await create(...unrelated)).kind).toBe(baseline.unrelated);
  });

  it('the monitor\'s numbers match the stored overrides', async () => {
    const entries = Object.entries(h.runtime.storage.snapshot())
      .filter(([k]) => k.startsWith('override:'))
      .map(([, v]) => v as { automatic: { kind: string }; override: { kind: string } });
    const r = await admin('getAgreement');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.reviewed.confirmed + r.data.reviewed.overridden).toBe(entries.length);
    expect(r.data.reviewed.overridden).toBe(
      entries.filter((e) => e.automatic.kind !== e.override.kind).length,
    );
    expect(r.data.adaptation?.learnedFrom).toBe(entries.length);
    // Learning is checked on every review that teaches, each kept aside once.
    expect(r.data.heldOut.heldOut).toBe(entries.length);
    expect(r.data.classified).toBeGreaterThan(0);
    expect(r.data.byWeek.reduce((s, w) => s + w.confirmed + w.overridden, 0)).toBe(entries.length);
  });

  it('only Jira admins see the monitor or reset learning', async () => {
    expect(await admin('getAgreement', BOB)).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/administrators/) },
    });
  });

  it('reset restores the original behaviour', async () => {
    const r = await admin('resetAdaptation');
    expect(r.ok && r.data.adaptation).toBeNull();
    expect((await create(...similar(300))).share).toBe(baseline.similar);
  });

  it('after a reset, learning is checked on the reviews that teach again, not the older ones', async () => {
    const { key } = await createKeyed(...similar(400));
    await override(key, 'tactical');
    const r = await admin('getAgreement');
    expect(r.ok && r.data.reviewed.overridden).toBeGreaterThan(1);
    expect(r.ok && r.data.heldOut.heldOut).toBe(1);
  });
});

describe('role balance and hierarchy health in the gadget', () => {
  it("shows each person's strategic share, flags role failures, " +
    "and lists hierarchy problems with links", async () => {
    await callGadget(h, {}, 'startBackfill', { projectKey: 'SHOP' }, ALICE);
    await h.settle();
    await callGadget(
      h,
      {},
      'saveAppSettings',
      { settings: { labelSync: false, roles: { [ALICE]: 'PM' } } },
      ALICE,
    );
    const config = {
      projectKey: 'SHOP',
      period: '365d',
      unit: 'count',
      trend: 'week',
      targetShare: 0.3,
      refreshMinutes: 0,
    };
    const r = (await callGadget(h, config, 'getTeamInsights', {}, ALICE)) as Result<TeamInsights>;
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const a = r.data.people.find((p) => p.accountId === ALICE)!;
    expect(a).toMatchObject({ role: 'PM', roleSource: 'settings', displayName: 'Alice Admin' });
    expect(a.strategic + a.tactical + a.mixed).toBeGreaterThan(0);
    expect(a.flag).toBe(a.strategicShare! < 0.3 ? 'PM_BURIED_IN_BACKLOG' : null);
    expect(r.data.hierarchy.executionWithoutDirection.jql).toMatch(/parent IS EMPTY/);
    expect(r.data.hierarchy.executionWithoutDirection.count).toBeGreaterThan(0);
    for (const e of [...r.data.hierarchy.visionWithoutExecution, ...r.data.hierarchy.childrenDisagree])
      expect(e.key).toMatch(/^SHOP-\d+$/);
  });
});
