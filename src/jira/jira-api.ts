/** Typed Jira operations the app needs, returning domain-shaped values. */
import { getAppContext, route } from '@forge/api';
import { z } from 'zod';
import { ISSUE_PROPERTY_KEY } from '../contract';
import type { WorkItem } from '../domain';
import { requestJira, type Actor } from './jira-client';
import { JiraError } from './jira-error';
import { CountSchema, FieldListSchema, IssueSchema, PermissionsSchema, ProjectPageSchema, ProjectSchema, PropertySchema, SearchPageSchema, TaskSchema, type JiraIssue } from './jira-schemas';

/**
 * Story points field ids, per installation: Forge reuses a warm module for invocations from several
 * sites, and each site numbers its custom fields itself, so a module-wide value would leak one
 * site's field into another's figures.
 */
const storyPointsFieldBySite = new Map<string, Promise<string | null>>();
const MAX_CACHED_SITES = 50;

function installationKey(): string {
  try { return getAppContext().installationAri.toString(); } catch { return 'outside-an-invocation'; }
}

/** This site's story points field id, found once per installation through /rest/api/3/field. */
export function storyPointsField(actor: Actor = 'app'): Promise<string | null> {
  const site = installationKey();
  const cached = storyPointsFieldBySite.get(site);
  if (cached) return cached;
  if (storyPointsFieldBySite.size >= MAX_CACHED_SITES) storyPointsFieldBySite.delete(storyPointsFieldBySite.keys().next().value!);
  const lookup = requestJira(route`/rest/api/3/field`, { as: actor, schema: FieldListSchema })
    .then((fields) => fields.find((f) => f.schema?.custom === 'com.pyxis.greenhopper.jira:jsw-story-points')?.id
      ?? fields.find((f) => /^story point/i.test(f.name))?.id ?? null)
    .catch((e) => { storyPointsFieldBySite.delete(site); throw e; });
  storyPointsFieldBySite.set(site, lookup);
  return lookup;
}

export const BASE_FIELDS = ['summary', 'description', 'issuetype', 'project', 'labels', 'components', 'parent', 'created', 'updated', 'status', 'assignee', 'reporter'];

export function toWorkItem(issue: JiraIssue, pointsField: string | null): WorkItem {
  const f = issue.fields ?? {};
  const points = pointsField ? (f as Record<string, unknown>)[pointsField] : null;
  return {
    key: issue.key, project: f.project?.key, type: f.issuetype?.name ?? 'Task', summary: f.summary ?? '', description: f.description as WorkItem['description'],
    labels: f.labels ?? [], components: (f.components ?? []).map((c) => c.name ?? '').filter(Boolean), parent: f.parent?.key ?? null,
    storyPoints: typeof points === 'number' ? points : null, created: f.created ?? undefined, status: f.status?.name,
    assignee: f.assignee?.accountId ?? null, reporter: f.reporter?.accountId ?? null, people: { ...(f.assignee ? { [f.assignee.accountId]: f.assignee.displayName ?? f.assignee.accountId } : {}), ...(f.reporter ? { [f.reporter.accountId]: f.reporter.displayName ?? f.reporter.accountId } : {}) },
  };
}

export async function getIssue(actor: Actor, key: string, withProperty = true): Promise<JiraIssue> {
  const points = await storyPointsField(actor);
  const fields = [...BASE_FIELDS, ...(points ? [points] : [])].join(',');
  return withProperty
    ? requestJira(route`/rest/api/3/issue/${key}?fields=${fields}&properties=${ISSUE_PROPERTY_KEY}`, { as: actor, schema: IssueSchema })
    : requestJira(route`/rest/api/3/issue/${key}?fields=${fields}`, { as: actor, schema: IssueSchema });
}

const UpdatedSchema = z.object({ fields: z.object({ updated: z.string().nullish() }).partial().optional() });

/** When the issue was last edited (one light GET): tells a writer whether what it read is still current. */
export async function issueUpdated(actor: Actor, key: string): Promise<string | null> {
  return (await requestJira(route`/rest/api/3/issue/${key}?fields=${'updated'}`, { as: actor, schema: UpdatedSchema })).fields?.updated ?? null;
}

