/**
 * The local Jira over HTTP for its own suites: started once per file with the app's indexed property,
 * faults cleared after each test, and every request and response checked against Atlassian's spec.
 */
import { startJiraEmulator, DEMO_USERS, type JiraEmulator } from '../../dev/emulator';
import { createSpecValidator } from '../../dev/emulator/openapi-validator';

export const ALICE = `user:${DEMO_USERS.admin.accountId}`;
export const BOB = `user:${DEMO_USERS.viewer.accountId}`;

export interface HttpKit {
  readonly e: JiraEmulator;
  call(method: string, path: string, as: string | null, body?: unknown):
    Promise<{ status: number; body: unknown; headers: Headers }>;
}

export function useEmulatorHttp(): HttpKit {
  const spec = createSpecValidator();
  const violations: string[] = [];
  let e: JiraEmulator;
  const indexed = [{ path: 'kind', type: 'string' as const, searchAlias: 'ownershipKind' }];
  beforeAll(async () => {
    e = await startJiraEmulator({
      entityProperties: [{ propertyKey: 'ownership-balance', values: indexed }],
    });
  });
  afterAll(async () => { await e.close(); expect(violations).toEqual([]); });
  afterEach(() => e.faults.clear());
  return {
    get e() { return e; },
    /** Every request sent and every response served here is checked against the OpenAPI spec. */
    async call(method, path, as, body) {
      violations.push(...spec.validateRequest(method, path, body));
      const res = await fetch(`${e.url}${path}`, {
        method, redirect: 'manual',
        headers: { ...(as ? { 'x-forge-principal': as } : {}), 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      const parsed = text ? JSON.parse(text) : undefined;
      if (res.status < 500)
        violations.push(...spec.validateResponse(method, path.split('?')[0]!, res.status, parsed));
      return { status: res.status, body: parsed, headers: res.headers };
    },
  };
}
