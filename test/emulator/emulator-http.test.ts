/** The local Jira over HTTP: endpoints and rights, and search. */
import { ALICE, BOB, useEmulatorHttp } from './http-kit';

const kit = useEmulatorHttp();
const { call } = kit;

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
    const bob = await call(
      'GET',
      '/rest/api/3/mypermissions?permissions=EDIT_ISSUES,BROWSE_PROJECTS&projectKey=SHOP',
      BOB,
    );
    expect(bob.body).toMatchObject({
      permissions: { EDIT_ISSUES: { havePermission: false }, BROWSE_PROJECTS: { havePermission: true } },
    });
    const alice = await call(
      'GET',
      '/rest/api/3/mypermissions?permissions=EDIT_ISSUES&projectKey=SHOP',
      ALICE,
    );
    expect(alice.body).toMatchObject({ permissions: { EDIT_ISSUES: { havePermission: true } } });
  });

  it('project search lists only browsable projects', async () => {
    expect(
      (
        (await call('GET', '/rest/api/3/project/search', BOB)).body as { values: Array<{ key: string }> }
      ).values.map((p) => p.key),
    ).toEqual(['SHOP']);
  });

  it('a viewer cannot write properties; the app can; values over 32,768 bytes are refused', async () => {
    expect(
      (await call('PUT', '/rest/api/3/issue/SHOP-5/properties/ownership-balance', BOB, { kind: 'tactical' }))
        .status,
    ).toBe(403);
    expect(
      (
        await call('PUT', '/rest/api/3/issue/SHOP-5/properties/ownership-balance', 'app', {
          kind: 'tactical',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await call('PUT', '/rest/api/3/issue/SHOP-5/properties/ownership-balance', 'app', {
          big: 'x'.repeat(40000),
        })
      ).status,
    ).toBe(400);
    expect((await call('GET', '/rest/api/3/issue/SHOP-5/properties/ownership-balance', BOB)).body).toEqual({
      key: 'ownership-balance',
      value: { kind: 'tactical' },
    });
  });
});

describe('search', () => {
  it('pages with nextPageToken until isLast, and returns only ids without fields', async () => {
    const keys: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const r = await call('POST', '/rest/api/3/search/jql', ALICE, {
        jql: 'project = SHOP ORDER BY key ASC',
        maxResults: 100,
        fields: ['summary'],
        ...(token ? { nextPageToken: token } : {}),
      });
      const body = r.body as {
        issues: Array<{ key: string; fields: { summary: string } }>;
        nextPageToken?: string;
        isLast: boolean;
      };
      keys.push(...body.issues.map((i) => i.key));
      expect(body.issues[0]!.fields.summary).toEqual(expect.any(String));
      token = body.nextPageToken;
      pages++;
    } while (token);
    expect(pages).toBe(Math.ceil(keys.length / 100));
    expect(new Set(keys).size).toBe(
      [...kit.e.store.issues.values()].filter((i) => i.projectKey === 'SHOP').length,
    );
    const ids = await call(
      'GET',
      `/rest/api/3/search/jql?jql=${encodeURIComponent('project = SHOP')}&maxResults=2`,
      ALICE,
    );
    expect((ids.body as { issues: Array<Record<string, unknown>> }).issues[0]!.fields).toBeUndefined();
  });

  it('caps maxResults at 100 when fields are requested', async () => {
    const r = await call('POST', '/rest/api/3/search/jql', ALICE, {
      jql: 'project = SHOP',
      maxResults: 1000,
      fields: ['summary'],
    });
    expect((r.body as { issues: unknown[] }).issues).toHaveLength(100);
  });

  it('approximate-count counts only what the user may browse', async () => {
    const a = await call('POST', '/rest/api/3/search/approximate-count', ALICE, {
      jql: 'project in (SHOP, MOBILE)',
    });
    const b = await call('POST', '/rest/api/3/search/approximate-count', BOB, {
      jql: 'project in (SHOP, MOBILE)',
    });
    expect((a.body as { count: number }).count).toBe(kit.e.store.issues.size);
    expect((b.body as { count: number }).count).toBe(
      [...kit.e.store.issues.values()].filter((i) => i.projectKey === 'SHOP').length,
    );
  });

  it('bad JQL gets Jira\'s 400 error shape', async () => {
    const r = await call('POST', '/rest/api/3/search/approximate-count', ALICE, { jql: 'project = ' });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ errorMessages: [expect.stringMatching(/Expecting a value/)], errors: {} });
  });
});
