/**
 * The runtime shim refuses what Forge refuses (dev/runtime/platform-limits.ts cites each limit):
 * storage keys, value sizes and depth, query page size; queue payloads, batches and retryData;
 * invocation time limits per module kind; and a bare requestJira is unauthenticated.
 */
import { kvs, WhereConditions, type ForgeKvsAPIError } from '@forge/kvs';
import { createForgeRuntime } from '../../dev/runtime';
import { jsonDepth } from '../../dev/runtime/platform-limits';
import * as fixtureApp from './fixtures';
import { callFixturePanel, FIXTURE_MANIFEST, useFixtureRuntime } from './fixture-calls';

const fixture = useFixtureRuntime();

const codeOf = (p: Promise<unknown>) => p.then(() => 'accepted', (e: ForgeKvsAPIError) => e.code);
const call = (functionKey: string, payload: unknown = {}) =>
  callFixturePanel(fixture.runtime, functionKey, payload);
const nested = (depth: number): unknown => (depth === 0 ? 'leaf' : { d: nested(depth - 1) });
const publish = (payload: unknown[]) =>
  (
    globalThis as unknown as { __forge_fetch__: (c: unknown, p: string, i: RequestInit) => Promise<Response> }
  ).__forge_fetch__({ type: 'fpp', provider: 'app', remote: 'stargate' }, '/webhook/queue/publish/local', {
    method: 'POST',
    body: JSON.stringify({ queueName: 'fixture-queue', jobId: 'job-1', payload }),
  });

describe('storage keys (Forge: 1–500 characters matching /^(?!\\s+$)[a-zA-Z0-9:._\\s-#]+$/)', () => {
  it.each([
    ['a key of 501 characters', 'k'.repeat(501), 'KEY_TOO_LONG'],
    ['a key with a slash', 'override/SHOP-1', 'INVALID_KEY'],
    ['a key with non-ASCII letters', 'überblick', 'INVALID_KEY'],
    ['a key of white space only', '   ', 'INVALID_KEY'],
  ])('refuses %s', async (_name, key, code) => {
    expect(await codeOf(kvs.set(key, 1))).toBe(code);
    expect(await codeOf(kvs.get(key))).toBe(code);
  });

  it('accepts every character class the pattern allows, up to 500 characters', async () => {
    expect(await codeOf(kvs.set('ledger:SHOP-1 #2_a.b-c', 1))).toBe('accepted');
    expect(await codeOf(kvs.set('k'.repeat(500), 1))).toBe('accepted');
  });
});

describe('storage values (Forge: at most 240 KiB, nesting at most 32)', () => {
  it('refuses a value over 240 KiB and keeps what was stored', async () => {
    await kvs.set('big', 'kept');
    expect(await codeOf(kvs.set('big', 'x'.repeat(240 * 1024)))).toBe('MAX_SIZE');
    expect(await kvs.get('big')).toBe('kept');
    expect(await codeOf(kvs.set('big', 'x'.repeat(240 * 1024 - 2)))).toBe('accepted');
  });

  it('refuses nesting deeper than 32, in a set, a batch and a transaction', async () => {
    expect(jsonDepth(nested(33))).toBe(33);
    expect(await codeOf(kvs.set('deep', nested(32)))).toBe('accepted');
    expect(await codeOf(kvs.set('deep', nested(33)))).toBe('MAX_DEPTH');
    expect(await codeOf(kvs.batchSet([{ key: 'a', value: nested(33) }]))).toBe('MAX_DEPTH');
    expect(await codeOf(kvs.transact().set('t', nested(33)).execute())).toBe('MAX_DEPTH');
  });
});

describe('storage queries (Forge: a page holds at most 20)', () => {
  it('refuses a limit of 21 and pages 20 at a time', async () => {
    for (let i = 0; i < 25; i++) await kvs.set(`row:${String(i).padStart(2, '0')}`, i);
    expect(
      await codeOf(kvs.query().where('key', WhereConditions.beginsWith('row:')).limit(21).getMany()),
    ).toBe('BAD_REQUEST');
    const first = await kvs.query().where('key', WhereConditions.beginsWith('row:')).limit(20).getMany();
    expect(first.results).toHaveLength(20);
    const rest = await kvs
      .query()
      .where('key', WhereConditions.beginsWith('row:'))
      .limit(20)
      .cursor(first.nextCursor!)
      .getMany();
    expect(rest.results).toHaveLength(5);
  });
});

