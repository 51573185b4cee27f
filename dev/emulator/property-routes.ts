/**
 * The local Jira's issue-property endpoints: one issue's properties (list, read, write, delete, with
 * Jira's 32 KB limit) and the bulk write as an asynchronous task (POST /issue/properties/multi, then
 * GET /task/{id}), visible to whoever submitted it and to Jira admins.
 */
import { SITE } from './issue-json';
import type { EmuIssue, Principal } from './model';
import type { RouteHelpers } from './collaboration-routes';
import { jiraError, NO_ISSUE, type Handler, type RouteDeps, type RouteResult } from './route-kit';

const PROPERTY_MAX_BYTES = 32768;

export function propertyRoutes(
  d: RouteDeps,
  { visible, holds, obj, requireEdit }: RouteHelpers & {
    requireEdit: (p: Principal, key: string) => EmuIssue | RouteResult;
  },
): Array<[string, RegExp, Handler]> {
  const { store } = d;
  return [
    ['POST', /^\/rest\/api\/3\/issue\/properties\/multi$/, ({ principal, body }) => {
      if (
        principal.kind !== 'app' &&
        ![...store.projects.keys()].some((k) => store.can(principal, k, 'edit'))
      )
        return jiraError(403, 'You do not have permission to edit issues.');
      const issues = obj(body).issues;
      if (!Array.isArray(issues) || issues.length === 0 || issues.length > 100)
        return jiraError(400, 'Provide between 1 and 100 issues.');
      const id = d.writes.startPropertyTask(principal, issues);
      d.taskOwners.set(id, principal);
      return { status: 303, headers: { location: `${SITE}/rest/api/3/task/${id}` }, body: null };
    }],
    ['GET', /^\/rest\/api\/3\/task\/([^/]+)$/, ({ principal, params }) => {
      const t = d.tasks.get(params[0]!);
      // A task is visible to whoever submitted it and to Jira admins, not to any user.
      const owner = d.taskOwners.get(params[0]!);
      const mine =
        !owner ||
        (owner.kind === 'app'
          ? principal.kind === 'app'
          : principal.kind === 'user' && principal.accountId === owner.accountId);
      return t && (mine || holds(principal, 'admin', null))
        ? { status: 200, body: t }
        : jiraError(404, 'The task was not found.');
    }],
    ['GET', /^\/rest\/api\/3\/issue\/([^/]+)\/properties$/, ({ principal, params }) => {
      const issue = store.findIssue(params[0]!);
      if (!visible(principal, issue)) return jiraError(404, NO_ISSUE);
      return {
        status: 200,
        body: {
          keys: [...(store.properties.get(issue.key)?.keys() ?? [])].map((key) => ({
            key,
            self: `${SITE}/rest/api/3/issue/${issue.id}/properties/${key}`,
          })),
        },
      };
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
      if (body === undefined || body === null || size > PROPERTY_MAX_BYTES)
        return jiraError(
          400,
          size > PROPERTY_MAX_BYTES
            ? `The property value exceeds the maximum size of ${PROPERTY_MAX_BYTES} bytes.`
            : 'The property value must not be empty.',
        );
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
      if (!store.properties.get(issue.key)?.delete(key))
        return jiraError(404, `The property with key '${key}' does not exist.`);
      return { status: 204 };
    }],
  ];
}
