/** The app end to end on the local Jira and Forge: the project page, the trigger's chain, the issue panel. */
import { ALICE, BOB } from './harness';
import { alice, config, useAppFlow } from './flow-kit';
import type { GadgetData, Result } from '../../src/contract';

const flow = useAppFlow();
const { stored, count, panel, gadget } = flow;

describe('the project page (jira:projectPage) reads its project from Forge\'s context', () => {
  const report = (extension: Record<string, unknown>) =>
    flow.h.runtime.invokeResolver({
      moduleKey: 'ownership-report',
      functionKey: 'getGadget',
      payload: {},
      accountId: ALICE,
      extension,
    }) as Promise<Result<GadgetData>>;
  it('gives the report of the page\'s project, the same figures as a gadget on it', async () => {
    const page = await report({
      type: 'jira:projectPage',
      project: { key: 'SHOP', id: '10000', type: 'software' },
    });
    const onGadget = await gadget(ALICE, { ...config, period: '90d' });
    expect(page).toMatchObject({
      ok: true,
      data: { config: { projectKey: 'SHOP', period: '90d', unit: 'count', trend: 'week' } },
    });
    expect(onGadget.ok).toBe(true);
    expect(page.ok && page.data.balance).toEqual(onGadget.ok && onGadget.data.balance);
  });
  it('without a project in the context it asks for one', async () => {
    expect(await report({ type: 'jira:projectPage' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CONFIG' },
    });
  });
});

describe('issue created → trigger → property stored → JQL alias finds it → gadget counts it', () => {
  it('runs the whole chain through the real Forge SDK', async () => {
    const before = await count('project = SHOP AND ownershipKind = strategic');
    const { key } = flow.h.emulator.createIssue(alice, {
      projectKey: 'SHOP',
      type: 'Task',
      summary: 'Decide our pricing strategy and market positioning for next year',
      description: 'Market research on competitors; grow revenue by 20% this year.',
    });
    await flow.h.settle();
    const s = stored(key);
    expect(s?.kind).toBe('strategic');
    expect(s?.overridden).toBe(false);
    expect(await count(`key = ${key} AND ownershipKind = strategic`)).toBe(1);
    expect(await count('project = SHOP AND ownershipKind = strategic')).toBe(before + 1);
    const g = await gadget(ALICE);
    expect(g).toMatchObject({ ok: true, data: { balance: { count: { strategic: before + 1 } } } });
  });

  it('classifies a tactical story as tactical and stores evidence with seeds', async () => {
    const { key } = flow.h.emulator.createIssue(alice, {
      projectKey: 'SHOP',
      type: 'Story',
      summary: 'As a shopper I want to filter by colour',
      description: 'Acceptance criteria:\nGiven the results\nWhen I pick red\nThen only red items show',
    });
    await flow.h.settle();
    expect(stored(key)?.kind).toBe('tactical');
    expect(stored(key)?.automatic.evidence.every((e) => /^00[0-4]$/.test(e.seed))).toBe(true);
  });

  it('an edit that changes nothing the classifier reads does not ' +
    're-classify; a summary edit does', async () => {
    const { key } = flow.h.emulator.createIssue(alice, {
      projectKey: 'SHOP',
      type: 'Task',
      summary: 'Fix the cart bug',
    });
    await flow.h.settle();
    const first = stored(key)!;
    flow.h.emulator.updateIssue(alice, key, { fields: { assignee: { accountId: BOB } } });
    await flow.h.settle();
    expect(stored(key)?.classifiedAt).toBe(first.classifiedAt);
    flow.h.emulator.updateIssue(alice, key, { fields: { customfield_10016: 5 } });
    await flow.h.settle();
    expect(stored(key)).toMatchObject({ kind: first.kind, storyPoints: 5 });
    flow.h.emulator.updateIssue(alice, key, {
      fields: { summary: 'Product vision, roadmap and pricing strategy for the next two years' },
    });
    await flow.h.settle();
    expect(stored(key)?.kind).toBe('strategic');
  });
});

describe('issue panel and override', () => {
  it('shows the classification, evidence and override rights to an editor', async () => {
    const r = await panel('SHOP-1', ALICE);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.issue.key).toBe('SHOP-1');
    expect(r.data.canOverride).toBe(true);
    expect(r.data.classification.automatic.evidence.length).toBeGreaterThan(0);
  });

  it('an override is kept, automation never overwrites it, and clearing returns to automatic', async () => {
    const { key } = flow.h.emulator.createIssue(alice, {
      projectKey: 'SHOP',
      type: 'Story',
      summary: 'As a buyer I want to see my orders',
    });
    await flow.h.settle();
    const o = await panel(key, ALICE, 'setOverride', { kind: 'strategic', note: 'part of the loyalty bet' });
    expect(o.ok).toBe(true);
    expect(stored(key)).toMatchObject({
      kind: 'strategic',
      overridden: true,
      override: { kind: 'strategic', by: ALICE, note: 'part of the loyalty bet' },
    });
    flow.h.emulator.updateIssue(alice, key, {
      fields: { summary: 'As a buyer I want to see my orders and invoices' },
    });
    await flow.h.settle();
    expect(stored(key)?.kind).toBe('strategic');
    expect(stored(key)?.overridden).toBe(true);
    const c = await panel(key, ALICE, 'clearOverride');
    expect(c.ok).toBe(true);
    expect(stored(key)?.overridden).toBe(false);
    expect(stored(key)?.kind).toBe(stored(key)?.automatic.kind);
  });

  it('a viewer without Edit issues sees the panel but cannot override: Jira refuses', async () => {
    const before = JSON.stringify(stored('SHOP-2'));
    const r = await panel('SHOP-2', BOB);
    expect(r).toMatchObject({
      ok: true,
      data: { canOverride: false, cannotOverrideReason: expect.stringMatching(/Edit issues/) },
    });
    const o = await panel('SHOP-2', BOB, 'setOverride', { kind: 'strategic' });
    expect(o).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/permission/) },
    });
    expect(JSON.stringify(stored('SHOP-2'))).toBe(before);
  });

  it('a user who cannot browse the project gets no issue data', async () => {
    const r = await panel('MOBILE-1', BOB);
    expect(r).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });

  it.each([
    [{ kind: 'boss' }],
    [{ kind: 'strategic', note: 'x'.repeat(501) }],
    [{ kind: 'strategic', extra: 1 }],
    ['strategic'],
  ])('an invalid override payload %j is refused before any write', async (payload) => {
    const before = JSON.stringify(stored('SHOP-3'));
    const r = await panel('SHOP-3', ALICE, 'setOverride', payload);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(JSON.stringify(stored('SHOP-3'))).toBe(before);
  });
});
