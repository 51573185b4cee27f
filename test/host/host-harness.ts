/**
 * The preview host on port 0 for tests: the real Jira emulator (demo data), the runtime running the
 * runtime fixture's handlers behind test/host/fixtures/manifest.yml, events wired to the trigger.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { DEMO_USERS, startJiraEmulator, type JiraEmulator } from '../../dev/emulator';
import { createHostServer } from '../../dev/host/host-server';
import { createForgeRuntime, type ForgeRuntime } from '../../dev/runtime';
import * as fixtureApp from '../runtime/fixtures';

export const FIXTURES = resolve(__dirname, 'fixtures');
export const ALICE = DEMO_USERS.admin;
export const BOB = DEMO_USERS.viewer;

export interface HostHarness {
  url: string;
  emulator: JiraEmulator;
  runtime: ForgeRuntime;
  server: Server;
  close(): Promise<void>;
}

export async function startHost(): Promise<HostHarness> {
  const emulator = await startJiraEmulator({ manifestPath: resolve(FIXTURES, 'manifest.yml') });
  const runtime = createForgeRuntime({
    manifestPath: resolve(FIXTURES, 'manifest.yml'),
    app: fixtureApp,
    jiraBaseUrl: emulator.url,
  });
  const pending = new Set<Promise<unknown>>();
  emulator.onEvent((event) => {
    const p = runtime.deliverEvent(event);
    pending.add(p);
    void p.finally(() => pending.delete(p));
    return p.then(() => undefined);
  });
  const server = createHostServer({
    emulator, runtime, manifestDir: FIXTURES, initialGadgetConfiguration: { projectKey: 'SHOP' },
    afterWrite: async () => { while (pending.size > 0) await Promise.allSettled([...pending]); },
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    emulator,
    runtime,
    server,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await runtime.close();
      await emulator.close();
    },
  };
}

/** The frame id of the first app iframe on a page. */
export function frameIdIn(html: string): string {
  const m = /<iframe data-forge[^>]*src="\/__forge\/resource\/[^/]+\/index\.html\?frame=([0-9a-f-]+)"/.exec(
    html,
  );
  if (!m) throw new Error('no app iframe on the page');
  return m[1]!;
}

export async function bridge(
  url: string,
  frame: string,
  name: string,
  payload?: unknown,
): Promise<{ result?: unknown; error?: string }> {
  const r = await fetch(`${url}/__forge/bridge/${name}?frame=${frame}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload ?? null),
  });
  return (await r.json()) as { result?: unknown; error?: string };
}

export async function pageText(url: string): Promise<{ status: number; html: string; headers: Headers }> {
  const r = await fetch(url, { redirect: 'manual' });
  return { status: r.status, html: await r.text(), headers: r.headers };
}
