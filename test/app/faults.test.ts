import { parseStoredClassification, type Result, type IssuePanelData } from '../../src/contract';
import { ALICE, startHarness, type Harness, callPanel } from './harness';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h.close(); });
afterEach(() => h.emulator.faults.clear());

const alice = { kind: 'user' as const, accountId: ALICE };
const panel = (key: string) =>
  callPanel(h, key, 'getIssuePanel', {}, ALICE) as Promise<Result<IssuePanelData>>;
const trigger = (payload: Record<string, unknown>) => h.runtime.invokeFunction('on-issue-event', payload);
const created = (key: string) => ({
  eventType: 'avi:jira:created:issue',
  issue: { id: h.emulator.store.issues.get(key)?.id ?? '1', key },
  atlassianId: ALICE,
});

describe('the adapter retries what is worth retrying', () => {
  it.each([
    ['429 with Retry-After', { kind: 'status429' as const, retryAfterSeconds: 0.05 }],
    ['500', { kind: 'status500' as const }],
    ['503', { kind: 'status503' as const }],
    ['a dropped connection', { kind: 'drop' as const }],
    ['malformed JSON', { kind: 'malformedJson' as const }],
  ])('recovers from %s', async (_n, fault) => {
    const id = h.emulator.faults.add({
      ...fault,
      times: 2,
      match: { path: /^\/rest\/api\/3\/issue\/SHOP-7$/ },
    });
    const r = await panel('SHOP-7');
    expect(r.ok).toBe(true);
    expect(h.emulator.faults.firedCount(id)).toBe(2);
  });

  it('gives up within bounds and says what a user can do', async () => {
    h.emulator.faults.add({ kind: 'status503', match: { path: /^\/rest\/api\/3\/issue\/SHOP-8$/ } });
    h.emulator.requests.clear();
    const r = await panel('SHOP-8');
    expect(r).toEqual({
      ok: false,
      error: { code: 'JIRA_UNAVAILABLE', message: expect.stringMatching(/Try again/) },
    });
    expect(h.emulator.requests.count((x) => x.path === '/rest/api/3/issue/SHOP-8')).toBeLessThanOrEqual(6);
  });

  it('does not retry a 404', async () => {
    h.emulator.requests.clear();
    const r = await panel('SHOP-99999');
    expect(r.ok).toBe(false);
    expect(h.emulator.requests.count((x) => x.path === '/rest/api/3/issue/SHOP-99999')).toBe(1);
  });
});

describe('the trigger under faults', () => {
  it('an issue deleted between event and fetch is not an error', async () => {
    const { key } = h.emulator.createIssue(alice, {
      projectKey: 'SHOP',
      type: 'Task',
      summary: 'Short-lived',
    });
    await h.settle();
    h.emulator.deleteIssue(key);
    await expect(trigger(created(key))).resolves.toEqual({ outcome: 'deleted' });
  });

  it('a Jira outage returns an InvocationError Forge retries, and stores nothing wrong', async () => {
    const { key } = h.emulator.createIssue(alice, {
      projectKey: 'SHOP',
      type: 'Task',
      summary: 'Pricing strategy for next year',
    });
    h.emulator.store.properties.delete(key);
    h.emulator.faults.add({ kind: 'status503', match: { principal: 'app' } });
    const result = await trigger(created(key));
    expect(result).toMatchObject({ _retry: true, retryOptions: { retryAfter: expect.any(Number) } });
    expect(h.emulator.store.properties.get(key)?.get('ownership-balance')).toBeUndefined();
    h.emulator.faults.clear();
    await expect(trigger(created(key))).resolves.toEqual({ outcome: 'stored' });
  });

  it('redelivered events are harmless', async () => {
    const { key } = h.emulator.createIssue(alice, {
      projectKey: 'SHOP',
      type: 'Bug',
      summary: 'Crash on save',
    });
    await h.settle();
    const first = parseStoredClassification(h.emulator.store.properties.get(key)?.get('ownership-balance'));
    await expect(trigger(created(key))).resolves.toEqual({ outcome: 'unchanged' });
    expect(parseStoredClassification(h.emulator.store.properties.get(key)?.get('ownership-balance'))).toEqual(
      first,
    );
  });

  it.each([
    [{}],
    [{ eventType: 'avi:jira:moved:issue', issue: { id: '1', key: 'SHOP-1' } }],
    [{ eventType: 'avi:jira:created:issue', issue: { key: 5 } }],
  ])('a malformed event %j is refused without any Jira call', async (event) => {
    h.emulator.requests.clear();
    await expect(trigger(event)).resolves.toEqual({ outcome: 'invalid-event' });
    expect(h.emulator.requests.count()).toBe(0);
  });

  it('a human override wins over a racing trigger update, every time', async () => {
    for (let i = 0; i < 20; i++) {
      const { key } = h.emulator.createIssue(alice, {
        projectKey: 'SHOP',
        type: 'Story',
        summary: `As a user I want item ${i}`,
      });
      await h.settle();
      const override = callPanel(h, key, 'setOverride', { kind: 'strategic' }, ALICE);
      h.emulator.updateIssue(alice, key, { fields: { summary: `As a user I want item ${i} now` } });
      await override;
      await h.settle();
      const s = parseStoredClassification(h.emulator.store.properties.get(key)?.get('ownership-balance'));
      expect(s?.overridden).toBe(true);
      expect(s?.kind).toBe('strategic');
    }
  });
});
