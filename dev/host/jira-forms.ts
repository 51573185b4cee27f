/** The preview's create-issue form and JQL search page (every value from Jira through esc()). */
import { esc, viewerQuery, type Viewer } from './html';
import type { PageDeps } from './jira-pages';

export function createPage(d: PageDeps, v: Viewer, error?: string): string {
  const me = { kind: 'user' as const, accountId: v.accountId };
  const projects = [...d.emulator.store.projects.values()]
    .filter((p) => d.emulator.store.can(me, p.key, 'browse'))
    .map((p) => `<option value="${esc(p.key)}">${esc(p.name)}</option>`)
    .join('');
  const types = ['Story', 'Task', 'Bug', 'Epic'].map((t) => `<option>${t}</option>`).join('');
  return [
    `<h1>Create issue</h1>${error ? `<p role="alert">${esc(error)}</p>` : ''}`,
    `<form class="stack" method="post" action="/create?${viewerQuery(v)}">`,
    `<label>Project <select name="project">${projects}</select></label>`,
    `<label>Issue type <select name="type">${types}</select></label>`,
    '<label>Summary <input name="summary" required maxlength="255"></label>',
    '<label>Description <textarea name="description" rows="5"></textarea></label>',
    '<label>Parent key (optional) <input name="parent"></label><button type="submit">Create</button></form>',
  ].join('');
}

export function searchPage(
  v: Viewer,
  jql: string,
  result: {
    issues?: Array<{ key: string; fields: { summary?: string; issuetype?: { name?: string } } }>;
    errorMessages?: string[];
  },
): string {
  const q = viewerQuery(v);
  const rows = (result.issues ?? [])
    .map((i) => {
      const key = `<a href="/browse/${esc(i.key)}?${q}">${esc(i.key)}</a>`;
      const cells = [key, esc(i.fields.issuetype?.name), esc(i.fields.summary)];
      return `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
    })
    .join('');
  const body = result.errorMessages?.length
    ? `<p role="alert">${esc(result.errorMessages.join(' '))}</p>`
    : `<table><thead><tr><th>Key</th><th>Type</th><th>Summary</th></tr></thead>` +
      `<tbody>${rows}</tbody></table>`;
  return `<h1>Search</h1><p><code>${esc(jql)}</code></p>${body}`;
}
