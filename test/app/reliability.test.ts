import {
  parseStoredClassification,
  ISSUE_PROPERTY_MAX_BYTES,
  type Result,
  type BackfillStatus,
  type IssuePanelData,
} from '../../src/contract';
import { classify } from '../../src/domain';
import { toStored } from '../../src/services/stored-classification';
import { ALICE, startHarness, type Harness, callPanel, callGadget } from './harness';

let h: Harness;
beforeAll(async () => { h = await startHarness({ invocationBudgetMs: 4000 }); });
afterAll(async () => { await h.close(); });
afterEach(() => h.emulator.faults.clear());

const panel = (key: string) =>
  callPanel(h, key, 'getIssuePanel', {}, ALICE) as Promise<Result<IssuePanelData>>;

describe('faults', () => {
  it('a 429 storm ends in a clear RATE_LIMITED answer within the invocation budget', async () => {
    h.emulator.faults.add({
      kind: 'status429',
      retryAfterSeconds: 1,
      match: { path: /^\/rest\/api\/3\/issue\/SHOP-20$/ },
    });
    const t = Date.now();
    const r = await panel('SHOP-20');
    expect(r).toEqual({
      ok: false,
      error: { code: 'RATE_LIMITED', message: expect.stringMatching(/Try again/) },
    });
    expect(Date.now() - t).toBeLessThan(4000);
  });

  it('slow answers near the time limit stop retrying before the budget runs out', async () => {
    const id = h.emulator.faults.add({
      kind: 'status503',
      delayMs: 900,
      match: { path: /^\/rest\/api\/3\/issue\/SHOP-21$/ },
    });
    const t = Date.now();
    const r = await panel('SHOP-21');
    expect(r).toEqual({ ok: false, error: { code: 'JIRA_UNAVAILABLE', message: expect.any(String) } });
    expect(Date.now() - t).toBeLessThan(4000);
    expect(h.emulator.faults.firedCount(id)).toBeLessThanOrEqual(3);
  });

  it('a bulk property write that fails halfway is resumed: every issue classified exactly once', async () => {
    h.emulator.writes.failBulkAfter = 50;
    const start = (await callGadget(
      h,
      {},
      'startBackfill',
      { projectKey: 'MOBILE' },
      ALICE,
    )) as Result<BackfillStatus>;
    expect(start.ok).toBe(true);
    await h.settle();
    const mobile = [...h.emulator.store.issues.values()].filter((i) => i.projectKey === 'MOBILE');
    expect(
      mobile.every((i) =>
        parseStoredClassification(h.emulator.store.properties.get(i.key)?.get('ownership-balance')),
      ),
    ).toBe(true);
    expect(mobile.map((i) => h.emulator.store.propertyWrites.get(`${i.key}/ownership-balance`))).toEqual(
      mobile.map(() => 1),
    );
    const status = (await callGadget(
      h,
      {},
      'getBackfillStatus',
      { projectKey: 'MOBILE' },
      ALICE,
    )) as Result<BackfillStatus>;
    expect(status.ok && status.data.state).toBe('done');
  });
});

describe('stored values', () => {
  it('a property written by someone else with a bad shape is treated as absent, not trusted', async () => {
    h.emulator.store
      .propertiesOf('SHOP-22')
      .set('ownership-balance', { kind: 'strategic', share: 'lots', overridden: true });
    const r = await panel('SHOP-22');
    expect(r.ok && r.data.refreshed).toBe(true);
    expect(r.ok && r.data.classification.overridden).toBe(false);
  });

  it('the stored value stays far below Jira\'s 32,768-byte limit, whatever the text', () => {
    const huge = 'Our product vision and pricing strategy for the market; '.repeat(20000);
    const result = classify({ key: 'X-1', type: 'Epic', summary: huge.slice(0, 5000), description: huge });
    const stored = toStored(
      result,
      'f'.repeat(16),
      8,
      { kind: 'mixed', note: 'n'.repeat(500), by: 'a'.repeat(128), at: new Date().toISOString() },
      new Date(),
    );
    expect(Buffer.byteLength(JSON.stringify(stored))).toBeLessThan(ISSUE_PROPERTY_MAX_BYTES / 4);
  });
});
