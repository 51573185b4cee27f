/** The bridge endpoints a frame calls: context, invoke as the frame's user, submit, requestJira. */
import { ALICE, BOB, bridge, frameIdIn, pageText, startHost, type HostHarness } from './host-harness';

let h: HostHarness;
beforeAll(async () => { h = await startHost(); });
afterAll(async () => { await h.close(); });

const frameOf = async (path: string) => frameIdIn((await pageText(`${h.url}${path}`)).html);

describe('getContext', () => {
  it("gives the issue panel Forge's context: module, issue, project, user, theme, locale, site", async () => {
    const frame = await frameOf('/browse/SHOP-3?as=bob&theme=dark');
    const { result } = await bridge(h.url, frame, 'getContext');
    const issue = h.emulator.store.issues.get('SHOP-3')!;
    expect(result).toMatchObject({
      moduleKey: 'host-panel',
      accountId: BOB.accountId,
      locale: 'en-US',
      siteUrl: expect.stringMatching(/^https:\/\//),
      theme: { colorMode: 'dark' },
      extension: {
        type: 'jira:issuePanel',
        issue: { key: 'SHOP-3', id: issue.id, type: issue.type },
        project: { key: 'SHOP', id: '10000' },
      },
    });
  });

  it.each([
    ['/dashboard', undefined],
    ['/dashboard?edit=1', 'edit'],
  ])('gives the gadget at %s its configuration and entry point', async (path, entryPoint) => {
    const { result } = await bridge(h.url, await frameOf(path), 'getContext');
    const extension = (result as { extension: Record<string, unknown> }).extension;
    expect(extension).toMatchObject({
      type: 'jira:dashboardGadget',
      gadgetConfiguration: expect.any(Object),
      dashboard: { id: '10000' },
    });
    expect(extension.entryPoint).toBe(entryPoint);
  });
});

describe('invoke', () => {
  it.each([
    [ALICE, 'alice'],
    [BOB, 'bob'],
  ])("runs the module's resolver as the frame's user (%#)", async (user, as) => {
    const frame = await frameOf(`/browse/SHOP-1?as=${as}`);
    const { result } = await bridge(h.url, frame, 'invoke', { functionKey: 'whoAmI', payload: {} });
    const r = result as { context: Record<string, unknown>; myself: { accountId: string } };
    expect(r.myself.accountId).toBe(user.accountId);
    expect(r.context).toMatchObject({
      accountId: user.accountId,
      moduleKey: 'host-panel',
      extension: { issue: { key: 'SHOP-1' } },
    });
  });

  it('wraps the answer with metadata when the caller sends metadata', async () => {
    const frame = await frameOf('/browse/SHOP-1');
    const { result } = await bridge(h.url, frame, 'invoke', {
      functionKey: 'sleep',
      payload: { ms: 1 },
      metadata: { trace: 't1' },
    });
    expect(result).toEqual({ body: 'woke', metadata: { trace: 't1' } });
  });

  it('passes a resolver error back as the call\'s error', async () => {
    const { error } = await bridge(h.url, await frameOf('/browse/SHOP-1'), 'invoke', {
      functionKey: 'noSuchResolver',
      payload: {},
    });
    expect(error).toMatch(/no definition for 'noSuchResolver'/);
  });
});

describe('submit', () => {
  it('saves the gadget configuration from the edit view; the view then reads it', async () => {
    const edit = await frameOf('/dashboard?edit=1');
    expect((await bridge(h.url, edit, 'submit', { projectKey: 'MOBILE', target: 40 })).result).toBe(true);
    const { result } = await bridge(h.url, await frameOf('/dashboard'), 'getContext');
    expect((result as { extension: { gadgetConfiguration: unknown } }).extension.gadgetConfiguration).toEqual(
      { projectKey: 'MOBILE', target: 40 },
    );
  });

  it.each(['/dashboard', '/browse/SHOP-1'])(
    'is refused (false) outside the gadget edit view: %s',
    async (path) => {
      expect((await bridge(h.url, await frameOf(path), 'submit', { projectKey: 'X' })).result).toBe(false);
    },
  );
});

describe('fetchProduct (requestJira from the frame)', () => {
  const fetchProduct = async (as: string, restPath: string) =>
    (
      await bridge(h.url, await frameOf(`/browse/SHOP-1?as=${as}`), 'fetchProduct', {
        product: 'jira',
        restPath,
        fetchRequestInit: { method: 'GET', headers: [['accept', 'application/json']] },
      })
    ).result as { status: number; body: string; headers: Record<string, string> };

  it.each([
    ['alice', '/rest/api/3/issue/MOBILE-1', 200],
    ['bob', '/rest/api/3/issue/MOBILE-1', 404],
    ['bob', '/rest/api/3/issue/SHOP-2', 200],
  ])('as %s GET %s answers %i', async (as, path, status) => {
    const r = await fetchProduct(as, path);
    expect(r.status).toBe(status);
    expect(r.headers['content-type']).toMatch(/json/);
    expect(() => JSON.parse(r.body) as unknown).not.toThrow();
  });
});

describe('errors', () => {
  it.each([
    ['an unknown frame', 'not-a-frame', 'getContext', /unknown to the preview host/],
    ['an unsupported call', 'FRAME', 'openRovo', /does not support the bridge call "openRovo"/],
  ])('%s is a clear error', async (_name, frameArg, name, message) => {
    const frame = frameArg === 'FRAME' ? await frameOf('/browse/SHOP-1') : frameArg;
    expect((await bridge(h.url, frame, name)).error).toMatch(message);
  });

  it('router targets resolve to host pages', async () => {
    const frame = await frameOf('/dashboard');
    expect(
      (
        await bridge(h.url, frame, '__navigation', {
          url: '/issues/?jql=project%20%3D%20SHOP',
          type: 'new-tab',
        })
      ).result,
    ).toEqual({ url: '/issues/?jql=project%20%3D%20SHOP', internal: true });
    expect(
      (await bridge(h.url, frame, '__navigation', { target: 'issue', issueKey: 'SHOP-2', type: 'same-tab' }))
        .result,
    ).toEqual({ url: '/browse/SHOP-2', internal: true });
    expect(
      (await bridge(h.url, frame, '__navigation', { url: 'javascript:alert(1)', type: 'new-tab' })).error,
    ).toMatch(/Only http/);
  });
});
