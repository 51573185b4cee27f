/**
 * What every route of the local Jira shares: its context and result, Jira's error shape, its dependencies.
 */
import type { EntityPropertyIndex } from './jql-evaluator';
import { SITE } from './issue-json';
import type { IssueWrites } from './issue-writes';
import type { EmulatorStore, EmuProject, Principal } from './model';

export interface RouteContext {
  principal: Principal;
  params: string[];
  query: URLSearchParams;
  body: unknown;
}
export interface RouteResult { status: number; body?: unknown; headers?: Record<string, string> }
export type Handler = (ctx: RouteContext) => RouteResult | Promise<RouteResult>;

export const jiraError = (status: number, ...messages: string[]): RouteResult => ({
  status,
  body: { errorMessages: messages, errors: {} },
});
export const NO_ISSUE = 'Issue does not exist or you do not have permission to see it.';

/** The project named by key or id, when the principal may browse it; else Jira's 404. */
export function browsableProject(
  store: EmulatorStore,
  principal: Principal,
  keyOrId: string,
): EmuProject | RouteResult {
  const p =
    store.projects.get(keyOrId.toUpperCase()) ?? [...store.projects.values()].find((x) => x.id === keyOrId);
  if (!p || !store.can(principal, p.key, 'browse'))
    return jiraError(404, `No project could be found with key '${keyOrId}'.`);
  return p;
}

export interface Comment { id: string; author: string | null; body: unknown; at: string }
export interface RouteDeps {
  store: EmulatorStore; writes: IssueWrites; entityProperties: () => EntityPropertyIndex[]; now: () => Date;
  tasks: Map<string, Record<string, unknown>>;
  /** Who submitted each task (only they, and Jira admins, may read it). */
  taskOwners: Map<string, Principal>;
  comments: Map<string, Comment[]>;
}

export function commentJson(issueId: string, c: Comment): Record<string, unknown> {
  return {
    self: `${SITE}/rest/api/3/issue/${issueId}/comment/${c.id}`,
    id: c.id,
    body: c.body,
    created: c.at.replace('Z', '+0000'),
    updated: c.at.replace('Z', '+0000'),
    ...(c.author ? { author: { accountId: c.author, active: true } } : {}),
    jsdPublic: true,
  };
}
