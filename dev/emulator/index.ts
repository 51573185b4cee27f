/**
 * A local Jira Cloud REST v3 emulator on 127.0.0.1. Callers say who they are with the header
 * `x-forge-principal: app` or `x-forge-principal: user:<accountId>` (the Forge runtime shim sets it).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
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

export { DEMO_USERS, loadDemoData, type EmulatorData, type Principal, type JiraIssueEvent, type EntityPropertyIndex, EmulatorStore };
export type { FaultRule } from './faults';

export interface RequestRecord { method: string; path: string; principal: string; status: number; ms: number }

export class RequestLog {
  readonly entries: RequestRecord[] = [];
  count(filter?: (r: RequestRecord) => boolean): number { return filter ? this.entries.filter(filter).length : this.entries.length; }
  clear(): void { this.entries.length = 0; }
}

export interface JiraEmulatorOptions { port?: number; data?: EmulatorData; entityProperties?: EntityPropertyIndex[]; manifestPath?: string; latencyMs?: number; now?: () => Date; /** Check every request and response against the OpenAPI spec; see `specViolations`. */ validateAgainstSpec?: boolean }

export interface JiraEmulator {
  url: string; port: number; store: EmulatorStore; faults: FaultInjector; requests: RequestLog; writes: IssueWrites;
  /** Requests and responses that broke the OpenAPI spec (with `validateAgainstSpec`). */
  specViolations: string[];
  /** Emulated latency per request, changeable at run time. */
  latencyMs: number;
  onEvent(listener: (event: JiraIssueEvent) => void | Promise<void>): () => void;
  createIssue(as: Principal, fields: NewIssueFields): { id: string; key: string };
  updateIssue(as: Principal, key: string, body: { fields?: Record<string, unknown>; update?: Record<string, unknown> }): void;
  deleteIssue(key: string, as?: Principal): void;
  close(): Promise<void>;
}

const DEFAULT_MANIFEST = resolve(__dirname, '../../manifest.yml');

/** Reads the search aliases declared by manifest.yml's `jira:entityProperty` modules. */
export function loadEntityPropertiesFromManifest(path = DEFAULT_MANIFEST): EntityPropertyIndex[] {
  if (!existsSync(path)) return [];
  const manifest = parseYaml(readFileSync(path, 'utf8')) as { modules?: Record<string, unknown[]> };
  const modules = (manifest.modules?.['jira:entityProperty'] ?? []) as Array<{ propertyKey: string; entityType?: string; values: EntityPropertyIndex['values'] }>;
  return modules.filter((m) => (m.entityType ?? 'issue') === 'issue').map((m) => ({ propertyKey: m.propertyKey, values: m.values }));
}

function principalOf(header: string | string[] | undefined, store: EmulatorStore): Principal | null {
  const h = Array.isArray(header) ? header[0] : header;
  if (h === 'app') return { kind: 'app' };
  if (h?.startsWith('user:') && store.users.has(h.slice(5))) return { kind: 'user', accountId: h.slice(5) };
  return null;
}

async function readBody(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return { ok: true, value: undefined };
  try { return { ok: true, value: JSON.parse(text) }; } catch { return { ok: false }; }
}

export async function startJiraEmulator(options: JiraEmulatorOptions = {}): Promise<JiraEmulator> {
  const now = options.now ?? (() => new Date());
  const store = new EmulatorStore(options.data ?? loadDemoData(now()));
  const tasks = new Map<string, Record<string, unknown>>();
  const writes = new IssueWrites(store, tasks, now);
  const faults = new FaultInjector();
  const requests = new RequestLog();
  const entityProperties = options.entityProperties ?? loadEntityPropertiesFromManifest(options.manifestPath);
  const routes = buildRoutes({ store, writes, entityProperties: () => entityProperties, now, tasks });
  const emulator = { latencyMs: options.latencyMs ?? 0 } as JiraEmulator;
  const spec = options.validateAgainstSpec ? createSpecValidator() : null;
  const specViolations: string[] = [];

  const send = (res: ServerResponse, r: RouteResult) => {
    const body = r.body === undefined || r.body === null ? '' : JSON.stringify(r.body);
    res.writeHead(r.status, { 'content-type': 'application/json;charset=UTF-8', ...(r.headers ?? {}) });
    res.end(body);
  };

  const server = createServer((req, res) => {
    void (async () => {
      const started = Date.now();
      const url = new URL(req.url ?? '/', 'http://localhost');
      const principal = principalOf(req.headers['x-forge-principal'], store);
      const record = (status: number) => requests.entries.push({ method: req.method ?? 'GET', path: url.pathname, principal: principal?.kind === 'user' ? principal.accountId : principal?.kind ?? 'none', status, ms: Date.now() - started });
      if (emulator.latencyMs > 0) await new Promise((r) => setTimeout(r, emulator.latencyMs));
      const fault = faults.pick(req.method ?? 'GET', url.pathname, principal?.kind ?? 'user');
      if (fault?.kind === 'drop') { record(0); req.socket.destroy(); return; }
      if (fault?.kind === 'slow' || fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs ?? 1000));
      if (fault?.kind === 'status429') { record(429); return send(res, { ...jiraError(429, 'Rate limit exceeded.'), headers: { 'retry-after': String(fault.retryAfterSeconds ?? 1) } }); }
      if (fault?.kind === 'status500' || fault?.kind === 'status503') { const s = fault.kind === 'status500' ? 500 : 503; record(s); return send(res, jiraError(s, 'Internal server error.')); }
      if (!principal) { record(401); return send(res, jiraError(401, 'You are not authenticated. Authentication required to perform this operation.')); }
      const body = await readBody(req);
      if (!body.ok) { record(400); return send(res, jiraError(400, 'The request body is not valid JSON.')); }
      const route = routes.find(([m, re]) => m === req.method && re.test(url.pathname));
      let result: RouteResult;
      if (!route) result = jiraError(404, `No endpoint ${req.method} ${url.pathname} in this Jira.`);
      else {
        const params = route[1].exec(url.pathname)!.slice(1);
        try { result = await route[2]({ principal, params, query: url.searchParams, body: body.value }); } catch (e) { result = jiraError(500, `Emulator error: ${(e as Error).message}`); }
      }
      record(result.status);
      if (spec) specViolations.push(...spec.validateRequest(req.method ?? 'GET', url.pathname, body.value), ...spec.validateResponse(req.method ?? 'GET', url.pathname, result.status, result.body));
      if (fault?.kind === 'malformedJson' && result.status < 300) { res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify(result.body ?? {}).slice(0, 7)); return; }
      send(res, result);
    })();
  });
  await new Promise<void>((ok, fail) => { server.once('error', fail); server.listen(options.port ?? 0, '127.0.0.1', () => ok()); });
  const port = (server.address() as AddressInfo).port;
  return Object.assign(emulator, {
    url: `http://127.0.0.1:${port}`, port, store, faults, requests, writes, specViolations,
    onEvent: (l: (e: JiraIssueEvent) => void | Promise<void>) => writes.onEvent(l),
    createIssue: (as: Principal, f: NewIssueFields) => writes.create(as, f),
    updateIssue: (as: Principal, key: string, body: { fields?: Record<string, unknown>; update?: Record<string, unknown> }) => { const e = writes.update(as, key, body); if (e) throw new Error(e); },
    deleteIssue: (key: string, as?: Principal) => writes.remove(key, as),
    close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  });
}
