/**
 * The local Jira's collaboration endpoints: the workflow (transitions, project statuses), users,
 * comments, and the permission check for another user — as Jira answers them, within the spec.
 */
import { SITE, splitList } from './issue-json';
import type { EmuIssue, Principal } from './model';
import { rightFor, type Right } from './permission-keys';
import {
  browsableProject, commentJson, jiraError, NO_ISSUE, type Handler, type RouteDeps,
} from './route-kit';
import { STATUSES, TRANSITIONS, statusJson, transitionJson } from './workflow';

export interface RouteHelpers {
  visible: (p: Principal, issue: EmuIssue | undefined) => issue is EmuIssue;
  holds: (p: Principal, right: Right, projectKey: string | null) => boolean;
  obj: (b: unknown) => Record<string, unknown>;
}

export function collaborationRoutes(
  d: RouteDeps,
  { visible, holds, obj }: RouteHelpers,
): Array<[string, RegExp, Handler]> {
  const { store } = d;
  return [
    [
      'GET',
      /^\/rest\/api\/3\/issue\/([^/]+)\/transitions$/,
      ({ principal, params }) => {
        const issue = store.findIssue(params[0]!);
        if (!visible(principal, issue)) return jiraError(404, NO_ISSUE);
        const transitions = TRANSITIONS.filter((t) => t.to.name !== issue.status)
          .map((t) => transitionJson(SITE, t));
        return { status: 200, body: { transitions } };
      },
    ],
    [
      'POST',
      /^\/rest\/api\/3\/issue\/([^/]+)\/transitions$/,
      ({ principal, params, body }) => {
        const found = store.findIssue(params[0]!);
        if (!visible(principal, found)) return jiraError(404, NO_ISSUE);
        // The spec documents no 403 here: Jira answers a missing Transition issues permission with 400.
        if (!store.can(principal, found.projectKey, 'edit'))
          return jiraError(400, 'You do not have permission to transition this issue.');
        const issue = found;
        const id = String(obj(obj(body).transition).id ?? '');
        const t = TRANSITIONS.find((x) => x.id === id);
        if (!t || t.to.name === issue.status)
          return {
            status: 400,
            body: { errorMessages: [`Transition id '${id}' is not valid for this issue.`], errors: {} },
          };
        d.writes.transition(principal, issue.key, t.to.name);
        return { status: 204 };
      },
    ],
    [
      'GET',
      /^\/rest\/api\/3\/project\/([^/]+)\/statuses$/,
      ({ principal, params }) => {
        const p = browsableProject(store, principal, params[0]!);
        if (!('key' in p)) return p;
        const types = ['Epic', 'Story', 'Task', 'Bug', 'Subtask'];
        return {
          status: 200,
          body: types.map((name, i) => ({
            id: String(10000 + i),
            name,
            self: `${SITE}/rest/api/3/issuetype/${10000 + i}`,
            subtask: name === 'Subtask',
            statuses: STATUSES.map((st) => statusJson(SITE, st)),
          })),
        };
      },
    ],
    // findUsers: people whose display name (or account id) contains the query, one page (Jira matches on name
    // prefixes too).
    [
      'GET',
      /^\/rest\/api\/3\/user\/search$/,
      ({ query }) => {
        const q = (query.get('query') ?? query.get('accountId') ?? '').toLowerCase();
        if (!q) return jiraError(400, "One of 'query' or 'accountId' query parameters must be provided.");
        const startAt = Number(query.get('startAt') ?? 0);
        const max = Math.min(Number(query.get('maxResults') ?? 50), 1000);
        const hits = [...store.users.values()].filter(
          (u) => u.displayName.toLowerCase().includes(q) || u.accountId.toLowerCase() === q,
        );
        return {
          status: 200,
          body: hits
            .slice(startAt, startAt + max)
            .map((u) => ({
              self: `${SITE}/rest/api/3/user?accountId=${u.accountId}`,
              accountId: u.accountId,
              accountType: 'atlassian',
              displayName: u.displayName,
              active: true,
            })),
        };
      },
    ],
    [
      'GET',
      /^\/rest\/api\/3\/user$/,
      ({ query }) => {
        const u = store.users.get(query.get('accountId') ?? '');
        if (!u)
          return jiraError(404, `The user with account ID '${query.get('accountId') ?? ''}' does not exist.`);
        return {
          status: 200,
          body: {
            self: `${SITE}/rest/api/3/user?accountId=${u.accountId}`,
            accountId: u.accountId,
            accountType: 'atlassian',
            displayName: u.displayName,
            active: true,
            timeZone: 'UTC',
            locale: 'en_US',
          },
        };
      },
    ],
    [
      'POST',
      /^\/rest\/api\/3\/permissions\/check$/,
      ({ principal, body }) => {
        const b = obj(body);
        const who: Principal =
          typeof b.accountId === 'string' ? { kind: 'user', accountId: b.accountId } : principal;
        if (typeof b.accountId === 'string' && !store.users.has(b.accountId))
          return jiraError(400, `The user with account ID '${b.accountId}' does not exist.`);
        const asked = Array.isArray(b.projectPermissions)
          ? (b.projectPermissions as Array<Record<string, unknown>>)
          : [];
        const keys = [...asked.flatMap((p) => splitList(p.permissions)), ...splitList(b.globalPermissions)];
        const unknown = keys.filter((k) => rightFor(k) === null);
        if (unknown.length > 0) return jiraError(400, `Unrecognized permission keys: ${unknown.join(', ')}`);
        const projectPermissions = asked.flatMap((p) =>
          splitList(p.permissions).map((permission) => {
            const right = rightFor(permission)!;
            const projects = (Array.isArray(p.projects) ? p.projects : []).map(Number).filter((id) => {
              const proj = [...store.projects.values()].find((x) => Number(x.id) === id);
              return proj && holds(who, right, proj.key);
            });
            const issues = (Array.isArray(p.issues) ? p.issues : []).map(Number).filter((id) => {
              const issue = store.findIssue(String(id));
              return !!issue && store.canSee(who, issue) && holds(who, right, issue.projectKey);
            });
            return { permission, projects, issues };
          }),
        );
        const globalPermissions = splitList(b.globalPermissions).filter((k) =>
          holds(who, rightFor(k)!, null),
        );
        return { status: 200, body: { projectPermissions, globalPermissions } };
      },
    ],
    [
      'GET',
      /^\/rest\/api\/3\/issue\/([^/]+)\/comment$/,
      ({ principal, params }) => {
        const issue = store.findIssue(params[0]!);
        if (!visible(principal, issue)) return jiraError(404, NO_ISSUE);
        const comments = (d.comments.get(issue.key) ?? []).map((c) => commentJson(issue.id, c));
        return {
          status: 200,
          body: { startAt: 0, maxResults: comments.length, total: comments.length, comments },
        };
      },
    ],
    [
      'POST',
      /^\/rest\/api\/3\/issue\/([^/]+)\/comment$/,
      ({ principal, params, body }) => {
        const issue = store.findIssue(params[0]!);
        if (!visible(principal, issue)) return jiraError(404, NO_ISSUE);
        // The spec documents no 403 here: a missing Add comments permission is Jira's 400.
        if (!holds(principal, 'edit', issue.projectKey))
          return jiraError(400, 'You do not have the permission to comment on this issue.');
        const adf = obj(body).body;
        if (!adf || typeof adf !== 'object' || (adf as { type?: unknown }).type !== 'doc')
          return {
            status: 400,
            body: { errorMessages: [], errors: { comment: 'Comment body must be an Atlassian Document.' } },
          };
        const list = d.comments.get(issue.key) ?? [];
        const c = {
          id: String(20000 + [...d.comments.values()].reduce((n, l) => n + l.length, 0)),
          author: principal.kind === 'user' ? principal.accountId : null,
          body: adf,
          at: d.now().toISOString(),
        };
        d.comments.set(issue.key, [...list, c]);
        return { status: 201, body: commentJson(issue.id, c) };
      },
    ],
  ];
}
