/**
 * The Jira Cloud REST v3 endpoints the app uses, answered from the emulator's store with Jira's rights and
 * error shapes: the issue itself (read, edit, delete, create) here, the rest by subject in *-routes.ts.
 */
import { issueJson, SITE, splitList } from './issue-json';
import { ISSUE_TYPES, type EmuIssue, type Principal } from './model';
import { applyUpdateVerbs, checkFields, issueTypeOf } from './field-rules';
import { collaborationRoutes } from './collaboration-routes';
import { searchRoutes } from './search-routes';
import { siteRoutes } from './site-routes';
import { propertyRoutes } from './property-routes';
import type { Right } from './permission-keys';
import { jiraError, NO_ISSUE, type Handler, type RouteDeps, type RouteResult } from './route-kit';

export { jiraError, type RouteResult } from './route-kit';

export function buildRoutes(d: RouteDeps): Array<[string, RegExp, Handler]> {
  const { store } = d;
  const visible = (p: Principal, issue: EmuIssue | undefined): issue is EmuIssue =>
    !!issue && store.canSee(p, issue);
  /** Whether the principal holds a right, in one project or (none named) in any. */
  const holds = (p: Principal, right: Right, projectKey: string | null): boolean => {
    if (right === 'admin') return p.kind === 'app' || store.admins.has(p.accountId);
    if (projectKey) return store.can(p, projectKey, right);
    return [...store.projects.keys()].some((k) => store.can(p, k, right));
  };
  const obj = (b: unknown): Record<string, unknown> =>
    b && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>) : {};


  const requireEdit = (p: Principal, key: string): EmuIssue | RouteResult => {
    const issue = store.findIssue(key);
    if (!visible(p, issue)) return jiraError(404, NO_ISSUE);
    if (!store.can(p, issue.projectKey, 'edit'))
      return jiraError(403, 'You do not have permission to edit issues in this project.');
    return issue;
  };

  return [
    ...siteRoutes(d, { visible, holds, obj }),
    ...searchRoutes(d, { visible, holds, obj }),
    ...collaborationRoutes(d, { visible, holds, obj }),
    ...propertyRoutes(d, { visible, holds, obj, requireEdit }),
    [
      'GET',
      /^\/rest\/api\/3\/issue\/([^/]+)$/,
      ({ principal, params, query }) => {
        const issue = store.findIssue(params[0]!);
        if (!visible(principal, issue)) return jiraError(404, NO_ISSUE);
        return {
          status: 200,
          body: issueJson(
            store,
            issue,
            query.has('fields') ? splitList(query.getAll('fields')) : null,
            splitList(query.getAll('properties')),
            splitList(query.getAll('expand')),
          ),
        };
      },
    ],
    [
      'PUT',
      /^\/rest\/api\/3\/issue\/([^/]+)$/,
      ({ principal, params, body, query }) => {
        const issue = requireEdit(principal, params[0]!);
        if (!('key' in issue)) return issue;
        const b = obj(body);
        const errors = checkFields(obj(b.fields), obj(b.update), store.storyPointsField, false);
        if (Object.keys(errors).length > 0) return { status: 400, body: { errorMessages: [], errors } };
        const fields = applyUpdateVerbs(obj(b.fields), obj(b.update), issue.labels);
        const type = issueTypeOf(fields.issuetype);
        const error = d.writes.update(principal, issue.key, {
          fields: type ? { ...fields, issuetype: { name: type } } : fields,
        });
        if (error) return jiraError(400, error);
        return query.get('returnIssue') === 'true'
          ? { status: 200, body: issueJson(store, issue, null, []) }
          : { status: 204 };
      },
    ],
    [
      'DELETE',
      /^\/rest\/api\/3\/issue\/([^/]+)$/,
      ({ principal, params, query }) => {
        const issue = requireEdit(principal, params[0]!);
        if (!('key' in issue)) return issue;
        const subtasks = [...store.issues.values()].filter(
          (i) => i.parent === issue.key && ISSUE_TYPES[i.type]?.subtask,
        );
        if (subtasks.length > 0 && query.get('deleteSubtasks') !== 'true') {
          return jiraError(
            400,
            `The issue has subtasks. To delete it, you must delete its subtasks too (deleteSubtasks=true).`,
          );
        }
        for (const sub of subtasks) d.writes.remove(sub.key, principal);
        d.writes.remove(issue.key, principal);
        return { status: 204 };
      },
    ],
    [
      'POST',
      /^\/rest\/api\/3\/issue$/,
      ({ principal, body }) => {
        const b = obj(body);
        const errors = checkFields(obj(b.fields), obj(b.update), store.storyPointsField, true);
        if (Object.keys(errors).length > 0) return { status: 400, body: { errorMessages: [], errors } };
        const fields = applyUpdateVerbs(obj(b.fields), obj(b.update), []);
        const result = d.writes.createFromRest(principal, {
          ...b,
          fields: { ...fields, issuetype: { name: issueTypeOf(fields.issuetype) } },
        });
        if ('error' in result) return jiraError(result.status, result.error);
        for (const [k, v] of Object.entries(obj(b.properties ?? {})))
          store.propertiesOf(result.key).set(k, v);
        for (const p of Array.isArray(b.properties)
          ? (b.properties as Array<{ key?: string; value?: unknown }>)
          : []) {
          if (p.key) store.propertiesOf(result.key).set(p.key, p.value);
        }
        return {
          status: 201,
          body: { id: result.id, key: result.key, self: `${SITE}/rest/api/3/issue/${result.id}` },
        };
      },
    ],
  ];
}
