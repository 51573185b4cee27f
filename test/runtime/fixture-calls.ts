/** The fixture app (test/runtime/fixtures) on the runtime shim, against a fake Jira; calls to its panel. */
import { resolve } from 'node:path';
import { createForgeRuntime, type ForgeRuntime } from '../../dev/runtime';
import { startFakeJira, type FakeJira } from './fake-jira';
import * as fixtureApp from './fixtures';

export const FIXTURE_MANIFEST = resolve(__dirname, 'fixtures/manifest.yml');

/**
 * One fake Jira for the suite and a fresh runtime per test (what the fake Jira saw cleared), closed after it.
 * Read `jira` and `runtime` inside tests: they are set by the hooks.
 */
export function useFixtureRuntime(options: { invocationBudgetMs?: number } = {}): {
  readonly jira: FakeJira;
  readonly runtime: ForgeRuntime;
} {
  let jira: FakeJira | undefined;
  let runtime: ForgeRuntime | undefined;
  beforeAll(async () => { jira = await startFakeJira(); });
  afterAll(async () => { await jira?.close(); });
  beforeEach(() => {
    jira!.seen.length = 0;
    runtime = createForgeRuntime({
      manifestPath: FIXTURE_MANIFEST,
      app: fixtureApp,
      jiraBaseUrl: jira!.url,
      ...options,
    });
  });
  afterEach(async () => { await runtime?.close(); });
  return {
    get jira() { return jira!; },
    get runtime() { return runtime!; },
  };
}

/** A resolver call to the fixture app's panel module, as Alice unless told otherwise. */
export function callFixturePanel(
  runtime: ForgeRuntime,
  functionKey: string,
  payload: unknown = {},
  options: { accountId?: string; extension?: Record<string, unknown>; site?: string } = {},
): Promise<unknown> {
  const { accountId = 'acc-alice', extension = {}, site } = options;
  return runtime.invokeResolver({
    moduleKey: 'fixture-panel', functionKey, payload, accountId, extension, site,
  });
}
