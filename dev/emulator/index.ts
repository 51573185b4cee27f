/**
 * A local Jira Cloud REST v3 emulator on 127.0.0.1. Callers say who they are with the header
 * `x-forge-principal: app` or `x-forge-principal: user:<accountId>` (the Forge runtime shim sets it),
 * or, like any Jira client, with basic auth: a demo user's e-mail and API token. It is loud where it
 * does not emulate: an operation of Atlassian's spec that it lacks answers 501, an endpoint Atlassian
 * removed answers 410 — never a Jira-shaped 404 that a client would read as data. Links in answers
 * use the request's own host. Every request and response is checked against the OpenAPI spec unless
 * `validateAgainstSpec: false`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DEMO_USERS, loadDemoData } from './demo-data';
import { FaultInjector } from './faults';
import { IssueWrites, type JiraIssueEvent, type NewIssueFields } from './issue-writes';
import { buildRoutes, jiraError, type RouteResult } from './jira-routes';
import type { EntityPropertyIndex } from './jql-evaluator';
import { EmulatorStore, type EmulatorData, type Principal } from './model';
import { createSpecValidator } from './openapi-validator';
import {
  faultAnswer, NOT_AUTHENTICATED, principalOf, readBody, RequestLog, send, unrouted,
} from './request-kit';

export {
  DEMO_USERS,
  loadDemoData,
  type EmulatorData,
  type Principal,
  type JiraIssueEvent,
  type EntityPropertyIndex,
  EmulatorStore,
};
export type { FaultRule } from './faults';
export { RequestLog, type RequestRecord } from './request-kit';

export interface JiraEmulatorOptions {
  port?: number;
  data?: EmulatorData;
  entityProperties?: EntityPropertyIndex[];
  manifestPath?: string;
  latencyMs?: number;
  now?: () => Date;
  /** Check every request and response against the OpenAPI spec (default on); see `specViolations`. */
  validateAgainstSpec?: boolean;
  /** Called with each violation as it happens (npm start prints them). */
  onSpecViolation?: (message: string) => void;
}

export interface JiraEmulator {
  url: string;
  port: number;
  store: EmulatorStore;
  faults: FaultInjector;
  requests: RequestLog;
  writes: IssueWrites;
  /** Requests and responses that broke the OpenAPI spec (with `validateAgainstSpec`). */
  specViolations: string[];
  /** Emulated latency per request, changeable at run time. */
  latencyMs: number;
  onEvent(listener: (event: JiraIssueEvent) => void | Promise<void>): () => void;
  createIssue(as: Principal, fields: NewIssueFields): { id: string; key: string };
  updateIssue(
    as: Principal,
    key: string,
    body: { fields?: Record<string, unknown>; update?: Record<string, unknown> },
  ): void;
  deleteIssue(key: string, as?: Principal): void;
  close(): Promise<void>;
}

const DEFAULT_MANIFEST = resolve(__dirname, '../../manifest.yml');

/** Reads the search aliases declared by manifest.yml's `jira:entityProperty` modules. */
export function loadEntityPropertiesFromManifest(path = DEFAULT_MANIFEST): EntityPropertyIndex[] {
  if (!existsSync(path)) return [];
  const manifest = parseYaml(readFileSync(path, 'utf8')) as { modules?: Record<string, unknown[]> };
  const modules = (manifest.modules?.['jira:entityProperty'] ?? []) as Array<{
    propertyKey: string;
    entityType?: string;
    values: EntityPropertyIndex['values'];
  }>;
  return modules
    .filter((m) => (m.entityType ?? 'issue') === 'issue')
    .map((m) => ({ propertyKey: m.propertyKey, values: m.values }));
}

