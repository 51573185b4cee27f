/**
 * The local Jira's HTTP plumbing: who a request comes from, its JSON body, the answer written back (links
 * rewritten to the host the client used), the answer when no route matches, and the log of requests.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SITE } from './issue-json';
import { jiraError, type RouteResult } from './jira-routes';
import type { FaultRule } from './faults';
import type { EmulatorStore, Principal } from './model';
import type { createSpecValidator } from './openapi-validator';

type SpecValidator = ReturnType<typeof createSpecValidator>;

export interface RequestRecord { method: string; path: string; principal: string; status: number; ms: number }

export class RequestLog {
  readonly entries: RequestRecord[] = [];
  count(filter?: (r: RequestRecord) => boolean): number {
    return filter ? this.entries.filter(filter).length : this.entries.length;
  }
  clear(): void {
    this.entries.length = 0;
  }
}

export function principalOf(req: IncomingMessage, store: EmulatorStore): Principal | null {
  const header = req.headers['x-forge-principal'];
  const h = Array.isArray(header) ? header[0] : header;
  if (h === 'app') return { kind: 'app' };
  if (h?.startsWith('user:') && store.users.has(h.slice(5))) return { kind: 'user', accountId: h.slice(5) };
  const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (!basic) return null;
  const [email, token] = Buffer.from(basic, 'base64').toString('utf8').split(/:(.*)/s);
  const user = [...store.users.values()].find((u) => u.email && u.email === email && u.apiToken === token);
  return user ? { kind: 'user', accountId: user.accountId } : null;
}

/** Endpoints Atlassian removed: a client still calling them gets 410 and where to go instead. */
const REMOVED: Array<[RegExp, string]> = [
  [
    /^\/rest\/api\/[23]\/search$/,
    'removed by Atlassian (CHANGE-2046): use /rest/api/3/search/jql (nextPageToken) or ' +
      '/rest/api/3/search/approximate-count',
  ],
];

export async function readBody(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return { ok: true, value: undefined };
  try { return { ok: true, value: JSON.parse(text) }; } catch { return { ok: false }; }
}

/** Links point at this server as the client reached it (a real client follows them). */
export function send(res: ServerResponse, r: RouteResult, host?: string): void {
  const base = `http://${host ?? '127.0.0.1'}`;
  const body = r.body === undefined || r.body === null ? '' : JSON.stringify(r.body).split(SITE).join(base);
  const headers = Object.fromEntries(
    Object.entries(r.headers ?? {}).map(([k, v]) => [k, String(v).split(SITE).join(base)]),
  );
  res.writeHead(r.status, { 'content-type': 'application/json;charset=UTF-8', ...headers });
  res.end(body);
}

/**
 * No route: removed by Atlassian (410), in the spec but not emulated here (501), or no such endpoint (404).
 */
export function unrouted(specOperations: SpecValidator, method: string, path: string): RouteResult {
  const removed = REMOVED.find(([re]) => re.test(path));
  if (removed) return jiraError(410, `${method} ${path} was ${removed[1]}.`);
  const template = specOperations.templateOf(path);
  if (template && specOperations.hasOperation(method, template))
    return jiraError(501, `not emulated in the local Jira: ${method} ${template}`);
  return jiraError(404, `No endpoint ${method} ${path} in Jira's REST API.`);
}

export const NOT_AUTHENTICATED = jiraError(
  401,
  'You are not authenticated. Authentication required to perform this operation.',
);

/** The answer an injected fault gives instead of the route's (rate limit, server errors), if any. */
export function faultAnswer(fault: FaultRule | null | undefined): RouteResult | null {
  if (fault?.kind === 'status429')
    return {
      ...jiraError(429, 'Rate limit exceeded.'),
      headers: { 'retry-after': String(fault.retryAfterSeconds ?? 1) },
    };
  if (fault?.kind === 'status400') return jiraError(400, 'The request was refused (an injected fault).');
  if (fault?.kind === 'status500' || fault?.kind === 'status503')
    return jiraError(fault.kind === 'status500' ? 500 : 503, 'Internal server error.');
  return null;
}
