/** @forge/events Queue through the runtime: push, consumers, retries, job stats and cancel. */
import { resolve } from 'node:path';
import { kvs } from '@forge/kvs';
import { createForgeRuntime, type ForgeRuntime } from '../../dev/runtime';
import * as fixtureApp from './fixtures';
import { callFixturePanel } from './fixture-calls';

const MANIFEST = resolve(__dirname, 'fixtures/manifest.yml');
let runtime: ForgeRuntime;
const start = (autoRunQueues: boolean) =>
  createForgeRuntime({
    manifestPath: MANIFEST,
    app: fixtureApp,
    jiraBaseUrl: 'http://127.0.0.1:9',
    autoRunQueues,
    onBackgroundError: () => undefined,
  });
const call = (functionKey: string, payload: unknown) =>
  callFixturePanel(runtime, functionKey, payload);
const push = async (...bodies: Array<Record<string, unknown>>) =>
  ((await call('enqueue', { bodies })) as { jobId: string }).jobId;
const stats = (jobId: string) => call('jobStats', { jobId });

afterEach(async () => { await runtime.close(); });

describe('on drainQueues()', () => {
  beforeEach(() => { runtime = start(false); });

  it('holds pushed events until drained, then runs the consumer once per event', async () => {
    const jobId = await push({ id: 'e1' }, { id: 'e2' });
    expect(await stats(jobId)).toEqual({ success: 0, inProgress: 2, failed: 0 });
    expect(await runtime.drainQueues()).toBe(2);
    expect(await kvs.get('processed:e1')).toEqual({ attempt: 0, jobId });
    expect(await stats(jobId)).toEqual({ success: 2, inProgress: 0, failed: 0 });
  });

  it('retries an InvocationError with a growing retryContext, up to 4 retries', async () => {
    const jobId = await push({ id: 'twice', failTimes: 2 }, { id: 'never', failTimes: 9 });
    await runtime.drainQueues();
    expect(await kvs.get('processed:twice')).toEqual({ attempt: 2, jobId });
    expect(await kvs.get('processed:never')).toBeUndefined();
    expect(await stats(jobId)).toEqual({ success: 1, inProgress: 0, failed: 1 });
  });

  it('retries a consumer that throws, then counts it failed and reports the error', async () => {
    const jobId = await push({ id: 'boom', throws: true });
    expect(await runtime.drainQueues()).toBe(5);
    expect(await stats(jobId)).toEqual({ success: 0, inProgress: 0, failed: 1 });
    expect(String(runtime.errors.at(-1)?.error)).toMatch(/worker cannot handle boom/);
  });

  it('cancels a job\'s pending events', async () => {
    const jobId = await push({ id: 'c1' }, { id: 'c2' });
    expect(await call('cancelJob', { jobId })).toBe('cancelled');
    expect(await runtime.drainQueues()).toBe(0);
    expect(await stats(jobId)).toEqual({ success: 0, inProgress: 0, failed: 0 });
  });

  it('answers an unknown job as @forge/events expects (JobDoesNotExistError)', async () => {
    await expect(stats('no-such-job')).rejects.toThrow(/job no-such-job was not found/);
  });

  it('refuses to push to a queue no consumer listens to', async () => {
    const { Queue } = await import('@forge/events');
    await expect(new Queue({ key: 'orphan-queue' }).push([{ body: { id: 'x' } }])).rejects.toThrow(
      /No consumer module/,
    );
  });
});

describe('automatically (the preview)', () => {
  beforeEach(() => { runtime = start(true); });

  it('runs consumers in the background without drainQueues()', async () => {
    const jobId = await push({ id: 'bg1' }, { id: 'bg2' });
    for (let i = 0; i < 100 && (await kvs.get('processed:bg2')) === undefined; i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(await stats(jobId)).toEqual({ success: 2, inProgress: 0, failed: 0 });
  });
});
