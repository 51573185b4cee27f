/**
 * @jest-environment jsdom
 *
 * dev/bridge/bridge.js in a DOM with the real @forge/bridge on top of it: every call reaches the
 * host endpoint with this frame's id, page-level calls go to the parent window, events come in.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

type Answer = { result?: unknown; error?: string };
const calls: Array<{ url: string; body: unknown }> = [];
const answers: Record<string, Answer> = {};
const toParent: unknown[] = [];

beforeAll(() => {
  Object.defineProperty(document, 'currentScript', {
    configurable: true,
    value: { src: `${location.origin}/__forge/bridge.js?frame=frame-123` },
  });
  (globalThis as { fetch?: unknown }).fetch = async (url: string, init: { body: string }) => {
    const body = JSON.parse(init.body) as unknown;
    calls.push({ url, body });
    const name = decodeURIComponent(/\/__forge\/bridge\/([^?]+)/.exec(url)![1]!);
    return { ok: true, status: 200, json: async () => answers[name] ?? { result: null } };
  };
  window.postMessage = ((message: unknown) => { toParent.push(message); }) as typeof window.postMessage;
  new Function(readFileSync(resolve(__dirname, '../../dev/bridge/bridge.js'), 'utf8'))();
});
beforeEach(() => { calls.length = 0; toParent.length = 0; });

// The real package, loaded after the shim as the app bundle is.
const bridge = () => require('@forge/bridge') as typeof import('@forge/bridge');
const fromHost = (data: unknown) =>
  window.dispatchEvent(new MessageEvent('message', { data, origin: location.origin, source: window }));
const tick = () => new Promise((r) => setTimeout(r, 0));

it('invoke posts the function key and payload to the host with the frame id', async () => {
  answers.invoke = { result: { ok: true, data: 7 } };
  await expect(bridge().invoke('getIssuePanel', { issueKey: 'SHOP-1' })).resolves.toEqual({
    ok: true,
    data: 7,
  });
  expect(calls).toEqual([
    {
      url: '/__forge/bridge/invoke?frame=frame-123',
      body: { functionKey: 'getIssuePanel', payload: { issueKey: 'SHOP-1' } },
    },
  ]);
});

it('a host error rejects the call with its message', async () => {
  answers.invoke = { error: 'resolver failed' };
  await expect(bridge().invoke('boom')).rejects.toThrow('resolver failed');
});

it('view.getContext answers the host\'s context', async () => {
  answers.getContext = {
    result: { moduleKey: 'ownership-panel', locale: 'en-US', theme: { colorMode: 'dark' } },
  };
  await expect(bridge().view.getContext()).resolves.toMatchObject({
    moduleKey: 'ownership-panel',
    locale: 'en-US',
  });
});

it('view.theme.enable follows the host theme: data-color-mode and the tokens stylesheet', async () => {
  answers.getContext = { result: { theme: { colorMode: 'dark' } } };
  await bridge().view.theme.enable();
  expect(document.documentElement.getAttribute('data-color-mode')).toBe('dark');
  expect(document.querySelector<HTMLLinkElement>('link#forge-design-tokens')?.getAttribute('href')).toBe(
    '/__forge/tokens.css',
  );
  fromHost({ type: 'forge-theme', colorMode: 'light' });
  expect(document.documentElement.getAttribute('data-color-mode')).toBe('light');
});

it('events.on receives what the host page sends, until unsubscribed', async () => {
  const seen: unknown[] = [];
  const sub = await bridge().events.on('JIRA_ISSUE_CHANGED', (p: unknown) => { seen.push(p); });
  fromHost({ type: 'forge-event', event: 'JIRA_ISSUE_CHANGED', payload: { issueId: '1' } });
  fromHost({ type: 'forge-event', event: 'OTHER', payload: {} });
  window.dispatchEvent(
    new MessageEvent('message', {
      data: { type: 'forge-event', event: 'JIRA_ISSUE_CHANGED', payload: 'forged' },
      origin: 'https://evil.example',
      source: window,
    }),
  );
  await sub.unsubscribe();
  fromHost({ type: 'forge-event', event: 'JIRA_ISSUE_CHANGED', payload: { issueId: '2' } });
  expect(seen).toEqual([{ issueId: '1' }]);
});

it('events.emit and view.submit tell the host page', async () => {
  await bridge().events.emit('MY_EVENT', { n: 1 });
  answers.submit = { result: true };
  await bridge().view.submit({ projectKey: 'SHOP' });
  expect(calls.map((c) => c.url)).toEqual(['/__forge/bridge/submit?frame=frame-123']);
  expect(toParent).toEqual([
    { type: 'forge-emit', event: 'MY_EVENT', payload: { n: 1 } },
    { type: 'forge-submitted' },
  ]);
});

it('view.submit outside an edit view is refused as Forge refuses it', async () => {
  answers.submit = { result: false };
  await expect(bridge().view.submit({})).rejects.toThrow(/not submittable/);
  expect(toParent).toEqual([]);
});

it('router.navigate resolves the target with the host, then asks the page to go there', async () => {
  answers.__navigation = { result: { url: '/browse/SHOP-2', internal: true } };
  await bridge().router.navigate({ target: 'issue', issueKey: 'SHOP-2' });
  expect(calls[0]!.body).toEqual({ target: 'issue', issueKey: 'SHOP-2', type: 'same-tab' });
  expect(toParent).toEqual([
    { type: 'forge-navigate', url: '/browse/SHOP-2', internal: true, newTab: false },
  ]);
});

it('view.createHistory gives a working in-frame history', async () => {
  const history = await bridge().view.createHistory();
  const seen: string[] = [];
  history.listen((location: { pathname: string }) => { seen.push(location.pathname); });
  history.push('/settings?tab=2');
  history.push({ pathname: '/about' });
  history.goBack();
  await tick();
  expect(seen).toEqual(['/settings', '/about', '/settings']);
  expect(history.location).toMatchObject({ pathname: '/settings', search: '?tab=2' });
});
