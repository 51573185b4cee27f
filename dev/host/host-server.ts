/**
 * The preview host: pages that look and behave like Jira around the app's Custom UI frames.
 * `/` projects and links, `/browse/KEY` issue view with the panel, `/dashboard` the gadget
 * (`?edit=1` its edit view), `/issues?jql=` drill-down, `/create` a new issue (fires the trigger),
 * `?as=USER` another demo user, `?theme=dark`. The bridge endpoints answer the frames' calls.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { DEFAULT_GADGET_CONFIG, type GadgetConfig } from '../../src/contract';
import { normaliseText } from '../../src/domain';
import type { JiraEmulator } from '../emulator';
import type { ForgeRuntime } from '../runtime';
import { esc, page } from './html';
import { HOST_CSS, HOST_JS } from './host-assets';

export interface HostOptions { emulator: JiraEmulator; runtime: ForgeRuntime; resourceDir: string; panelModule?: string; gadgetModule?: string }
interface Frame { moduleKey: string; accountId: string; colorMode: string; extension: Record<string, unknown> }

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };
const FORGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'self'";
const BRIDGE_DIR = resolve(__dirname, '../bridge');

export function createHostServer(o: HostOptions): Server {
  const frames = new Map<string, Frame>();
  const panelModule = o.panelModule ?? 'ownership-panel';
  const gadgetModule = o.gadgetModule ?? 'ownership-gadget';
  let gadgetConfig: GadgetConfig = { ...DEFAULT_GADGET_CONFIG, projectKey: 'SHOP' };
  const users = [...o.emulator.store.users.values()];

  const newFrame = (f: Frame) => {
    const id = randomUUID();
    frames.set(id, f);
    if (frames.size > 500) frames.delete(frames.keys().next().value!);
    return `<iframe data-forge class="${f.moduleKey === panelModule ? 'panel-frame' : 'gadget-frame'}" title="${f.moduleKey === panelModule ? 'Ownership balance issue panel' : 'Ownership balance gadget'}" src="/__forge/resource/main/index.html?frame=${id}"></iframe>`;
  };
  const send = (res: ServerResponse, status: number, body: string, type = 'text/html; charset=utf-8', extra: Record<string, string> = {}) => { res.writeHead(status, { 'content-type': type, ...extra }); res.end(body); };
  const json = (res: ServerResponse, status: number, body: unknown) => send(res, status, JSON.stringify(body), 'application/json');

  async function body(req: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    if (!text) return null;
    if ((req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
    return JSON.parse(text);
  }

  async function bridge(name: string, frameId: string, payload: unknown): Promise<unknown> {
    const f = frames.get(frameId);
    if (!f) throw new Error('This frame is unknown to the preview host: reload the page.');
    const user = o.emulator.store.users.get(f.accountId);
    switch (name) {
      case 'getContext':
        return { moduleKey: f.moduleKey, extension: f.extension, accountId: f.accountId, cloudId: 'local-emulator-cloud', localId: frameId, environmentType: 'DEVELOPMENT', locale: 'en-US', timezone: 'UTC', siteUrl: 'http://localhost', theme: { colorMode: f.colorMode }, license: { isActive: true }, user: { displayName: user?.displayName } };
      case 'invoke': {
        const p = payload as { functionKey: string; payload: unknown };
        return o.runtime.invokeResolver({ moduleKey: f.moduleKey, functionKey: p.functionKey, payload: p.payload, accountId: f.accountId, extension: f.extension });
      }
      case 'submit': gadgetConfig = payload as GadgetConfig; return true;
      case 'fetchProduct': {
        const p = payload as { restPath: string; fetchRequestInit?: RequestInit };
        const r = await fetch(`${o.emulator.url}${p.restPath}`, { ...(p.fetchRequestInit ?? {}), headers: { 'content-type': 'application/json', 'x-forge-principal': `user:${f.accountId}` } });
        return { status: r.status, body: await r.text(), headers: Object.fromEntries(r.headers) };
      }
      default: return null;
    }
  }

  function views(url: URL) {
    const name = url.searchParams.get('as') ?? 'alice';
    const user = users.find((u) => u.name === name) ?? users[0]!;
    const theme = url.searchParams.get('theme') === 'dark' ? 'dark' : 'light';
    const q = `as=${encodeURIComponent(user.name)}&theme=${theme}`;
    const wrap = (title: string, html: string) => page(title, html, { theme, user: user.name, users, path: url.pathname });
    return { user, theme, q, wrap };
  }

  return createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const path = url.pathname;
      try {
        if (path === '/__forge/bridge.js') return send(res, 200, readFileSync(join(BRIDGE_DIR, 'bridge.js'), 'utf8'), TYPES['.js']);
        if (path === '/__forge/tokens.css') return send(res, 200, readFileSync(join(BRIDGE_DIR, 'tokens.css'), 'utf8'), TYPES['.css']);
        if (path === '/__host/host.css') return send(res, 200, HOST_CSS, TYPES['.css']);
        if (path === '/__host/host.js') return send(res, 200, HOST_JS, TYPES['.js']);
        if (path.startsWith('/__forge/bridge/') && req.method === 'POST') {
          try { return json(res, 200, { result: await bridge(decodeURIComponent(path.slice(16)), url.searchParams.get('frame') ?? '', await body(req)) }); } catch (e) { return json(res, 200, { error: (e as Error).message }); }
        }
        if (path.startsWith('/__forge/resource/main/')) {
          const file = normalize(join(o.resourceDir, path.slice('/__forge/resource/main/'.length)));
          if (!file.startsWith(o.resourceDir) || !existsSync(file)) return send(res, 404, 'Not found', 'text/plain');
          let content: string | Buffer = readFileSync(file);
          if (file.endsWith('index.html')) content = content.toString('utf8').replace('<script src="main.js"></script>', `<script src="/__forge/bridge.js?frame=${encodeURIComponent(url.searchParams.get('frame') ?? '')}"></script><script src="main.js"></script>`);
          return send(res, 200, content as string, TYPES[extname(file)] ?? 'application/octet-stream', { 'content-security-policy': FORGE_CSP });
        }
        const v = views(url);
        if (path === '/') {
          const projects = [...o.emulator.store.projects.values()].filter((p) => o.emulator.store.can({ kind: 'user', accountId: v.user.accountId }, p.key, 'browse'));
          const list = projects.map((p) => { const first = [...o.emulator.store.issues.values()].find((i) => i.projectKey === p.key); return `<li><strong>${esc(p.name)}</strong> (${esc(p.key)}) — <a href="/browse/${esc(first?.key)}?${v.q}">open ${esc(first?.key)}</a> · <a href="/issues?jql=${encodeURIComponent(`project = ${p.key} ORDER BY key ASC`)}&${v.q}">all issues</a></li>`; }).join('');
          return send(res, 200, v.wrap('Home', `<h1>Ownership Balance — local preview</h1><p>Acting as ${esc(v.user.displayName)}.</p><ul>${list}</ul><p><a href="/dashboard?${v.q}">Dashboard with the gadget</a> · <a href="/dashboard?edit=1&${v.q}">edit the gadget</a> · <a href="/create?${v.q}">create an issue</a> · <a href="/admin?${v.q}">admin page</a></p>`));
        }
        if (path.startsWith('/browse/')) {
          const key = decodeURIComponent(path.slice(8)).toUpperCase();
          const issue = o.emulator.store.issues.get(key);
          if (req.method === 'POST') {
            const b = (await body(req)) as { summary?: string; description?: string };
            try { o.emulator.updateIssue({ kind: 'user', accountId: v.user.accountId }, key, { fields: { summary: b.summary, description: b.description } }); return json(res, 200, { ok: true }); } catch (e) { return json(res, 200, { error: (e as Error).message }); }
          }
          if (!issue || !o.emulator.store.can({ kind: 'user', accountId: v.user.accountId }, issue.projectKey, 'browse')) return send(res, 404, v.wrap('Not found', `<p>Issue ${esc(key)} does not exist or you do not have permission to see it.</p>`));
          const description = normaliseText(issue.description);
          const frame = newFrame({ moduleKey: panelModule, accountId: v.user.accountId, colorMode: v.theme, extension: { type: 'jira:issuePanel', issue: { key: issue.key, id: issue.id, type: issue.type }, project: { key: issue.projectKey, id: o.emulator.store.projects.get(issue.projectKey)!.id } } });
          return send(res, 200, v.wrap(issue.key, `<p><a href="/?${v.q}">Projects</a> / ${esc(issue.projectKey)} / ${esc(issue.key)}</p><div class="issue"><div>
<h1 id="summary-text">${esc(issue.summary)}</h1><dl class="fields"><dt>Type</dt><dd>${esc(issue.type)}</dd><dt>Parent</dt><dd>${issue.parent ? `<a href="/browse/${esc(issue.parent)}?${v.q}">${esc(issue.parent)}</a>` : 'None'}</dd><dt>Story points</dt><dd>${esc(issue.storyPoints ?? '—')}</dd><dt>Labels</dt><dd>${esc(issue.labels.join(', ') || 'None')}</dd></dl>
<h2>Description</h2><div class="desc" id="description-text">${esc(description)}</div>
<h2>Edit</h2><form id="edit-issue" class="stack" action="/browse/${esc(issue.key)}?${v.q}" data-issue="${esc(issue.id)}"><label>Summary <input name="summary" value="${esc(issue.summary)}"></label><label>Description <textarea name="description" rows="4">${esc(description)}</textarea></label><button type="submit">Save</button><span id="edit-status" role="status"></span></form>
</div><aside><h2>Ownership balance</h2>${frame}</aside></div>`));
        }
        if (path === '/dashboard') {
          const edit = url.searchParams.get('edit') === '1';
          const frame = newFrame({ moduleKey: gadgetModule, accountId: v.user.accountId, colorMode: v.theme, extension: { type: 'jira:dashboardGadget', gadgetConfiguration: gadgetConfig, dashboard: { id: '10000' }, gadget: { id: '1' }, ...(edit ? { entryPoint: 'edit' } : {}) } });
          return send(res, 200, v.wrap('Dashboard', `<h1>Dashboard</h1><p>${edit ? 'Editing the gadget.' : `<a href="/dashboard?edit=1&${v.q}">Edit gadget</a>`}</p>${frame}`));
        }
        if (path === '/admin') {
          const frame = newFrame({ moduleKey: 'ownership-admin', accountId: v.user.accountId, colorMode: v.theme, extension: { type: 'jira:adminPage' } });
          return send(res, 200, v.wrap('Jira settings', `<h1>Jira settings · Apps · Ownership Balance</h1>${frame}`));
        }
        if (path === '/issues') {
          const jql = url.searchParams.get('jql') ?? '';
          const r = await fetch(`${o.emulator.url}/rest/api/3/search/jql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forge-principal': `user:${v.user.accountId}` }, body: JSON.stringify({ jql, fields: ['summary', 'issuetype'], maxResults: 100 }) });
          const data = (await r.json()) as { issues?: Array<{ key: string; fields: { summary: string; issuetype: { name: string } } }>; errorMessages?: string[] };
          const rows = (data.issues ?? []).map((i) => `<tr><td><a href="/browse/${esc(i.key)}?${v.q}">${esc(i.key)}</a></td><td>${esc(i.fields.issuetype.name)}</td><td>${esc(i.fields.summary)}</td></tr>`).join('');
          return send(res, 200, v.wrap('Search', `<h1>Search</h1><p><code>${esc(jql)}</code></p>${data.errorMessages ? `<p role="alert">${esc(data.errorMessages.join(' '))}</p>` : `<table><tbody>${rows}</tbody></table>`}`));
        }
        if (path === '/create') {
          if (req.method === 'POST') {
            const b = (await body(req)) as Record<string, string>;
            const r = await fetch(`${o.emulator.url}/rest/api/3/issue`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forge-principal': `user:${v.user.accountId}` }, body: JSON.stringify({ fields: { project: { key: b.project }, issuetype: { name: b.type }, summary: b.summary, description: b.description || null, ...(b.parent ? { parent: { key: b.parent } } : {}) } }) });
            const created = (await r.json()) as { key?: string; errorMessages?: string[] };
            if (!created.key) return send(res, 400, v.wrap('Create', `<p role="alert">${esc(created.errorMessages?.join(' ') ?? 'Could not create the issue.')}</p><p><a href="/create?${v.q}">Back</a></p>`));
            res.writeHead(303, { location: `/browse/${created.key}?${v.q}` });
            return res.end();
          }
          const projects = [...o.emulator.store.projects.values()].map((p) => `<option value="${esc(p.key)}">${esc(p.name)}</option>`).join('');
          return send(res, 200, v.wrap('Create', `<h1>Create issue</h1><form class="stack" method="post" action="/create?${v.q}"><label>Project <select name="project">${projects}</select></label><label>Type <select name="type">${['Story', 'Task', 'Bug', 'Epic', 'Initiative'].map((t) => `<option>${t}</option>`).join('')}</select></label><label>Summary <input name="summary" required></label><label>Description <textarea name="description" rows="5"></textarea></label><label>Parent key <input name="parent"></label><button type="submit">Create</button></form>`));
        }
        send(res, 404, v.wrap('Not found', '<p>No such page.</p>'));
      } catch (e) {
        send(res, 500, `Preview host error: ${esc((e as Error).message)}`, 'text/plain');
      }
    })();
  });
}
