/**
 * The preview's Jira-like pages. Every value from Jira goes through esc(); the app's modules are
 * iframes opened through the frame registry with the extension context Jira would give them.
 */
import type { JiraEmulator } from '../emulator';
import type { ManifestModule } from '../runtime';
import type { DashboardStore } from './dashboard-store';
import type { FrameRegistry } from './frame-registry';
import { adfToText, esc, viewerQuery, type Viewer } from './html';

export interface AppModules {
  panel?: ManifestModule;
  gadget?: ManifestModule;
  admin?: ManifestModule;
  report?: ManifestModule;
}
export interface PageDeps {
  emulator: JiraEmulator;
  frames: FrameRegistry;
  dashboards: DashboardStore;
  modules: AppModules;
}

const missing = (what: string) =>
  `<p role="alert">The app's manifest.yml declares no ${esc(what)} module, ` +
  'so there is nothing to show here.</p>';

export function homePage(d: PageDeps, v: Viewer): string {
  const q = viewerQuery(v);
  const me = { kind: 'user' as const, accountId: v.accountId };
  const issues = [...d.emulator.store.issues.values()];
  const rows = [...d.emulator.store.projects.values()]
    .filter((p) => d.emulator.store.can(me, p.key, 'browse'))
    .map((p) => {
      const own = issues.filter((i) => i.projectKey === p.key);
      const first = own[0];
      const jql = encodeURIComponent(`project = ${p.key} ORDER BY key ASC`);
      const rights = d.emulator.store.can(me, p.key, 'edit') ? '' : ' · you may browse, not edit';
      const open = first ? `<a href="/browse/${esc(first.key)}?${q}">open ${esc(first.key)}</a> · ` : '';
      return [
        `<li><strong>${esc(p.name)}</strong> (${esc(p.key)}) · ${own.length} issues${rights} — `,
        `${open}<a href="/issues?jql=${jql}&${q}">all issues</a></li>`,
      ].join('');
    })
    .join('');
  return [
    `<h1>Projects</h1><p>Acting as ${esc(v.displayName)}.</p>`,
    `<ul class="projects">${rows || '<li>No project you may browse.</li>'}</ul>\n`,
    '<h2>The app</h2><ul>',
    `<li><a href="/dashboard?${q}">Dashboard with the gadget</a> `,
    `(<a href="/dashboard?edit=1&${q}">edit the gadget</a>)</li>`,
    `<li><a href="/create?${q}">Create an issue</a> (fires the app's trigger)</li>`,
    `<li><a href="/admin?${q}">Admin page</a></li></ul>`,
  ].join('');
}

export function issuePage(d: PageDeps, v: Viewer, key: string): string | null {
  const store = d.emulator.store;
  const issue = store.issues.get(key);
  if (!issue || !store.can({ kind: 'user', accountId: v.accountId }, issue.projectKey, 'browse')) return null;
  const q = viewerQuery(v);
  const project = store.projects.get(issue.projectKey)!;
  const description = adfToText(issue.description).trimEnd();
  const canEdit = store.can({ kind: 'user', accountId: v.accountId }, issue.projectKey, 'edit');
  const panel = d.modules.panel;
  const frame = panel
    ? d.frames.iframe(
        {
          moduleKey: panel.key,
          moduleType: panel.type,
          resourceKey: panel.resource ?? 'main',
          accountId: v.accountId,
          colorMode: v.theme,
          extension: {
            type: panel.type,
            issue: { key: issue.key, id: issue.id, type: issue.type },
            project: { key: project.key, id: project.id, type: 'software' },
          },
        },
        `${String(panel.title ?? panel.key)} issue panel`,
        'panel-frame',
      )
    : missing('jira:issuePanel');
  const field = (label: string, value: string) => `<dt>${label}</dt><dd>${value}</dd>`;
  const edit = canEdit
    ? [
        '<h2>Edit</h2><form id="edit-issue" class="stack" method="post" ',
        `action="/browse/${esc(issue.key)}?${q}" `,
        `data-issue-id="${esc(issue.id)}" data-project-id="${esc(project.id)}">`,
        `<label>Summary <input name="summary" value="${esc(issue.summary)}" required></label>`,
        `<label>Description <textarea name="description" rows="5">${esc(description)}</textarea></label>`,
        '<button type="submit">Save</button> <span id="edit-status" role="status"></span></form>',
      ].join('')
    : `<p>You may not edit issues in ${esc(project.name)}.</p>`;
  const parentKey = issue.parent ? esc(issue.parent) : null;
  const parent = parentKey ? `<a href="/browse/${parentKey}?${q}">${parentKey}</a>` : 'None';
  const fields = [
    field('Type', esc(issue.type)),
    field('Status', esc(issue.status)),
    field('Parent', parent),
    field('Story points', esc(issue.storyPoints ?? '—')),
    field('Labels', esc(issue.labels.join(', ') || 'None')),
  ].join('');
  return [
    `<p class="crumbs"><a href="/?${q}">Projects</a> / ${esc(project.name)} / ${esc(issue.key)}</p>`,
    '<div class="issue"><section>\n',
    `<h1 id="summary-text">${esc(issue.summary)}</h1><dl class="fields">${fields}</dl>\n`,
    '<h2>Description</h2>',
    `<div class="desc" id="description-text">${esc(description) || '<em>None</em>'}</div>`,
    `${edit}</section><aside><h2>${esc(panel?.title ?? 'Apps')}</h2>${frame}</aside></div>`,
  ].join('');
}

