import { startJiraEmulator, DEMO_USERS, type JiraEmulator, type JiraIssueEvent } from '../../dev/emulator';
import { createSpecValidator } from '../../dev/emulator/openapi-validator';

const ALICE = `user:${DEMO_USERS.admin.accountId}`;
const BOB = `user:${DEMO_USERS.viewer.accountId}`;
const spec = createSpecValidator();
let e: JiraEmulator;
const violations: string[] = [];

beforeAll(async () => { e = await startJiraEmulator({ entityProperties: [{ propertyKey: 'ownership-balance', values: [{ path: 'kind', type: 'string', searchAlias: 'ownershipKind' }] }] }); });
afterAll(async () => { await e.close(); expect(violations).toEqual([]); });
afterEach(() => e.faults.clear());

/** Every request sent and every response served here is checked against the OpenAPI spec. */
async function call(method: string, path: string, as: string | null, body?: unknown): Promise<{ status: number; body: unknown; headers: Headers }> {
  violations.push(...spec.validateRequest(method, path, body));
  const res = await fetch(`${e.url}${path}`, { method, redirect: 'manual', headers: { ...(as ? { 'x-forge-principal': as } : {}), 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  const parsed = text ? JSON.parse(text) : undefined;
  if (res.status < 500) violations.push(...spec.validateResponse(method, path.split('?')[0]!, res.status, parsed));
  return { status: res.status, body: parsed, headers: res.headers };
}

describe('endpoints and rights', () => {
  it.each([
    ['GET', '/rest/api/3/issue/SHOP-1', ALICE, 200],
    ['GET', '/rest/api/3/issue/SHOP-1', BOB, 200],
    ['GET', '/rest/api/3/issue/MOBILE-1', BOB, 404],
    ['GET', '/rest/api/3/issue/SHOP-1', null, 401],
    ['GET', '/rest/api/3/project/MOBILE', BOB, 404],
    ['GET', '/rest/api/3/project/SHOP', BOB, 200],
    ['GET', '/rest/api/3/field', 'app', 200],
    ['GET', '/rest/api/3/myself', ALICE, 200],
    ['GET', '/rest/api/3/project/search', BOB, 200],
    ['GET', '/rest/api/3/mypermissions?permissions=EDIT_ISSUES&issueKey=SHOP-1', BOB, 200],
    ['GET', '/rest/api/3/issue/SHOP-1/properties', ALICE, 200],
    ['GET', '/rest/api/3/issue/SHOP-1/properties/nope', ALICE, 404],
  ])('%s %s as %s → %d', async (method, path, as, status) => {
    expect((await call(method, path, as)).status).toBe(status);
  });

  it('mypermissions answers per user', async () => {
    const bob = await call('GET', '/rest/api/3/mypermissions?permissions=EDIT_ISSUES,BROWSE_PROJECTS&projectKey=SHOP', BOB);
    expect(bob.body).toMatchObject({ permissions: { EDIT_ISSUES: { havePermission: false }, BROWSE_PROJECTS: { havePermission: true } } });
    const alice = await call('GET', '/rest/api/3/mypermissions?permissions=EDIT_ISSUES&projectKey=SHOP', ALICE);
    expect(alice.body).toMatchObject({ permissions: { EDIT_ISSUES: { havePermission: true } } });
  });

  it('project search lists only browsable projects', async () => {
    expect(((await call('GET', '/rest/api/3/project/search', BOB)).body as { values: Array<{ key: string }> }).values.map((p) => p.key)).toEqual(['SHOP']);
  });

  it('a viewer cannot write properties; the app can; values over 32,768 bytes are refused', async () => {
    expect((await call('PUT', '/rest/api/3/issue/SHOP-5/properties/ownership-balance', BOB, { kind: 'tactical' })).status).toBe(403);
    expect((await call('PUT', '/rest/api/3/issue/SHOP-5/properties/ownership-balance', 'app', { kind: 'tactical' })).status).toBe(201);
    expect((await call('PUT', '/rest/api/3/issue/SHOP-5/properties/ownership-balance', 'app', { big: 'x'.repeat(40000) })).status).toBe(400);
    expect((await call('GET', '/rest/api/3/issue/SHOP-5/properties/ownership-balance', BOB)).body).toEqual({ key: 'ownership-balance', value: { kind: 'tactical' } });
  });
});

describe('search', () => {
  it('pages with nextPageToken until isLast, and returns only ids without fields', async () => {
    const keys: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const r = await call('POST', '/rest/api/3/search/jql', ALICE, { jql: 'project = SHOP ORDER BY key ASC', maxResults: 100, fields: ['summary'], ...(token ? { nextPageToken: token } : {}) });
      const body = r.body as { issues: Array<{ key: string; fields: { summary: string } }>; nextPageToken?: string; isLast: boolean };
      keys.push(...body.issues.map((i) => i.key));
      expect(body.issues[0]!.fields.summary).toEqual(expect.any(String));
      token = body.nextPageToken;
      pages++;
    } while (token);
    expect(pages).toBe(Math.ceil(keys.length / 100));
    expect(new Set(keys).size).toBe([...e.store.issues.values()].filter((i) => i.projectKey === 'SHOP').length);
    const ids = await call('GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('project = SHOP')}&maxResults=2`, ALICE);
    expect((ids.body as { issues: Array<Record<string, unknown>> }).issues[0]!.fields).toBeUndefined();
  });

  it('caps maxResults at 100 when fields are requested', async () => {
    const r = await call('POST', '/rest/api/3/search/jql', ALICE, { jql: 'project = SHOP', maxResults: 1000, fields: ['summary'] });
    expect((r.body as { issues: unknown[] }).issues).toHaveLength(100);
  });

  it('approximate-count counts only what the user may browse', async () => {
    const a = await call('POST', '/rest/api/3/search/approximate-count', ALICE, { jql: 'project in (SHOP, MOBILE)' });
    const b = await call('POST', '/rest/api/3/search/approximate-count', BOB, { jql: 'project in (SHOP, MOBILE)' });
    expect((a.body as { count: number }).count).toBe(e.store.issues.size);
    expect((b.body as { count: number }).count).toBe([...e.store.issues.values()].filter((i) => i.projectKey === 'SHOP').length);
  });

  it('bad JQL gets Jira\'s 400 error shape', async () => {
    const r = await call('POST', '/rest/api/3/search/approximate-count', ALICE, { jql: 'project = ' });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ errorMessages: [expect.stringMatching(/Expecting a value/)], errors: {} });
  });
});

describe('bulk properties, issues and events', () => {
  it('sets properties on many issues through an asynchronous task', async () => {
    const ids = ['SHOP-10', 'SHOP-11'].map((k) => Number(e.store.issues.get(k)!.id));
    const r = await call('POST', '/rest/api/3/issue/properties/multi', 'app', { issues: ids.map((issueID) => ({ issueID, properties: { 'ownership-balance': { kind: 'mixed' } } })) });
    expect(r.status).toBe(303);
    const taskId = /task\/(\d+)/.exec(r.headers.get('location')!)![1];
    await new Promise((ok) => setTimeout(ok, 20));
    expect((await call('GET', `/rest/api/3/task/${taskId}`, 'app')).body).toMatchObject({ status: 'COMPLETE', progress: 100 });
    expect(e.store.properties.get('SHOP-11')?.get('ownership-balance')).toEqual({ kind: 'mixed' });
  });

  it('creating and editing issues emits Forge events without the description, with a changelog on update', async () => {
    const events: JiraIssueEvent[] = [];
    const off = e.onEvent((ev) => { events.push(ev); });
    const created = await call('POST', '/rest/api/3/issue', ALICE, { fields: { project: { key: 'SHOP' }, issuetype: { name: 'Story' }, summary: 'New story', description: { type: 'doc', version: 1, content: [] } } });
    expect(created.status).toBe(201);
    const key = (created.body as { key: string }).key;
    expect((await call('PUT', `/rest/api/3/issue/${key}`, ALICE, { fields: { summary: 'Renamed story' }, update: { labels: [{ add: 'ux' }] } })).status).toBe(204);
    expect((await call('PUT', `/rest/api/3/issue/${key}`, BOB, { fields: { summary: 'x' } })).status).toBe(403);
    await new Promise((ok) => setImmediate(ok));
    off();
    expect(events.map((x) => x.payload.eventType)).toEqual(['avi:jira:created:issue', 'avi:jira:updated:issue']);
    expect(JSON.stringify(events[0]!.payload)).not.toContain('description');
    expect(events[1]!.payload.changelog).toMatchObject({ items: expect.arrayContaining([expect.objectContaining({ field: 'summary', toString: 'Renamed story' }), expect.objectContaining({ field: 'labels' })]) });
    expect(events[1]!.causedBy).toEqual({ kind: 'user', accountId: DEMO_USERS.admin.accountId });
  });
});

describe('fault injection', () => {
  it.each([
    ['status429', 429],
    ['status500', 500],
    ['status503', 503],
  ] as const)('%s', async (kind, status) => {
    e.faults.add({ kind, times: 1, retryAfterSeconds: 3, match: { path: '/rest/api/3/issue/' } });
    const r = await fetch(`${e.url}/rest/api/3/issue/SHOP-1`, { headers: { 'x-forge-principal': ALICE } });
    expect(r.status).toBe(status);
    expect(r.headers.get('retry-after')).toBe(status === 429 ? '3' : null);
    expect((await fetch(`${e.url}/rest/api/3/issue/SHOP-1`, { headers: { 'x-forge-principal': ALICE } })).status).toBe(200);
  });
  it('drops connections', async () => {
    e.faults.add({ kind: 'drop', times: 1 });
    await expect(fetch(`${e.url}/rest/api/3/field`, { headers: { 'x-forge-principal': 'app' } })).rejects.toThrow();
  });
  it('sends malformed JSON', async () => {
    e.faults.add({ kind: 'malformedJson', times: 1 });
    const r = await fetch(`${e.url}/rest/api/3/field`, { headers: { 'x-forge-principal': 'app' } });
    await expect(r.json()).rejects.toThrow();
  });
  it('answers slowly', async () => {
    e.faults.add({ kind: 'slow', delayMs: 150, times: 1 });
    const t = Date.now();
    await fetch(`${e.url}/rest/api/3/field`, { headers: { 'x-forge-principal': 'app' } });
    expect(Date.now() - t).toBeGreaterThanOrEqual(140);
  });
  it('fires every n-th matching request', async () => {
    e.faults.add({ kind: 'status500', every: 3 });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await fetch(`${e.url}/rest/api/3/field`, { headers: { 'x-forge-principal': 'app' } })).status);
    expect(statuses).toEqual([200, 200, 500, 200, 200, 500]);
  });
});
