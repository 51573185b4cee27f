/** The Jira Cloud REST v3 endpoints the app uses, answered from the emulator's store with Jira's rights and error shapes. */
import { JqlError, JqlNotEmulated } from './jql-parser';
import { compileJql } from './jql-evaluator';
import { issueJson, SITE, splitList } from './issue-json';
import { ISSUE_TYPES, type EmuIssue, type Principal } from './model';
import { applyUpdateVerbs, checkFields, issueTypeOf } from './field-rules';
import { collaborationRoutes } from './collaboration-routes';
import { isGlobal, rightFor, type Right } from './permission-keys';
import { jiraError, NO_ISSUE, type Handler, type RouteDeps, type RouteResult } from './route-kit';

export { jiraError, type RouteResult } from './route-kit';

const PROPERTY_MAX_BYTES = 32768;

export function buildRoutes(d: RouteDeps): Array<[string, RegExp, Handler]> {
  const { store } = d;
  const visible = (p: Principal, issue: EmuIssue | undefined): issue is EmuIssue => !!issue && store.canSee(p, issue);
  /** Whether the principal holds a right, in one project or (none named) in any. */
  const holds = (p: Principal, right: Right, projectKey: string | null): boolean => {
    if (right === 'admin') return p.kind === 'app' || store.admins.has(p.accountId);
    if (projectKey) return store.can(p, projectKey, right);
    return [...store.projects.keys()].some((k) => store.can(p, k, right));
  };
  const obj = (b: unknown): Record<string, unknown> => (b && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>) : {});

  const search = (p: Principal, jql: string, maxResults: number, token: string | null, fields: string[] | null, properties: string[]): RouteResult => {
    // Enhanced search refuses a query with no restriction, as Jira Cloud does.
    if (!jql.replace(/\border\s+by\b[\s\S]*$/i, '').trim()) return jiraError(400, 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.');
    let compiled;
    try { compiled = compileJql(jql, store, d.entityProperties(), d.now, callerOf(p)); } catch (e) { return jqlFailure(e); }
    const hits = compiled.sort([...store.issues.values()].filter((i) => visible(p, i) && compiled.matches(i)));
    const start = token ? Number(Buffer.from(token, 'base64url').toString('utf8').replace(/^offset:/, '')) : 0;
    if (!Number.isInteger(start) || start < 0) return jiraError(400, 'The nextPageToken is invalid.');
    const idsOnly = fields !== null && fields.every((f) => f === 'id' || f === 'key' || f === '*none');
    const cap = idsOnly ? 5000 : 100;
    const size = Math.max(1, Math.min(maxResults, cap));
    const page = hits.slice(start, start + size);
    const isLast = start + size >= hits.length;
    return { status: 200, body: {
      issues: page.map((i) => { const j = issueJson(store, i, fields ?? ['id'], properties); if (fields === null) { delete j.fields; } return j; }),
      isLast, ...(isLast ? {} : { nextPageToken: Buffer.from(`offset:${start + size}`).toString('base64url') }),
    } };
  };

  const requireEdit = (p: Principal, key: string): EmuIssue | RouteResult => {
    const issue = store.findIssue(key);
    if (!visible(p, issue)) return jiraError(404, NO_ISSUE);
    if (!store.can(p, issue.projectKey, 'edit')) return jiraError(403, 'You do not have permission to edit issues in this project.');
    return issue;
  };

  return [
    ['GET', /^\/rest\/api\/3\/myself$/, ({ principal }) => principal.kind === 'app'
      ? { status: 200, body: { accountId: 'app-ownership-balance', accountType: 'app', displayName: 'Ownership Balance', active: true } }
      : { status: 200, body: { accountId: principal.accountId, accountType: 'atlassian', displayName: store.users.get(principal.accountId)?.displayName, active: true } }],
    ['GET', /^\/rest\/api\/3\/user\/bulk$/, ({ query }) => {
      const ids = query.getAll('accountId');
      if (ids.length === 0) return jiraError(400, 'Specify at least one accountId.');
      const maxResults = Math.min(200, Number(query.get('maxResults') ?? 10));
      const values = ids.slice(0, maxResults).flatMap((id) => {
        const u = store.users.get(id);
        return u ? [{ self: `${SITE}/rest/api/3/user?accountId=${u.accountId}`, accountId: u.accountId, accountType: 'atlassian', displayName: u.displayName, active: true }] : [];
      });
      return { status: 200, body: { maxResults, startAt: 0, total: values.length, isLast: true, values } };
    }],
    ['GET', /^\/rest\/api\/3\/field$/, () => ({ status: 200, body: [
      { id: 'summary', key: 'summary', name: 'Summary', custom: false, orderable: true, navigable: true, searchable: true, clauseNames: ['summary'], schema: { type: 'string', system: 'summary' } },
      { id: 'parent', key: 'parent', name: 'Parent', custom: false, orderable: false, navigable: true, searchable: true, clauseNames: ['parent'], schema: { type: 'issuelink', system: 'parent' } },
      storyPointsFieldJson(store.storyPointsField),
      { id: 'labels', key: 'labels', name: 'Labels', custom: false, orderable: true, navigable: true, searchable: true, clauseNames: ['labels'], schema: { type: 'array', items: 'string', system: 'labels' } },
    ] })],
    ['GET', /^\/rest\/api\/3\/project\/search$/, ({ principal, query }) => {
      const all = [...store.projects.values()].filter((p) => store.can(principal, p.key, 'browse'));
      const startAt = Number(query.get('startAt') ?? 0), maxResults = Math.min(100, Number(query.get('maxResults') ?? 50));
      if (!Number.isInteger(startAt) || !Number.isInteger(maxResults) || startAt < 0 || maxResults < 0) return jiraError(400, 'startAt and maxResults must be whole numbers.');
      const values = all.slice(startAt, startAt + maxResults).map((p) => ({ id: p.id, key: p.key, name: p.name, self: `${SITE}/rest/api/3/project/${p.id}`, projectTypeKey: 'software' }));
      return { status: 200, body: { self: `${SITE}/rest/api/3/project/search`, maxResults, startAt, total: all.length, isLast: startAt + maxResults >= all.length, values } };
    }],
    ['GET', /^\/rest\/api\/3\/project\/([^/]+)$/, ({ principal, params }) => {
      const p = store.projects.get(params[0]!.toUpperCase()) ?? [...store.projects.values()].find((x) => x.id === params[0]);
      if (!p || !store.can(principal, p.key, 'browse')) return jiraError(404, `No project could be found with key '${params[0]}'.`);
      return { status: 200, body: { id: p.id, key: p.key, name: p.name, self: `${SITE}/rest/api/3/project/${p.id}`, projectTypeKey: 'software', simplified: false, style: 'classic', isPrivate: false } };
    }],
    ['GET', /^\/rest\/api\/3\/mypermissions$/, ({ principal, query }) => {
      const wanted = splitList(query.get('permissions') ?? '');
      if (wanted.length === 0) return jiraError(400, 'The permissions parameter is required.');
      let projectKey: string | null = null;
      const issueKey = query.get('issueKey') ?? query.get('issueId');
      if (issueKey) { const i = store.findIssue(issueKey); if (!visible(principal, i)) return jiraError(404, NO_ISSUE); projectKey = i.projectKey; }
      const pk = query.get('projectKey');
      if (pk) { if (!store.can(principal, pk.toUpperCase(), 'browse')) return jiraError(404, `No project could be found with key '${pk}'.`); projectKey = pk.toUpperCase(); }
      const unknown = wanted.filter((w) => rightFor(w) === null);
      if (unknown.length > 0) return jiraError(400, `Unrecognized permission keys: ${unknown.join(', ')}`);
      const has = (perm: string) => holds(principal, rightFor(perm)!, projectKey);
      const permissions: Record<string, unknown> = {};
      for (const w of wanted) permissions[w] = { id: String(10 + wanted.indexOf(w)), key: w, name: w.replace(/_/g, ' ').toLowerCase(), type: isGlobal(w) ? 'GLOBAL' : 'PROJECT', description: w, havePermission: has(w) };
      return { status: 200, body: { permissions } };
    }],
    ['GET', /^\/rest\/api\/3\/search\/jql$/, ({ principal, query }) => search(principal, query.get('jql') ?? '', Number(query.get('maxResults') ?? 50), query.get('nextPageToken'), query.has('fields') ? splitList(query.getAll('fields')) : null, splitList(query.getAll('properties')))],
    ['POST', /^\/rest\/api\/3\/search\/jql$/, ({ principal, body }) => { const b = obj(body); return search(principal, String(b.jql ?? ''), Number(b.maxResults ?? 50), (b.nextPageToken as string) ?? null, b.fields ? splitList(b.fields) : null, splitList(b.properties)); }],
    ['POST', /^\/rest\/api\/3\/search\/approximate-count$/, ({ principal, body }) => {
      const jql = obj(body).jql;
      if (typeof jql !== 'string' || !jql.trim()) return jiraError(400, 'The JQL query is required.');
      try {
        const c = compileJql(jql, store, d.entityProperties(), d.now, callerOf(principal));
        let count = 0;
        for (const i of store.issues.values()) if (visible(principal, i) && c.matches(i)) count++;
        return { status: 200, body: { count } };
      } catch (e) { return jqlFailure(e); }
    }],
    ...collaborationRoutes(d, { visible, holds, obj }),
    ['POST', /^\/rest\/api\/3\/issue\/bulkfetch$/, ({ principal, body }) => {
      const b = obj(body);
      const ids = splitList(b.issueIdsOrKeys);
      if (ids.length === 0 || ids.length > 100) return jiraError(400, 'Provide between 1 and 100 issue ids or keys.');
      const fields = b.fields ? splitList(b.fields) : null;
      // As the spec says: issues not found or not visible are simply left out (issueErrors is for retriable errors).
      const issues: unknown[] = [];
      for (const id of ids) { const i = store.findIssue(id); if (visible(principal, i)) issues.push(issueJson(store, i, fields, splitList(b.properties))); }
      return { status: 200, body: { issues, issueErrors: [] } };
    }],
    ['POST', /^\/rest\/api\/3\/issue\/properties\/multi$/, ({ principal, body }) => {
      if (principal.kind !== 'app' && ![...store.projects.keys()].some((k) => store.can(principal, k, 'edit'))) return jiraError(403, 'You do not have permission to edit issues.');
      const issues = obj(body).issues;
      if (!Array.isArray(issues) || issues.length === 0 || issues.length > 100) return jiraError(400, 'Provide between 1 and 100 issues.');
      const id = d.writes.startPropertyTask(principal, issues);
      d.taskOwners.set(id, principal);
      return { status: 303, headers: { location: `${SITE}/rest/api/3/task/${id}` }, body: null };
    }],
    ['GET', /^\/rest\/api\/3\/task\/([^/]+)$/, ({ principal, params }) => {
      const t = d.tasks.get(params[0]!);
      // A task is visible to whoever submitted it and to Jira admins, not to any user.
      const owner = d.taskOwners.get(params[0]!);
      const mine = !owner || (owner.kind === 'app' ? principal.kind === 'app' : principal.kind === 'user' && principal.accountId === owner.accountId);
      return t && (mine || holds(principal, 'admin', null)) ? { status: 200, body: t } : jiraError(404, 'The task was not found.');
    }],
    ['GET', /^\/rest\/api\/3\/issue\/([^/]+)\/properties$/, ({ principal, params }) => {
      const issue = store.findIssue(params[0]!);
      if (!visible(principal, issue)) return jiraError(404, NO_ISSUE);
      return { status: 200, body: { keys: [...(store.properties.get(issue.key)?.keys() ?? [])].map((key) => ({ key, self: `${SITE}/rest/api/3/issue/${issue.id}/properties/${key}` })) } };
    }],
    ['GET', /^\/rest\/api\/3\/issue\/([^/]+)\/properties\/([^/]+)$/, ({ principal, params }) => {
      const issue = store.findIssue(params[0]!);
      if (!visible(principal, issue)) return jiraError(404, NO_ISSUE);
      const key = decodeURIComponent(params[1]!);
      const props = store.properties.get(issue.key);
      if (!props?.has(key)) return jiraError(404, `The property with key '${key}' does not exist.`);
      return { status: 200, body: { key, value: props.get(key) } };
    }],
    ['PUT', /^\/rest\/api\/3\/issue\/([^/]+)\/properties\/([^/]+)$/, ({ principal, params, body }) => {
      const issue = requireEdit(principal, params[0]!);
      if (!('key' in issue)) return issue;
      const key = decodeURIComponent(params[1]!);
      const size = Buffer.byteLength(JSON.stringify(body ?? null));
      if (body === undefined || body === null || size > PROPERTY_MAX_BYTES) return jiraError(400, size > PROPERTY_MAX_BYTES ? `The property value exceeds the maximum size of ${PROPERTY_MAX_BYTES} bytes.` : 'The property value must not be empty.');
      const props = store.propertiesOf(issue.key);
      const existed = props.has(key);
      props.set(key, body);
      store.countWrite(issue.key, key, principal, body);
      return { status: existed ? 200 : 201, body: existed ? undefined : {} };
    }],
    ['DELETE', /^\/rest\/api\/3\/issue\/([^/]+)\/properties\/([^/]+)$/, ({ principal, params }) => {
      const issue = requireEdit(principal, params[0]!);
      if (!('key' in issue)) return issue;
      const key = decodeURIComponent(params[1]!);
      if (!store.properties.get(issue.key)?.delete(key)) return jiraError(404, `The property with key '${key}' does not exist.`);
      return { status: 204 };
    }],
    ['GET', /^\/rest\/api\/3\/issue\/([^/]+)$/, ({ principal, params, query }) => {
      const issue = store.findIssue(params[0]!);
      if (!visible(principal, issue)) return jiraError(404, NO_ISSUE);
      return { status: 200, body: issueJson(store, issue, query.has('fields') ? splitList(query.getAll('fields')) : null, splitList(query.getAll('properties')), splitList(query.getAll('expand'))) };
    }],
    ['PUT', /^\/rest\/api\/3\/issue\/([^/]+)$/, ({ principal, params, body, query }) => {
      const issue = requireEdit(principal, params[0]!);
      if (!('key' in issue)) return issue;
      const b = obj(body);
      const errors = checkFields(obj(b.fields), obj(b.update), store.storyPointsField, false);
      if (Object.keys(errors).length > 0) return { status: 400, body: { errorMessages: [], errors } };
      const fields = applyUpdateVerbs(obj(b.fields), obj(b.update), issue.labels);
      const type = issueTypeOf(fields.issuetype);
      const error = d.writes.update(principal, issue.key, { fields: type ? { ...fields, issuetype: { name: type } } : fields });
      if (error) return jiraError(400, error);
      return query.get('returnIssue') === 'true' ? { status: 200, body: issueJson(store, issue, null, []) } : { status: 204 };
    }],
    ['DELETE', /^\/rest\/api\/3\/issue\/([^/]+)$/, ({ principal, params, query }) => {
      const issue = requireEdit(principal, params[0]!);
      if (!('key' in issue)) return issue;
      const subtasks = [...store.issues.values()].filter((i) => i.parent === issue.key && ISSUE_TYPES[i.type]?.subtask);
      if (subtasks.length > 0 && query.get('deleteSubtasks') !== 'true') {
        return jiraError(400, `The issue has subtasks. To delete it, you must delete its subtasks too (deleteSubtasks=true).`);
      }
      for (const sub of subtasks) d.writes.remove(sub.key, principal);
      d.writes.remove(issue.key, principal);
      return { status: 204 };
    }],
    ['POST', /^\/rest\/api\/3\/issue$/, ({ principal, body }) => {
      const b = obj(body);
      const errors = checkFields(obj(b.fields), obj(b.update), store.storyPointsField, true);
      if (Object.keys(errors).length > 0) return { status: 400, body: { errorMessages: [], errors } };
      const fields = applyUpdateVerbs(obj(b.fields), obj(b.update), []);
      const result = d.writes.createFromRest(principal, { ...b, fields: { ...fields, issuetype: { name: issueTypeOf(fields.issuetype) } } });
      if ('error' in result) return jiraError(result.status, result.error);
      for (const [k, v] of Object.entries(obj(b.properties ?? {}))) store.propertiesOf(result.key).set(k, v);
      for (const p of Array.isArray(b.properties) ? (b.properties as Array<{ key?: string; value?: unknown }>) : []) {
        if (p.key) store.propertiesOf(result.key).set(p.key, p.value);
      }
      return { status: 201, body: { id: result.id, key: result.key, self: `${SITE}/rest/api/3/issue/${result.id}` } };
    }],
  ];
}

/** The story points field as GET /field describes it, under this site's own custom field id. */
function storyPointsFieldJson(id: string): Record<string, unknown> {
  const customId = Number(id.replace(/^customfield_/, ''));
  return {
    id, key: id, name: 'Story point estimate', custom: true, orderable: true, navigable: true, searchable: true,
    clauseNames: [`cf[${customId}]`, 'Story point estimate'],
    schema: { type: 'number', custom: 'com.pyxis.greenhopper.jira:jsw-story-points', customId },
  };
}

/** A JQL the local Jira does not evaluate answers 501; an invalid one Jira's 400. */
function jqlFailure(e: unknown): RouteResult {
  if (e instanceof JqlNotEmulated) return jiraError(501, e.message);
  if (e instanceof JqlError) return jiraError(400, e.message);
  throw e;
}

/** The account currentUser() names in JQL (the app has none). */
const callerOf = (p: Principal): string | null => (p.kind === 'user' ? p.accountId : null);