export async function startJiraEmulator(options: JiraEmulatorOptions = {}): Promise<JiraEmulator> {
  const now = options.now ?? (() => new Date());
  const store = new EmulatorStore(options.data ?? loadDemoData(now()));
  const tasks = new Map<string, Record<string, unknown>>();
  const writes = new IssueWrites(store, tasks, now);
  const faults = new FaultInjector();
  const requests = new RequestLog();
  const entityProperties = options.entityProperties ?? loadEntityPropertiesFromManifest(options.manifestPath);
  const routes = buildRoutes({
    store,
    writes,
    entityProperties: () => entityProperties,
    now,
    tasks,
    taskOwners: new Map(),
    comments: new Map(),
  });
  const emulator = { latencyMs: options.latencyMs ?? 0 } as JiraEmulator;
  const specOperations = createSpecValidator();
  const spec = options.validateAgainstSpec === false ? null : specOperations;
  const specViolations: string[] = [];

  const server = createServer((req, res) => {
    void (async () => {
      const started = Date.now();
      const url = new URL(req.url ?? '/', 'http://localhost');
      const principal = principalOf(req, store);
      const record = (status: number) =>
        requests.entries.push({
          method: req.method ?? 'GET',
          path: url.pathname,
          principal: principal?.kind === 'user' ? principal.accountId : (principal?.kind ?? 'none'),
          status,
          ms: Date.now() - started,
        });
      if (emulator.latencyMs > 0) await new Promise((r) => setTimeout(r, emulator.latencyMs));
      const fault = faults.pick(req.method ?? 'GET', url.pathname, principal?.kind ?? 'user');
      if (fault?.kind === 'drop') { record(0); req.socket.destroy(); return; }
      if (fault?.kind === 'slow' || fault?.delayMs)
        await new Promise((r) => setTimeout(r, fault.delayMs ?? 1000));
      const refused = faultAnswer(fault);
      if (refused || !principal) {
        const answer = refused ?? NOT_AUTHENTICATED;
        record(answer.status);
        return send(res, answer);
      }
      const body = await readBody(req);
      if (!body.ok) { record(400); return send(res, jiraError(400, 'The request body is not valid JSON.')); }
      const route = routes.find(([m, re]) => m === req.method && re.test(url.pathname));
      let result: RouteResult;
      if (!route) result = unrouted(specOperations, req.method ?? 'GET', url.pathname);
      else {
        const params = route[1].exec(url.pathname)!.slice(1);
        try {
          result = await route[2]({ principal, params, query: url.searchParams, body: body.value });
        } catch (e) {
          result = jiraError(500, `Emulator error: ${(e as Error).message}`);
        }
      }
      record(result.status);
      // Requests are always checked; loud answers (501 not emulated, 410 removed) are the emulator's own, not
      // Jira's.
      if (spec) {
        const loud = result.status === 501 || result.status === 410;
        const method = req.method ?? 'GET';
        const found = [
          ...spec.validateRequest(method, url.pathname, body.value, url.searchParams, req.headers),
          ...(loud ? [] : spec.validateResponse(method, url.pathname, result.status, result.body)),
        ];
        specViolations.push(...found);
        for (const v of found) options.onSpecViolation?.(v);
      }
      if (fault?.kind === 'malformedJson' && result.status < 300) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(result.body ?? {}).slice(0, 7));
        return;
      }
      send(res, result, req.headers.host);
    })();
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  return Object.assign(emulator, {
    url: `http://127.0.0.1:${port}`,
    port,
    store,
    faults,
    requests,
    writes,
    specViolations,
    onEvent: (l: (e: JiraIssueEvent) => void | Promise<void>) => writes.onEvent(l),
    createIssue: (as: Principal, f: NewIssueFields) => writes.create(as, f),
    updateIssue: (
      as: Principal,
      key: string,
      body: { fields?: Record<string, unknown>; update?: Record<string, unknown> },
    ) => {
      const e = writes.update(as, key, body);
      if (e) throw new Error(e);
    },
    deleteIssue: (key: string, as?: Principal) => writes.remove(key, as),
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  });
}