/** Jira's dashboard column widths: three columns (about 400 and 500 px on common screens), one (800 px). */
export const DASHBOARD_WIDTHS = [400, 500, 800] as const;

export function dashboardPage(d: PageDeps, v: Viewer, edit: boolean): string {
  const gadget = d.modules.gadget;
  if (!gadget) return `<h1>Dashboard</h1>${missing('jira:dashboardGadget')}`;
  const gadgetId = '1';
  const extension = {
    type: gadget.type,
    gadget: { id: gadgetId },
    dashboard: { id: '10000' },
    gadgetConfiguration: d.dashboards.get(gadgetId),
    ...(edit ? { entryPoint: 'edit' } : {}),
  };
  const resourceKey = (edit ? gadget.edit?.resource : undefined) ?? gadget.resource ?? 'main';
  const title = `${String(gadget.title ?? gadget.key)} gadget${edit ? ' (edit)' : ''}`;
  const frameAt = () =>
    d.frames.iframe(
      {
        moduleKey: gadget.key,
        moduleType: gadget.type,
        resourceKey,
        accountId: v.accountId,
        colorMode: v.theme,
        gadgetId,
        extension,
      },
      title,
      'gadget-frame',
    );
  const q = viewerQuery(v);
  const action = edit
    ? '<span>Editing the gadget</span>'
    : `<a href="/dashboard?edit=1&${q}">Edit gadget</a>`;
  const header = `<header><h2>${esc(gadget.title ?? gadget.key)}</h2>${action}</header>`;
  if (edit) return `<h1>Dashboard</h1><section class="gadget">${header}${frameAt()}</section>`;
  const columns = DASHBOARD_WIDTHS.map(
    (w) =>
      `<section class="gadget" data-width="${w}">` +
      `<p class="muted">${w === 800 ? 'One-column dashboard' : 'Three-column dashboard'} · ${w} px</p>` +
        `${header}${frameAt()}</section>`,
  );
  return `<h1>Dashboard</h1><div class="dashboard-widths">${columns.join('')}</div>`;
}

/** A project page (jira:projectPage): the app's tab in a project, its context naming the project. */
export function projectPage(d: PageDeps, v: Viewer, key: string): string | null {
  const report = d.modules.report;
  const project = d.emulator.store.projects.get(key);
  if (!project || !d.emulator.store.can({ kind: 'user', accountId: v.accountId }, key, 'browse')) return null;
  if (!report) return `<h1>${esc(project.name)}</h1>${missing('jira:projectPage')}`;
  const frame = d.frames.iframe(
    {
      moduleKey: report.key,
      moduleType: report.type,
      resourceKey: report.resource ?? 'main',
      accountId: v.accountId,
      colorMode: v.theme,
      extension: { type: report.type, project: { key: project.key, id: project.id, type: 'software' } },
    },
    `${String(report.title ?? report.key)} project page`,
    'page-frame',
  );
  const crumbs = `<p class="crumbs"><a href="/?${viewerQuery(v)}">Projects</a> / ${esc(project.name)}</p>`;
  return `${crumbs}<h1>${esc(project.name)} · ${esc(report.title ?? report.key)}</h1>${frame}`;
}

export function adminPage(d: PageDeps, v: Viewer): string {
  const admin = d.modules.admin;
  if (!admin) return `<h1>Apps</h1>${missing('jira:adminPage')}`;
  const frame = d.frames.iframe(
    {
      moduleKey: admin.key,
      moduleType: admin.type,
      resourceKey: admin.resource ?? 'main',
      accountId: v.accountId,
      colorMode: v.theme,
      extension: { type: admin.type },
    },
    `${String(admin.title ?? admin.key)} admin page`,
    'gadget-frame',
  );
  return `<h1>Jira settings · Apps · ${esc(admin.title ?? admin.key)}</h1>${frame}`;
}
