/** Typed Jira issue operations: fields, reads, search and counts, returning domain-shaped values. */
import { getAppContext, route } from '@forge/api';
import { z } from 'zod';
import { ISSUE_PROPERTY_KEY } from '../contract';
import { workItemFromFields, type WorkItem } from '../domain';
import { requestJira, type Actor } from './jira-client';
import { JiraError } from './jira-error';
import {
  CountSchema,
  FieldListSchema,
  IssueSchema,
  SearchPageSchema,
  type JiraIssue,
} from './jira-schemas';

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
  if (storyPointsFieldBySite.size >= MAX_CACHED_SITES)
    storyPointsFieldBySite.delete(storyPointsFieldBySite.keys().next().value!);
  const lookup = requestJira(route`/rest/api/3/field`, { as: actor, schema: FieldListSchema })
    .then(
      (fields) =>
        fields.find((f) => f.schema?.custom === 'com.pyxis.greenhopper.jira:jsw-story-points')?.id ??
        fields.find((f) => /^story point/i.test(f.name))?.id ??
        null,
    )
    .catch((e) => {
      storyPointsFieldBySite.delete(site);
      throw e;
    });
  storyPointsFieldBySite.set(site, lookup);
  return lookup;
}

export const BASE_FIELDS = [
  'summary',
  'description',
  'issuetype',
  'project',
  'labels',
  'components',
  'parent',
  'created',
  'updated',
  'status',
  'assignee',
  'reporter',
];

export function toWorkItem(issue: JiraIssue, pointsField: string | null): WorkItem {
  const f = issue.fields ?? {};
  const points = pointsField ? (f as Record<string, unknown>)[pointsField] : null;
  return {
    ...workItemFromFields(issue.key, f, typeof points === 'number' ? points : null),
    assignee: f.assignee?.accountId ?? null,
    reporter: f.reporter?.accountId ?? null,
    people: {
      ...(f.assignee ? { [f.assignee.accountId]: f.assignee.displayName ?? f.assignee.accountId } : {}),
      ...(f.reporter ? { [f.reporter.accountId]: f.reporter.displayName ?? f.reporter.accountId } : {}),
    },
  };
}

export async function getIssue(actor: Actor, key: string, withProperty = true): Promise<JiraIssue> {
  const points = await storyPointsField(actor);
  const fields = [...BASE_FIELDS, ...(points ? [points] : [])].join(',');
  return withProperty
    ? requestJira(route`/rest/api/3/issue/${key}?fields=${fields}&properties=${ISSUE_PROPERTY_KEY}`, {
        as: actor,
        schema: IssueSchema,
      })
    : requestJira(route`/rest/api/3/issue/${key}?fields=${fields}`, { as: actor, schema: IssueSchema });
}

const UpdatedSchema = z.object({ fields: z.object({ updated: z.string().nullish() }).partial().optional() });

/** When the issue was last edited (one light GET): tells a writer whether what it read is still current. */
export async function issueUpdated(actor: Actor, key: string): Promise<string | null> {
  return (
    (
      await requestJira(route`/rest/api/3/issue/${key}?fields=${'updated'}`, {
        as: actor,
        schema: UpdatedSchema,
      })
    ).fields?.updated ?? null
  );
}

export async function searchJql(
  actor: Actor,
  jql: string,
  opts: { fields?: string[]; properties?: string[]; maxResults?: number; nextPageToken?: string | null } = {},
) {
  return requestJira(route`/rest/api/3/search/jql`, {
    as: actor,
    method: 'POST',
    schema: SearchPageSchema,
    body: {
      jql,
      fields: opts.fields ?? ['id'],
      properties: opts.properties ?? [],
      maxResults: opts.maxResults ?? 100,
      ...(opts.nextPageToken ? { nextPageToken: opts.nextPageToken } : {}),
    },
  });
}

type SearchOptions = { fields?: string[]; properties?: string[] };

/** Every issue a JQL finds (up to `limit`), following nextPageToken to the last page (100 a page). */
export async function searchAll(
  actor: Actor,
  jql: string,
  opts: SearchOptions = {},
  limit = Infinity,
): Promise<JiraIssue[]> {
  const out: JiraIssue[] = [];
  let token: string | null | undefined;
  do {
    if (out.length >= limit) break;
    const page = await searchJql(actor, jql, { ...opts, maxResults: 100, nextPageToken: token });
    out.push(...page.issues);
    token =
      page.isLast === false || (page.isLast === undefined && page.nextPageToken) ? page.nextPageToken : null;
  } while (token);
  return out;
}

export async function approximateCount(actor: Actor, jql: string): Promise<number> {
  return (
    await requestJira(route`/rest/api/3/search/approximate-count`, {
      as: actor,
      method: 'POST',
      body: { jql },
      schema: CountSchema,
    })
  ).count;
}

const BulkFetchSchema = z.object({
  issues: z.array(IssueSchema),
  issueErrors: z.array(z.unknown()).optional(),
});

/** Up to 100 issues in one call (POST /rest/api/3/issue/bulkfetch), with the classification property. */
export async function bulkFetch(actor: Actor, keys: string[]): Promise<JiraIssue[]> {
  if (keys.length === 0) return [];
  if (keys.length > 100)
    throw new JiraError(400, 'BAD_REQUEST', 'At most 100 issues can be fetched in one call.');
  const points = await storyPointsField(actor);
  const r = await requestJira(route`/rest/api/3/issue/bulkfetch`, {
    as: actor,
    method: 'POST',
    schema: BulkFetchSchema,
    body: {
      issueIdsOrKeys: keys,
      fields: [...BASE_FIELDS, ...(points ? [points] : [])],
      properties: [ISSUE_PROPERTY_KEY],
    },
  });
  return r.issues;
}
