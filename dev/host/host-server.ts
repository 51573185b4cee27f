/**
 * The preview host: pages that look and behave like Jira around the app's Custom UI frames.
 * `/` projects and links, `/browse/KEY` issue view with the panel, `/dashboard` the gadget
 * (`?edit=1` its edit view), `/admin`, `/issues?jql=` search, `/create` a new issue (fires the
 * trigger), `?as=USER` another demo user, `?theme=dark`. Module keys come from manifest.yml.
 * Resources are served with a CSP like Forge's; the bridge endpoints answer the frames' calls.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import type { JiraEmulator } from '../emulator';
import { LOCAL_SITE_URL, moduleOfType, type ForgeRuntime } from '../runtime';
import { answerBridgeCall, type BridgeDeps } from './bridge-endpoint';
import { DashboardStore } from './dashboard-store';
import { FrameRegistry } from './frame-registry';
import { esc, page, type Viewer } from './html';
import { handleCreate, handleIssueEdit, readBody, runSearch } from './host-writes';
import { adminPage, projectPage, createPage, dashboardPage, homePage, issuePage, searchPage, type PageDeps } from './jira-pages';

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

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png', '.woff2': 'font/woff2' };
const BRIDGE_DIR = resolve(__dirname, '../bridge');
const ASSETS_DIR = resolve(__dirname, 'assets');
const STATIC: Record<string, string> = { '/__forge/bridge.js': join(BRIDGE_DIR, 'bridge.js'), '/__forge/tokens.css': join(BRIDGE_DIR, 'tokens.css'), '/__host/host.js': join(ASSETS_DIR, 'host.js'), '/__host/host.css': join(ASSETS_DIR, 'host.css') };
/** The host's own pages: scripts from files only. */
const HOST_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self'; object-src 'none'; base-uri 'none'";

/** Forge's Custom UI CSP: no inline script, no eval, unless manifest permissions.content allows them. */
export function customUiCsp(content: { scripts: string[]; styles: string[] }): string {
  const extra = (values: string[]) => values.filter((v) => v === 'unsafe-inline' || v === 'unsafe-eval').map((v) => ` '${v}'`).join('');
  return `default-src 'self'; script-src 'self'${extra(content.scripts)}; style-src 'self'${extra(content.styles)}; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'`;
}

