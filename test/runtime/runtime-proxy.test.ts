/**
 * The runtime shim's Forge proxy refuses what Forge's refuses, with the errors @forge/api raises, and runs
 * a manifest function directly, as the app.
 */
import api, { NeedsAuthenticationError, ProxyRequestError, route } from '@forge/api';
import { useFixtureRuntime } from './fixture-calls';

const fixture = useFixtureRuntime();

describe('the Forge proxy', () => {
  it.each([
    [
      'Confluence (no such product here)',
      () => api.asApp().requestConfluence(route`/wiki/rest/api/space`),
      ProxyRequestError,
    ],
    [
      'asUser outside any invocation',
      () => api.asUser().requestJira(route`/rest/api/3/myself`),
      NeedsAuthenticationError,
    ],
  ])(
    'refuses %s with the error @forge/api raises for forge-proxy-error',
    async (_name, request, errorType) => {
      await expect(request()).rejects.toBeInstanceOf(errorType);
      expect(fixture.jira.seen).toEqual([]);
    },
  );

  it('asUser(accountId) acts as that user even outside an invocation', async () => {
    const r = await api.asUser('acc-erin').requestJira(route`/rest/api/3/myself`);
    expect(await r.json()).toEqual({ accountId: 'acc-erin' });
  });
});

describe('functions', () => {
  it('invokeFunction runs a manifest function as the app, with the given context', async () => {
    const context = { accountId: 'acc-dan' };
    const result = await fixture.runtime.invokeFunction('action', { issueKey: 'FIX-2' }, context);
    expect(result).toEqual({
      status: 200,
      accountId: 'acc-dan',
      aaid: 'acc-dan',
    });
    expect(fixture.jira.seen[0]!.principal).toBe('app');
    await expect(fixture.runtime.invokeFunction('missing', {})).rejects.toThrow(/no function "missing"/);
  });
});
