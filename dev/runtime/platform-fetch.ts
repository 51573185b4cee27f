/**
 * `global.__forge_fetch__(ctx, path, init)`: where the real packages send every platform call.
 * `{type:'kvs'}` → the local storage; `{type:'fpp', remote:'stargate'}` queue paths → the queue;
 * `{type:'fpp', remote:'jira'}` → the Jira emulator over HTTP with `x-forge-principal: app` (asApp)
 * or `user:<accountId>` (asUser: the given id, else the invocation's user). Anything else gets a
 * `forge-proxy-error` header, which @forge/api turns into ProxyRequestError / NeedsAuthenticationError.
 */
import { z } from 'zod';

const FetchContextSchema = z.object({
  type: z.string(),
  provider: z.string().optional(),
  remote: z.string().optional(),
  accountId: z.string().optional(),
}).passthrough();

export interface PlatformServices {
  jiraBaseUrl: string;
  actingAccountId(): string | undefined;
  kvs(path: string, body: string): Response;
  queue(path: string, body: string): Response;
}

/** A response carrying `forge-proxy-error`, as the Forge proxy answers a refused call. */
export function proxyError(status: number, reason: string, message = reason): Response {
  return new Response(JSON.stringify({ message }), { status, headers: { 'forge-proxy-error': reason, 'content-type': 'application/json' } });
}

async function bodyText(body: unknown): Promise<string> {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  return new Response(body as BodyInit).text();
}

export function createPlatformFetch(services: PlatformServices) {
  return async function forgeFetch(rawCtx: unknown, path: string, init: RequestInit = {}): Promise<Response> {
    const parsed = FetchContextSchema.safeParse(rawCtx);
    if (!parsed.success) return proxyError(400, 'PROXY_ERR', 'The fetch context is not one the Forge packages send');
    const ctx = parsed.data;
    if (ctx.type === 'kvs') return services.kvs(path, await bodyText(init.body));
    if (ctx.type === 'fpp' && ctx.remote === 'stargate' && path.startsWith('/webhook/queue/')) return services.queue(path, await bodyText(init.body));
    if (ctx.type !== 'fpp') return proxyError(403, 'REQUEST_EGRESS_ALLOWLIST_ERR', `Egress to ${ctx.type}/${ctx.remote ?? '?'} is not available in the local runtime`);
    if (ctx.remote !== 'jira') return proxyError(400, 'INVALID_REMOTE_ERR', `The local runtime reaches Jira only, not ${ctx.remote ?? 'an unnamed remote'}`);
    if (!path.startsWith('/')) return proxyError(400, 'PROXY_ERR', 'Product paths must start with /');
    let principal = 'app';
    if (ctx.provider === 'user') {
      const accountId = ctx.accountId ?? services.actingAccountId();
      if (!accountId) return proxyError(401, 'NEEDS_AUTHENTICATION_ERR', 'asUser() needs a user: this invocation has none');
      principal = `user:${accountId}`;
    }
    const headers = new Headers(init.headers as HeadersInit | undefined);
    headers.set('x-forge-principal', principal);
    const body = await bodyText(init.body);
    return fetch(`${services.jiraBaseUrl}${path}`, { method: init.method ?? 'GET', headers, body: body === '' ? undefined : body, redirect: 'manual' });
  };
}