export function createHostServer(o: HostOptions): Server {
  const manifest = o.runtime.manifest;
  const frames = new FrameRegistry();
  const dashboards = new DashboardStore(o.initialGadgetConfiguration);
  const modules = { panel: moduleOfType(manifest, 'jira:issuePanel'), gadget: moduleOfType(manifest, 'jira:dashboardGadget'), admin: moduleOfType(manifest, 'jira:adminPage'), report: moduleOfType(manifest, 'jira:projectPage') };
  const pages: PageDeps = { emulator: o.emulator, frames, dashboards, modules };
  const bridgeDeps: BridgeDeps = { emulator: o.emulator, runtime: o.runtime, frames, dashboards, siteUrl: LOCAL_SITE_URL };
  const csp = customUiCsp(manifest.content);
  const users = () => [...o.emulator.store.users.values()];
  const resourceDir = (key: string): string | undefined => {
    if (o.resourceDir) return resolve(o.resourceDir);
    const path = manifest.resources.get(key);
    return path === undefined ? undefined : resolve(o.manifestDir ?? process.cwd(), path);
  };

  const send = (res: ServerResponse, status: number, body: string | Buffer, type = TYPES['.html']!, extra: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': type, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', ...extra });
    res.end(body);
  };
  const json = (res: ServerResponse, status: number, body: unknown) => send(res, status, JSON.stringify(body), 'application/json');

  function viewerOf(url: URL): Viewer {
    const who = url.searchParams.get('as') ?? 'alice';
    const all = users();
    const user = all.find((u) => u.name === who || u.accountId === who) ?? all[0]!;
    return { accountId: user.accountId, name: user.name, displayName: user.displayName, theme: url.searchParams.get('theme') === 'dark' ? 'dark' : 'light' };
  }
  const html = (res: ServerResponse, status: number, title: string, body: string, v: Viewer, url: URL) => {
    const keep = Object.fromEntries([...url.searchParams].filter(([k]) => k !== 'as' && k !== 'theme'));
    send(res, status, page(title, body, { viewer: v, users: users(), path: url.pathname, keep }), TYPES['.html'], { 'content-security-policy': HOST_CSP });
  };

  function serveResource(res: ServerResponse, url: URL): void {
    const [, , , key = '', ...rest] = url.pathname.split('/');
    const dir = resourceDir(decodeURIComponent(key));
    const file = dir ? resolve(dir, decodeURIComponent(rest.join('/')) || 'index.html') : undefined;
    const inside = dir && file && !relative(dir, file).startsWith('..') && !isAbsolute(relative(dir, file));
    if (!inside || !existsSync(file) || !statSync(file).isFile()) return send(res, 404, 'Not found', 'text/plain');
    let content: string | Buffer = readFileSync(file);
    if (extname(file) === '.html') {
      const bridge = `<script src="/__forge/bridge.js?frame=${encodeURIComponent(url.searchParams.get('frame') ?? '')}"></script>`;
      const text = content.toString('utf8');
      const at = text.search(/<script\b/i);
      content = at >= 0 ? `${text.slice(0, at)}${bridge}${text.slice(at)}` : text.replace(/<\/head>/i, `${bridge}</head>`);
    }
    send(res, 200, content, TYPES[extname(file)] ?? 'application/octet-stream', { 'content-security-policy': csp });
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (STATIC[path]) return send(res, 200, readFileSync(STATIC[path]!), TYPES[extname(path)]);
    if (path.startsWith('/__forge/bridge/') && method === 'POST') {
      try {
        const result = await answerBridgeCall(decodeURIComponent(path.slice('/__forge/bridge/'.length)), url.searchParams.get('frame') ?? '', await readBody(req), bridgeDeps);
        return json(res, 200, { result: result ?? null });
      } catch (e) {
        return json(res, 200, { error: (e as Error).message ?? String(e) });
      }
    }
    if (path.startsWith('/__forge/resource/')) return serveResource(res, url);
    if (path === '/favicon.ico') return send(res, 200, readFileSync(join(__dirname, '..', '..', 'static', 'app', 'public', 'icon.svg')), 'image/svg+xml');
    const v = viewerOf(url);
    if (path === '/') return html(res, 200, 'Projects', homePage(pages, v), v, url);
    if (path.startsWith('/browse/')) {
      const key = decodeURIComponent(path.slice('/browse/'.length)).toUpperCase();
      if (method === 'POST') return handleIssueEdit(req, res, { emulator: o.emulator, viewer: v, key, afterWrite: o.afterWrite });
      const body = issuePage(pages, v, key);
      return body ? html(res, 200, key, body, v, url) : html(res, 404, 'Not found', `<p>Issue ${esc(key)} does not exist or you do not have permission to see it.</p>`, v, url);
    }
    if (path === '/dashboard') return html(res, 200, 'Dashboard', dashboardPage(pages, v, url.searchParams.get('edit') === '1'), v, url);
    if (path === '/admin') return html(res, 200, 'Apps', adminPage(pages, v), v, url);
    const projectApp = /^\/projects\/([^/]+)\/apps\/[^/]+$/.exec(path);
    if (projectApp) {
      const key = decodeURIComponent(projectApp[1]!).toUpperCase();
      const body = projectPage(pages, v, key);
      return body ? html(res, 200, key, body, v, url) : html(res, 404, 'Not found', `<p>Project ${esc(key)} does not exist or you do not have permission to see it.</p>`, v, url);
    }
    if (path === '/issues/') { res.writeHead(302, { location: `/issues${url.search}` }); res.end(); return; }
    if (path === '/issues') {
      const jql = url.searchParams.get('jql') ?? '';
      return html(res, 200, 'Search', searchPage(v, jql, await runSearch(o.emulator, v, jql)), v, url);
    }
    if (path === '/create') {
      if (method !== 'POST') return html(res, 200, 'Create', createPage(pages, v), v, url);
      const outcome = await handleCreate(req, { emulator: o.emulator, viewer: v, afterWrite: o.afterWrite });
      if ('key' in outcome) { res.writeHead(303, { location: `/browse/${encodeURIComponent(outcome.key)}?as=${encodeURIComponent(v.name)}&theme=${v.theme}` }); res.end(); return; }
      return html(res, 400, 'Create', createPage(pages, v, outcome.error), v, url);
    }
    return html(res, 404, 'Not found', '<p>No such page in this preview.</p>', v, url);
  }

  return createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, `Preview host error: ${(e as Error).message}`, 'text/plain; charset=utf-8');
      else res.end();
    });
  });
}