export async function searchJql(actor: Actor, jql: string, opts: { fields?: string[]; properties?: string[]; maxResults?: number; nextPageToken?: string | null } = {}) {
  return requestJira(route`/rest/api/3/search/jql`, {
    as: actor, method: 'POST', schema: SearchPageSchema,
    body: { jql, fields: opts.fields ?? ['id'], properties: opts.properties ?? [], maxResults: opts.maxResults ?? 100, ...(opts.nextPageToken ? { nextPageToken: opts.nextPageToken } : {}) },
  });
}

type SearchOptions = { fields?: string[]; properties?: string[] };

/** Every issue a JQL finds (up to `limit`), following nextPageToken to the last page (100 a page). */
export async function searchAll(actor: Actor, jql: string, opts: SearchOptions = {}, limit = Infinity): Promise<JiraIssue[]> {
  const out: JiraIssue[] = [];
  let token: string | null | undefined;
  do {
    if (out.length >= limit) break;
    const page = await searchJql(actor, jql, { ...opts, maxResults: 100, nextPageToken: token });
    out.push(...page.issues);
    token = page.isLast === false || (page.isLast === undefined && page.nextPageToken) ? page.nextPageToken : null;
  } while (token);
  return out;
}

export async function approximateCount(actor: Actor, jql: string): Promise<number> {
  return (await requestJira(route`/rest/api/3/search/approximate-count`, { as: actor, method: 'POST', body: { jql }, schema: CountSchema })).count;
}

export async function getIssueProperty(actor: Actor, key: string): Promise<unknown | null> {
  try {
    return (await requestJira(route`/rest/api/3/issue/${key}/properties/${ISSUE_PROPERTY_KEY}`, { as: actor, schema: PropertySchema })).value;
  } catch (e) {
    if (e instanceof JiraError && e.code === 'NOT_FOUND') return null;
    throw e;
  }
}

export async function setIssueProperty(actor: Actor, key: string, value: unknown): Promise<void> {
  await requestJira(route`/rest/api/3/issue/${key}/properties/${ISSUE_PROPERTY_KEY}`, { as: actor, method: 'PUT', body: value });
}

/** Sets the property on up to 100 issues in one call and waits for Jira's asynchronous task. */
export async function bulkSetProperties(actor: Actor, entries: Array<{ issueId: number; value: unknown }>): Promise<void> {
  if (entries.length === 0) return;
  if (entries.length > 100) throw new JiraError(400, 'BAD_REQUEST', 'At most 100 issues can be written in one bulk property call.');
  const body = { issues: entries.map((e) => ({ issueID: e.issueId, properties: { [ISSUE_PROPERTY_KEY]: e.value } })) };
  const headers = await requestJira<Headers>(route`/rest/api/3/issue/properties/multi`, { as: actor, method: 'POST', body, okStatuses: [200, 202, 204, 303], headers: true });
  const taskId = /\/task\/([^/?]+)/.exec(headers.get('location') ?? '')?.[1];
  if (taskId) await waitForTask(actor, taskId);
}

export async function waitForTask(actor: Actor, taskId: string, pollMs = 100): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const task = await requestJira(route`/rest/api/3/task/${taskId}`, { as: actor, schema: TaskSchema });
    if (task.status === 'COMPLETE') return;
    if (['FAILED', 'CANCELLED', 'DEAD'].includes(task.status)) throw new JiraError(500, 'UNAVAILABLE', `Jira's bulk property task ${task.status.toLowerCase()}: ${task.message ?? ''}`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
  throw new JiraError(504, 'UNAVAILABLE', "Jira's bulk property task did not finish in time.");
}

export async function updateLabels(actor: Actor, key: string, add: string[], remove: string[]): Promise<void> {
  const labels = [...add.map((l) => ({ add: l })), ...remove.map((l) => ({ remove: l }))];
  if (labels.length === 0) return;
  await requestJira(route`/rest/api/3/issue/${key}`, { as: actor, method: 'PUT', body: { update: { labels } } });
}

export const getProject = (actor: Actor, key: string) => requestJira(route`/rest/api/3/project/${key}`, { as: actor, schema: ProjectSchema });

