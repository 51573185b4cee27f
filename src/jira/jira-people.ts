/** Projects, permissions and people as Jira sees them for an actor. */
import { route } from '@forge/api';
import { z } from 'zod';
import { requestJira, type Actor } from './jira-client';
import {
  PermissionsSchema,
  ProjectPageSchema,
  ProjectSchema,
} from './jira-schemas';

export const getProject = (actor: Actor, key: string) =>
  requestJira(route`/rest/api/3/project/${key}`, { as: actor, schema: ProjectSchema });

/** One page of the projects the actor may browse, from `startAt`. */
export function listProjectsPage(actor: Actor, startAt: number) {
  return requestJira(route`/rest/api/3/project/search?maxResults=${'50'}&startAt=${String(startAt)}`, {
    as: actor,
    schema: ProjectPageSchema,
  });
}

/** Every project the actor may browse, page by page (GET /project/search pages with startAt and isLast). */
export async function listProjects(actor: Actor) {
  const out: Array<z.infer<typeof ProjectPageSchema>['values'][number]> = [];
  for (let startAt = 0; ; ) {
    const page = await requestJira(
      route`/rest/api/3/project/search?maxResults=${'100'}&startAt=${String(startAt)}`,
      { as: actor, schema: ProjectPageSchema },
    );
    out.push(...page.values);
    if (page.isLast !== false || page.values.length === 0) return out;
    startAt += page.values.length;
  }
}

export async function canEditIssue(actor: Actor, key: string): Promise<boolean> {
  const r = await requestJira(route`/rest/api/3/mypermissions?permissions=${'EDIT_ISSUES'}&issueKey=${key}`, {
    as: actor,
    schema: PermissionsSchema,
  });
  return r.permissions.EDIT_ISSUES?.havePermission === true;
}

/** Whether the actor holds Edit issues in the project (what writing its issues' properties needs). */
export async function canEditProject(actor: Actor, projectKey: string): Promise<boolean> {
  const r = await requestJira(
    route`/rest/api/3/mypermissions?permissions=${'EDIT_ISSUES'}&projectKey=${projectKey}`,
    { as: actor, schema: PermissionsSchema },
  );
  return r.permissions.EDIT_ISSUES?.havePermission === true;
}

const UserPageSchema = z.object({
  values: z.array(z.object({ accountId: z.string(), displayName: z.string().optional() })),
});

/**
 * Display names by account id, looked up as `actor` (GET /user/bulk, 50 ids a call); unknown ids are left
 * out.
 */
export async function displayNames(actor: Actor, accountIds: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const ids = [...new Set(accountIds)];
  for (let i = 0; i < ids.length; i += 50) {
    const params = new URLSearchParams([
      ['maxResults', '50'],
      ...ids.slice(i, i + 50).map((id) => ['accountId', id] as [string, string]),
    ]);
    const page = await requestJira(route`/rest/api/3/user/bulk?${params}`, {
      as: actor,
      schema: UserPageSchema,
    });
    for (const u of page.values) if (u.displayName) names.set(u.accountId, u.displayName);
  }
  return names;
}

const FoundUsersSchema = z.array(
  z.object({ accountId: z.string(), displayName: z.string().optional(), accountType: z.string().optional() }),
);

/**
 * People whose name matches `query` (GET /user/search, "Browse users and groups" permission), at most 20, app
 * users left out.
 */
export async function findUsers(
  actor: Actor,
  query: string,
): Promise<Array<{ accountId: string; displayName: string }>> {
  const found = await requestJira(route`/rest/api/3/user/search?query=${query}&maxResults=${'20'}`, {
    as: actor,
    schema: FoundUsersSchema,
  });
  return found
    .filter((u) => u.accountType !== 'app')
    .map((u) => ({ accountId: u.accountId, displayName: u.displayName ?? u.accountId }));
}

export async function isJiraAdmin(actor: Actor): Promise<boolean> {
  const r = await requestJira(route`/rest/api/3/mypermissions?permissions=${'ADMINISTER'}`, {
    as: actor,
    schema: PermissionsSchema,
  });
  return r.permissions.ADMINISTER?.havePermission === true;
}
