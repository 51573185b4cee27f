/**
 * The runtime shim behaves as Forge does under load: storage answers after a latency, product and
 * queue events are delivered at least once (duplicates arrive at the same moment), consumers run in
 * parallel, and one warm module serves two installations without anything crossing between them.
 */
import { resolve } from 'node:path';
import { kvs } from '@forge/kvs';
import { createForgeRuntime, LOCAL_CLOUD_ID, type ForgeRuntime } from '../../dev/runtime';
import { startFakeJira, type FakeJira } from './fake-jira';
import * as fixtureApp from './fixtures';
import { callFixturePanel } from './fixture-calls';

const MANIFEST = resolve(__dirname, 'fixtures/manifest.yml');
let jira: FakeJira;
let otherJira: FakeJira;
let runtime: ForgeRuntime | undefined;

beforeAll(async () => { jira = await startFakeJira(); otherJira = await startFakeJira(); });
afterAll(async () => { await jira.close(); await otherJira.close(); });
afterEach(async () => { await runtime?.close(); runtime = undefined; });

const start = (options: Partial<Parameters<typeof createForgeRuntime>[0]> = {}) =>
  (runtime = createForgeRuntime({
    manifestPath: MANIFEST,
    app: fixtureApp,
    jiraBaseUrl: jira.url,
    ...options,
  }));
const call = (r: ForgeRuntime, functionKey: string, payload: unknown = {}, site?: string) =>
  callFixturePanel(r, functionKey, payload, { site });
const assigned = (key: string) => ({
  payload: { eventType: 'avi:jira:assigned:issue', issue: { key } },
  causedBy: { kind: 'user', accountId: 'acc-alice' },
});
const keysLike = (r: ForgeRuntime, prefix: string, site?: string) =>
  Object.keys(r.storage.snapshot(site)).filter((k) => k.startsWith(prefix));

describe('storage latency', () => {
  it('makes every storage call take at least the configured time', async () => {
    start({ storageLatencyMs: { min: 40, max: 60 } });
    const t = Date.now();
    await kvs.set('k', 1);
    await kvs.get('k');
    expect(Date.now() - t).toBeGreaterThanOrEqual(80);
  });

  it('refuses a range that makes no sense', () => {
    expect(() => start({ storageLatencyMs: { min: 30, max: 10 } })).toThrow(/latency/);
  });
});

describe('at-least-once delivery', () => {
  it('delivers every product event twice, at once, when duplicates are certain', async () => {
    const r = start({ duplicateDeliveryRate: 1 });
    await Promise.all(['A-1', 'A-2', 'A-3'].map((key) => r.deliverEvent(assigned(key))));
    for (const key of ['A-1', 'A-2', 'A-3']) expect(keysLike(r, `delivery:${key}:`)).toHaveLength(2);
  });

  it('delivers each event once when duplicates are off, ' +
    'and a seeded rate gives the same duplicates each run', async () => {
    const once = start();
    await once.deliverEvent(assigned('B-1'));
    expect(keysLike(once, 'delivery:B-1:')).toHaveLength(1);
    await once.close();
    const counts: number[][] = [];
    for (let run = 0; run < 2; run++) {
      const r = start({ duplicateDeliveryRate: 0.5, seed: 42 });
      for (let i = 0; i < 20; i++) await r.deliverEvent(assigned(`C-${i}`));
      counts.push(Array.from({ length: 20 }, (_, i) => keysLike(r, `delivery:C-${i}:`).length));
      await r.close();
    }
    runtime = undefined;
    expect(counts[0]).toEqual(counts[1]);
    expect(counts[0]!.filter((n) => n === 2).length).toBeGreaterThan(0);
    expect(counts[0]!.filter((n) => n === 1).length).toBeGreaterThan(0);
  });

  it('runs a queue event twice when duplicated, and the job still counts it once', async () => {
    const r = start({ duplicateDeliveryRate: 1 });
    const { jobId } = (await call(r, 'enqueueTo', {
      queue: 'default-timeout-queue',
      bodies: [{ id: 'dup' }],
    })) as { jobId: string };
    await r.drainQueues();
    expect(keysLike(r, 'ran:dup:').length).toBeGreaterThanOrEqual(1);
    expect(
      Object.keys(r.storage.snapshot()).filter((k) => k.startsWith('ran:dup:')).length,
    ).toBeLessThanOrEqual(2);
    expect(await call(r, 'jobStats', { jobId })).toEqual({ success: 1, inProgress: 0, failed: 0 });
  });
});

describe('consumers in parallel', () => {
  it('runs the events of a push at the same time, not one after another', async () => {
    const r = start();
    await call(r, 'enqueueTo', {
      queue: 'default-timeout-queue',
      bodies: [1, 2, 3, 4].map((i) => ({ id: `p${i}`, sleepMs: 100 })),
    });
    await r.drainQueues();
    const runs = Object.entries(r.storage.snapshot())
      .filter(([k]) => k.startsWith('ran:p'))
      .map(([, v]) => v as { startedAt: number; endedAt: number });
    expect(runs).toHaveLength(4);
    const lastStart = Math.max(...runs.map((x) => x.startedAt));
    const firstEnd = Math.min(...runs.map((x) => x.endedAt));
    expect(lastStart).toBeLessThan(firstEnd);
  });
});

describe('two installations in one warm module', () => {
  it('keeps each site to its own Jira, storage and context', async () => {
    const r = start({ sites: [{ cloudId: 'second-site', jiraBaseUrl: otherJira.url }] });
    jira.seen.length = 0;
    otherJira.seen.length = 0;
    const [a, b] = (await Promise.all([call(r, 'whoAmI'), call(r, 'whoAmI', {}, 'second-site')])) as Array<{
      context: { cloudId: string; installContext: string };
    }>;
    expect(a!.context.cloudId).toBe(LOCAL_CLOUD_ID);
    expect(b!.context.cloudId).toBe('second-site');
    expect(b!.context.installContext).toBe('ari:cloud:jira::site/second-site');
    expect(jira.seen).toHaveLength(1);
    expect(otherJira.seen).toHaveLength(1);
    await call(r, 'remember', { site: 'first' });
    await call(r, 'remember', { site: 'second' }, 'second-site');
    expect(r.storage.snapshot()).toEqual({ 'note:acc-alice': { site: 'first' } });
    expect(r.storage.snapshot('second-site')).toEqual({ 'note:acc-alice': { site: 'second' } });
  });

  it('refuses an invocation for a site it does not serve', async () => {
    const r = start();
    await expect(call(r, 'whoAmI', {}, 'nowhere')).rejects.toThrow(/no installation for site nowhere/);
  });
});
