/**
 * The local Jira's search endpoints: enhanced JQL search (GET and POST, nextPageToken pages, Jira's
 * caps), the approximate count, and the bulk fetch of issues by id or key — each limited to what the
 * caller may see.
 */
import type { RouteHelpers } from './collaboration-routes';
import { compileJql } from './jql-evaluator';
import { JqlError, JqlNotEmulated } from './jql-parser';
import { issueJson, splitList } from './issue-json';
import type { Principal } from './model';
import { jiraError, type Handler, type RouteDeps, type RouteResult } from './route-kit';

export function searchRoutes(
  d: RouteDeps,
  { visible, obj }: RouteHelpers,
): Array<[string, RegExp, Handler]> {
  const { store } = d;
  const search = (
    p: Principal,
    jql: string,
    maxResults: number,
    token: string | null,
    fields: string[] | null,
    properties: string[],
  ): RouteResult => {
    // Enhanced search refuses a query with no restriction, as Jira Cloud does.
    if (!jql.replace(/\border\s+by\b[\s\S]*$/i, '').trim())
      return jiraError(
        400,
        'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
      );
    let compiled;
    try {
      compiled = compileJql(jql, store, d.entityProperties(), d.now, callerOf(p));
    } catch (e) {
      return jqlFailure(e);
    }
    const hits = compiled.sort(
      [...store.issues.values()].filter((i) => visible(p, i) && compiled.matches(i)),
    );
    const start = token
      ? Number(
          Buffer.from(token, 'base64url')
            .toString('utf8')
            .replace(/^offset:/, ''),
        )
      : 0;
    if (!Number.isInteger(start) || start < 0) return jiraError(400, 'The nextPageToken is invalid.');
    const idsOnly = fields !== null && fields.every((f) => f === 'id' || f === 'key' || f === '*none');
    const cap = idsOnly ? 5000 : 100;
    const size = Math.max(1, Math.min(maxResults, cap));
    const page = hits.slice(start, start + size);
    const isLast = start + size >= hits.length;
    return {
      status: 200,
      body: {
        issues: page.map((i) => {
          const j = issueJson(store, i, fields ?? ['id'], properties);
          if (fields === null) {
            delete j.fields;
          }
          return j;
        }),
        isLast,
        ...(isLast ? {} : { nextPageToken: Buffer.from(`offset:${start + size}`).toString('base64url') }),
      },
    };
  };

  return [
    [
      'GET',
      /^\/rest\/api\/3\/search\/jql$/,
      ({ principal, query }) =>
        search(
          principal,
          query.get('jql') ?? '',
          Number(query.get('maxResults') ?? 50),
          query.get('nextPageToken'),
          query.has('fields') ? splitList(query.getAll('fields')) : null,
          splitList(query.getAll('properties')),
        ),
    ],
    [
      'POST',
      /^\/rest\/api\/3\/search\/jql$/,
      ({ principal, body }) => {
        const b = obj(body);
        return search(
          principal,
          String(b.jql ?? ''),
          Number(b.maxResults ?? 50),
          (b.nextPageToken as string) ?? null,
          b.fields ? splitList(b.fields) : null,
          splitList(b.properties),
        );
      },
    ],
    [
      'POST',
      /^\/rest\/api\/3\/search\/approximate-count$/,
      ({ principal, body }) => {
        const jql = obj(body).jql;
        if (typeof jql !== 'string' || !jql.trim()) return jiraError(400, 'The JQL query is required.');
        try {
          const c = compileJql(jql, store, d.entityProperties(), d.now, callerOf(principal));
          let count = 0;
          for (const i of store.issues.values()) if (visible(principal, i) && c.matches(i)) count++;
          return { status: 200, body: { count } };
        } catch (e) {
          return jqlFailure(e);
        }
      },
    ],
    [
      'POST',
      /^\/rest\/api\/3\/issue\/bulkfetch$/,
      ({ principal, body }) => {
        const b = obj(body);
        const ids = splitList(b.issueIdsOrKeys);
        if (ids.length === 0 || ids.length > 100)
          return jiraError(400, 'Provide between 1 and 100 issue ids or keys.');
        const fields = b.fields ? splitList(b.fields) : null;
        // As the spec says: issues not found or not visible are simply left out (issueErrors is for retriable
        // errors).
        const issues: unknown[] = [];
        for (const id of ids) {
          const i = store.findIssue(id);
          if (visible(principal, i)) issues.push(issueJson(store, i, fields, splitList(b.properties)));
        }
        return { status: 200, body: { issues, issueErrors: [] } };
      },
    ],
  ];
}

/** A JQL the local Jira does not evaluate answers 501; an invalid one Jira's 400. */
function jqlFailure(e: unknown): RouteResult {
  if (e instanceof JqlNotEmulated) return jiraError(501, e.message);
  if (e instanceof JqlError) return jiraError(400, e.message);
  throw e;
}

/** The account currentUser() names in JQL (the app has none). */
const callerOf = (p: Principal): string | null => (p.kind === 'user' ? p.accountId : null);