describe('queues (Forge: 50 events and 200 KB a push, retryData 4 KB)', () => {
  it('refuses 51 events and a payload over 200 KB at the platform, not only in @forge/events', async () => {
    expect((await publish(Array.from({ length: 51 }, (_, i) => ({ body: { id: `e${i}` } })))).status).toBe(
      400,
    );
    expect((await publish([{ body: { blob: 'x'.repeat(205 * 1024) } }])).status).toBe(413);
    expect((await publish([{ body: { id: 'fits' } }])).status).toBe(201);
  });

  it('@forge/events itself refuses the same before sending', async () => {
    await expect(
      call('enqueue', { bodies: Array.from({ length: 51 }, (_, i) => ({ id: i })) }),
    ).rejects.toThrow(/50/);
    await expect(call('enqueue', { bodies: [{ blob: 'x'.repeat(205 * 1024) }] })).rejects.toThrow(/200/);
  });
});

describe('invocation time limits by module kind (Forge: 25 s; ' +
  'consumers 55 s, or timeoutSeconds up to 900)', () => {
  it('gives a resolver at most 25 s', async () => {
    const remaining = (await call('remainingMs')) as number;
    expect(remaining).toBeGreaterThan(24_000);
    expect(remaining).toBeLessThanOrEqual(25_000);
  });

  it('gives a consumer 55 s by default and its timeoutSeconds when the function sets it', async () => {
    await call('enqueueTo', { queue: 'default-timeout-queue', bodies: [{ id: 'default' }] });
    await call('enqueueTo', { queue: 'long-queue', bodies: [{ id: 'long' }] });
    await fixture.runtime.drainQueues();
    const snapshot = fixture.runtime.storage.snapshot();
    expect(snapshot['remaining:default']).toBeGreaterThan(54_000);
    expect(snapshot['remaining:default']).toBeLessThanOrEqual(55_000);
    expect(snapshot['remaining:long']).toBeGreaterThan(119_000);
    expect(snapshot['remaining:long']).toBeLessThanOrEqual(120_000);
  });

  it('cuts a trigger off at 25 s even when a test asks for a longer budget', async () => {
    const longer = createForgeRuntime({
      manifestPath: FIXTURE_MANIFEST,
      app: fixtureApp,
      jiraBaseUrl: fixture.jira.url,
      invocationBudgetMs: 60_000,
    });
    try {
      const remaining = (await longer.invokeResolver({
        moduleKey: 'fixture-panel',
        functionKey: 'remainingMs',
        payload: {},
        accountId: 'a',
        extension: {},
      })) as number;
      expect(remaining).toBeLessThanOrEqual(25_000);
    } finally {
      await longer.close();
    }
  });
});

describe('a call made with neither asUser() nor asApp()', () => {
  it('is unauthenticated, as on Forge: no principal, ' +
    'so an issue only the app may see is not found', async () => {
    fixture.jira.seen.length = 0;
    expect(await call('bareRead', { key: 'FIX-2' })).toEqual({ status: 404 });
    expect(await call('readIssue', { key: 'FIX-2', as: 'app' })).toMatchObject({ status: 200 });
    expect(fixture.jira.seen.map((s) => s.principal)).toEqual([undefined, 'app']);
  });
});

describe('manifest handlers resolve as Forge resolves them: file.export', () => {
  it('finds an export of another file when the app provides that file, ' +
    'and says which is missing when not', async () => {
    await expect(fixture.runtime.invokeFunction('audit-function', {})).rejects.toThrow(
      'manifest.yml handler audit.record: the app has no file "audit"',
    );
    const withAudit = createForgeRuntime({
      manifestPath: FIXTURE_MANIFEST,
      app: fixtureApp,
      files: { audit: { record: async () => 'recorded' } },
      jiraBaseUrl: fixture.jira.url,
    });
    try {
      expect(await withAudit.invokeFunction('audit-function', {})).toBe('recorded');
    } finally {
      await withAudit.close();
    }
    const wrongExport = createForgeRuntime({
      manifestPath: FIXTURE_MANIFEST,
      app: fixtureApp,
      files: { audit: { other: async () => 0 } },
      jiraBaseUrl: fixture.jira.url,
    });
    try {
      await expect(wrongExport.invokeFunction('audit-function', {})).rejects.toThrow(
        'The app\'s "audit" does not export "record"',
      );
    } finally {
      await wrongExport.close();
    }
  });

  it('gives every function the context Forge documents (function-reference/arguments)', async () => {
    const echo = createForgeRuntime({
      manifestPath: FIXTURE_MANIFEST,
      app: { ...fixtureApp, action: async (_p: unknown, c: unknown) => c },
      jiraBaseUrl: fixture.jira.url,
    });
    const ctx = (await echo
      .invokeFunction('action', {}, { accountId: 'acc-alice' })
      .finally(() => echo.close())) as Record<string, unknown>;
    expect(ctx).toMatchObject({
      installContext: expect.stringMatching(/^ari:cloud:jira::site\//),
      principal: { accountId: 'acc-alice' },
      license: { isActive: true },
      installation: {
        ari: { installationId: expect.any(String) },
        contexts: [expect.stringMatching(/^ari:cloud:jira::site\//)],
      },
      workspaceId: expect.any(String),
    });
  });
});
