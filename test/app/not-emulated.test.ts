/**
 * A test run fails on any 501 it did not expect: what the local Jira does not emulate is never passed over.
 */
import { startHarness } from './harness';

it('closing the harness fails, naming the call, ' +
  'after a request the local Jira does not emulate', async () => {
  const h = await startHarness();
  const r = await fetch(`${h.emulator.url}/rest/api/3/issue/SHOP-1/changelog`, {
    headers: { 'x-forge-principal': 'app' },
  });
  expect(r.status).toBe(501);
  await expect(h.close()).rejects.toThrow(
    'The app called what the local Jira does not emulate (501): GET /rest/api/3/issue/SHOP-1/changelog',
  );
});
