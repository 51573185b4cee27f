/**
 * The local Jira and two jira.js clients (Alice, an admin; Bob, who may browse but not edit) for the
 * suites that hold the local Jira to a client nobody here wrote. Every request and response is checked
 * against Atlassian's OpenAPI spec after each test.
 */
import { Version3Client } from 'jira.js';
import { DEMO_USERS, startJiraEmulator, type JiraEmulator } from '../../dev/emulator';

export interface JiraJs { jira: JiraEmulator; alice: Version3Client; bob: Version3Client }

/** Starts the local Jira for the file's tests; the returned object is filled before they run. */
export function useJiraJs(): JiraJs {
  const ctx = {} as JiraJs;
  const client = (u: { email?: string; apiToken?: string }) =>
    new Version3Client({
      host: ctx.jira.url,
      authentication: { basic: { email: u.email!, apiToken: u.apiToken! } },
    });
  beforeAll(async () => {
    ctx.jira = await startJiraEmulator();
    ctx.alice = client(DEMO_USERS.admin);
    ctx.bob = client(DEMO_USERS.viewer);
  });
  afterAll(async () => { await ctx.jira.close(); });
  afterEach(() => { expect(ctx.jira.specViolations).toEqual([]); });
  return ctx;
}

type Failure = { status?: number; cause?: { response?: { status?: number } } };
/** The HTTP status a call failed with. */
export const statusOf = (p: Promise<unknown>) =>
  p.then(() => 200, (e: Failure) => e.status ?? e.cause?.response?.status ?? -1);