/** One page of the projects the actor may browse, from `startAt`. */
export function listProjectsPage(actor: Actor, startAt: number) {
  return requestJira(route`/rest/api/3/project/search?maxResults=${'50'}&startAt=${String(startAt)}`, { as: actor, schema: ProjectPageSchema });
}

/** Every project the actor may browse, page by page (GET /project/search pages with startAt and isLast). */
export async function listProjects(actor: Actor) {
  const out: Array<z.infer<typeof ProjectPageSchema>['values'][number]> = [];
  for (let startAt = 0; ; ) {
    const page = await requestJira(route`/rest/api/3/project/search?maxResults=${'100'}&startAt=${String(startAt)}`, { as: actor, schema: ProjectPageSchema });
    out.push(...page.values);
    if (page.isLast !== false || page.values.length === 0) return out;
    startAt += page.values.length;
  }
}

export async function canEditIssue(actor: Actor, key: string): Promise<boolean> {
  const r = await requestJira(route`/rest/api/3/mypermissions?permissions=${'EDIT_ISSUES'}&issueKey=${key}`, { as: actor, schema: PermissionsSchema });
  return r.permissions.EDIT_ISSUES?.havePermission === true;
}

/** Whether the actor holds Edit issues in the project (what writing its issues' properties needs). */
export async function canEditProject(actor: Actor, projectKey: string): Promise<boolean> {
  const r = await requestJira(route`/rest/api/3/mypermissions?permissions=${'EDIT_ISSUES'}&projectKey=${projectKey}`, { as: actor, schema: PermissionsSchema });
  return r.permissions.EDIT_ISSUES?.havePermission === true;
}

const UserPageSchema = z.object({ values: z.array(z.object({ accountId: z.string(), displayName: z.string().optional() })) });

/** Display names by account id, looked up as `actor` (GET /user/bulk, 50 ids a call); unknown ids are left out. */
export async function displayNames(actor: Actor, accountIds: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const ids = [...new Set(accountIds)];
  for (let i = 0; i < ids.length; i += 50) {
    const params = new URLSearchParams([['maxResults', '50'], ...ids.slice(i, i + 50).map((id) => ['accountId', id] as [string, string])]);
    const page = await requestJira(route`/rest/api/3/user/bulk?${params}`, { as: actor, schema: UserPageSchema });
    for (const u of page.values) if (u.displayName) names.set(u.accountId, u.displayName);
  }
  return names;
}

const FoundUsersSchema = z.array(z.object({ accountId: z.string(), displayName: z.string().optional(), accountType: z.string().optional() }));

/** People whose name matches `query` (GET /user/search, "Browse users and groups" permission), at most 20, app users left out. */
export async function findUsers(actor: Actor, query: string): Promise<Array<{ accountId: string; displayName: string }>> {
  const found = await requestJira(route`/rest/api/3/user/search?query=${query}&maxResults=${'20'}`, { as: actor, schema: FoundUsersSchema });
  return found.filter((u) => u.accountType !== 'app').map((u) => ({ accountId: u.accountId, displayName: u.displayName ?? u.accountId }));
}

export async function isJiraAdmin(actor: Actor): Promise<boolean> {
  const r = await requestJira(route`/rest/api/3/mypermissions?permissions=${'ADMINISTER'}`, { as: actor, schema: PermissionsSchema });
  return r.permissions.ADMINISTER?.havePermission === true;
}

const BulkFetchSchema = z.object({ issues: z.array(IssueSchema), issueErrors: z.array(z.unknown()).optional() });

/** Up to 100 issues in one call (POST /rest/api/3/issue/bulkfetch), with the classification property. */
export async function bulkFetch(actor: Actor, keys: string[]): Promise<JiraIssue[]> {
  if (keys.length === 0) return [];
  if (keys.length > 100) throw new JiraError(400, 'BAD_REQUEST', 'At most 100 issues can be fetched in one call.');
  const points = await storyPointsField(actor);
  const r = await requestJira(route`/rest/api/3/issue/bulkfetch`, { as: actor, method: 'POST', schema: BulkFetchSchema, body: { issueIdsOrKeys: keys, fields: [...BASE_FIELDS, ...(points ? [points] : [])], properties: [ISSUE_PROPERTY_KEY] } });
  return r.issues;
}
