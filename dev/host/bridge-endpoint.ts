/**
 * The host side of the Custom UI bridge: `POST /__forge/bridge/<name>?frame=<id>` answers what
 * `@forge/bridge` 7.2 asks `__bridge.callBridge(name, payload)` for, as Jira would for that frame:
 * invoke → the frame module's resolver as the frame's user; getContext → Forge's context;
 * submit → the gadget configuration (edit view only); fetchProduct → the emulator as the user.
 */
import { z } from 'zod';
import type { JiraEmulator } from '../emulator';
import { LOCAL_CLOUD_ID, type ForgeRuntime } from '../runtime';
import type { DashboardStore } from './dashboard-store';
import type { Frame, FrameRegistry } from './frame-registry';

const InvokePayload = z.object({
  functionKey: z.string().min(1),
  payload: z.unknown().optional(),
  metadata: z.unknown().optional(),
  invokeType: z.string().optional(),
});
const FetchProductPayload = z.object({
  product: z.string().optional(),
  restPath: z.string().startsWith('/'),
  fetchRequestInit: z
    .object({
      method: z.string().optional(),
      body: z.string().nullish(),
      headers: z
        .union([z.array(z.tuple([z.string(), z.string()])), z.record(z.string(), z.string())])
        .optional(),
    })
    .passthrough()
    .optional(),
});
const LocationPayload = z.union([
  z.string(),
  z
    .object({
      target: z.string(),
      issueKey: z.string().optional(),
      dashboardId: z.string().optional(),
      url: z.string().optional(),
      moduleKey: z.string().optional(),
      projectKey: z.string().optional(),
    })
    .passthrough(),
]);

export class BridgeCallError extends Error {}

export interface BridgeDeps {
  emulator: JiraEmulator;
  runtime: ForgeRuntime;
  frames: FrameRegistry;
  dashboards: DashboardStore;
  siteUrl: string;
}

/** A navigation target as a host URL path (router.navigate/open/getUrl). */
export function targetUrl(raw: unknown): string {
  const location = LocationPayload.parse(raw);
  if (typeof location === 'string') return location;
  switch (location.target) {
    case 'issue':
      return `/browse/${encodeURIComponent(location.issueKey ?? '')}`;
    case 'dashboard':
      return '/dashboard';
    case 'module':
      if (location.moduleKey && location.projectKey) {
        const { projectKey, moduleKey } = location;
        return `/projects/${encodeURIComponent(projectKey)}/apps/${encodeURIComponent(moduleKey)}`;
      }
      throw new BridgeCallError(
        'The local preview opens module targets of project pages only (moduleKey and projectKey)',
      );
    default:
      if (location.url) return location.url;
      throw new BridgeCallError(`The local preview cannot navigate to target "${location.target}"`);
  }
}

export function forgeContext(frameId: string, f: Frame, deps: BridgeDeps): Record<string, unknown> {
  return {
    accountId: f.accountId,
    cloudId: LOCAL_CLOUD_ID,
    localId: `${f.moduleKey}/${frameId}`,
    moduleKey: f.moduleKey,
    extension: f.extension,
    environmentId: 'local-development',
    environmentType: 'DEVELOPMENT',
    locale: 'en-US',
    timezone: 'UTC',
    siteUrl: deps.siteUrl,
    theme: { colorMode: f.colorMode },
    license: { isActive: true },
    // Documented by Forge's view.getContext(): the viewer's account type and the installation.
    accountType: 'licensed',
    workspaceId: LOCAL_CLOUD_ID,
    installContext: `ari:cloud:jira::site/${LOCAL_CLOUD_ID}`,
  };
}

export async function answerBridgeCall(
  name: string,
  frameId: string,
  payload: unknown,
  deps: BridgeDeps,
): Promise<unknown> {
  const f = deps.frames.get(frameId);
  if (!f)
    throw new BridgeCallError('This frame is unknown to the preview host (it restarted?): reload the page.');
  switch (name) {
    case 'getContext':
      return forgeContext(frameId, f, deps);
    case 'getFrameId':
      return frameId;
    case 'invoke': {
      const p = InvokePayload.parse(payload);
      if (p.invokeType)
        throw new BridgeCallError('Forge remotes and containers are not available in the local preview');
      const body = await deps.runtime.invokeResolver({
        moduleKey: f.moduleKey,
        functionKey: p.functionKey,
        payload: p.payload,
        accountId: f.accountId,
        extension: f.extension,
      });
      return p.metadata === undefined ? body : { body, metadata: p.metadata };
    }
    case 'submit': {
      if (f.extension.entryPoint !== 'edit' || !f.gadgetId) return false;
      deps.dashboards.save(f.gadgetId, z.record(z.string(), z.unknown()).parse(payload));
      return true;
    }
    case 'close':
      return false;
    case 'refresh':
      return f.moduleType === 'jira:dashboardGadget';
    case 'getUrl':
      return new URL(targetUrl(payload), deps.siteUrl).toString();
    case '__navigation':
      return navigation(payload);
    case 'fetchProduct':
      return fetchProduct(f, FetchProductPayload.parse(payload), deps);
    case 'getCookieConsentPreferences':
      return null;
    case 'isRovoEnabled':
      return false;
    default:
      throw new BridgeCallError(`The local preview does not support the bridge call "${name}"`);
  }
}

/** router.navigate/open: a path on this host (internal), or an external absolute URL. */
function navigation(raw: unknown): { url: string; internal: boolean } {
  const p = z.object({ url: z.string().optional() }).passthrough().parse(raw);
  const url = targetUrl(p.url !== undefined ? p.url : p);
  const parsed = new URL(url, 'http://host.invalid');
  if (parsed.origin === 'http://host.invalid')
    return { url: `${parsed.pathname}${parsed.search}${parsed.hash}`, internal: true };
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new BridgeCallError('Only http(s) links can be opened');
  return { url: parsed.toString(), internal: false };
}

/** `requestJira` from the frame: the emulator answers as the frame's user, with the frame's headers. */
async function fetchProduct(
  f: Frame,
  p: z.infer<typeof FetchProductPayload>,
  deps: BridgeDeps,
): Promise<Record<string, unknown>> {
  if (p.product && p.product !== 'jira') throw new BridgeCallError(`The local preview has no ${p.product}`);
  const headers = new Headers(p.fetchRequestInit?.headers as HeadersInit | undefined);
  headers.delete('host');
  headers.set('x-forge-principal', `user:${f.accountId}`);
  const method = (p.fetchRequestInit?.method ?? 'GET').toUpperCase();
  const body = method === 'GET' || method === 'HEAD' ? undefined : (p.fetchRequestInit?.body ?? undefined);
  const r = await fetch(`${deps.emulator.url}${p.restPath}`, { method, headers, body });
  return {
    status: r.status,
    statusText: r.statusText,
    headers: Object.fromEntries(r.headers),
    body: await r.text(),
    isAttachment: false,
  };
}
