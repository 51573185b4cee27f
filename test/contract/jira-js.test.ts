/**
 * The local Jira held to a client nobody here wrote: jira.js (Version3Client), with basic auth as any
 * Jira client, over every endpoint the app, the preview and the tests use, as two users. Every request
 * and response is checked against Atlassian's OpenAPI spec; a removed endpoint answers 410 and one the
 * local Jira does not emulate 501, never a Jira-shaped 404.
 */
import { Version3Client } from 'jira.js';
import { DEMO_USERS } from '../../dev/emulator';
import { statusOf, useJiraJs } from './jira-js-setup';

const ctx = useJiraJs();

describe('reading', () => {
  it('knows who is calling (basic auth with e-mail and API token)', async () => {
    expect((await ctx.alice.myself.getCurrentUser()).accountId).toBe(DEMO_USERS.admin.accountId);
    expect((await ctx.bob.myself.getCurrentUser()).accountId).toBe(DEMO_USERS.viewer.accountId);
    const wrong = new Version3Client({
      host: ctx.jira.url,
      authentication: { basic: { email: 'alice@example.com', apiToken: 'wrong' } },
    });
    expect(await statusOf(wrong.myself.getCurrentUser())).toBe(401);
  });

  it('lists fields, projects and permissions as each user may see them', async () => {
    expect(
      (await ctx.alice.issueFields.getFields()).some(
        (f) => f.schema?.custom === 'com.pyxis.greenhopper.jira:jsw-story-points',
      ),
    ).toBe(true);
    expect((await ctx.alice.projects.searchProjects()).values.map((p) => p.key).sort()).toEqual([
      'MOBILE',
      'SHOP',
    ]);
    expect((await ctx.bob.projects.searchProjects()).values.map((p) => p.key)).toEqual(['SHOP']);
    expect(await statusOf(ctx.bob.projects.getProject({ projectIdOrKey: 'MOBILE' }))).toBe(404);
    const edit = await ctx.bob.permissions.getMyPermissions({
      permissions: 'EDIT_ISSUES',
      projectKey: 'SHOP',
    });
    expect(
      (edit.permissions as Record<string, { havePermission?: boolean }>).EDIT_ISSUES?.havePermission,
    ).toBe(false);
  });

  it('reads an issue, searches with nextPageToken, counts, and bulk-fetches', async () => {
    const issue = await ctx.alice.issues.getIssue({ issueIdOrKey: 'SHOP-1', fields: ['summary', 'created'] });
    expect(issue.key).toBe('SHOP-1');
    const first = await ctx.alice.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({
      jql: 'project = SHOP ORDER BY key ASC',
      fields: ['summary'],
      maxResults: 50,
    });
    expect(first.issues).toHaveLength(50);
    const second = await ctx.alice.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({
      jql: 'project = SHOP ORDER BY key ASC',
      fields: ['summary'],
      maxResults: 50,
      nextPageToken: first.nextPageToken,
    });
    expect(second.issues?.[0]?.key).not.toBe(first.issues?.[0]?.key);
    expect((await ctx.alice.issueSearch.countIssues({ jql: 'project = SHOP' })).count).toBeGreaterThan(100);
    const fetched = await ctx.bob.issues.bulkFetchIssues({
      issueIdsOrKeys: ['SHOP-1', 'MOBILE-1'],
      fields: ['summary'],
    });
    expect(fetched.issues?.map((i) => i.key)).toEqual(['SHOP-1']);
    expect(
      (await ctx.alice.users.bulkGetUsers({ accountId: [DEMO_USERS.viewer.accountId] })).values?.[0]
        ?.displayName,
    ).toBe('Bob Viewer');
    expect(
      (await ctx.alice.userSearch.findUsers({ query: 'bob', maxResults: 20 })).map((u) => u.displayName),
    ).toEqual(['Bob Viewer']);
  });
});

describe('writing', () => {
  it('sets and reads issue properties, refusing a user without Edit issues', async () => {
    await ctx.alice.issueProperties.setIssueProperty({
      issueIdOrKey: 'SHOP-2',
      propertyKey: 'contract-test',
      propertyValue: { ok: true },
    });
    expect(
      (
        await ctx.bob.issueProperties.getIssueProperty({
          issueIdOrKey: 'SHOP-2',
          propertyKey: 'contract-test',
        })
      ).value,
    ).toEqual({ ok: true });
    expect(
      await statusOf(
        ctx.bob.issueProperties.setIssueProperty({
          issueIdOrKey: 'SHOP-2',
          propertyKey: 'contract-test',
          propertyValue: { ok: false },
        }),
      ),
    ).toBe(403);
  });

  it('runs the asynchronous bulk property write, following its 303 to the task on this host', async () => {
    const ids = [Number((await ctx.alice.issues.getIssue({ issueIdOrKey: 'SHOP-3' })).id)];
    await ctx.alice.issueProperties.bulkSetIssuePropertiesByIssue({
      issues: ids.map((issueID) => ({ issueID, properties: { 'contract-bulk': { n: 1 } } })),
    });
    expect(ctx.jira.store.properties.get('SHOP-3')?.get('contract-bulk')).toEqual({ n: 1 });
  });

  it('creates, edits and deletes an issue', async () => {
    const created = await ctx.alice.issues.createIssue({
      fields: { project: { key: 'SHOP' }, issuetype: { name: 'Task' }, summary: 'Made by jira.js' },
    });
    await ctx.alice.issues.editIssue({ issueIdOrKey: created.key, fields: { summary: 'Edited by jira.js' } });
    expect(
      (await ctx.alice.issues.getIssue({ issueIdOrKey: created.key, fields: ['summary'] })).fields.summary,
    ).toBe('Edited by jira.js');
    await ctx.alice.issues.deleteIssue({ issueIdOrKey: created.key });
    expect(await statusOf(ctx.alice.issues.getIssue({ issueIdOrKey: created.key }))).toBe(404);
  });
});

describe('loud where not emulated', () => {
  it('answers 410 for the search endpoint Atlassian removed, with where to go instead', async () => {
    const r = await fetch(`${ctx.jira.url}/rest/api/3/search?jql=project%3DSHOP`, {
      headers: { 'x-forge-principal': 'app' },
    });
    expect(r.status).toBe(410);
    expect(JSON.stringify(await r.json())).toMatch(/search\/jql/);
  });

  it('answers 501 for an operation of the spec it does not emulate, ' +
    'and 404 only for what Jira does not have', async () => {
    expect(await statusOf(ctx.alice.issues.getChangeLogs({ issueIdOrKey: 'SHOP-1' }))).toBe(501);
    const r = await fetch(`${ctx.jira.url}/rest/api/3/issue/SHOP-1/changelog`, {
      headers: { 'x-forge-principal': 'app' },
    });
    expect(await r.json()).toEqual({
      errorMessages: ['not emulated in the local Jira: GET /rest/api/3/issue/{issueIdOrKey}/changelog'],
      errors: {},
    });
    expect(
      (await fetch(`${ctx.jira.url}/rest/api/3/no-such-thing`, { headers: { 'x-forge-principal': 'app' } }))
        .status,
    ).toBe(404);
    // A path Jira does not have is also reported as outside the spec (request and response).
    expect(ctx.jira.specViolations.splice(0)).toEqual([
      'GET /rest/api/3/no-such-thing: no such path in the spec',
      'GET /rest/api/3/no-such-thing: no such path in the spec',
    ]);
  });
});
