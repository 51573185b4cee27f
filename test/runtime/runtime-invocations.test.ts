/**
 * The runtime shim runs a real Forge app (test/runtime/fixtures) with the real @forge packages:
 * resolver contexts, asUser/asApp principals, the invocation budget, and triggers with ignoreSelf and
 * retries (the proxy's errors and direct function calls: runtime-proxy.test.ts). No jest.mock anywhere.
 */
import { NeedsAuthenticationError } from '@forge/api';
import { InvocationTimeoutError } from '../../dev/runtime';
import { callFixturePanel, useFixtureRuntime } from './fixture-calls';

const PANEL = {
  type: 'jira:issuePanel',
  issue: { key: 'FIX-1', id: '10001', type: 'Story' },
  project: { key: 'FIX', id: '100' },
};
const fixture = useFixtureRuntime({ invocationBudgetMs: 2000 });

const call = (functionKey: string, payload: unknown = {}, accountId = 'acc-alice') =>
  callFixturePanel(fixture.runtime, functionKey, payload, { accountId, extension: PANEL });

describe('resolvers', () => {
  it('get the context Forge vouches for, through @forge/resolver, and act as the calling user', async () => {
    const r = (await call('whoAmI')) as {
      context: Record<string, unknown>;
      myself: unknown;
      remainingMs: number;
      moduleKey: string;
      appAri: string;
    };
    expect(r.context).toMatchObject({
      accountId: 'acc-alice',
      moduleKey: 'fixture-panel',
      extension: PANEL,
      cloudId: expect.any(String),
      localId: expect.any(String),
      environmentType: 'DEVELOPMENT',
      installContext: expect.stringMatching(/^ari:cloud:jira::site\//),
      license: { isActive: true },
    });
    expect(r.myself).toEqual({ accountId: 'acc-alice' });
    expect(fixture.jira.seen.map((s) => s.principal)).toEqual(['user:acc-alice']);
    expect(r.moduleKey).toBe('fixture-panel');
    expect(r.appAri).toBe('ari:cloud:ecosystem::app/11111111-2222-4333-8444-555555555555');
    expect(r.remainingMs).toBeGreaterThan(1000);
    expect(r.remainingMs).toBeLessThanOrEqual(2000);
  });

  it.each([
    ['user', 'FIX-1', 200, 'user:acc-bob'],
    ['user', 'FIX-2', 404, 'user:acc-bob'],
    ['app', 'FIX-2', 200, 'app'],
  ])('as %s reading %s answers %i with principal %s', async (as, key, status, principal) => {
    const r = (await call('readIssue', { key, as }, 'acc-bob')) as { status: number };
    expect(r.status).toBe(status);
    expect(fixture.jira.seen).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: `/rest/api/3/issue/${key}`,
        principal,
        accept: 'application/json',
      }),
    ]);
  });

  it('keep concurrent users apart', async () => {
    const results = await Promise.all(
      ['a', 'b', 'c', 'd'].map(
        (u) => call('whoAmI', {}, `acc-${u}`) as Promise<{ myself: { accountId: string } }>,
      ),
    );
    expect(results.map((r) => r.myself.accountId)).toEqual(['acc-a', 'acc-b', 'acc-c', 'acc-d']);
  });

  it('store per user through @forge/kvs', async () => {
    await call('remember', { colour: 'teal' }, 'acc-carol');
    expect(fixture.runtime.storage.snapshot()).toEqual({ 'note:acc-carol': { colour: 'teal' } });
    fixture.runtime.storage.clear();
    expect(fixture.runtime.storage.snapshot()).toEqual({});
  });

  it('are cut off with a timeout error when they run past the invocation budget', async () => {
    await expect(call('sleep', { ms: 2500 })).rejects.toBeInstanceOf(InvocationTimeoutError);
    await expect(call('sleep', { ms: 10 })).resolves.toBe('woke');
  });

  it('name a clear error for unknown modules and resolver functions', async () => {
    await expect(
      fixture.runtime.invokeResolver({
        moduleKey: 'nope',
        functionKey: 'whoAmI',
        payload: {},
        accountId: 'a',
        extension: {},
      }),
    ).rejects.toThrow(/no module "nope"/);
    await expect(call('notDefined')).rejects.toThrow(/no definition for 'notDefined'/);
  });
});

describe('product events', () => {
  const event = (eventType: string, causedBy: unknown, summary = 'plain') => ({
    causedBy,
    payload: {
      eventType,
      issue: { id: '10001', key: 'FIX-1', fields: { summary } },
      atlassianId: 'acc-alice',
    },
  });
  const recorded = () =>
    (fixture.runtime.storage.snapshot().events ?? []) as Array<{
      eventType: string;
      retryCount: number;
      context: { installContext?: string };
    }>;

  it.each([
    ['a user edit', 'avi:jira:updated:issue', { kind: 'user', accountId: 'acc-alice' }, true],
    ['a user creation', 'avi:jira:created:issue', { kind: 'user', accountId: 'acc-alice' }, true],
    ["the app's own write (ignoreSelf)", 'avi:jira:updated:issue', { kind: 'app' }, false],
    [
      'an event no trigger lists',
      'avi:jira:commented:issue',
      { kind: 'user', accountId: 'acc-alice' },
      false,
    ],
  ])('%s is delivered: %s', async (_name, eventType, causedBy, delivered) => {
    const out = await fixture.runtime.deliverEvent(event(eventType, causedBy));
    expect(out.delivered).toBe(delivered);
    expect(recorded().length).toBe(delivered ? 1 : 0);
    expect(out.result).toEqual(delivered ? { handled: 'FIX-1' } : undefined);
  });

  it('a trigger without ignoreSelf still gets the app\'s own events', async () => {
    const out = await fixture.runtime.deliverEvent(event('avi:jira:deleted:issue', { kind: 'app' }));
    expect(out.deliveries).toEqual([
      expect.objectContaining({ moduleKey: 'fixture-audit-trigger', delivered: true }),
    ]);
    expect(recorded()[0]!.context.installContext).toMatch(/^ari:cloud:jira::site\//);
  });

  it('an InvocationError redelivers the event with a retryContext until the trigger succeeds', async () => {
    const out = await fixture.runtime.deliverEvent(
      event('avi:jira:created:issue', { kind: 'user', accountId: 'acc-alice' }, 'retry me'),
    );
    expect(out.result).toMatchObject({ _retry: true });
    expect(await fixture.runtime.drainQueues()).toBe(2);
    expect(recorded().map((e) => e.retryCount)).toEqual([0, 1, 2]);
  });

  it('asUser inside a trigger fails as on Forge: no user acts', async () => {
    const out = await fixture.runtime.deliverEvent(
      event('avi:jira:created:issue', { kind: 'user', accountId: 'acc-alice' }, 'as user'),
    );
    expect(out.error).toBeInstanceOf(NeedsAuthenticationError);
    expect(fixture.jira.seen).toEqual([]);
  });
});
