/**
 * The preview host: pages that look and behave like Jira around the app's Custom UI frames.
 * `/` projects and links, `/browse/KEY` issue view with the panel, `/dashboard` the gadget
 * (`?edit=1` its edit view), `/admin`, `/issues?jql=` search, `/create` a new issue (fires the
 * trigger), `?as=USER` another demo user, `?theme=dark`. Module keys come from manifest.yml.
 * Resources are served with a CSP like Forge's; the bridge endpoints answer the frames' calls.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import type { JiraEmulator } from '../emulator';
import { LOCAL_SITE_URL, moduleOfType, type ForgeRuntime } from '../runtime';
import { answerBridgeCall, type BridgeDeps } from './bridge-endpoint';
import { DashboardStore } from './dashboard-store';
import { FrameRegistry } from './frame-registry';
import { esc, page, viewerQuery, type Viewer } from './html';
import { handleCreate, handleIssueEdit, readBody, runSearch } from './host-writes';
import {
  customUiCsp, HOST_CSP, ICON, send, sendJson, STATIC, TYPES, viewerOf, withBridgeScript,
} from './host-http';
import { adminPage, projectPage, dashboardPage, homePage, issuePage, type PageDeps } from './jira-pages';
import { createPage, searchPage } from './jira-forms';

export { customUiCsp };

export interface HostOptions {
  emulator: JiraEmulator;
  runtime: ForgeRuntime;
  /** Directory of every Custom UI resource (e.g. the UI build); else each resource's manifest path. */
  resourceDir?: string;
  /** Where manifest resource paths are relative to (default: the working directory). */
  manifestDir?: string;
  initialGadgetConfiguration?: Record<string, unknown>;
  /** Awaited after a write from the host page, so the app's trigger has run before the page updates. */
  afterWrite?: () => Promise<void>;
}

export function createHostServer(o: HostOptions): Server {
  const manifest = o.runtime.manifest;
  const frames = new FrameRegistry();
  const dashboards = new DashboardStore(o.initialGadgetConfiguration);
  const modules = {
    panel: moduleOfType(manifest, 'jira:issuePanel'),
    gadget: moduleOfType(manifest, 'jira:dashboardGadget'),
    admin: moduleOfType(manifest, 'jira:adminPage'),
    report: moduleOfType(manifest, 'jira:projectPage'),
  };
  const { emulator, runtime } = o;
  const pages: PageDeps = { emulator, frames, dashboards, modules };
  const bridgeDeps: BridgeDeps = { emulator, runtime, frames, dashboards, siteUrl: LOCAL_SITE_URL };
  const csp = customUiCsp(manifest.content);
  const users = () => [...o.emulator.store.users.values()];
  const resourceDir = (key: string): string | undefined => {
    if (o.resourceDir) return resolve(o.resourceDir);
    const path = manifest.resources.get(key);
    return path === undefined ? undefined : resolve(o.manifestDir ?? process.cwd(), path);
  };

  const html = (res: ServerResponse, status: number, title: string, body: string, v: Viewer, url: URL) => {
    const keep = Object.fromEntries([...url.searchParams].filter(([k]) => k !== 'as' && k !== 'theme'));
    const text = page(title, body, { viewer: v, users: users(), path: url.pathname, keep });
    send(res, status, text, TYPES['.html'], { 'content-security-policy': HOST_CSP });
  };

  function serveResource(res: ServerResponse, url: URL): void {
    const [, , , key = '', ...rest] = url.pathname.split('/');
    const dir = resourceDir(decodeURIComponent(key));
    const file = dir ? resolve(dir, decodeURIComponent(rest.join('/')) || 'index.html') : undefined;
    const inside = dir && file && !relative(dir, file).startsWith('..') && !isAbsolute(relative(dir, file));
    const found = inside && existsSync(file) && statSync(file).isFile();
    if (!found) return send(res, 404, 'Not found', 'text/plain');
    const raw = readFileSync(file);
    const frame = url.searchParams.get('frame') ?? '';
    const content = extname(file) === '.html' ? withBridgeScript(raw.toString('utf8'), frame) : raw;
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    send(res, 200, content, type, { 'content-security-policy': csp });
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (STATIC[path]) return send(res, 200, readFileSync(STATIC[path]!), TYPES[extname(path)]);
    if (path.startsWith('/__forge/bridge/') && method === 'POST') {
      try {
        const call = decodeURIComponent(path.slice('/__forge/bridge/'.length));
        const frame = url.searchParams.get('frame') ?? '';
        const result = await answerBridgeCall(call, frame, await readBody(req), bridgeDeps);
        return sendJson(res, 200, { result: result ?? null });
      } catch (e) {
        return sendJson(res, 200, { error: (e as Error).message ?? String(e) });
      }
    }
    if (path.startsWith('/__forge/resource/')) return serveResource(res, url);
    if (path === '/favicon.ico') return send(res, 200, readFileSync(ICON), 'image/svg+xml');
    const v = viewerOf(url, users());
    const notFound = (what: string) => {
      const text = `<p>${what} does not exist or you do not have permission to see it.</p>`;
      return html(res, 404, 'Not found', text, v, url);
    };
    if (path === '/') return html(res, 200, 'Projects', homePage(pages, v), v, url);
    if (path.startsWith('/browse/')) {
      const key = decodeURIComponent(path.slice('/browse/'.length)).toUpperCase();
      const edit = { emulator, viewer: v, key, afterWrite: o.afterWrite };
      if (method === 'POST') return handleIssueEdit(req, res, edit);
      const body = issuePage(pages, v, key);
      return body ? html(res, 200, key, body, v, url) : notFound(`Issue ${esc(key)}`);
    }
    if (path === '/dashboard') {
      const editing = url.searchParams.get('edit') === '1';
      return html(res, 200, 'Dashboard', dashboardPage(pages, v, editing), v, url);
    }
    if (path === '/admin') return html(res, 200, 'Apps', adminPage(pages, v), v, url);
    const projectApp = /^\/projects\/([^/]+)\/apps\/[^/]+$/.exec(path);
    if (projectApp) {
      const key = decodeURIComponent(projectApp[1]!).toUpperCase();
      const body = projectPage(pages, v, key);
      return body ? html(res, 200, key, body, v, url) : notFound(`Project ${esc(key)}`);
    }
    if (path === '/issues/') { res.writeHead(302, { location: `/issues${url.search}` }); res.end(); return; }
    if (path === '/issues') {
      const jql = url.searchParams.get('jql') ?? '';
      return html(res, 200, 'Search', searchPage(v, jql, await runSearch(o.emulator, v, jql)), v, url);
    }
    if (path === '/create') {
      if (method !== 'POST') return html(res, 200, 'Create', createPage(pages, v), v, url);
      const outcome = await handleCreate(req, { emulator, viewer: v, afterWrite: o.afterWrite });
      if ('key' in outcome) {
        res.writeHead(303, { location: `/browse/${encodeURIComponent(outcome.key)}?${viewerQuery(v)}` });
        res.end();
        return;
      }
      return html(res, 400, 'Create', createPage(pages, v, outcome.error), v, url);
    }
    return html(res, 404, 'Not found', '<p>No such page in this preview.</p>', v, url);
  }

  return createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      const message = `Preview host error: ${(e as Error).message}`;
      if (!res.headersSent) send(res, 500, message, 'text/plain; charset=utf-8');
      else res.end();
    });
  });
}

