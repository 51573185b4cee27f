/** The preview host's pages: links, the issue view with its panel frame, users, escaping, writes, CSP. */
import { ALICE, frameIdIn, pageText, startHost, type HostHarness } from './host-harness';

let h: HostHarness;
beforeAll(async () => { h = await startHost(); });
afterAll(async () => { await h.close(); });

const recordedEvents = () =>
  (h.runtime.storage.snapshot().events ?? []) as Array<{ eventType: string; key: string }>;

describe('pages', () => {
  it('the home page lists the projects the user may browse and links to every view', async () => {
    const alice = await pageText(`${h.url}/`);
    expect(alice.status).toBe(200);
    expect(alice.html).toContain('Storefront');
    expect(alice.html).toContain('Mobile App');
    const links = ['/browse/SHOP-1?', '/dashboard?', '/dashboard?edit=1&', '/create?', '/admin?',
      '/issues?jql='];
    for (const link of links) expect(alice.html).toContain(link);
    const bob = await pageText(`${h.url}/?as=bob`);
    expect(bob.html).toContain('Storefront');
    expect(bob.html).not.toContain('Mobile App');
    expect(bob.html).toMatch(/<option value="bob" selected>Bob Viewer<\/option>/);
  });

  it.each([
    ['/browse/SHOP-1', 'host-panel', /Host panel/],
    ['/dashboard', 'host-gadget', /Edit gadget/],
    ['/dashboard?edit=1', 'host-gadget', /Editing the gadget/],
    ['/admin', 'host-admin', /Host admin/],
  ])('%s frames the app module %s', async (path, moduleKey, text) => {
    const p = await pageText(`${h.url}${path}`);
    expect(p.status).toBe(200);
    expect(p.html).toContain(`data-module="${moduleKey}"`);
    expect(p.html).toMatch(text);
    expect(p.headers.get('content-security-policy')).toContain("script-src 'self';");
    expect(p.html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('the issue view shows Jira text as text, never as markup', async () => {
    h.emulator.updateIssue({ kind: 'user', accountId: ALICE.accountId }, 'SHOP-5', {
      fields: {
        summary: '<img src=x onerror=alert(1)> & "quotes"',
        description: '<script>alert(2)</script>',
      },
    });
    const p = await pageText(`${h.url}/browse/SHOP-5`);
    expect(p.html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
    expect(p.html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(p.html).not.toContain('<img src=x');
    expect(p.html).not.toContain('<script>alert');
  });

  it.each([
    ['an issue of a project the user may not browse', '/browse/MOBILE-1?as=bob', 404],
    ['an issue that does not exist', '/browse/SHOP-99999', 404],
    ['an unknown page', '/nowhere', 404],
  ])('%s is a 404 page', async (_name, path, status) => {
    expect((await pageText(`${h.url}${path}`)).status).toBe(status);
  });

  it('a user who may browse but not edit gets no edit form', async () => {
    const p = await pageText(`${h.url}/browse/SHOP-1?as=bob`);
    expect(p.html).not.toContain('id="edit-issue"');
    expect(p.html).toContain('You may not edit issues in Storefront');
  });

  it('search runs JQL as the user; Jira\'s search path /issues/ lands there too', async () => {
    const p = await pageText(
      `${h.url}/issues?jql=${encodeURIComponent('project = SHOP AND key in (SHOP-1, SHOP-2)')}`,
    );
    expect(p.html).toContain('/browse/SHOP-1?');
    expect(p.html).toContain('/browse/SHOP-2?');
    const bad = await pageText(`${h.url}/issues?jql=${encodeURIComponent('project = = SHOP')}`);
    expect(bad.html).toContain('role="alert"');
    const slash = await pageText(`${h.url}/issues/?jql=x`);
    expect([slash.status, slash.headers.get('location')]).toEqual([302, '/issues?jql=x']);
  });
});

describe('writes from the host page', () => {
  it('creating an issue redirects to it, after the app\'s trigger has seen the creation', async () => {
    const form = new URLSearchParams({
      project: 'SHOP',
      type: 'Story',
      summary: 'Plan the pricing strategy',
      description: 'Line one\nLine two',
    });
    const r = await fetch(`${h.url}/create?as=alice`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
      redirect: 'manual',
    });
    expect(r.status).toBe(303);
    const key = /\/browse\/(SHOP-\d+)/.exec(r.headers.get('location') ?? '')![1]!;
    expect(recordedEvents()).toContainEqual(
      expect.objectContaining({ eventType: 'avi:jira:created:issue', key }),
    );
    expect((await pageText(`${h.url}/browse/${key}`)).html).toContain('Line one\nLine two');
  });

  it('a refused creation shows Jira\'s reason on the form', async () => {
    const form = new URLSearchParams({ project: 'MOBILE', type: 'Story', summary: 'Not allowed' });
    const r = await fetch(`${h.url}/create?as=bob`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
      redirect: 'manual',
    });
    expect(r.status).toBe(400);
    expect(await r.text()).toContain('role="alert"');
  });

  it('editing the summary fires the update trigger and answers the JIRA_ISSUE_CHANGED payload', async () => {
    const before = recordedEvents().length;
    const r = await fetch(`${h.url}/browse/SHOP-7?as=alice`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ summary: 'A new summary', description: 'New text' }),
    });
    const body = (await r.json()) as { ok?: boolean; event?: unknown };
    expect(body).toEqual({
      ok: true,
      event: {
        issueId: h.emulator.store.issues.get('SHOP-7')!.id,
        projectId: '10000',
        changes: [{ changeType: 'updated', atlassianId: ALICE.accountId }],
      },
    });
    expect(recordedEvents().slice(before)).toEqual([
      expect.objectContaining({ eventType: 'avi:jira:updated:issue', key: 'SHOP-7' }),
    ]);
    expect(h.emulator.store.issues.get('SHOP-7')!.summary).toBe('A new summary');
  });

  it.each([
    ['a viewer without edit rights', 'bob', { summary: 'Hijack', description: '' }],
    ['an empty summary', 'alice', { summary: '   ', description: '' }],
  ])('refuses an edit by %s with a message', async (_name, as, payload) => {
    const r = await fetch(`${h.url}/browse/SHOP-8?as=${as}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(payload),
    });
    expect(((await r.json()) as { error?: string }).error).toEqual(expect.any(String));
    expect(h.emulator.store.issues.get('SHOP-8')!.summary).not.toBe(payload.summary);
  });
});

describe('resources', () => {
  it('serve index.html with Forge\'s CSP and the bridge script ahead of the bundle', async () => {
    const frame = frameIdIn((await pageText(`${h.url}/browse/SHOP-1`)).html);
    const r = await pageText(`${h.url}/__forge/resource/main/index.html?frame=${frame}`);
    const csp = r.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'self';/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(r.html.indexOf(`/__forge/bridge.js?frame=${frame}`)).toBeLessThan(r.html.indexOf('src="main.js"'));
    expect(r.html.indexOf('/__forge/bridge.js')).toBeGreaterThan(0);
  });

  it.each([
    '/__forge/resource/main/../manifest.yml',
    '/__forge/resource/main/%2e%2e/manifest.yml',
    '/__forge/resource/nope/index.html',
  ])('refuses %s', async (path) => {
    expect((await pageText(`${h.url}${path}`)).status).toBe(404);
  });

  it.each(['/__forge/bridge.js', '/__forge/tokens.css', '/__host/host.js', '/__host/host.css'])(
    'serves %s',
    async (path) => {
      expect((await pageText(`${h.url}${path}`)).status).toBe(200);
    },
  );

  it('the tokens stylesheet defines the same design tokens for light and dark', async () => {
    const css = (await pageText(`${h.url}/__forge/tokens.css`)).html;
    const tokens = (mode: string) =>
      [
        ...(new RegExp(`\\[data-color-mode="${mode}"\\]\\s*\\{([^}]*)\\}`).exec(css)?.[1] ?? '').matchAll(
          /(--ds-[a-z-]+):/g,
        ),
      ]
        .map((m) => m[1])
        .sort();
    expect(tokens('light')).toEqual(tokens('dark'));
    expect(tokens('light')).toEqual(
      expect.arrayContaining([
        '--ds-text',
        '--ds-surface',
        '--ds-border',
        '--ds-link',
        '--ds-background-neutral',
      ]),
    );
  });
});
