/**
 * The local Jira's site endpoints: who is calling (myself), users in bulk, the fields (with this site's
 * story points field), projects, and the caller's permissions — as Jira answers them.
 */
import type { RouteHelpers } from './collaboration-routes';
import { SITE, splitList, storyPointsFieldJson } from './issue-json';
import { isGlobal, rightFor } from './permission-keys';
import { browsableProject, jiraError, NO_ISSUE, type Handler, type RouteDeps } from './route-kit';

export function siteRoutes(
  d: RouteDeps,
  { visible, holds }: RouteHelpers,
): Array<[string, RegExp, Handler]> {
  const { store } = d;
  return [
    [
      'GET',
      /^\/rest\/api\/3\/myself$/,
      ({ principal }) =>
        principal.kind === 'app'
          ? {
              status: 200,
              body: {
                accountId: 'app-ownership-balance',
                accountType: 'app',
                displayName: 'Ownership Balance',
                active: true,
              },
            }
          : {
              status: 200,
              body: {
                accountId: principal.accountId,
                accountType: 'atlassian',
                displayName: store.users.get(principal.accountId)?.displayName,
                active: true,
              },
            },
    ],
    [
      'GET',
      /^\/rest\/api\/3\/user\/bulk$/,
      ({ query }) => {
        const ids = query.getAll('accountId');
        if (ids.length === 0) return jiraError(400, 'Specify at least one accountId.');
        const maxResults = Math.min(200, Number(query.get('maxResults') ?? 10));
        const values = ids.slice(0, maxResults).flatMap((id) => {
          const u = store.users.get(id);
          return u
            ? [
                {
                  self: `${SITE}/rest/api/3/user?accountId=${u.accountId}`,
                  accountId: u.accountId,
                  accountType: 'atlassian',
                  displayName: u.displayName,
                  active: true,
                },
              ]
            : [];
        });
        return { status: 200, body: { maxResults, startAt: 0, total: values.length, isLast: true, values } };
      },
    ],
    [
      'GET',
      /^\/rest\/api\/3\/field$/,
      () => ({
        status: 200,
        body: [
          {
            id: 'summary',
            key: 'summary',
            name: 'Summary',
            custom: false,
            orderable: true,
            navigable: true,
            searchable: true,
            clauseNames: ['summary'],
            schema: { type: 'string', system: 'summary' },
          },
          {
            id: 'parent',
            key: 'parent',
            name: 'Parent',
            custom: false,
            orderable: false,
            navigable: true,
            searchable: true,
            clauseNames: ['parent'],
            schema: { type: 'issuelink', system: 'parent' },
          },
          storyPointsFieldJson(store.storyPointsField),
          {
            id: 'labels',
            key: 'labels',
            name: 'Labels',
            custom: false,
            orderable: true,
            navigable: true,
            searchable: true,
            clauseNames: ['labels'],
            schema: { type: 'array', items: 'string', system: 'labels' },
          },
        ],
      }),
    ],
    [
      'GET',
      /^\/rest\/api\/3\/project\/search$/,
      ({ principal, query }) => {
        const all = [...store.projects.values()].filter((p) => store.can(principal, p.key, 'browse'));
        const startAt = Number(query.get('startAt') ?? 0),
          maxResults = Math.min(100, Number(query.get('maxResults') ?? 50));
        if (!Number.isInteger(startAt) || !Number.isInteger(maxResults) || startAt < 0 || maxResults < 0)
          return jiraError(400, 'startAt and maxResults must be whole numbers.');
        const values = all
          .slice(startAt, startAt + maxResults)
          .map((p) => ({
            id: p.id,
            key: p.key,
            name: p.name,
            self: `${SITE}/rest/api/3/project/${p.id}`,
            projectTypeKey: 'software',
          }));
        return {
          status: 200,
          body: {
            self: `${SITE}/rest/api/3/project/search`,
            maxResults,
            startAt,
            total: all.length,
            isLast: startAt + maxResults >= all.length,
            values,
          },
        };
      },
    ],
    [
      'GET',
      /^\/rest\/api\/3\/project\/([^/]+)$/,
      ({ principal, params }) => {
        const p = browsableProject(store, principal, params[0]!);
        if (!('key' in p)) return p;
        return {
          status: 200,
          body: {
            id: p.id,
            key: p.key,
            name: p.name,
            self: `${SITE}/rest/api/3/project/${p.id}`,
            projectTypeKey: 'software',
            simplified: false,
            style: 'classic',
            isPrivate: false,
          },
        };
      },
    ],
    [
      'GET',
      /^\/rest\/api\/3\/mypermissions$/,
      ({ principal, query }) => {
        const wanted = splitList(query.get('permissions') ?? '');
        if (wanted.length === 0) return jiraError(400, 'The permissions parameter is required.');
        let projectKey: string | null = null;
        const issueKey = query.get('issueKey') ?? query.get('issueId');
        if (issueKey) {
          const i = store.findIssue(issueKey);
          if (!visible(principal, i)) return jiraError(404, NO_ISSUE);
          projectKey = i.projectKey;
        }
        const pk = query.get('projectKey');
        if (pk) {
          if (!store.can(principal, pk.toUpperCase(), 'browse'))
            return jiraError(404, `No project could be found with key '${pk}'.`);
          projectKey = pk.toUpperCase();
        }
        const unknown = wanted.filter((w) => rightFor(w) === null);
        if (unknown.length > 0) return jiraError(400, `Unrecognized permission keys: ${unknown.join(', ')}`);
        const has = (perm: string) => holds(principal, rightFor(perm)!, projectKey);
        const permissions: Record<string, unknown> = {};
        for (const w of wanted)
          permissions[w] = {
            id: String(10 + wanted.indexOf(w)),
            key: w,
            name: w.replace(/_/g, ' ').toLowerCase(),
            type: isGlobal(w) ? 'GLOBAL' : 'PROJECT',
            description: w,
            havePermission: has(w),
          };
        return { status: 200, body: { permissions } };
      },
    ],
  ];
}
