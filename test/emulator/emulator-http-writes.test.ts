/** The local Jira over HTTP, continued: bulk properties, issues and their Forge events, fault injection. */
import { DEMO_USERS, type JiraIssueEvent } from '../../dev/emulator';
import { ALICE, BOB, useEmulatorHttp } from './http-kit';

const kit = useEmulatorHttp();
const { call } = kit;

describe('bulk properties, issues and events', () => {
  it('sets properties on many issues through an asynchronous task', async () => {
    const ids = ['SHOP-10', 'SHOP-11'].map((k) => Number(kit.e.store.issues.get(k)!.id));
    const r = await call('POST', '/rest/api/3/issue/properties/multi', 'app', {
      issues: ids.map((issueID) => ({ issueID, properties: { 'ownership-balance': { kind: 'mixed' } } })),
    });
    expect(r.status).toBe(303);
    const taskId = /task\/(\d+)/.exec(r.headers.get('location')!)![1];
    await new Promise((ok) => setTimeout(ok, 20));
    expect((await call('GET', `/rest/api/3/task/${taskId}`, 'app')).body).toMatchObject({
      status: 'COMPLETE',
      progress: 100,
    });
    expect(kit.e.store.properties.get('SHOP-11')?.get('ownership-balance')).toEqual({ kind: 'mixed' });
  });

  it('creating and editing issues emits Forge events without the ' +
    'description, with a changelog on update', async () => {
    const events: JiraIssueEvent[] = [];
    const off = kit.e.onEvent((ev) => {
      events.push(ev);
    });
    const created = await call('POST', '/rest/api/3/issue', ALICE, {
      fields: {
        project: { key: 'SHOP' },
        issuetype: { name: 'Story' },
        summary: 'New story',
        description: { type: 'doc', version: 1, content: [] },
      },
    });
    expect(created.status).toBe(201);
    const key = (created.body as { key: string }).key;
    expect(
      (
        await call('PUT', `/rest/api/3/issue/${key}`, ALICE, {
          fields: { summary: 'Renamed story' },
          update: { labels: [{ add: 'ux' }] },
        })
      ).status,
    ).toBe(204);
    expect((await call('PUT', `/rest/api/3/issue/${key}`, BOB, { fields: { summary: 'x' } })).status).toBe(
      403,
    );
    await new Promise((ok) => setImmediate(ok));
    off();
    expect(events.map((x) => x.payload.eventType)).toEqual([
      'avi:jira:created:issue',
      'avi:jira:updated:issue',
    ]);
    expect(JSON.stringify(events[0]!.payload)).not.toContain('description');
    expect(events[1]!.payload.changelog).toMatchObject({
      items: expect.arrayContaining([
        expect.objectContaining({ field: 'summary', toString: 'Renamed story' }),
        expect.objectContaining({ field: 'labels' }),
      ]),
    });
    expect(events[1]!.causedBy).toEqual({ kind: 'user', accountId: DEMO_USERS.admin.accountId });
  });
});

describe('fault injection', () => {
  it.each([
    ['status429', 429],
    ['status500', 500],
    ['status503', 503],
  ] as const)('%s', async (kind, status) => {
    kit.e.faults.add({ kind, times: 1, retryAfterSeconds: 3, match: { path: '/rest/api/3/issue/' } });
    const r = await fetch(`${kit.e.url}/rest/api/3/issue/SHOP-1`, {
      headers: { 'x-forge-principal': ALICE },
    });
    expect(r.status).toBe(status);
    expect(r.headers.get('retry-after')).toBe(status === 429 ? '3' : null);
    expect(
      (await fetch(`${kit.e.url}/rest/api/3/issue/SHOP-1`, { headers: { 'x-forge-principal': ALICE } }))
        .status,
    ).toBe(200);
  });
  it('drops connections', async () => {
    kit.e.faults.add({ kind: 'drop', times: 1 });
    await expect(
      fetch(`${kit.e.url}/rest/api/3/field`, { headers: { 'x-forge-principal': 'app' } }),
    ).rejects.toThrow();
  });
  it('sends malformed JSON', async () => {
    kit.e.faults.add({ kind: 'malformedJson', times: 1 });
    const r = await fetch(`${kit.e.url}/rest/api/3/field`, { headers: { 'x-forge-principal': 'app' } });
    await expect(r.json()).rejects.toThrow();
  });
  it('answers slowly', async () => {
    kit.e.faults.add({ kind: 'slow', delayMs: 150, times: 1 });
    const t = Date.now();
    await fetch(`${kit.e.url}/rest/api/3/field`, { headers: { 'x-forge-principal': 'app' } });
    expect(Date.now() - t).toBeGreaterThanOrEqual(140);
  });
  it('fires every n-th matching request', async () => {
    kit.e.faults.add({ kind: 'status500', every: 3 });
    const statuses = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (await fetch(`${kit.e.url}/rest/api/3/field`, { headers: { 'x-forge-principal': 'app' } })).status,
      );
    expect(statuses).toEqual([200, 200, 500, 200, 200, 500]);
  });
});
