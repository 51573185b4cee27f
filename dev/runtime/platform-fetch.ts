/**
 * `global.__forge_fetch__(ctx, path, init)`: where the real packages send every platform call.
 * `{type:'kvs'}` → the local storage; `{type:'fpp', remote:'stargate'}` queue paths → the queue;
 * `{type:'fpp', remote:'jira'}` → the Jira emulator over HTTP with `x-forge-principal: app` (asApp)
 * or `user:<accountId>` (asUser: the given id, else the invocation's user). A bare `requestJira`
 * (provider `none`, neither asUser nor asApp) is unauthenticated, as on Forge: it carries no
 * principal, and Jira answers it as the anonymous user. Each call goes to the invoking installation's
 * Jira and storage; storage and queue calls wait one storage round trip. Anything else gets a
 * `forge-proxy-error` header, which @forge/api turns into ProxyRequestError / NeedsAuthenticationError.
 */
import { z } from 'zod';

const FetchContextSchema = z.object({
  type: z.string(),
  provider: z.string().optional(),
  remote: z.string().optional(),
  accountId: z.string().optional(),
}).passthrough();

/** What one installation (site) offers the app. */
export interface SiteServices {
  jiraBaseUrl: string;
  kvs(path: string, body: string): Response;
  queue(path: string, body: string): Response;
}

export interface PlatformServices {
  /** The services of the installation the current invocation serves. */
  site(): SiteServices;
  actingAccountId(): string | undefined;
  /** Half a storage round trip: awaited before the storage sees a call and before its answer returns. */
  storageLeg(): Promise<void>;
  /** Whether this storage call fails: 'before' it takes effect, 'after' it did (answer lost), or 'none'. */
  storageFault(): 'none' | 'before' | 'after';
}

/** A response carrying `forge-proxy-error`, as the Forge proxy answers a refused call. */
export function proxyError(status: number, reason: string, message = reason): Response {
  return new Response(JSON.stringify({ message }), {
    status,
    headers: { 'forge-proxy-error': reason, 'content-type': 'application/json' },
  });
}

/** An injected storage fault: Forge's 500 body. */
const storageFailure = (): Response =>
  new Response(JSON.stringify({ code: 'INTERNAL_SERVER_ERROR', message: 'Injected storage fault' }), {
    status: 500,
    headers: { 'content-type': 'application/json' },
  });

async function bodyText(body: unknown): Promise<string> {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  return new Response(body as BodyInit).text();
}

export function createPlatformFetch(services: PlatformServices) {
  return async function forgeFetch(rawCtx: unknown, path: string, init: RequestInit = {}): Promise<Response> {
    const parsed = FetchContextSchema.safeParse(rawCtx);
    if (!parsed.success)
      return proxyError(400, 'PROXY_ERR', 'The fetch context is not one the Forge packages send');
    const ctx = parsed.data;
    const site = services.site();
    if (
      ctx.type === 'kvs' ||
      (ctx.type === 'fpp' && ctx.remote === 'stargate' && path.startsWith('/webhook/queue/'))
    ) {
      const text = await bodyText(init.body);
      await services.storageLeg();
      const fault = services.storageFault();
      if (fault === 'before') return storageFailure();
      const answer = ctx.type === 'kvs' ? site.kvs(path, text) : site.queue(path, text);
      await services.storageLeg();
      return fault === 'after' ? storageFailure() : answer;
    }
    if (ctx.type !== 'fpp')
      return proxyError(
        403,
        'REQUEST_EGRESS_ALLOWLIST_ERR',
        `Egress to ${ctx.type}/${ctx.remote ?? '?'} is not available in the local runtime`,
      );
    if (ctx.remote !== 'jira')
      return proxyError(
        400,
        'INVALID_REMOTE_ERR',
        `The local runtime reaches Jira only, not ${ctx.remote ?? 'an unnamed remote'}`,
      );
    if (!path.startsWith('/')) return proxyError(400, 'PROXY_ERR', 'Product paths must start with /');
    let principal: string | null = ctx.provider === 'app' ? 'app' : null;
    if (ctx.provider === 'user') {
      const accountId = ctx.accountId ?? services.actingAccountId();
      if (!accountId)
        return proxyError(401, 'NEEDS_AUTHENTICATION_ERR', 'asUser() needs a user: this invocation has none');
      principal = `user:${accountId}`;
    }
    const headers = new Headers(init.headers as HeadersInit | undefined);
    if (principal) headers.set('x-forge-principal', principal);
    else headers.delete('x-forge-principal');
    const body = await bodyText(init.body);
    return fetch(`${site.jiraBaseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers,
      body: body === '' ? undefined : body,
      redirect: 'manual',
    });
  };
}
